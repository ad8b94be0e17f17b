/**
 * No SQL is built by string concatenation: every statement goes through Kysely's builder or its
 * `sql` tag, which sends interpolated values as bound parameters. This reads the sources and
 * fails on the ways around that: sql.raw / sql.lit, and pg's query() given a built string.
 * The one allowed exception is the test and bench helper that creates scratch databases, whose
 * names it generates itself (CREATE DATABASE takes no parameters).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ALLOWED = new Set(['src/store/scratch.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sources(path);
    return d.name.endsWith('.ts') || d.name.endsWith('.tsx') ? [path] : [];
  });
}

const UNSAFE: [string, RegExp][] = [
  ['sql.raw / sql.lit splice text into a statement', /\bsql\s*\.\s*(?:raw|lit)\s*\(/],
  ['query() given a template with ${…}', /\.query\s*\(\s*`[^`]*\$\{/],
  ['query() given a concatenated string', /\.query\s*\(\s*(?:'[^']*'|"[^"]*"|`[^`]*`)\s*\+/],
  ['an SQL keyword in a string being concatenated', /['"`]\s*(?:select|insert|update|delete|where|values)\b[^'"`]*['"`]\s*\+/i],
];

describe('SQL is never built from strings', () => {
  const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'scripts'))].filter((f) => !ALLOWED.has(relative(ROOT, f)));

  it('reads the sources it checks', () => {
    // the check below means nothing if it finds no files, or not the data layer
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.endsWith(join('store', 'write.ts')))).toBe(true);
  });

  it('finds no statement built by concatenation or raw splicing', () => {
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [why, pattern] of UNSAFE) {
        const m = pattern.exec(text);
        if (m) found.push(`${relative(ROOT, file)}:${text.slice(0, m.index).split('\n').length}: ${why}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('would catch each unsafe form', () => {
    const samples = ['sql.raw(`select ${x}`)', 'client.query(`select * from t where id = ${id}`)', "client.query('select * from t where id = ' + id)", "const q = 'select * from t where name = ' + name;"];
    for (const sample of samples) expect(UNSAFE.some(([, p]) => p.test(sample)), sample).toBe(true);
  });
});

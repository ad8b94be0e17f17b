/**
 * `ingest` on the corpus written for these tests (test/fixtures/corpus: two feeds, text files
 * with and without a dateline, JSON lines, an HTML page), on each store: twice gives identical
 * stats; bad files are reported while the others go in; a failure inside an article leaves
 * nothing of it.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import type { Progress } from '../../src/ingest/progress.js';
import { BACKENDS, CORPUS, type TestStore } from '../store/backends.js';

/** A progress reporter that keeps the problem lines. */
function collectingProgress(): Progress & { notes: string[] } {
  const notes: string[] = [];
  return { notes, start() {}, update() {}, note: (line) => void notes.push(line), stop() {} };
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`ingest on ${backend.name}`, () => {
    let t: TestStore;
    let tmp: string;
    beforeAll(async () => {
      t = await backend.create();
      tmp = mkdtempSync(join(tmpdir(), 'newsgraph-ingest-'));
    });
    afterAll(async () => {
      await t?.dispose();
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    it('ingests every format of the corpus; a second run changes no count', async () => {
      const first = await ingestPaths(t.store, [CORPUS], { analyze });
      expect(first).toMatchObject({ added: 8, duplicates: 0, failed: 0, ignored: 0 });
      const stats = await t.store.stats();
      expect(stats).toMatchObject({ articles: 8, stories: 6 });
      for (const key of ['entities', 'mentions', 'quotes', 'events'] as const) expect(stats[key]).toBeGreaterThan(0);

      const second = await ingestPaths(t.store, [CORPUS], { analyze });
      expect(second).toMatchObject({ added: 0, duplicates: 8, failed: 0 });
      expect(await t.store.stats()).toEqual(stats);

      // naming one file of the folder again, by another path, is still a duplicate
      const again = await ingestPaths(t.store, [join(CORPUS, 'text', '2025-09-03-trade-figures.txt')], { analyze });
      expect(again).toMatchObject({ added: 0, duplicates: 1 });
    });

    it('counts each canonical entity once, however many articles and surface forms name it', async () => {
      const putin = await t.store.findEntities('Putin');
      expect(putin[0]).toMatchObject({ name: 'Vladimir Putin', kbId: 'person:vladimir-putin' });
      expect(putin.filter((e) => e.kbId === 'person:vladimir-putin')).toHaveLength(1);
      expect((await t.store.entity('Putin')).articles).toBe(4);
    });

    it('reports a bad file or record in one line and ingests the rest', async () => {
      const dir = join(tmp, 'mixed');
      mkdirSync(join(dir, 'nested'), { recursive: true });
      copyFileSync(join(CORPUS, 'pages', 'macron-zelensky.html'), join(dir, 'nested', 'page.html'));
      writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 255]));
      writeFileSync(join(dir, 'records.jsonl'), [
        '{"id": "fresh-1", "date": "2025-10-01", "text": "Ukrainian President Volodymyr Zelensky met Polish President Andrzej Duda in Warsaw on Wednesday."}',
        'this is not json',
        '{"id": "bad-date", "date": "2025-02-30", "text": "A record with an impossible date."}',
      ].join('\n'));
      writeFileSync(join(dir, 'feed.rss'), '<rss><channel><title>T</title><item><title>Empty</title></item></channel></rss>');
      writeFileSync(join(dir, 'photo.jpg'), 'not an article');
      const progress = collectingProgress();
      const report = await ingestPaths(t.store, [dir, join(tmp, 'missing.txt')], { analyze, progress });
      expect(report).toMatchObject({ added: 1, duplicates: 1, failed: 5, ignored: 1 });
      expect(progress.notes).toHaveLength(5);
      const lines = progress.notes.join('\n');
      expect(lines).toContain('missing.txt: no such file or folder');
      expect(lines).toContain('binary.txt looks like binary data, not text');
      expect(lines).toContain('records.jsonl:2: malformed JSON line');
      expect(lines).toContain('records.jsonl:3: bad date "2025-02-30"');
      expect(lines).toContain('feed.rss item 1 ("Empty") has no content or description');
      for (const line of progress.notes) expect(line).not.toContain('\n');
      expect(await t.store.findArticle('fresh-1', '')).toBe('fresh-1');
    });

    it('an exception in the middle of an article leaves no part of it, and the run goes on', async () => {
      const before = await t.store.stats();
      const macronBefore = await t.store.entity('Emmanuel Macron');
      const dir = join(tmp, 'interrupted');
      mkdirSync(dir);
      writeFileSync(join(dir, 'a.txt'), 'date 2025-10-02\nPolish President Andrzej Duda welcomed Emmanuel Macron in Warsaw on Thursday. "We stand together," Duda said.');
      writeFileSync(join(dir, 'b.txt'), 'date 2025-10-03\nGerman Chancellor Friedrich Merz met Keir Starmer in London on Friday to discuss defence spending.');
      // the analysis of a.txt carries a quote that fails once the article, its entities and mentions are written
      const failing = (input: Parameters<typeof analyze>[0]) => {
        const a = analyze(input);
        if (a.text.includes('Andrzej Duda welcomed')) a.quotes.push({ kind: 'direct', content: null as never, speaker: null, rule: 'test' });
        return a;
      };
      const progress = collectingProgress();
      const report = await ingestPaths(t.store, [dir], { analyze: failing, progress });
      expect(report).toMatchObject({ added: 1, failed: 1 });
      expect(progress.notes[0]).toMatch(/a\.txt: /);
      const after = await t.store.stats();
      expect(after.articles).toBe(before.articles + 1);
      expect(await t.store.search('Duda welcomed Macron')).toEqual([]);
      // nothing of a.txt: Macron's mentions are those of before (b.txt does not name him)
      const macronAfter = await t.store.entity('Emmanuel Macron');
      expect([macronAfter.articles, macronAfter.mentions]).toEqual([macronBefore.articles, macronBefore.mentions]);
      // ingesting it properly now works
      expect(await ingestPaths(t.store, [dir], { analyze })).toMatchObject({ added: 1, duplicates: 1 });
    });
  });
}

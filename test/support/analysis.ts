/** Helpers for asserting facts about an analysis, the way a reader checks them. */
import { readFileSync } from 'node:fs';
import type { Analysis } from '../../src/analysis.js';
import { analyze } from '../../src/pipeline.js';
import { readPlainText } from '../../src/stages/reading/index.js';

export const SEED_PATH = new URL('../../../shared/seed/article.txt', import.meta.url);
export const fixture = (name: string) => new URL(`../fixtures/articles/${name}`, import.meta.url);

export function analyzeFile(path: URL): Analysis {
  return analyze(readPlainText(readFileSync(path, 'utf8')));
}

export class Facts {
  constructor(readonly a: Analysis) {}

  entity(name: string) {
    return this.a.entities.find((e) => e.name === name);
  }
  id(name: string): string | undefined {
    return this.entity(name)?.id;
  }
  nameOf(id: string | null | undefined): string | undefined {
    return this.a.entities.find((e) => e.id === id)?.name;
  }
  /** Does the entity have a mention overlapping the nth occurrence of `sub` in the text? */
  covers(name: string, sub: string, nth = 0): boolean {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = this.a.text.indexOf(sub, at + 1);
    const e = this.entity(name);
    return !!e && at >= 0 && e.mentions.some((m) => m.start < at + sub.length && at < m.end);
  }
  /** The first quote whose content overlaps `sub`. */
  quote(sub: string) {
    const at = this.a.text.indexOf(sub);
    return this.a.quotes.find((q) => at >= 0 && q.content.start < at + sub.length && at < q.content.end);
  }
  speakerOf(sub: string): string | undefined {
    return this.nameOf(this.quote(sub)?.speaker);
  }
  time(sub: string) {
    const at = this.a.text.indexOf(sub);
    return this.a.times.find((t) => at >= 0 && t.start < at + sub.length && at < t.end);
  }
  quantity(sub: string) {
    const at = this.a.text.indexOf(sub);
    return this.a.quantities.find((q) => at >= 0 && q.start < at + sub.length && at < q.end);
  }
  /** Events as "TYPE source -> target" strings with entity names, for readable assertions. */
  events(): string[] {
    return this.a.events.map((e) => `${e.type} ${this.nameOf(e.source) ?? '-'} -> ${this.nameOf(e.target) ?? '-'}`);
  }
  event(type: string, source: string | null, target: string | null) {
    return this.a.events.find((e) => e.type === type && (source === null || this.nameOf(e.source) === source) && (target === null || this.nameOf(e.target) === target));
  }
  source(name: string) {
    return this.a.sources.find((s) => s.name === name);
  }
}

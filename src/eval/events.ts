/**
 * Event scoring on PLOVER gold-standard sentences, as shared/eval/score.py `events` computes:
 * per sentence, whether an event of the gold type exists, and whether one also has a source and
 * a target matching the gold actors (by text or by country code).
 */
import type { Analysis } from '../analysis.js';

interface GoldActor { actorText?: string; code?: string }

export interface GoldEventSentence {
  id: string;
  /** the sentence; rows with the same text are one sentence with several listed events */
  text?: string;
  event: string;
  source?: GoldActor[] | string | null;
  target?: GoldActor[] | string | null;
}

export interface EventScore {
  sentences: number;
  typeFound: number;
  typeSourceTarget: number;
  byType: Map<string, { n: number; type: number; full: number }>;
  /**
   * Precision side. The PLOVER gold-standard records list one event per row, chosen to illustrate
   * its type; a sentence's other events are not listed (one sentence in 160 has two rows). So a
   * predicted event whose type no row of its sentence lists is "unlisted": a false positive or an
   * event the gold leaves out. listed / mentions is a lower bound on type precision. Counted once
   * per sentence text and per trigger (an event with two targets is one mention).
   */
  /** distinct sentence texts */
  texts: number;
  mentions: number;
  listed: number;
  /** the same for asserted mentions only (not negated, mood asserted): what a GDELT-style table would print */
  asserted: number;
  assertedListed: number;
  /** predicted type → mentions, unlisted */
  byPredictedType: Map<string, { n: number; unlisted: number }>;
  /** where the code came from (rule prefix: lexicon, cameo, cameo-default, mood) → mentions, unlisted */
  byOrigin: Map<string, { n: number; unlisted: number }>;
}

/** The older PLOVER label FIGHT is today's ASSAULT. */
const normType = (t: string | undefined) => {
  const u = (t ?? '').toUpperCase();
  return u === 'FIGHT' ? 'ASSAULT' : u;
};

function actorMatch(gold: GoldActor[], entity: Analysis['entities'][number] | undefined): boolean {
  if (!entity) return false;
  const names = [entity.name, ...entity.mentions.map((m) => m.text)].filter(Boolean).map((n) => n.toLowerCase());
  return gold.some((a) => {
    const text = (a.actorText ?? '').toLowerCase();
    if (text && names.some((n) => n.length > 2 && (text.includes(n) || n.includes(text)))) return true;
    return !!a.code && !!entity.country && a.code === entity.country;
  });
}

export function scoreEvents(gold: GoldEventSentence[], predictions: Map<string, Analysis>): EventScore {
  const byType = new Map<string, { n: number; type: number; full: number }>();
  let typeFound = 0;
  let full = 0;
  for (const g of gold) {
    const type = normType(g.event);
    const row = byType.get(type) ?? { n: 0, type: 0, full: 0 };
    byType.set(type, row);
    row.n++;
    const a = predictions.get(String(g.id));
    if (!a) continue;
    const entities = new Map(a.entities.map((e) => [e.id, e]));
    const sources = Array.isArray(g.source) ? g.source : [];
    const targets = Array.isArray(g.target) ? g.target : [];
    const typed = a.events.filter((e) => normType(e.type) === type);
    if (typed.length) { typeFound++; row.type++; }
    const ok = typed.some((e) =>
      (!sources.length || actorMatch(sources, e.source ? entities.get(e.source) : undefined)) &&
      (!targets.length || actorMatch(targets, e.target ? entities.get(e.target) : undefined)));
    if (ok) { full++; row.full++; }
  }
  // precision side: per sentence text, the gold types listed and the predicted mentions
  const listedTypes = new Map<string, Set<string>>();
  const firstId = new Map<string, string>();
  for (const g of gold) {
    const key = g.text ?? String(g.id);
    listedTypes.set(key, (listedTypes.get(key) ?? new Set()).add(normType(g.event)));
    if (!firstId.has(key)) firstId.set(key, String(g.id));
  }
  let mentions = 0;
  let listed = 0;
  let asserted = 0;
  let assertedListed = 0;
  const byPredictedType = new Map<string, { n: number; unlisted: number }>();
  const byOrigin = new Map<string, { n: number; unlisted: number }>();
  for (const [key, types] of listedTypes) {
    const a = predictions.get(firstId.get(key)!);
    if (!a) continue;
    const seen = new Set<string>();
    for (const e of a.events) {
      const type = normType(e.type);
      const id = `${type}|${e.trigger.start}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const ok = types.has(type);
      mentions++;
      if (ok) listed++;
      if ((e.mood === undefined || e.mood === 'asserted') && !e.negated) {
        asserted++;
        if (ok) assertedListed++;
      }
      const origin = e.rule.split(':')[0] || 'other';
      for (const [table, k] of [[byPredictedType, type], [byOrigin, origin]] as const) {
        const row = table.get(k) ?? { n: 0, unlisted: 0 };
        row.n++;
        if (!ok) row.unlisted++;
        table.set(k, row);
      }
    }
  }
  return { sentences: gold.length, typeFound, typeSourceTarget: full, byType, texts: listedTypes.size, mentions, listed, asserted, assertedListed, byPredictedType, byOrigin };
}

export function formatEventScore(s: EventScore): string {
  const pct = (x: number) => (s.sentences ? x / s.sentences : 0).toFixed(4);
  const rows = [...s.byType].sort((a, b) => b[1].n - a[1].n).map(([t, r]) => `  ${t.padEnd(12)} ${String(r.n).padStart(4)}  type ${(r.type / r.n).toFixed(2)}  +actors ${(r.full / r.n).toFixed(2)}`);
  const share = (a: number, b: number) => (b ? a / b : 0).toFixed(2);
  const precision = [
    `predicted event mentions ${s.mentions}  of a listed type ${s.listed} (${share(s.listed, s.mentions)})  unlisted ${s.mentions - s.listed}  per sentence ${share(s.mentions, s.texts)}`,
    `  asserted mentions ${s.asserted}  of a listed type ${s.assertedListed} (${share(s.assertedListed, s.asserted)})`,
    '  unlisted by predicted type (the gold lists one event per sentence: an upper bound on false positives):',
    ...[...s.byPredictedType].sort((a, b) => b[1].unlisted - a[1].unlisted).map(([t, r]) => `  ${t.padEnd(12)} ${String(r.n).padStart(4)}  unlisted ${String(r.unlisted).padStart(3)} (${share(r.unlisted, r.n)})`),
    '  unlisted by origin of the code:',
    ...[...s.byOrigin].sort((a, b) => b[1].n - a[1].n).map(([t, r]) => `  ${t.padEnd(14)} ${String(r.n).padStart(4)}  unlisted ${String(r.unlisted).padStart(3)} (${share(r.unlisted, r.n)})`),
  ];
  return [`sentences ${s.sentences}  event type found ${pct(s.typeFound)}  type + source + target ${pct(s.typeSourceTarget)}`, ...rows, ...precision].join('\n');
}

/**
 * Event scoring on PLOVER gold-standard sentences, as shared/eval/score.py `events` computes:
 * per sentence, whether an event of the gold type exists, and whether one also has a source and
 * a target matching the gold actors (by text or by country code).
 */
import type { Analysis } from '../analysis.js';

interface GoldActor { actorText?: string; code?: string }

export interface GoldEventSentence {
  id: string;
  event: string;
  source?: GoldActor[] | string | null;
  target?: GoldActor[] | string | null;
}

export interface EventScore {
  sentences: number;
  typeFound: number;
  typeSourceTarget: number;
  byType: Map<string, { n: number; type: number; full: number }>;
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
  return { sentences: gold.length, typeFound, typeSourceTarget: full, byType };
}

export function formatEventScore(s: EventScore): string {
  const pct = (x: number) => (s.sentences ? x / s.sentences : 0).toFixed(4);
  const rows = [...s.byType].sort((a, b) => b[1].n - a[1].n).map(([t, r]) => `  ${t.padEnd(12)} ${String(r.n).padStart(4)}  type ${(r.type / r.n).toFixed(2)}  +actors ${(r.full / r.n).toFixed(2)}`);
  return [`sentences ${s.sentences}  event type found ${pct(s.typeFound)}  type + source + target ${pct(s.typeSourceTarget)}`, ...rows].join('\n');
}

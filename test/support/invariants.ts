/** The contract's structural invariants (../shared/CONTRACT.md section 1), as a list of violations. */
import type { Analysis } from '../../src/analysis.js';

interface SpanLike { start: number; end: number; text: string }

const ENTITY_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT', 'MISC']);
const QUOTE_KINDS = new Set(['direct', 'indirect', 'mixed', 'scare']);
const TIME_TYPES = new Set(['DATE', 'TIME', 'DURATION', 'SET']);
const SOURCE_ROLES = new Set(['publisher', 'cited']);

/** Every way `a` breaks the contract's invariants, one line each; empty when it keeps them all. */
export function violations(a: Analysis, input: string): string[] {
  const out: string[] = [];
  const { text } = a;
  const span = (where: string, s: SpanLike | undefined | null, optional = false): void => {
    if (s == null) {
      if (!optional) out.push(`${where}: missing span`);
      return;
    }
    const ok = Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length;
    if (!ok) out.push(`${where}: bad offsets [${s.start}, ${s.end}) for text of length ${text.length}`);
    else if (text.slice(s.start, s.end) !== s.text) out.push(`${where}: [${s.start}, ${s.end}) slices ${JSON.stringify(text.slice(s.start, s.end))}, span says ${JSON.stringify(s.text)}`);
  };

  if (text !== input) out.push('text: not the input text unchanged');

  a.sentences.forEach((s, i) => span(`sentences[${i}]`, s));
  for (let i = 1; i < a.sentences.length; i++) {
    const prev = a.sentences[i - 1]!, cur = a.sentences[i]!;
    if (cur.start < prev.end) out.push(`sentences[${i}] [${cur.start}, ${cur.end}) starts before sentences[${i - 1}] ends at ${prev.end}`);
  }

  const ids = new Set<string>();
  a.entities.forEach((e, i) => {
    if (typeof e.id !== 'string' || !e.id) out.push(`entities[${i}]: empty id`);
    if (ids.has(e.id)) out.push(`entities[${i}]: duplicate id ${e.id}`);
    ids.add(e.id);
    if (typeof e.name !== 'string' || !e.name.trim()) out.push(`entities[${i}] (${e.id}): empty name`);
    if (!ENTITY_TYPES.has(e.type)) out.push(`entities[${i}] (${e.id}): type ${JSON.stringify(e.type)}`);
    if (e.country !== undefined && !/^[A-Z]{3}$/.test(e.country)) out.push(`entities[${i}] (${e.id}): country ${JSON.stringify(e.country)} is not ISO alpha-3`);
    if (!Array.isArray(e.descriptors) || e.descriptors.some((d) => typeof d !== 'string')) out.push(`entities[${i}] (${e.id}): descriptors not a string array`);
    if (!Array.isArray(e.mentions)) out.push(`entities[${i}] (${e.id}): mentions not an array`);
    else e.mentions.forEach((m, j) => span(`entities[${i}] (${e.name}).mentions[${j}]`, m));
  });
  const ref = (where: string, id: string | null | undefined): void => {
    if (id != null && !ids.has(id)) out.push(`${where}: ${JSON.stringify(id)} is not an entity id`);
  };

  a.quotes.forEach((q, i) => {
    if (!QUOTE_KINDS.has(q.kind)) out.push(`quotes[${i}]: kind ${JSON.stringify(q.kind)}`);
    span(`quotes[${i}].content`, q.content);
    span(`quotes[${i}].source`, q.source, true);
    span(`quotes[${i}].cue`, q.cue, true);
    // the words quoted verbatim inside reported speech lie inside its content
    (q.quoted ?? []).forEach((w, j) => {
      span(`quotes[${i}].quoted[${j}]`, w);
      if (w.start < q.content.start || w.end > q.content.end) out.push(`quotes[${i}].quoted[${j}] [${w.start}, ${w.end}) lies outside the content [${q.content.start}, ${q.content.end})`);
    });
    if (q.speaker === undefined) out.push(`quotes[${i}]: speaker undefined, not null`);
    ref(`quotes[${i}].speaker`, q.speaker);
    if (q.kind === 'scare' && q.speaker !== null) out.push(`quotes[${i}]: a scare quote with a speaker`);
  });

  a.times.forEach((t, i) => {
    span(`times[${i}]`, t);
    if (!TIME_TYPES.has(t.type)) out.push(`times[${i}] ${JSON.stringify(t.text)}: type ${JSON.stringify(t.type)}`);
    if (typeof t.value !== 'string' || !t.value) out.push(`times[${i}] ${JSON.stringify(t.text)}: empty value`);
  });

  a.quantities.forEach((q, i) => {
    span(`quantities[${i}]`, q);
    if (typeof q.value !== 'number' || !Number.isFinite(q.value)) out.push(`quantities[${i}] ${JSON.stringify(q.text)}: value ${q.value}`);
    if (typeof q.unit !== 'string' || !q.unit) out.push(`quantities[${i}] ${JSON.stringify(q.text)}: empty unit`);
  });

  a.events.forEach((e, i) => {
    const where = `events[${i}] ${e.type} ${JSON.stringify(e.trigger?.text)}`;
    if (typeof e.type !== 'string' || !e.type) out.push(`${where}: empty type`);
    if (typeof e.cameo !== 'string' || !/^\d{2,4}$/.test(e.cameo)) out.push(`${where}: cameo ${JSON.stringify(e.cameo)}`);
    span(`${where}.trigger`, e.trigger);
    if (e.source === undefined || e.target === undefined) out.push(`${where}: source/target undefined, not null`);
    ref(`${where}.source`, e.source);
    ref(`${where}.target`, e.target);
    ref(`${where}.location`, e.location);
    ref(`${where}.attributedTo`, e.attributedTo);
  });

  a.sources.forEach((s, i) => {
    if (typeof s.name !== 'string' || !s.name.trim()) out.push(`sources[${i}]: empty name`);
    if (!SOURCE_ROLES.has(s.role)) out.push(`sources[${i}]: role ${JSON.stringify(s.role)}`);
    ref(`sources[${i}].entity`, s.entity);
  });

  if (typeof a.tone !== 'number' || !Number.isFinite(a.tone)) out.push(`tone: ${a.tone}`);
  return out;
}

/**
 * Entity labels: the tagger predicts BILOU tags (Begin, Inside, Last, Unit, O) over the four
 * CoNLL types; input data is IOB1 or IOB2 and output is IOB2. Spans are half-open token ranges.
 */

export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityLabel = (typeof TYPES)[number];

export interface TagSpan {
  start: number;
  end: number;
  type: string;
}

/** BILOU labels: 0 is O; label 1 + 4·type + k with k = 0 B, 1 I, 2 L, 3 U. */
export const BILOU: readonly string[] = ['O', ...TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];
export const NLABELS = BILOU.length;
export const NTYPES = TYPES.length;

export const labelType = (label: number): number => (label === 0 ? -1 : (label - 1) >> 2);
export const labelPart = (label: number): number => (label === 0 ? -1 : (label - 1) & 3);
const B = 0, I = 1, L = 2, U = 3;

/**
 * Whether `label` may follow `prev` (-1 = sentence start): B and I must continue with I or L of
 * the same type; O, L and U are followed by O, B or U. At the last token only O, L and U are valid.
 */
export function allowed(prev: number, label: number, last: boolean): boolean {
  const open = prev > 0 && (labelPart(prev) === B || labelPart(prev) === I);
  const part = labelPart(label);
  if (open) {
    if (label === 0 || labelType(label) !== labelType(prev) || part === B || part === U) return false;
    return !last || part === L;
  }
  if (part === I || part === L) return false;
  return !last || part !== B;
}

/** Entity chunks of an IOB1 or IOB2 sequence, by the conlleval rule (a B- or a type change starts a chunk). */
export function spansFromIob(tags: readonly string[]): TagSpan[] {
  const out: TagSpan[] = [];
  let start = -1;
  let type = '';
  for (let i = 0; i <= tags.length; i++) {
    const t = i < tags.length ? tags[i]! : 'O';
    const dash = t.indexOf('-');
    const prefix = t === 'O' ? 'O' : dash < 0 ? t : t.slice(0, dash);
    const kind = t === 'O' ? '' : dash < 0 ? '' : t.slice(dash + 1);
    const begins = t !== 'O' && (prefix === 'B' || type !== kind || start < 0);
    if (start >= 0 && (t === 'O' || begins)) {
      out.push({ start, end: i, type });
      start = -1;
      type = '';
    }
    if (begins) {
      start = i;
      type = kind;
    }
  }
  return out;
}

/** Spans of a BILOU label sequence (numeric labels); an unclosed B/I run still makes a span. */
export function spansFromBilou(labels: ArrayLike<number>, n = labels.length): TagSpan[] {
  const out: TagSpan[] = [];
  let start = -1;
  let type = -1;
  const close = (end: number) => {
    if (start >= 0) out.push({ start, end, type: TYPES[type]! });
    start = -1;
    type = -1;
  };
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    if (label === 0) { close(i); continue; }
    const t = labelType(label);
    const part = labelPart(label);
    if (part === B || part === U || start < 0 || t !== type) {
      close(i);
      start = i;
      type = t;
    }
    if (part === L || part === U) close(i + 1);
  }
  close(n);
  return out;
}

/** BILOU label ids for spans over n tokens. */
export function bilouFromSpans(n: number, spans: readonly TagSpan[]): Int32Array {
  const out = new Int32Array(n);
  for (const s of spans) {
    const t = TYPES.indexOf(s.type as EntityLabel);
    if (t < 0) throw new Error(`unknown entity type ${s.type}`);
    const base = 1 + 4 * t;
    if (s.end - s.start === 1) {
      out[s.start] = base + U;
      continue;
    }
    out[s.start] = base + B;
    for (let i = s.start + 1; i < s.end - 1; i++) out[i] = base + I;
    out[s.end - 1] = base + L;
  }
  return out;
}

/** IOB2 tags (B- first, I- after) for spans over n tokens. */
export function iob2FromSpans(n: number, spans: readonly TagSpan[]): string[] {
  const out = new Array<string>(n).fill('O');
  for (const s of spans) {
    out[s.start] = `B-${s.type}`;
    for (let i = s.start + 1; i < s.end; i++) out[i] = `I-${s.type}`;
  }
  return out;
}

/** IOB2 tag of each BILOU label, read alone: B and U open a chunk, I and L continue it. */
const IOB2_OF: readonly string[] = BILOU.map((l) => (l === 'O' ? 'O' : `${l[0] === 'B' || l[0] === 'U' ? 'B' : 'I'}${l.slice(1)}`));
/** allowed(prev, label, last) as a table: index ((prev + 1) * NLABELS + label) * 2 + (last ? 1 : 0). */
export const ALLOWED_TABLE = (() => {
  const t = new Uint8Array((NLABELS + 1) * NLABELS * 2);
  for (let prev = -1; prev < NLABELS; prev++) {
    for (let l = 0; l < NLABELS; l++) {
      t[((prev + 1) * NLABELS + l) * 2] = allowed(prev, l, false) ? 1 : 0;
      t[((prev + 1) * NLABELS + l) * 2 + 1] = allowed(prev, l, true) ? 1 : 0;
    }
  }
  return t;
})();

/**
 * BILOU label ids → IOB2 strings, as iob2FromBilou, label by label when the sequence keeps the
 * BILOU constraints (as the tagger's decoding does), without building spans.
 */
export function iob2FromBilouFast(labels: ArrayLike<number>, n = labels.length): string[] {
  const out = new Array<string>(n);
  let prev = -1;
  for (let i = 0; i < n; i++) {
    const l = labels[i]!;
    if (!ALLOWED_TABLE[((prev + 1) * NLABELS + l) * 2 + (i === n - 1 ? 1 : 0)]) return iob2FromBilou(labels, n);
    out[i] = IOB2_OF[l]!;
    prev = l;
  }
  return out;
}

/** IOB1/IOB2 strings → BILOU label ids. */
export const bilouFromIob = (tags: readonly string[]): Int32Array => bilouFromSpans(tags.length, spansFromIob(tags));
/** BILOU label ids → IOB2 strings. */
export const iob2FromBilou = (labels: ArrayLike<number>, n = labels.length): string[] => iob2FromSpans(n, spansFromBilou(labels, n));

/**
 * The contract's structural invariants (../shared/CONTRACT.md section 1), checked on every test
 * article and on adversarial strings: every span slices the text it claims, every id resolves.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analysis.js';
import { analyze } from '../../src/pipeline.js';
import { readPlainText } from '../../src/stages/reading/index.js';

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

/** The analysis must survive a JSON round trip unchanged: it is printed as JSON. */
function jsonSafe(a: Analysis): void {
  expect(JSON.parse(JSON.stringify(a))).toEqual(a);
}

const SEED = new URL('../../../shared/seed/article.txt', import.meta.url);
const FIXTURES = new URL('../fixtures/articles/', import.meta.url);
const articles: [string, URL][] = [
  ['seed article', SEED],
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f): [string, URL] => [f, new URL(f, FIXTURES)]),
];

describe('contract invariants on the test articles', () => {
  it('finds the fixture articles', () => {
    expect(articles.length).toBeGreaterThanOrEqual(6);
  });

  it.each(articles)('%s', (_name, path) => {
    const input = readPlainText(readFileSync(path, 'utf8'));
    const a = analyze(input);
    expect(violations(a, input.text)).toEqual([]);
    expect(a.date).toBe(input.date);
    expect(a.sentences.length).toBeGreaterThan(0);
    expect(a.entities.length).toBeGreaterThan(0);
    jsonSafe(a);
  });
});

const adversarial: [string, string][] = [
  ['empty string', ''],
  ['only white space', ' \n\t\r\n  \n\n'],
  ['only quote marks', '"""""'],
  ['curly quote marks only', '“”“”‘’'],
  ['unclosed curly quote', '“unclosed quote'],
  ['unclosed quote after a sentence', 'Putin said on Tuesday: "We will never'],
  ['closing quote first', '” he said. “'],
  ['dashes', 'a - b - c - d -'],
  ['dashes only', '- — – -- ---'],
  ['dateline only', 'BERLIN (Reuters) - '],
  ['20,000 characters of money and percentages', '$1 $2 % 3%'.repeat(2000)],
  ['emoji and surrogate pairs', 'Putin 🇷🇺 said “hi” 😀.'],
  ['emoji between names', '😀Xi Jinping😀 met 👨‍👩‍👧 Vladimir Putin 🇨🇳 in Beijing on Tuesday, calling him an “old 🤝 friend.”'],
  ['lone surrogates', 'Xi \uD83D met Putin \uDE00 on Tuesday.'],
  ['Windows newlines', 'BERLIN (Reuters) - Merz said on Monday that Germany would help.\r\n\r\n"We will not leave Ukraine alone," Merz told reporters.\r\nHe added that aid would rise 10% in 2025.\r\n'],
  ['old Mac newlines', 'Xi welcomed Putin.\rPutin thanked Xi.\r"Thank you," he said.'],
  ['ALL CAPS paragraph', 'RUSSIAN PRESIDENT VLADIMIR PUTIN SAID ON TUESDAY THAT "THE WEST HAS FAILED" AND THAT MOSCOW WOULD RAISE TRADE WITH CHINA BY 20% TO $300 BILLION IN 2026, ACCORDING TO STATE MEDIA.'],
  ['text with NUL bytes removed', 'Xi\u0000 welcomed\u0000 Putin\u0000 in Beijing.'.replace(/\u0000/g, '')],
  ['single character', '.'],
  ['single word', 'Putin'],
  ['single pronoun', 'He said.'],
  ['no spaces', 'XiwelcomedPutinonTuesdaycallinghimanoldfriend'.repeat(50)],
  ['a very long sentence', `Xi and Putin, ${'and the ministers of trade, '.repeat(400)}met on Tuesday.`],
  ['many tiny sentences', 'He said. '.repeat(2000)],
  ['numbers only', '1 2 3 4 5 6 7 8 9 10 1,000 1.5 -3 +4 1e9 0x1F 12345678901234567890'],
  ['huge number', 'Trade rose to $99999999999999999999999999999999999999 trillion, up 1e308% from 2024.'],
  ['bad dates in the text', 'On February 30, 2025, and on 2025-13-45 and at 25:61, nothing happened.'],
  ['nested quotes', 'He said: "She told me \'never again\' and \'"what\'" else," he added.'],
  ['quote marks inside words', 'Rock \'n\' roll isn\'t dead, Xi\'s aide said "y\'all" twice.'],
  ['tabs and form feeds', 'Xi\twelcomed\tPutin.\fPutin\fthanked Xi.\v'],
  ['zero-width and non-breaking spaces', 'Xi\u200BJinping met\u00A0Vladimir\u00A0Putin\u2028in Beijing\u2029on Tuesday.'],
  ['right-to-left text', 'قال بوتين إن العلاقات "جيدة" يوم الثلاثاء. Putin said relations are "good".'],
  ['CJK text', '习近平周二在北京会见了普京。“老朋友，”他说。Xi met Putin.'],
  ['combining marks', 'Zelenskỳ̀ said Kyív would resist, Erdoğan added.'],
  ['HTML left in the text', '<p>Xi welcomed Putin &amp; said "hi".</p><script>alert(1)</script>'],
  ['markdown', '# Headline\n\n* Xi met Putin\n* **Trade** rose 5%\n\n> "Quote," he said.'],
  ['according to with nothing after', 'according to'],
  ['cue words only', 'said said said added told according to calling'],
  ['leading and trailing white space', '   \n\nXi welcomed Putin on Tuesday.\n\n   '],
  ['object keys as words', 'constructor __proto__ toString hasOwnProperty said valueOf prototype.'],
];

describe('contract invariants on adversarial text', () => {
  it.each(adversarial)('%s', (_name, text) => {
    const a = analyze({ date: '2025-01-01', text });
    expect(violations(a, text)).toEqual([]);
    expect(a.date).toBe('2025-01-01');
    jsonSafe(a);
  });

  it.each(adversarial.slice(0, 12))('without a date: %s', (_name, text) => {
    const a = analyze({ date: null, text });
    expect(violations(a, text)).toEqual([]);
    expect(a.date).toBeNull();
    for (const t of a.times) expect(t.value).not.toBe('');
  });

  it('keeps an id given in the input', () => {
    expect(analyze({ id: 'rec-1', date: '2025-01-01', text: 'Xi welcomed Putin.' }).id).toBe('rec-1');
  });
});

/** A small seeded generator, so a failing case can be replayed from its name. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE = ['"', '“', '”', '‘', '’', "'", ' - ', ' — ', '\n\n', '\r\n', '(', ')', ':', '.', ',', '$', '%', '😀', '\uD83D', ' said ', ' according to ', 'He ', ' BERLIN (Reuters) - '];

/** Cut-outs of the test articles at arbitrary offsets (mid-word, mid-quote, mid-surrogate) with noise spliced in. */
function mutations(text: string, seed: number, n: number): [string, string][] {
  const r = rng(seed);
  const out: [string, string][] = [];
  for (let k = 0; k < n; k++) {
    const a = Math.floor(r() * text.length);
    const b = a + Math.floor(r() * Math.min(1500, text.length - a));
    let s = text.slice(a, b);
    const inserts = Math.floor(r() * 6);
    for (let i = 0; i < inserts; i++) {
      const at = Math.floor(r() * (s.length + 1));
      s = s.slice(0, at) + NOISE[Math.floor(r() * NOISE.length)]! + s.slice(at);
    }
    out.push([`seed ${seed} #${k} [${a}, ${b}) +${inserts}`, s]);
  }
  return out;
}

describe('contract invariants on mutated test articles', () => {
  const cases = articles.flatMap(([name, path], i) =>
    mutations(readPlainText(readFileSync(path, 'utf8')).text, 1000 + i, 15).map(([label, text]): [string, string] => [`${name} ${label}`, text]),
  );
  it.each(cases)('%s', (_name, text) => {
    const a = analyze({ date: '2025-01-01', text });
    expect(violations(a, text)).toEqual([]);
  });
});

/**
 * The contract's structural invariants (../shared/CONTRACT.md section 1), checked on every test
 * article and on adversarial strings: every span slices the text it claims, every id resolves.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analysis.js';
import { analyze } from '../../src/pipeline.js';
import { readPlainText } from '../../src/stages/reading/index.js';
import { violations } from '../support/invariants.js';


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
  ['one run of 5,000 possessives (no full stop)', "X's ".repeat(5000)],
  ['one run of 2,000 events between named actors', 'Xi met Putin '.repeat(2000)],
  ['a name and a cue 2,000 times', 'Putin said '.repeat(2000)],
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

/** Feature extraction on small cases: shapes, capitalisation classes, gazetteer hits, determinism. */
import { describe, expect, it } from 'vitest';
import { CAP_ALL, CAP_DIGIT, CAP_INIT, CAP_INNER, CAP_LETTER, CAP_LOWER, CAP_MIXED, CAP_OTHER, DocInfo, Extractor, History, capClass, normalise, wordShape, wordStats } from '../../src/stages/entities/tagger/features.js';
import { GAZ_KINDS, gazMatcher, matchInto, surfaceKey } from '../../src/stages/entities/tagger/gazmatch.js';

describe('word shapes', () => {
  const cases: [string, string, string][] = [
    ['Putin', 'Xxxxx', 'Xx'],
    ['NATO', 'XXXX', 'X'],
    ['1996-08-22', 'dddd-dd-dd', 'd-d-d'],
    ['McDonald', 'XxXxxxxx', 'XxXx'],
    ['U.S.', 'X.X.', 'X.X.'],
    ['Kremlin-backed', 'Xxxxxxx-xxxx', 'Xx-x'],
    ['Zürich', 'Xxxxxx', 'Xx'],
  ];
  it.each(cases)('%s → %s / %s', (w, long, short) => {
    expect(wordShape(w, false)).toBe(long);
    expect(wordShape(w, true)).toBe(short);
  });
});

describe('capitalisation classes', () => {
  const cases: [string, number][] = [
    ['the', CAP_LOWER], ['Putin', CAP_INIT], ['NATO', CAP_ALL], ['A', CAP_LETTER], ['U.S.', CAP_ALL],
    ['McDonald', CAP_MIXED], ['iPhone', CAP_INNER], ['1996', CAP_DIGIT], [',', CAP_OTHER], ['Élysée', CAP_INIT],
  ];
  it.each(cases)('%s → %i', (w, c) => expect(capClass(w)).toBe(c));
});

describe('word features', () => {
  it('fold digits and case in the normalised form', () => {
    expect(normalise('1996-08-22')).toBe('0000-00-00');
    expect(normalise('LONDON')).toBe('london');
  });
  it('are the same for the same word, different for another', () => {
    expect(Array.from(wordStats('Berlin'))).toEqual(Array.from(wordStats('Berlin')));
    expect(wordStats('Berlin')[0]).not.toBe(wordStats('berlin')[0]);
    // lower-cased form shared
    expect(wordStats('BERLIN')[1]).toBe(wordStats('Berlin')[1]);
  });
  it('add cluster prefixes only when the word has a cluster', () => {
    const withCl = wordStats('Berlin', (w) => (w === 'Berlin' ? '0101001011' : undefined));
    const without = wordStats('Berlin', () => undefined);
    expect(withCl.slice(13, 17).every((h) => h !== 0)).toBe(true);
    expect(without.slice(13, 17).every((h) => h === 0)).toBe(true);
    // paths shorter than a prefix length share the longer prefixes' feature value
    expect(withCl[15]).toBe(withCl[16]);
  });
});

describe('gazetteer hits', () => {
  const m = gazMatcher();
  const mark = (tokens: string[], folded = false) => {
    const keys = tokens.map((t) => (folded ? surfaceKey(t).toLowerCase() : surfaceKey(t)));
    const out = new Int32Array(tokens.length);
    matchInto(folded ? m.folded : m.exact, tokens, keys, tokens.length, m.maxTokens, out);
    return Array.from(out, (c) => (c === 0 ? 'O' : `${c % 2 ? 'B' : 'I'}-${GAZ_KINDS[((c + 1) >> 1) - 1]}`));
  };
  it('marks the longest match with B/I and its kind', () => {
    expect(mark(['Vladimir', 'Putin', 'arrived', 'in', 'Beijing'])).toEqual(['B-person', 'I-person', 'O', 'O', 'B-city']);
    expect(mark(['the', 'United', 'States', 'and', 'Germany'])).toEqual(['O', 'B-country', 'I-country', 'O', 'B-country']);
  });
  it('matches ALL-CAPS headlines only when case is ignored', () => {
    expect(mark(['GERMANY', 'BEAT', 'FRANCE'])).toEqual(['O', 'O', 'O']);
    expect(mark(['GERMANY', 'BEAT', 'FRANCE'], true)).toEqual(['B-country', 'O', 'B-country']);
  });
  it('does not start a name on a lower-case word', () => {
    expect(mark(['china', 'shop'], true)).toEqual(['O', 'O']);
  });
});

describe('the extractor', () => {
  const set = { gazetteer: true, clusters: false, history: true, towns: true };
  const keysOf = (ex: Extractor, tokens: string[]) => {
    ex.prepare(tokens);
    return tokens.map((_, i) => Array.from(ex.staticKeys.subarray(ex.staticOff[i]!, ex.staticOff[i + 1]!)));
  };
  it('gives the same static features for the same sentence, whatever came before', () => {
    const a = new Extractor(set);
    const b = new Extractor(set);
    keysOf(b, ['Something', 'else', 'first', '.']);
    expect(keysOf(a, ['Angela', 'Merkel', 'spoke', '.'])).toEqual(keysOf(b, ['Angela', 'Merkel', 'spoke', '.']));
  });
  it('sees the neighbours: the same word in another context has other features', () => {
    const ex = new Extractor(set);
    const [, x] = keysOf(ex, ['in', 'Washington', 'today']);
    const [, y] = keysOf(ex, ['George', 'Washington', 'said']);
    expect(x).not.toEqual(y);
    expect(new Set(x).size).toBeGreaterThan(20);
  });
  it('adds history features once a capitalised word has been labelled in the document', () => {
    const ex = new Extractor(set);
    const doc = new History();
    const keys = new Int32Array(64);
    const vals = new Float64Array(64);
    ex.prepare(['Clinton', 'said']);
    const before = ex.dynamic(0, -1, -1, doc, keys, vals, 0);
    ex.remember(0, 0, doc); // PER
    ex.remember(1, 4, doc); // "said" is not capitalised: not remembered
    ex.prepare(['Clinton', 'left']);
    const after = ex.dynamic(0, -1, -1, doc, keys, vals, 0);
    expect(after).toBe(before + 2);
    expect(doc.counts.size).toBe(1);
  });
});

describe('document-level features', () => {
  const set = { gazetteer: false, clusters: false, history: false, runs: true, doc: true, agg: true, headlinesLast: true };
  const article = [
    ['SOCCER', '-', 'ROTOR', 'WIN', 'AGAIN', '.'],
    ['Rotor', 'Volgograd', 'beat', 'Spartak', '2-1', '.'],
    ['The', 'rotor', 'of', 'Rotor', 'turned', '.'],
  ];
  it('read the topic of a wire-copy first line, and how words are written elsewhere', () => {
    const ex = new Extractor(set);
    const info = ex.docInfo(article);
    const w = (s: string) => wordStats(s)[1]!;
    expect(info.topic).toBe(w('soccer'));
    expect(info.lower.has(w('rotor'))).toBe(true);
    expect(info.lower.has(w('spartak'))).toBe(false);
    expect(info.capMid.has(w('spartak'))).toBe(true);
    // the headline's capitals do not count as mid-sentence capitals
    expect(info.capMid.has(w('win'))).toBe(false);
    expect(info.contextsOf(w('rotor'))).toBeGreaterThan(2);
    expect(new Extractor(set).docInfo([['Markets', 'rose', '.']]).topic).toBe(0);
  });
  it('give a word the contexts of its other occurrences, and none when it occurs once', () => {
    const ex = new Extractor(set);
    const info = ex.docInfo(article);
    const count = (tokens: string[], i: number, withInfo: boolean) => {
      ex.prepare(tokens, undefined, withInfo ? info : undefined);
      return ex.staticOff[i + 1]! - ex.staticOff[i]!;
    };
    // "Rotor" occurs three times: its other contexts add features; "Spartak" occurs once: only the topic and spelling ones
    expect(count(article[1]!, 0, true) - count(article[1]!, 0, false)).toBeGreaterThan(3 + 2);
    expect(count(article[1]!, 3, true) - count(article[1]!, 3, false)).toBe(3);
  });
  it('tag headlines after the body when asked', () => {
    expect(new Extractor(set).order(article)).toEqual([1, 2, 0]);
    expect(new Extractor({ ...set, headlinesLast: false }).order(article)).toEqual([0, 1, 2]);
  });
});

describe('word statistics from unlabelled news', () => {
  // normalised word → [capitalised mid-sentence, mid-sentence, PER, ORG, LOC, MISC, O]
  const lex = (w: string) => (w === 'shares' ? Int32Array.from([28, 4896, 0, 27, 3, 0, 310]) : w === 'nymex' ? Int32Array.from([26, 26, 0, 27, 0, 0, 11]) : undefined);
  it('tell a mostly lower-case word from a name, whatever the case it is written in', () => {
    const shares = wordStats('SHARES', undefined, lex);
    const nymex = wordStats('NYMEX', undefined, lex);
    const none = wordStats('Zorblat', undefined, lex);
    // capitalisation-rate bucket (slot 17), best label with its share (18), labels with 20%+ (19)
    expect(shares[17]).not.toBe(nymex[17]);
    expect(shares[18]! >> 4).toBe(4); // mostly O
    expect(nymex[18]! >> 4).toBe(1); // mostly ORG
    expect(Array.from(none.slice(17, 20))).toEqual([0, 0, 0]);
    expect(Array.from(wordStats('Shares', undefined, lex).slice(17, 20))).toEqual(Array.from(shares.slice(17, 20)));
  });
});

describe('part-of-speech features (an option)', () => {
  it('add the tags of the token and its neighbours from newsgraph\'s own tagger', () => {
    const base = { gazetteer: false, clusters: false, history: false };
    const without = new Extractor(base);
    const withPos = new Extractor({ ...base, pos: true });
    const tokens = ['The', 'bank', 'raised', 'rates', '.'];
    without.prepare(tokens);
    withPos.prepare(tokens);
    for (let i = 0; i < tokens.length; i++) {
      expect(withPos.staticOff[i + 1]! - withPos.staticOff[i]!).toBe(without.staticOff[i + 1]! - without.staticOff[i]! + 4);
    }
    // "book" after a pronoun, read as a verb (I book flights) and as a noun (My book sold): the
    // features the tags add differ in the token's own tag (alone, with the next, with capitals), not the previous one's
    const keysAt = (ex: Extractor, t: string[], i: number) => { ex.prepare(t); return Array.from(ex.staticKeys.subarray(ex.staticOff[i]!, ex.staticOff[i + 1]!)); };
    const added = (t: string[]) => { const plain = keysAt(without, t, 1); return keysAt(withPos, t, 1).filter((k) => !plain.includes(k)); };
    const verb = added(['I', 'book', 'flights', '.']);
    const noun = added(['My', 'book', 'sold', '.']);
    expect(verb).toHaveLength(4);
    expect(verb.filter((k) => !noun.includes(k))).toHaveLength(4);
  });
});

describe('DocInfo contexts', () => {
  it('keep each word\'s contexts in the order first met, with their counts, past the arrays\' growth', () => {
    const info = new DocInfo();
    const expected = new Map<number, Map<number, number>>();
    for (let i = 0; i < 500; i++) {
      const word = i % 7, key = (i * 31) % 97;
      info.addContext(word, key);
      const m = expected.get(word) ?? new Map<number, number>();
      expected.set(word, m.set(key, (m.get(key) ?? 0) + 1));
    }
    for (const [word, m] of expected) {
      const got: [number, number][] = [];
      for (let e = info.firstContext.get(word) ?? -1; e >= 0; e = info.nextContext[e]!) got.push([info.contextKey[e]!, info.contextCount[e]!]);
      expect(got).toEqual([...m]);
      expect(info.contextsOf(word)).toBe(m.size);
    }
  });
});

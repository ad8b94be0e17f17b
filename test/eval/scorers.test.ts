/** The scorers behind `newsgraph eval`, on small hand-made cases whose figures are known. */
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analysis.js';
import { scoreEvents } from '../../src/eval/events.js';
import { scoreQuotes } from '../../src/eval/quotes.js';
import { analyze } from '../../src/pipeline.js';

const TEXT = '"We will win," Smith said. Jones said the plan would fail. The "so-called" reform passed.';

describe('scoreQuotes', () => {
  const at = (s: string) => [TEXT.indexOf(s), TEXT.indexOf(s) + s.length] as [number, number];
  const gold = [{
    doc_id: 'd1',
    text: TEXT,
    attributions: [
      { direct_quote: true, content: { spans: [at('"We will win,"')] }, source: { spans: [at('Smith')] }, cue: { spans: [at('said')] } },
      { direct_quote: false, content: { spans: [at('the plan would fail')] }, source: { spans: [at('Jones')] }, cue: { spans: [at('said the')] } },
    ],
  }];

  it('scores newsgraph\'s own analysis: the quote, its speaker and the reported claim', () => {
    const a = analyze({ id: 'd1', date: '2025-01-01', text: TEXT });
    const s = scoreQuotes(gold, new Map([['d1', a]]));
    expect(s.direct.r).toBe(1);
    expect(s.speakerAccuracy).toBe(1);
    expect(s.indirect.r).toBe(1);
  });

  it('counts a missing document as predicting nothing', () => {
    const s = scoreQuotes(gold, new Map());
    expect(s).toMatchObject({ endToEnd: 0, direct: { r: 0 }, indirect: { r: 0 } });
  });

  it('gives no speaker credit for the wrong speaker', () => {
    const a: Analysis = {
      date: null, text: TEXT, sentences: [], entities: [], times: [], quantities: [], events: [], sources: [], tone: 0,
      quotes: [{ kind: 'direct', content: { start: 1, end: 12, text: TEXT.slice(1, 12) }, speaker: null, source: { start: 27, end: 32, text: 'Jones' }, rule: 'test' }],
    };
    const s = scoreQuotes(gold, new Map([['d1', a]]));
    expect(s.direct.f1).toBe(1);
    expect(s.speakerAccuracy).toBe(0);
  });
});

describe('scoreEvents', () => {
  it('needs the type, and the actors by text or country code', () => {
    const text = 'France accused Germany of spying.';
    const a = analyze({ id: 's1', date: '2025-01-01', text });
    const gold = [
      { id: 's1', event: 'DISAPPROVE', source: [{ actorText: 'France', code: 'FRA' }], target: [{ actorText: 'Germany', code: 'DEU' }] },
      { id: 's1', event: 'DISAPPROVE', source: [{ actorText: 'Italy', code: 'ITA' }], target: '' },
      { id: 's1', event: 'FIGHT', source: null, target: null },
    ];
    const s = scoreEvents(gold, new Map([['s1', a]]));
    expect(s).toMatchObject({ sentences: 3, typeFound: 2, typeSourceTarget: 1 });
  });

  it('counts predicted events of a type no row of their sentence lists, once per sentence and trigger', () => {
    const text = 'Chile hosted Peru and then attacked Bolivia.';
    const span = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length, text: w });
    const ev = (type: string, trigger: string, target: string | null, rule: string) => ({ type, cameo: '040', source: 'e1', target, trigger: span(trigger), rule });
    const a: Analysis = {
      date: null, text, sentences: [], entities: [], times: [], quantities: [], quotes: [], sources: [], tone: 0,
      // the CONSULT has two targets (one mention); the ASSAULT is not listed by the gold
      events: [ev('CONSULT', 'hosted', 'e2', 'lexicon:CONSULT/043'), ev('CONSULT', 'hosted', 'e3', 'lexicon:CONSULT/043'), { ...ev('FIGHT', 'attacked', 'e4', 'cameo-default:X/190'), mood: 'intended' }],
    };
    // two rows of one sentence: analysed under both ids, counted once
    const gold = [{ id: 'r1', text, event: 'CONSULT' }, { id: 'r2', text, event: 'AGREE' }];
    const s = scoreEvents(gold, new Map([['r1', a], ['r2', a]]));
    expect(s).toMatchObject({ texts: 1, mentions: 2, listed: 1, asserted: 1, assertedListed: 1 });
    expect(s.byPredictedType.get('ASSAULT')).toEqual({ n: 1, unlisted: 1 });
    expect(s.byOrigin.get('lexicon')).toEqual({ n: 1, unlisted: 0 });
    expect(s.byOrigin.get('cameo-default')).toEqual({ n: 1, unlisted: 1 });
  });
});

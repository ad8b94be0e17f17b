/** The facts of ../shared/seed/FACTS.md, asserted on newsgraph's analysis of the seed article. */
import { beforeAll, describe, expect, it } from 'vitest';
import { Facts, SEED_PATH, analyzeFile } from '../support/analysis.js';

let f: Facts;
beforeAll(() => {
  f = new Facts(analyzeFile(SEED_PATH));
});

describe('seed article: reading', () => {
  it('reads the dateline as the date and leaves it out of the text', () => {
    expect(f.a.date).toBe('2025-09-02');
    expect(f.a.text.startsWith('The meeting between Chinese leader')).toBe(true);
  });
});

describe('seed article: entities', () => {
  it.each([
    ['Xi Jinping', 'PERSON', 'CHN'],
    ['Vladimir Putin', 'PERSON', 'RUS'],
    ['Narendra Modi', 'PERSON', 'IND'],
    ['Donald Trump', 'PERSON', 'USA'],
    ['China', 'GPE', 'CHN'],
    ['Russia', 'GPE', 'RUS'],
    ['Ukraine', 'GPE', 'UKR'],
    ['India', 'GPE', 'IND'],
    ['United States', 'GPE', 'USA'],
    ['Beijing', 'GPE', 'CHN'],
    ['Tianjin', 'GPE', 'CHN'],
    ['Moscow', 'GPE', 'RUS'],
    ['Kyiv', 'GPE', 'UKR'],
    ['UNN', 'ORG', 'UKR'],
    ['Bloomberg', 'ORG', 'USA'],
    ['Chinese customs', 'ORG', 'CHN'],
  ])('%s is one %s entity of %s', (name, type, country) => {
    expect(f.a.entities.filter((e) => e.name === name)).toHaveLength(1);
    expect(f.entity(name)).toMatchObject({ type, country });
  });

  it('knows the Shanghai Cooperation Organization by its acronym too', () => {
    const sco = f.entity('Shanghai Cooperation Organization');
    expect(sco?.type).toBe('ORG');
    expect(f.covers('Shanghai Cooperation Organization', 'SCO')).toBe(true);
    expect(f.entity('SCO')).toBeUndefined();
  });

  it('finds World War II as an event', () => {
    expect(f.entity('World War II')?.type).toBe('EVENT');
  });

  it('merges every mention of a person into one entity, with no stray surnames', () => {
    expect(f.entity('Xi')).toBeUndefined();
    expect(f.entity('Putin')).toBeUndefined();
    expect(f.covers('Xi Jinping', "Xi Jinping's")).toBe(true);
    expect(f.entity('Xi Jinping')!.mentions.length).toBeGreaterThanOrEqual(8);
    expect(f.entity('Vladimir Putin')!.mentions.length).toBeGreaterThanOrEqual(8);
  });

  it('resolves the pronouns: "He added" is Xi, "calling him" is Putin', () => {
    expect(f.covers('Xi Jinping', 'He added')).toBe(true);
    expect(f.covers('Vladimir Putin', 'him an')).toBe(true);
    expect(f.covers('Xi Jinping', 'him an')).toBe(false);
  });

  it('reads "Moscow\'s invasion" as Russia, and Moscow visited as the city', () => {
    expect(f.covers('Russia', "Moscow's invasion")).toBe(true);
    expect(f.covers('Moscow', 'Moscow earlier')).toBe(true);
  });

  it('reads "what Beijing considers" as China and "in Beijing" as the city', () => {
    expect(f.covers('China', 'Beijing considers')).toBe(true);
    expect(f.covers('Beijing', 'Beijing highlighted')).toBe(true);
  });

  it.each([
    ['Vladimir Putin', 'Russian dictator'],
    ['Xi Jinping', 'Chinese leader'],
    ['Narendra Modi', 'Indian Prime Minister'],
    ['Donald Trump', 'US President'],
  ])('%s is labelled "%s"', (name, descriptor) => {
    expect(f.entity(name)!.descriptors).toContain(descriptor);
  });
});

describe('seed article: quotes', () => {
  it.each([
    ['old friend', 'Xi Jinping'],
    ['Sino-Russian relations have withstood', 'Xi Jinping'],
    ['friendship between neighbors', 'Xi Jinping'],
    ['warm welcome extended', 'Vladimir Putin'],
    ['Our close interaction', 'Vladimir Putin'],
    ['oppose the Cold War mentality', 'Xi Jinping'],
    ['Western-provoked coup', 'Vladimir Putin'],
    ['Xi is using this week', 'Bloomberg'],
    ['bilateral trade reached a new record', 'Chinese customs'],
  ])('"%s" is said by %s', (content, speaker) => {
    const q = f.quote(content);
    expect(q?.kind).not.toBe('scare');
    expect(f.speakerOf(content)).toBe(speaker);
  });

  it('reads the quote closed only by "- Putin added" as his direct speech', () => {
    expect(f.quote('Our close interaction')).toMatchObject({ kind: 'direct', cue: { text: 'added' } });
  });

  it('reads quoted words inside reported speech as one indirect attribution of the whole clause, as PolNeAR does', () => {
    const coup = f.quote('Western-provoked coup');
    expect(coup).toMatchObject({ kind: 'indirect', cue: { text: 'stated' }, rule: 'marks+cue-before+partial-quote' });
    expect(coup?.content.text).toBe('the crisis in Ukraine was caused by a "Western-provoked coup in Kyiv," and not by Russia\'s actions');
    expect(coup?.quoted?.map((q) => q.text)).toEqual(['Western-provoked coup in Kyiv']);
    // the clause ends where the writer's comment after the dash begins
    expect(f.quote('oppose the Cold War mentality')?.content.text).not.toContain('veiled hint');
    expect(f.quote('oppose the Cold War mentality')?.quoted?.map((q) => q.text)).toEqual(['oppose the Cold War mentality, bloc confrontation, and the practice of intimidation']);
  });

  it('reads "- writes Bloomberg" and "According to" as reported, not direct, speech', () => {
    expect(f.quote('Xi is using this week')?.kind).toBe('indirect');
    expect(f.quote('bilateral trade reached')?.kind).toBe('indirect');
  });

  it.each(['warm', 'victory'])('"%s" is a scare quote with no speaker', (word) => {
    const scare = f.a.quotes.filter((q) => q.content.text === word);
    expect(scare.length).toBeGreaterThan(0);
    for (const q of scare) expect(q).toMatchObject({ kind: 'scare', speaker: null });
  });
});

describe('seed article: sources', () => {
  it('UNN publishes, citing Bloomberg, which cites Chinese customs', () => {
    expect(f.source('UNN')?.role).toBe('publisher');
    expect(f.source('Bloomberg')).toMatchObject({ role: 'cited', citedBy: 'UNN' });
    expect(f.source('Chinese customs')).toMatchObject({ role: 'cited', citedBy: 'Bloomberg' });
  });

  it('gives the trade figure its chain: UNN ← Bloomberg ← Chinese customs', () => {
    expect(f.quote('bilateral trade reached')?.chain).toEqual(['UNN', 'Bloomberg', 'Chinese customs']);
  });
});

describe('seed article: times', () => {
  it.each([
    ['Tuesday', 'DATE', '2025-09-02', undefined],
    ['early 2022', 'DATE', '2022', 'START'],
    ['this week', 'DATE', '2025-W36', undefined],
    ['earlier this year', 'DATE', '2025', undefined],
    ['2024', 'DATE', '2024', undefined],
    ['2021', 'DATE', '2021', undefined],
    ['the past two days', 'DURATION', 'P2D', undefined],
  ])('"%s" is %s %s', (text, type, value, mod) => {
    const t = f.time(text);
    expect(t).toMatchObject({ type, value });
    if (mod) expect(t?.mod).toBe(mod);
  });
});

describe('seed article: figures', () => {
  it('$245 billion is bilateral trade in 2024, in US dollars', () => {
    expect(f.quantity('$245 billion')).toMatchObject({ value: 245e9, unit: 'USD', period: '2024' });
    expect(f.quantity('$245 billion')?.measure).toMatch(/trade/);
  });
  it('68% is a percentage compared with 2021', () => {
    expect(f.quantity('68%')).toMatchObject({ value: 68, unit: 'percent', comparison: { direction: 'more', reference: '2021' } });
  });
});

describe('seed article: events', () => {
  it('Xi hosts Putin on Tuesday (CONSULT)', () => {
    const e = f.a.events.find((x) => x.type === 'CONSULT' && f.nameOf(x.source) === 'Xi Jinping' && f.nameOf(x.target) === 'Vladimir Putin' && x.date === '2025-09-02');
    expect(e?.cameo).toMatch(/^04/);
  });
  it('the meeting takes place in Beijing', () => {
    expect(f.a.events.some((x) => x.type === 'CONSULT' && f.nameOf(x.location) === 'Beijing')).toBe(true);
  });
  it('Xi praises Putin and Putin thanks Xi (SUPPORT 051)', () => {
    expect(f.event('SUPPORT', 'Xi Jinping', 'Vladimir Putin')?.cameo).toBe('051');
    expect(f.event('SUPPORT', 'Vladimir Putin', 'Xi Jinping')?.cameo).toBe('051');
  });
  it('Russia invades Ukraine in early 2022 (ASSAULT)', () => {
    expect(f.a.events.some((x) => x.type === 'ASSAULT' && f.nameOf(x.source) === 'Russia' && f.nameOf(x.target) === 'Ukraine' && x.date === '2022')).toBe(true);
  });
  it('Trump imposes tariffs on China and on India (SANCTION 163)', () => {
    expect(f.event('SANCTION', 'Donald Trump', 'China')?.cameo).toBe('163');
    expect(f.event('SANCTION', 'Donald Trump', 'India')?.cameo).toBe('163');
  });
  it('Putin visits China; Xi visited Russia, in Moscow, earlier this year (CONSULT 042)', () => {
    expect(f.event('CONSULT', 'Vladimir Putin', 'China')?.cameo).toBe('042');
    const visit = f.event('CONSULT', 'Xi Jinping', 'Russia');
    expect(visit).toMatchObject({ cameo: '042', date: '2025' });
    expect(f.nameOf(visit?.location)).toBe('Moscow');
  });
  it('Xi calls on the SCO (DEMAND)', () => {
    expect(f.event('DEMAND', 'Xi Jinping', 'Shanghai Cooperation Organization')).toBeDefined();
  });
  it('codes every event in CAMEO', () => {
    for (const e of f.a.events) expect(e.cameo).toMatch(/^\d{2,4}$/);
  });
});

describe('seed article: framing', () => {
  it('measures a hostile-leaning tone, not counting the scare-quoted words', () => {
    expect(Number.isFinite(f.a.tone)).toBe(true);
    expect(f.a.tone).toBeLessThan(0);
  });
});

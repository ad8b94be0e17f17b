/**
 * Five articles written for these tests, each in a style the seed does not have, with the facts
 * a careful reader finds in them.
 */
import { describe, expect, it } from 'vitest';
import { Facts, analyzeFile, fixture } from '../support/analysis.js';

const load = (name: string) => new Facts(analyzeFile(fixture(name)));

describe('a wire story: "said on Monday", a dateline, a spokesman', () => {
  const f = load('wire-said-on-monday.txt');
  it('reads the dateline: Berlin, published by Reuters', () => {
    expect(f.covers('Berlin', 'BERLIN')).toBe(true);
    expect(f.source('Reuters')?.role).toBe('publisher');
  });
  it('finds the people with their titles and countries', () => {
    expect(f.entity('Friedrich Merz')).toMatchObject({ type: 'PERSON', country: 'DEU', descriptors: ['German Chancellor'] });
    expect(f.entity('Volodymyr Zelensky')).toMatchObject({ country: 'UKR', descriptors: ['Ukrainian President'] });
    expect(f.entity('Dmitry Peskov')).toMatchObject({ country: 'RUS', descriptors: ['Kremlin spokesman'] });
  });
  it('attributes reported speech after "said on Monday that" to Merz', () => {
    expect(f.quote('Germany would increase military aid')).toMatchObject({ kind: 'indirect' });
    expect(f.speakerOf('Germany would increase military aid')).toBe('Friedrich Merz');
  });
  it('attributes the direct quote closed by "Merz told reporters"', () => {
    expect(f.quote('We will not leave Ukraine alone')?.kind).toBe('direct');
    expect(f.speakerOf('We will not leave Ukraine alone')).toBe('Friedrich Merz');
  });
  it('resolves "He added that" to Merz', () => {
    expect(f.speakerOf('a new package worth')).toBe('Friedrich Merz');
  });
  it('attributes the spokesman\'s claim to Peskov', () => {
    expect(f.speakerOf('Western weapons deliveries')).toBe('Dmitry Peskov');
  });
  it('dates "on Monday" to the article date and "on Sunday" to the day before', () => {
    expect(f.time('Monday')?.value).toBe('2025-03-10');
    expect(f.time('Sunday')?.value).toBe('2025-03-09');
  });
  it('reads 3 billion euros', () => {
    expect(f.quantity('3 billion euros')).toMatchObject({ value: 3e9, unit: 'EUR' });
  });
  it('codes the meeting, the thanks, the appeal and the rejection', () => {
    expect(f.event('CONSULT', 'Friedrich Merz', 'Volodymyr Zelensky')).toBeDefined();
    expect(f.nameOf(f.event('CONSULT', 'Friedrich Merz', 'Volodymyr Zelensky')?.location)).toBe('Berlin');
    expect(f.event('SUPPORT', 'Volodymyr Zelensky', 'Germany')?.cameo).toBe('051');
    expect(f.event('DEMAND', 'Volodymyr Zelensky', null)).toBeDefined();
    expect(f.event('REJECT', 'Kremlin', null)).toBeDefined();
    expect(f.event('AID', 'Germany', 'Ukraine')).toBeDefined();
  });
  it('gives the sanctions to those urged to impose them, not to the one urging', () => {
    expect(f.event('SANCTION', 'Volodymyr Zelensky', 'Russia')).toBeUndefined();
    expect(f.a.events.some((e) => e.type === 'SANCTION' && f.nameOf(e.target) === 'Russia')).toBe(true);
  });
});

describe('an interview: a quote running over two paragraphs', () => {
  const f = load('interview-multi-paragraph.txt');
  it('keeps the two paragraphs as one quote, said by Lagarde', () => {
    const q = f.quote('We are living through');
    expect(q?.kind).toBe('direct');
    expect(q?.content.text).toContain('I am confident that we can get through this');
    expect(f.speakerOf('We are living through')).toBe('Christine Lagarde');
  });
  it('reads her title and her pronoun', () => {
    expect(f.entity('Christine Lagarde')?.descriptors).toContain('European Central Bank President');
    expect(f.covers('Christine Lagarde', 'she said')).toBe(true);
    expect(f.speakerOf('the bank expected prices')).toBe('Christine Lagarde');
  });
  it('attributes "warned that" reported speech', () => {
    expect(f.quote('trade tensions could slow growth')).toMatchObject({ kind: 'indirect' });
    expect(f.speakerOf('trade tensions could slow growth')).toBe('Christine Lagarde');
  });
  it('records the outlet she spoke to', () => {
    expect(f.source('Financial Times')?.role).toBe('cited');
  });
  it('reads 2.1% this year', () => {
    expect(f.quantity('2.1%')).toMatchObject({ value: 2.1, unit: 'percent', period: '2025' });
  });
});

describe('curly quotes and "according to"', () => {
  const f = load('curly-according-to.txt');
  it('attributes the curly-quoted statement to Hamas', () => {
    expect(f.quote('The occupation army violated')?.kind).toBe('direct');
    expect(f.speakerOf('The occupation army violated')).toBe('Hamas');
  });
  it('resolves "he said" after a curly quote to Netanyahu', () => {
    expect(f.speakerOf('We will act with full force')).toBe('Benjamin Netanyahu');
    expect(f.quote('We will act with full force')?.source?.text).toBe('he');
  });
  it('reads "According to the Gaza health ministry" as a cited source of a claim', () => {
    expect(f.quote('at least 27 people were killed')).toMatchObject({ kind: 'indirect', source: { text: 'the Gaza health ministry' } });
    expect(f.source('the Gaza health ministry')?.role).toBe('cited');
  });
  it('dates "on Monday" in a Tuesday article to the day before', () => {
    expect(f.time('Monday')?.value).toBe('2025-11-03');
  });
  it('counts 27 people', () => {
    expect(f.quantity('27 people')).toMatchObject({ value: 27, unit: 'people' });
  });
  it('codes the accusation (DISAPPROVE 112)', () => {
    expect(f.event('DISAPPROVE', 'Benjamin Netanyahu', 'Hamas')?.cameo).toBe('112');
  });
});

describe('a conflict report with casualty figures', () => {
  const f = load('conflict-casualties.txt');
  it('reads the dateline: Kyiv, published by AP', () => {
    expect(f.covers('Kyiv', 'KYIV')).toBe(true);
    expect(f.source('Associated Press')?.role).toBe('publisher');
  });
  it('counts the dead, the wounded and the missiles', () => {
    expect(f.quantity('12 people')).toMatchObject({ value: 12, unit: 'people' });
    expect(f.quantity('40 others')?.value).toBe(40);
    expect(f.quantity('31 missiles')).toMatchObject({ value: 31, unit: 'missiles' });
  });
  it('codes the attack by Russian forces on Ukraine, dated Monday', () => {
    const e = f.a.events.find((x) => x.type === 'ASSAULT' && f.nameOf(x.target) === 'Ukraine');
    expect(f.a.entities.find((x) => x.id === e?.source)?.country).toBe('RUS');
    expect(e?.date).toBe('2024-02-26');
  });
  it('attributes the casualty claim to Ukrainian officials, without the dateline', () => {
    const q = f.quote('Russian forces launched');
    expect(q).toMatchObject({ kind: 'indirect', source: { text: 'Ukrainian officials' } });
    expect(q?.content.text.startsWith('Russian forces')).toBe(true);
  });
  it('reads "Ukraine\'s President" as Zelensky\'s title and codes his appeal', () => {
    expect(f.entity('Volodymyr Zelensky')?.descriptors).toContain("Ukraine's President");
    expect(f.event('DISAPPROVE', 'Volodymyr Zelensky', null)).toBeDefined();
    expect(f.event('DEMAND', 'Volodymyr Zelensky', 'the West')?.trigger.text).toBe('called on');
  });
  it('finds the cities under attack', () => {
    expect(f.entity('Kharkiv')?.type).toBe('GPE');
    expect(f.entity('Odesa')?.country).toBe('UKR');
    expect(f.entity('Ihor Klymenko')).toMatchObject({ type: 'PERSON', descriptors: ['Interior Minister'] });
  });
});

describe('a trade story with several currencies', () => {
  const f = load('trade-currencies.txt');
  it.each([
    ['1.5 trillion yen', 1.5e12, 'JPY'],
    ['$10.2 billion', 10.2e9, 'USD'],
    ['€24 billion', 24e9, 'EUR'],
    ['£3.2bn', 3.2e9, 'GBP'],
    ['4.5%', 4.5, 'percent'],
  ])('reads %s', (text, value, unit) => {
    expect(f.quantity(text)).toMatchObject({ value, unit });
  });
  it('gives the export figures their measure and month', () => {
    expect(f.quantity('4.5%')).toMatchObject({ period: '2025-07' });
    expect(f.quantity('4.5%')?.measure).toMatch(/exports/);
  });
  it('reads "Washington imposed" as the United States and codes the tariff on Japanese goods', () => {
    expect(f.covers('United States', 'Washington')).toBe(true);
    const e = f.a.events.find((x) => x.type === 'SANCTION' && f.nameOf(x.source) === 'United States');
    expect(f.a.entities.find((x) => x.id === e?.target)?.country).toBe('JPN');
  });
  it('cites the ministry and Chinese customs', () => {
    expect(f.speakerOf("Japan's exports to China fell")).toBe('Ministry of Finance');
    expect(f.entity('Ministry of Finance')?.type).toBe('ORG');
    expect(f.source('Chinese customs')?.role).toBe('cited');
  });
  it('dates July and Thursday', () => {
    expect(f.time('July')?.value).toBe('2025-07');
    expect(f.time('Thursday')?.value).toBe('2025-08-14');
  });
});

/**
 * Titles and party labels around names: a title is a descriptor of the name after it, never an
 * entity of its own, and a party's member ("Democrat") is a group as "Republican" is.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';

const entities = (text: string) => analyze({ date: '2016-09-20', text }).entities.map((e) => ({ name: e.name, type: e.type, descriptors: e.descriptors }));

describe('titles before names', () => {
  it('reads "Sens." as a title of the senators after it, not a name, and keeps the sentence whole', () => {
    const a = analyze({ date: '2016-09-20', text: 'Lawmakers led by Sens. Jon Tester and David Vitter wrote to the bank on Tuesday.' });
    expect(a.sentences).toHaveLength(1);
    expect(a.entities.map((e) => e.name)).toEqual(['Jon Tester', 'David Vitter']);
    expect(a.entities[0]!.descriptors).toContain('Sens.');
  });
  it('keeps a surname that is also a title after an honorific ("Mr. Justice")', () => {
    const got = analyze({ date: '2016-09-20', text: 'Jim Justice, a coal baron, is running for governor. A Democrat, Mr. Justice has never held office.' }).entities;
    expect(got.find((e) => e.name === 'Jim Justice')?.mentions.map((m) => m.text)).toEqual(['Jim Justice', 'Justice']);
  });
});

describe('party members', () => {
  it('types "Democrat" as a group, as "Republican" is', () => {
    const got = entities('The race between Republican Donald Trump and Democrat Hillary Clinton tightened.');
    expect(got.find((e) => e.name === 'Democrat')?.type).toBe('NORP');
    expect(got.find((e) => e.name === 'Republican')?.type).toBe('NORP');
  });
});

describe('titles in title case', () => {
  it('keeps the capitalised words of a title ("Senate Minority Leader", "Democratic nominee"), not a sentence\'s opening "Like"', () => {
    const got = entities('Senate Minority Leader Harry Reid spoke first. Like President Barack Obama, Democratic nominee Hillary Clinton stayed silent.');
    expect(got.find((e) => e.name === 'Harry Reid')?.descriptors).toEqual(['Senate Minority Leader']);
    expect(got.find((e) => e.name === 'Barack Obama')?.descriptors).toEqual(['President']);
    expect(got.find((e) => e.name === 'Hillary Clinton')?.descriptors).toContain('Democratic nominee');
  });
});

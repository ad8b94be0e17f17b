/**
 * Names written with hyphens, as the entity stage reads them: our tokens split "Jean-Claude" in
 * three, the tagger learned from text that does not, so it is shown the joined word; compounds of
 * known names are mentions of each; "al-" names end the person's name before them.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { mergeProposals, type Proposal } from '../../src/stages/entities/propose.js';

const entities = (text: string) => analyze({ date: '2024-05-14', text }).entities.map((e) => ({ name: e.name, type: e.type, mentions: e.mentions.map((m) => m.text) }));

describe('hyphenated names', () => {
  it('keeps a hyphenated first name or country whole', () => {
    const got = entities('The proposal was backed by Jean-Claude Juncker and by Guinea-Bissau.');
    expect(got).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'Jean-Claude Juncker', type: 'PERSON' }),
      expect.objectContaining({ name: 'Guinea-Bissau', type: 'GPE' }),
    ]));
    expect(got.map((e) => e.name)).not.toContain('Juncker');
  });
  it('reads "Russian-Chinese" and "Sino-Russian" as mentions of each nationality', () => {
    const got = entities('Russian-Chinese ties and Sino-Russian trade grew.');
    expect(got.map((e) => e.name).sort()).toEqual(['Chinese', 'Russian']);
    expect(got.find((e) => e.name === 'Chinese')!.mentions).toEqual(['Chinese', 'Sino']);
  });
  it('keeps a Korean given name whole ("Ban Ki-moon"), and "-era", "-made" compounds split', () => {
    expect(entities('Secretary General Ban Ki-moon condemned the test.').map((e) => e.name)).toEqual(['Ban Ki-moon']);
    const names = entities('Troops left the Soviet-era bases; a China-made drone fell.').map((e) => e.name);
    expect(names).toContain('China');
    expect(names.filter((n) => /-(era|made)$/.test(n))).toEqual([]);
  });
  it('finds the name before "-led" or "-based", and no entity in the compound itself', () => {
    const got = entities('Vietnamese-led forces attacked a Beijing-based company.');
    expect(got.map((e) => e.name).sort()).toEqual(['Beijing', 'Vietnamese']);
  });
  it('ends a person\'s name with its "al-" part, known to the lists or not', () => {
    const got = entities('Officials said Abu Musab al-Zarqawi was seen with Sheikh Tamim bin Hamad al-Thani in Doha.');
    expect(got).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'Abu Musab al-Zarqawi', type: 'PERSON', mentions: ['Abu Musab al-Zarqawi'] }),
      expect.objectContaining({ name: 'Tamim bin Hamad Al Thani', mentions: ['Tamim bin Hamad al-Thani'] }),
    ]));
    expect(got.filter((e) => /^al-/.test(e.name))).toEqual([]);
  });
  it('extends a copy of the person, leaving the proposers\' lists as they were', () => {
    // "Tamim bin Hamad" (tokens 0–3), then "al - Thani" (3–6)
    const person: Proposal = { tokenStart: 0, tokenEnd: 3, type: 'PERSON', entries: [], via: 'tagger' };
    const alName: Proposal = { tokenStart: 3, tokenEnd: 6, type: 'PERSON', entries: [], via: 'tagger', alName: true };
    const merged = mergeProposals([[person, alName]]);
    expect(merged.map((p) => [p.tokenStart, p.tokenEnd])).toEqual([[0, 6]]);
    expect(person.tokenEnd).toBe(3);
  });
});

describe('titles the tagger takes into a name', () => {
  it('leaves "Dr." and "Mr." out of the name', () => {
    const got = entities('Dr. Ana Ruiz told reporters on Friday that Mr. Tomas Lind had resigned.');
    expect(got.map((e) => e.name)).toEqual(expect.arrayContaining(['Ana Ruiz', 'Tomas Lind']));
    expect(got.filter((e) => /^(Dr|Mr)\./.test(e.name))).toEqual([]);
  });
});

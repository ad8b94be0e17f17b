/**
 * Companies whose names read like people's ("Wells Fargo", "Lehman Brothers") are organisations
 * the gazetteer knows, and a later mention by their first word alone is the same organisation.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';

const entities = (text: string) => analyze({ date: '2016-09-20', text }).entities.map((e) => ({ name: e.name, type: e.type, sector: e.sector, mentions: e.mentions.map((m) => m.text) }));

describe('companies named like people', () => {
  it('types Wells Fargo, Lehman Brothers and Eli Lilly as businesses, not people', () => {
    const got = entities('Senator Elizabeth Warren grilled Wells Fargo CEO John Stumpf. Lehman Brothers collapsed in 2008, and Eli Lilly raised prices.');
    for (const name of ['Wells Fargo', 'Lehman Brothers', 'Eli Lilly']) {
      expect(got).toContainEqual(expect.objectContaining({ name, type: 'ORG', sector: 'BUS' }));
    }
    expect(got).toContainEqual(expect.objectContaining({ name: 'John Stumpf', type: 'PERSON' }));
  });
  it('takes a later mention by the first word alone as the same organisation, unless a person has that name', () => {
    const got = entities('Wells Fargo was fined $185 million. “Why isn’t this crystal clear proof that an entity as big as Wells is too big to fail?” Warren asked.');
    const bank = got.find((e) => e.name === 'Wells Fargo')!;
    expect(bank.mentions).toEqual(['Wells Fargo', 'Wells']);
    expect(got.map((e) => e.name)).not.toContain('Wells');
    const withPerson = entities('Sarah Wells sued Wells Fargo. Wells said the bank had lied.');
    expect(withPerson.find((e) => e.name === 'Sarah Wells')!.mentions).toEqual(['Sarah Wells', 'Wells']);
  });
});

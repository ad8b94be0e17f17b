import { describe, expect, it } from 'vitest';
import { NAME_COMPANY, NAME_COMPANY_FOLDED, NAME_PERSON, NAME_PERSON_FOLDED, nameBits, nameLists } from '../../src/stages/entities/tagger/gazmatch.js';

describe('the name lists (@cspell/dict-people-names, @cspell/dict-companies)', () => {
  it('flag known first names, surnames and company words, as written or with case ignored', () => {
    expect(nameBits('John') & NAME_PERSON).toBe(NAME_PERSON);
    expect(nameBits('SMITH') & NAME_PERSON_FOLDED).toBe(NAME_PERSON_FOLDED);
    expect(nameBits('Microsoft') & NAME_COMPANY).toBe(NAME_COMPANY);
    expect(nameBits('MICROSOFT') & NAME_COMPANY_FOLDED).toBe(NAME_COMPANY_FOLDED);
  });

  it('flag no word that cannot start a name', () => {
    expect(nameBits('john')).toBe(0);
    expect(nameBits(',')).toBe(0);
  });

  it('have a stable fingerprint', () => {
    expect(nameLists().fingerprint).toMatch(/^\d+\+\d+:[0-9a-f]{12}$/);
  });
});

/**
 * How an analysis entity becomes a canonical entity of the knowledge base. The analysis already
 * resolves names within one article and gives a gazetteer id (kbId) for known entities; across
 * articles:
 *   1. the kbId is the key ("person:vladimir-putin"), so every article's Putin is one entity;
 *   2. otherwise TYPE:normalised name:country ("PERSON:olena kovalenko:");
 *   3. a name without a country joins the one entity of that type and name that has a country;
 *   4. a one-word person name ("Kovalenko") joins the one known person with that surname and a
 *      compatible country. Two candidates or none: a new entity, rather than a wrong merge.
 * Step 4 only looks backwards: "Kovalenko" seen before "Olena Kovalenko" stays separate.
 */
import type { Analysis } from '../analysis.js';

export type AnalysisEntity = Analysis['entities'][number];

/** Lower case, no accents, punctuation as spaces: "Zelenskyy's" → "zelenskyy s", "Élysée" → "elysee". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function entityKey(e: Pick<AnalysisEntity, 'kbId' | 'type' | 'name' | 'country'>): string {
  return e.kbId ?? `${e.type}:${normaliseName(e.name)}:${e.country ?? ''}`;
}

/** A person's last name, normalised, when the name has more than one word. */
export function surnameOf(e: Pick<AnalysisEntity, 'type' | 'name'>): string | null {
  if (e.type !== 'PERSON') return null;
  const words = normaliseName(e.name).split(' ').filter(Boolean);
  return words.length > 1 ? words[words.length - 1]! : null;
}

/** Courtesy titles that may come with a surname ("Ms Kovalenko") but are not part of the name. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'madam', 'madame', 'monsieur', 'herr', 'frau']);

/** A one-word person name, a courtesy title aside, which may be the surname of someone already known. */
export function loneSurname(e: Pick<AnalysisEntity, 'type' | 'name' | 'kbId'>): string | null {
  if (e.type !== 'PERSON' || e.kbId) return null;
  const words = normaliseName(e.name).split(' ').filter(Boolean);
  while (words.length > 1 && HONORIFICS.has(words[0]!)) words.shift();
  return words.length === 1 ? words[0]! : null;
}

/** Mentions that name the entity (not "he", "the Chinese capital", or "Moscow" standing for Russia). */
const NAMING_VIA = (via: string) => !['pronoun', 'description', 'capital', 'descriptor'].includes(via);

/** The normalised names an entity is called by in one article, for looking it up by name later. */
export function aliasesOf(e: AnalysisEntity): string[] {
  const names = new Set<string>([normaliseName(e.name)]);
  for (const m of e.mentions) if (NAMING_VIA(m.via)) names.add(normaliseName(m.text));
  names.delete('');
  return [...names];
}

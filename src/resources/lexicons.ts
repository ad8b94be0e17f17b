import { dataPath, readJson } from './paths.js';
import { WordFilter } from './word-filter.js';

interface TitlesFile { roles: string[]; honorifics: string[]; modifiers: string[] }

export interface Titles {
  /** role phrases as lowercase token sequences, longest first */
  roles: string[][];
  roleWords: Set<string>;
  honorifics: Set<string>;
  modifiers: Set<string>;
}

let titles: Titles | undefined;

export function titleLexicon(): Titles {
  if (titles) return titles;
  const raw = readJson<TitlesFile>(dataPath('lexicons', 'titles.json'));
  const roles = [...new Set(raw.roles)].map((r) => r.split(/\s+/)).sort((a, b) => b.length - a.length);
  titles = {
    roles,
    roleWords: new Set(roles.flat()),
    honorifics: new Set(raw.honorifics),
    modifiers: new Set(raw.modifiers),
  };
  return titles;
}

let rolesByFirst: { map: Map<string, string[][]>; filter: WordFilter } | undefined;

/**
 * The role phrases whose first word is w or w's plural ("minister", "ministers"), longest first.
 * Asked of most tokens by several stages; the filter turns nearly all of them away first.
 */
function rolesStartingWith(w: string): string[][] | undefined {
  if (!rolesByFirst) {
    const map = new Map<string, string[][]>();
    for (const role of titleLexicon().roles) {
      for (const key of [role[0]!, `${role[0]}s`]) {
        const list = map.get(key);
        if (list) list.push(role);
        else map.set(key, [role]);
      }
    }
    rolesByFirst = { map, filter: new WordFilter(map.keys(), 12) };
  }
  return rolesByFirst.filter.mayHave(w) ? rolesByFirst.map.get(w) : undefined;
}

/** Length in tokens of the role phrase starting at lowercase words[i], or 0. */
export function roleAt(words: readonly string[], i: number): number {
  const w = words[i];
  if (w === undefined) return 0;
  const candidates = rolesStartingWith(w);
  if (!candidates) return 0;
  for (const role of candidates) {
    if (i + role.length > words.length) continue;
    let ok = true;
    for (let k = 0; k < role.length; k++) if (words[i + k] !== role[k] && words[i + k] !== `${role[k]}s`) { ok = false; break; }
    if (ok) return role.length;
  }
  return 0;
}

interface CuesFile { speech: string[]; thatVerbs: string[]; outlet: string[]; according: string[][]; passive: string[][] }

export interface Cues {
  speech: Set<string>;
  thatVerbs: Set<string>;
  outlet: Set<string>;
  according: string[][];
  passive: string[][];
}

let cues: Cues | undefined;

export function cueLexicon(): Cues {
  if (cues) return cues;
  const raw = readJson<CuesFile>(dataPath('lexicons', 'cues.json'));
  cues = {
    speech: new Set(raw.speech),
    thatVerbs: new Set(raw.thatVerbs),
    outlet: new Set(raw.outlet),
    according: raw.according.sort((a, b) => b.length - a.length),
    passive: raw.passive,
  };
  return cues;
}

interface AttributionCuesFile { cues: { cue: string; count: number; precision: number; before: number; that: number; direct: number }[] }

export interface LearnedCues {
  /** single reporting words that PolNeAR annotates as cues often and reliably, and that introduce quotations too */
  speech: Set<string>;
  /** of those, the ones that introduce a clause after them ("noted that …") */
  thatVerbs: Set<string>;
  /** of those, the ones that close a claim ("…, officials said.") */
  closing: Set<string>;
}

let learned: LearnedCues | undefined;

/**
 * Cues learned from the PolNeAR training split by scripts/derive-attribution-cues.ts
 * (data/lexicons/attribution-cues.json): single words annotated as a cue at least 5 times with a
 * precision of at least 0.4. Quotation cues are those that introduce a direct quotation at least
 * one time in twenty; clause cues have the content after them and open it with "that" at least
 * one time in five; closing cues stand after their content at least half the time.
 */
export function learnedCueLexicon(): LearnedCues {
  if (learned) return learned;
  const raw = readJson<AttributionCuesFile>(dataPath('lexicons', 'attribution-cues.json'));
  const single = raw.cues.filter((c) => !c.cue.includes(' ') && c.count >= 5 && c.precision >= 0.4);
  learned = {
    speech: new Set(single.filter((c) => c.direct >= 0.05).map((c) => c.cue)),
    thatVerbs: new Set(single.filter((c) => c.before >= 0.6 && c.that >= 0.2).map((c) => c.cue)),
    closing: new Set(single.filter((c) => c.before <= 0.5 && c.count >= 8).map((c) => c.cue)),
  };
  return learned;
}

/** Length of the phrase from `phrases` starting at lowercase words[i], or 0. */
export function phraseAt(words: readonly string[], i: number, phrases: string[][]): number {
  for (const p of phrases) {
    if (i + p.length > words.length) continue;
    let ok = true;
    for (let k = 0; k < p.length; k++) if (words[i + k] !== p[k]) { ok = false; break; }
    if (ok) return p.length;
  }
  return 0;
}

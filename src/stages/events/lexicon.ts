/**
 * The event coder's two lexicons, loaded once and turned into lookup maps:
 * - data/lexicons/events.json: newsgraph's own triggers (nouns, phrases, verbs with required
 *   objects or particles) and the word lists of the structure rules (actor heads, mood verbs);
 * - models/events/cameo-verbs.json: PETRARCH2's CAMEO verb dictionary compiled by
 *   scripts/build-event-lexicon.ts (verb forms → block, default code and lexical patterns),
 *   with the CAMEO → PLOVER table.
 */
import { join } from 'node:path';
import { dataPath, packageRoot, readJson } from '../../resources/paths.js';

export interface TriggerRule {
  type: string;
  cameo: string;
  verbs?: string[];
  nouns?: string[];
  objects?: string[];
  particle?: string[];
  complement?: string[];
}

export type ControlClass = 'commit' | 'commitAdj' | 'threaten' | 'refuse' | 'refuseAdj' | 'appeal' | 'attempt' | 'prepare';
export type MoodType = 'AGREE' | 'THREATEN' | 'REJECT' | 'DEMAND';

interface EventsFile {
  triggers: TriggerRule[];
  quad: Record<string, number>;
  actorHeads: Record<string, string[]>;
  control: Record<ControlClass, string[]>;
  future: string[];
  must: string[];
  report: string[];
  moodCodes: Record<MoodType, Record<string, string>>;
  notVerbs: string[];
  sectorCodes: SectorCode[];
}

/** "surrendered" by an armed actor is a military retreat (0874), not a yielding (080). */
export interface SectorCode { cameo: string; sectors: string[]; to: string; type: string }

/** A compiled pattern: groups of words before and after the verb, in order; a group's words are adjacent. */
type Group = string[];
interface CameoFile {
  plover: Record<string, string | null>;
  quad: Record<string, number>;
  synsets: Record<string, string[]>;
  /** a pattern's optional fourth element: the verb forms of the block it applies to (not those whose event type it would change, unless written for them) */
  blocks: { name: string; code: string | null; verbs: Record<string, string | null>; patterns: ([Group[], Group[], string | null] | [Group[], Group[], string | null, string[]])[] }[];
}

export interface CameoPattern { pre: Group[]; post: Group[]; code: string | null; size: number; only?: Set<string> | undefined }
export interface CameoVerb {
  block: string;
  code: string | null;
  /** the block's patterns that apply to this form */
  patterns: CameoPattern[];
  /** all the block's patterns, shared by its forms (code.ts indexes a block once and skips the patterns whose `only` lacks the form) */
  blockPatterns: CameoPattern[];
  form: string;
}
export interface MultiWordForm { words: string[]; entries: CameoVerb[] }

export interface EventLexicon {
  /** word form → hand-written rules it may trigger as a verb, in file order */
  verbs: Map<string, TriggerRule[]>;
  nouns: Map<string, TriggerRule[]>;
  /** single-word or two-word ("blew up") verb form → CAMEO dictionary entries */
  cameo: Map<string, CameoVerb[]>;
  /** the longest CAMEO verb form in words (multi-word forms are looked up first) */
  maxFormWords: number;
  /** every text before a space in a multi-word CAMEO form: a word not here starts no multi-word form */
  cameoLeads: Set<string>;
  /** first word → the multi-word CAMEO forms it starts, as words (compared word by word: no joined string per token) */
  cameoMultiForms: Map<string, MultiWordForm[]>;
  /** the same for the multi-word nouns of `nouns` */
  nounLeads: Set<string>;
  /** synonym set → its members (word lists) by the first three letters of their first word */
  synsets: Map<string, Map<string, string[][]>>;
  /** head noun → actor sector ("army" → MIL) */
  sectorOf: Map<string, string>;
  control: Map<string, ControlClass[]>;
  future: Set<string>;
  must: Set<string>;
  report: Set<string>;
  moodCodes: Record<MoodType, Record<string, string>>;
  /** words wink may tag as verbs that are not ("according to", "including") */
  notVerbs: Set<string>;
  sectorCodes: SectorCode[];
  /** PLOVER type of a CAMEO code; null for codes PLOVER does not code (public statements) */
  ploverOf(cameo: string): string | null | undefined;
  quadClass(cameo: string): number | undefined;
}

let lexicon: EventLexicon | undefined;

export const CAMEO_VERBS_PATH = (): string => join(packageRoot(), 'models', 'events', 'cameo-verbs.json');

export function eventLexicon(): EventLexicon {
  if (lexicon) return lexicon;
  const raw = readJson<EventsFile>(dataPath('lexicons', 'events.json'));
  const cameo = readJson<CameoFile>(CAMEO_VERBS_PATH());
  const verbs = new Map<string, TriggerRule[]>();
  const nouns = new Map<string, TriggerRule[]>();
  for (const rule of raw.triggers) {
    for (const v of rule.verbs ?? []) verbs.set(v, [...(verbs.get(v) ?? []), rule]);
    for (const n of rule.nouns ?? []) nouns.set(n, [...(nouns.get(n) ?? []), rule]);
  }
  const cameoVerbs = new Map<string, CameoVerb[]>();
  let maxFormWords = 1;
  for (const b of cameo.blocks) {
    const all = b.patterns
      .map(([pre, post, code, only]) => ({ pre, post, code, size: [...pre, ...post].reduce((n, g) => n + g.length, 0), only: only ? new Set(only) : undefined }))
      .sort((x, y) => y.size - x.size);
    for (const [form, code] of Object.entries(b.verbs)) {
      const patterns = all.some((p) => p.only && !p.only.has(form)) ? all.filter((p) => !p.only || p.only.has(form)) : all;
      const entry: CameoVerb = { block: b.name, code: code ?? b.code, patterns, blockPatterns: all, form };
      cameoVerbs.set(form, [...(cameoVerbs.get(form) ?? []), entry]);
      maxFormWords = Math.max(maxFormWords, form.split(' ').length);
    }
  }
  const synsets = new Map<string, Map<string, string[][]>>();
  for (const [name, members] of Object.entries(cameo.synsets)) {
    const byStart = new Map<string, string[][]>();
    for (const m of members) {
      const words = m.split(' ');
      const key = words[0]!.replace(/_$/, '').slice(0, 3);
      byStart.set(key, [...(byStart.get(key) ?? []), words]);
    }
    synsets.set(name, byStart);
  }
  const sectorOf = new Map<string, string>();
  for (const [sector, words] of Object.entries(raw.actorHeads)) for (const w of words) if (!sectorOf.has(w)) sectorOf.set(w, sector);
  const control = new Map<string, ControlClass[]>();
  for (const [cls, words] of Object.entries(raw.control) as [ControlClass, string[]][]) for (const w of words) control.set(w, [...(control.get(w) ?? []), cls]);
  const lookup = <T>(table: Record<string, T>, code: string): T | undefined => {
    for (let n = code.length; n >= 2; n--) if (code.slice(0, n) in table) return table[code.slice(0, n)];
    return undefined;
  };
  // codes repeat across triggers: remember each code's look-up (the tables never change)
  const memoized = <T>(find: (code: string) => T): ((code: string) => T) => {
    const seen = new Map<string, T>();
    return (code) => {
      if (seen.has(code)) return seen.get(code)!;
      const found = find(code);
      seen.set(code, found);
      return found;
    };
  };
  lexicon = {
    verbs, nouns, cameo: cameoVerbs, maxFormWords, cameoLeads: leadsOf(cameoVerbs.keys()), cameoMultiForms: multiFormsOf(cameoVerbs), nounLeads: leadsOf(nouns.keys()), synsets, sectorOf, control,
    future: new Set(raw.future), must: new Set(raw.must), report: new Set(raw.report), moodCodes: raw.moodCodes,
    notVerbs: new Set(raw.notVerbs), sectorCodes: raw.sectorCodes,
    ploverOf: memoized((code) => lookup(cameo.plover, code)),
    quadClass: memoized((code) => lookup(cameo.quad, code) ?? raw.quad[code.slice(0, 2)]),
  };
  return lexicon;
}

/** The text before each space of each key ("blew up" → "blew"): what a multi-word key's first word must be. */
function leadsOf(keys: Iterable<string>): Set<string> {
  const leads = new Set<string>();
  for (const key of keys) for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) leads.add(key.slice(0, i));
  return leads;
}

/** The multi-word forms by their first word. */
function multiFormsOf(cameo: Map<string, CameoVerb[]>): Map<string, MultiWordForm[]> {
  const byFirst = new Map<string, MultiWordForm[]>();
  for (const [form, entries] of cameo) {
    const words = form.split(' ');
    if (words.length < 2) continue;
    const list = byFirst.get(words[0]!) ?? [];
    list.push({ words, entries });
    byFirst.set(words[0]!, list);
  }
  return byFirst;
}

/** Does a dictionary word match a token? A trailing `_` asks for the exact word; otherwise any word it begins (TABARI's stems), short words exactly or plural. */
export function wordMatches(pattern: string, token: string): boolean {
  // (compared in place: this runs for every pattern word tried, and slicing would allocate)
  if (pattern.endsWith('_')) return token.length === pattern.length - 1 && pattern.startsWith(token);
  if (pattern.length <= 3) return token === pattern || (token.length === pattern.length + 1 && token.endsWith('s') && token.startsWith(pattern));
  return token.startsWith(pattern);
}

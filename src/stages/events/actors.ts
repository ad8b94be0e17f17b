/**
 * Actor phrases: the noun phrases of a sentence that can do or suffer an event, built from the
 * entity stage's mentions and the head noun that follows them. "Senior Hungarian and Romanian
 * officials" → HUN GOV and ROU GOV; "Sudan's government" → SDN GOV; "rebels in the Ivory Coast"
 * → CIV REB; "Russian President Boris Yeltsin" → Yeltsin (RUS GOV); "their forces" → the owner
 * of "their", resolved by the coder, with sector MIL.
 */
import type { EntityRecord, NewsDoc, Sentence, Token } from '../../doc/types.js';
import type { EventLexicon } from './lexicon.js';
import { joinsPhrases } from './syntax.js';

export interface Actor {
  entity?: EntityRecord;
  /** the city named for its country ("visit to Moscow" → Russia, city Moscow) */
  city?: EntityRecord;
  country?: string;
  sector?: string;
  /** the words that name the actor */
  start: number;
  end: number;
}

export interface Phrase {
  /** token range [start, end) */
  start: number;
  end: number;
  /** actor: a group or named actor; thing: another noun whose owner may be an actor ("Palestinian homes"); pronoun */
  kind: 'actor' | 'thing' | 'pronoun';
  actors: Actor[];
  /** "its troops", "their forces": the owner is a pronoun the coder resolves */
  ownerPronoun?: boolean;
  /** sector of the head noun, if an actor head */
  sector?: string;
  /** the head noun, lowercase */
  head: string;
}

export interface MentionRef { entity: EntityRecord; start: number; end: number; via: string }

const ACTOR_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);
const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we']);
const OWNER_PRONOUNS = new Set(['its', 'their', 'his', 'her', 'our']);
/** "a group of", "thousands of", "members of": the actor is what follows */
const QUANTIFIERS = new Set(['group', 'groups', 'number', 'thousands', 'hundreds', 'dozens', 'scores', 'tens', 'millions', 'some', 'members', 'member', 'batch', 'patch', 'contingent', 'delegation', 'team', 'most', 'all', 'many', 'several', 'part', 'up', 'more', 'one', 'two', 'three', 'five', 'hundred', 'tens', 'crowds', 'crowd', 'bands', 'band', 'gangs', 'squads', 'units', 'unit', 'deployment', 'elements', 'element']);
/** "rebels in the Ivory Coast", "government of Sindh", "students throughout Indonesia" */
const AFFILIATION = new Set(['in', 'of', 'from', 'throughout', 'across', 'inside']);
const BASED = new Set(['based', 'operating', 'loyal', 'fleeing', 'living', 'stationed', 'deployed', 'affiliated']);
/** title words that make a person a government actor when the gazetteer gives no sector */
const PERSON_SECTORS: [RegExp, string][] = [
  [/^(general|gen\.|commander|colonel|col\.|admiral|marshal|lt\.)$/, 'MIL'],
  [/^(judge|justice|prosecutor)$/, 'JUD'],
  [/^(senator|lawmaker|legislator|mp|congressman|congresswoman)$/, 'LEG'],
  [/^(president|minister|secretary|premier|chancellor|king|emir|sultan|prince|ambassador|envoy|diplomat|governor|mayor|spokesman|spokeswoman|secretary-general|vice-president|official)$/, 'GOV'],
  [/^(rebel|guerrilla|militant)$/, 'REB'],
  [/^(opposition|dissident)$/, 'OPP'],
];

export interface ActorContext {
  tokens: Token[];
  words: string[];
  mentionAt: Map<number, MentionRef>;
  /** token index → the mention covering it */
  coveredBy: (MentionRef | undefined)[];
  /** token index → inside a time expression */
  inTime: Set<number>;
  countryEntity(iso3: string | undefined): EntityRecord | undefined;
  lex: EventLexicon;
  /** token index → the class bits of its word (word-class.ts), filled sentence by sentence as the coder reads them (0 until then) */
  wordClass: Int32Array;
}

export function actorContext(doc: NewsDoc, lex: EventLexicon): ActorContext {
  const { tokens, entities, times } = doc;
  const mentionAt = new Map<number, MentionRef>();
  for (const e of entities) for (const m of e.mentions) {
    if (!mentionAt.has(m.tokenStart) || mentionAt.get(m.tokenStart)!.end < m.tokenEnd) mentionAt.set(m.tokenStart, { entity: e, start: m.tokenStart, end: m.tokenEnd, via: m.via });
  }
  // (filled, so the array is HOLEY_ELEMENTS whether or not a mention is stored: see wordsOf)
  const coveredBy: (MentionRef | undefined)[] = new Array<MentionRef | undefined>(tokens.length).fill(undefined);
  for (const m of mentionAt.values()) for (let j = m.start; j < m.end; j++) coveredBy[j] = m;
  const inTime = new Set<number>();
  let t = 0;
  // (the times stage lists them in text order: copied and sorted only when they are not)
  let inOrder = true;
  for (let i = 1; i < times.length && inOrder; i++) inOrder = times[i - 1]!.start <= times[i]!.start;
  for (const x of inOrder ? times : [...times].sort((a, b) => a.start - b.start)) {
    while (t < tokens.length && tokens[t]!.end <= x.start) t++;
    for (let j = t; j < tokens.length && tokens[j]!.start < x.end; j++) inTime.add(j);
  }
  const byCountry = new Map<string, EntityRecord>();
  for (const e of entities) if (e.type === 'GPE' && e.kbId?.startsWith('country:') && e.country) byCountry.set(e.country, e);
  const words = wordsOf(tokens);
  return { tokens, words, mentionAt, coveredBy, inTime, countryEntity: (iso3) => (iso3 ? byCountry.get(iso3) : undefined), lex, wordClass: new Int32Array(words.length) };
}

/**
 * The tokens' lower-case words, pushed one by one: Array.prototype.map gives a PACKED array until
 * the optimising compiler inlines it and a HOLEY one after, and every optimised function reading
 * the words then bails out on the new array map and is compiled again.
 */
function wordsOf(tokens: Token[]): string[] {
  const words: string[] = [];
  for (const t of tokens) words.push(t.lower);
  return words;
}

export const isCity = (e: EntityRecord): boolean => e.kbId?.startsWith('city:') === true;

/** The noun phrases of sentence s that may name actors, in order, none overlapping. */
export function findPhrases(s: Sentence, cx: ActorContext): Phrase[] {
  const { tokens, words, mentionAt, inTime } = cx;
  const out: Phrase[] = [];
  const isModifierEnd = (j: number) => {
    // the token before "and" in "Hungarian and Romanian officials": a NORP mention or an adjective
    const m = cx.coveredBy[j];
    if (m && m.end === j + 1 && (m.entity.type === 'NORP' || (m.entity.type === 'GPE' && m.end - m.start === 1 && /an$|ish$|ese$|i$/.test(words[j]!)))) return true;
    return tokens[j]!.pos === 'ADJ';
  };
  const startsModifier = (j: number) => {
    const m = mentionAt.get(j);
    if (m) return m.entity.type === 'NORP' || (m.entity.type === 'GPE' && /an$|ish$|ese$|i$/.test(words[m.end - 1]!));
    return tokens[j]?.pos === 'ADJ';
  };
  let k = s.tokenStart;
  while (k < s.tokenEnd) {
    const w = words[k]!;
    const m0 = mentionAt.get(k);
    if (!m0 && PRONOUNS.has(w) && tokens[k]!.pos === 'PRON') {
      out.push(newPhrase(k, k + 1, 'pronoun', w, undefined));
      k++;
      continue;
    }
    // "after meeting Zelensky": a gerund before a name starts no phrase
    const gerund = !m0 && w.endsWith('ing') && /^(after|before|while|when|since|by|without|upon|,)$/.test(k > 0 ? words[k - 1]! : '') && /^[A-Z]/.test(tokens[k + 1]?.text ?? '');
    const startsNp = !gerund && (!!m0 || NP_POS.has(tokens[k]!.pos) || OWNER_PRONOUNS.has(w));
    if (!startsNp || inTime.has(k)) { k++; continue; }
    let j = k;
    while (j < s.tokenEnd) {
      const m = mentionAt.get(j);
      if (m && m.end > j) { j = Math.min(m.end, s.tokenEnd); continue; }
      const t = tokens[j]!;
      if (inTime.has(j) && j > k) break;
      if (NP_POS.has(t.pos) || t.text === '-' || (j === k && OWNER_PRONOUNS.has(t.lower))) {
        // a determiner or a number in mid-phrase starts a new phrase ("Tanzania a grant")
        if (j > k && (t.pos === 'DET' || (t.pos === 'NUM' && tokens[j - 1]!.pos !== 'DET'))) break;
        j++;
        continue;
      }
      // "SPLM/A", "al-Thani": pieces written together belong together
      const glued = j > k && t.start === tokens[j - 1]!.end;
      if (glued && (t.text === '/' || (t.pos !== 'PUNCT' && (/^[/&-]$/.test(t.text) || /^[/&-]$/.test(tokens[j - 1]!.text))))) { j++; continue; }
      if (t.pos === 'VERB' && j > k && /(ed|en)$/.test(t.lower) && (tokens[j - 1]!.pos === 'DET' || tokens[j - 1]!.pos === 'ADJ') && j + 1 < s.tokenEnd && /^(NOUN|PROPN|ADJ)$/.test(tokens[j + 1]!.pos)) { j++; continue; }
      if (POSSESSIVE.has(t.text) && j > k && j + 1 < s.tokenEnd && (NP_POS.has(tokens[j + 1]!.pos) || mentionAt.has(j + 1))) { j++; continue; }
      if (t.lower === 'and' && j > k && isModifierEnd(j - 1) && startsModifier(j + 1)) { j++; continue; }
      break;
    }
    if (j === k) { k++; continue; }
    // a phrase needs a noun, a name or a number: a lone article or adjective names nobody
    // (a loop, not a slice: this runs for every candidate phrase)
    let named = false;
    for (let o = k; o < j && !named; o++) named = tokens[o]!.pos === 'NOUN' || tokens[o]!.pos === 'PROPN' || tokens[o]!.pos === 'NUM' || mentionAt.has(o);
    if (!named) { k = j; continue; }
    // trim trailing determiners or adjectives that head nothing
    let end = j;
    while (end > k && !cx.coveredBy[end - 1] && (tokens[end - 1]!.pos === 'DET' || tokens[end - 1]!.pos === 'ADJ') && end - 1 > k) end--;
    out.push(analysePhrase(k, end, cx));
    k = Math.max(end, k + 1);
  }
  return mergeQuantifiersAndAffiliations(out, s, cx);
}

/**
 * A phrase with every field present from the start (ownerPronoun and sector undefined until set): one
 * object shape for all, so the optimised code that reads phrases does not bail out on a new one.
 */
function newPhrase(start: number, end: number, kind: Phrase['kind'], head: string, ownerPronoun: true | undefined): Phrase {
  return { start, end, kind, actors: [], ownerPronoun, sector: undefined, head };
}

/** The actors a phrase names, from its mentions and head noun. */
function analysePhrase(start: number, end: number, cx: ActorContext): Phrase {
  const { tokens, words, mentionAt, lex } = cx;
  const mentions: MentionRef[] = [];
  for (let j = start; j < end; j++) {
    const m = mentionAt.get(j);
    if (m) { if (ACTOR_TYPES.has(m.entity.type) || m.entity.type === 'LOC' || m.entity.type === 'MISC') mentions.push(m); j = m.end - 1; }
  }
  let possessive = -1;
  for (let j = start; j < end; j++) if (POSSESSIVE.has(tokens[j]!.text)) possessive = j;
  const last = end - 1;
  let headMention = mentions.find((m) => m.start <= last && last < m.end);
  // a people the tagger left untyped ("Israelis", "Arabs"): a group actor without a country
  if (headMention?.entity.type === 'MISC' && !isPeople(headMention.entity)) headMention = undefined;
  const ownerPronoun = OWNER_PRONOUNS.has(words[start]!) && !mentionAt.has(start);
  // the head noun: the last noun of the phrase (an adjective after it, "militants loyal", is not)
  let h = last;
  while (h > start && !headMention && tokens[h]!.pos !== 'NOUN' && tokens[h]!.pos !== 'PROPN') h--;
  const head = words[h]!;
  const phrase: Phrase = newPhrase(start, end, 'thing', head, ownerPronoun || undefined);
  const titleSector = () => {
    for (let j = start; j < end; j++) for (const [re, sector] of PERSON_SECTORS) if (re.test(words[j]!)) return sector;
    return undefined;
  };
  const modifierCountry = () => mentions.find((m) => m !== headMention && m.entity.country && (m.entity.type === 'NORP' || m.entity.type === 'GPE'))?.entity.country;
  if (headMention && (ACTOR_TYPES.has(headMention.entity.type) || headMention.entity.type === 'LOC' || isPeople(headMention.entity))) {
    const e = headMention.entity;
    const owner = possessive >= 0 && possessive < headMention.start ? mentions.find((m) => m.end === possessive) : undefined;
    const sector = e.sector ?? (e.type === 'PERSON' ? titleSector() : undefined);
    const country = e.country ?? owner?.entity.country ?? modifierCountry();
    phrase.kind = 'actor';
    const resolved = resolveCity(e, cx);
    phrase.actors = [{ entity: resolved, ...(resolved !== e ? { city: e } : {}), ...(country ? { country } : {}), ...(sector ? { sector } : {}), start, end }];
    // "Hungarian and Romanian" standing alone, "Palestinians and Israelis": every people named
    if (e.type === 'NORP') {
      phrase.actors = mentions.filter((m) => m.entity.type === 'NORP' || m.entity.type === 'GPE').map((m) => ({ entity: m.entity, ...(m.entity.country ? { country: m.entity.country } : {}), start: m.start, end: m.end }));
    }
    return phrase;
  }
  const sector = lex.sectorOf.get(head);
  if (sector) {
    phrase.kind = 'actor';
    phrase.sector = sector;
    const before = mentions.filter((m) => m.end <= h + 1 && m.start < h + 1 && m !== headMention);
    const owners = possessive >= 0 ? before.filter((m) => m.end <= possessive) : [];
    const modifiers = (owners.length ? owners : before).filter((m) => (ACTOR_TYPES.has(m.entity.type) || m.entity.type === 'LOC' || m.entity.type === 'MISC') && tokens[m.start]!.pos !== 'PRON');
    phrase.actors = modifiers.map((m) => ({
      entity: resolveCity(m.entity, cx), ...(m.entity.country ? { country: m.entity.country } : {}),
      sector, start, end,
    }));
    if (!phrase.actors.length) phrase.actors = [{ sector, start, end }];
    return phrase;
  }
  // a thing: its owner or its national modifier may be the actor ("Haiti's efforts", "Palestinian homes", "an Indian proposal")
  // "his commitment": an owner pronoun points back at someone already named, usually the subject
  const owners = mentions.filter((m) => ACTOR_TYPES.has(m.entity.type) && (possessive < 0 || m.end <= possessive) && tokens[m.start]!.pos !== 'PRON');
  phrase.actors = owners.map((m) => ({ entity: resolveCity(m.entity, cx), ...(m.entity.country ? { country: m.entity.country } : {}), start: m.start, end: m.end }));
  return phrase;
}

/** An untyped name that reads as a people: one capitalised plural word ("Israelis", "Kurds"). */
function isPeople(e: EntityRecord): boolean {
  return e.type === 'MISC' && /^(?:[A-Z][a-z]+ )*[A-Z][a-z]+(?:ans|is|ns|ds|bs|ts|es)$/.test(e.name);
}

/** A city standing for its government ("Beirut rejected", "Moscow's invasion") is the country when the text names it. */
function resolveCity(e: EntityRecord, cx: ActorContext): EntityRecord {
  if (!isCity(e)) return e;
  return cx.countryEntity(e.country) ?? e;
}

/** "a group of Moroccan diplomats" → the diplomats; "rebels in the Ivory Coast" → CIV rebels. */
function mergeQuantifiersAndAffiliations(phrases: Phrase[], s: Sentence, cx: ActorContext): Phrase[] {
  const { words } = cx;
  const out: Phrase[] = [];
  for (let i = 0; i < phrases.length; i++) {
    let p = phrases[i]!;
    // "tens of thousands of university students": follow the chain of quantifiers
    while (phrases[i + 1] && words[p.end] === 'of' && phrases[i + 1]!.start === p.end + 1 && QUANTIFIERS.has(p.head)) {
      const q = phrases[i + 1]!;
      p = { ...q, start: p.start };
      i++;
    }
    // "rebels in the Ivory Coast"; "a terror group based in Trinidad", "refugees fleeing the civil war in Liberia"
    const prep = words[p.end] ?? '';
    let ai = i + 1;
    let based = false;
    if (BASED.has(prep)) {
      for (let x = i + 1; x < phrases.length && phrases[x]!.start <= p.end + 7; x++) {
        const w = words[phrases[x]!.start - 1] ?? '';
        if (AFFILIATION.has(w) || w === 'to') { ai = x; based = true; break; }
      }
    }
    const after = phrases[ai];
    const adjacent = after && (based || (after.start === p.end + 1 && AFFILIATION.has(prep)));
    // "the president of Armenia": a descriptor the entity stage linked to someone else yields to the named country
    const described = p.actors.length > 0 && p.actors.every((a) => {
      for (let j = p.start; j < p.end; j++) { const m = cx.mentionAt.get(j); if (m && m.entity === a.entity) return m.via === 'description' || m.via === 'pronoun'; }
      return false;
    });
    if (after && adjacent && p.kind === 'actor' && (p.sector || described) && !p.ownerPronoun && (described || !p.actors.some((a) => a.entity)) && after.end <= s.tokenEnd) {
      const place = after.actors.find((a) => a.entity && (a.entity.type === 'GPE' || a.entity.type === 'LOC' || a.entity.type === 'NORP')) ?? (based || prep === 'of' ? after.actors.find((a) => a.entity) : undefined);
      if (place) {
        const country = place.entity!.country;
        const sector = p.sector ?? cx.lex.sectorOf.get(p.head) ?? 'GOV';
        p = { ...p, end: after.end, actors: [{ entity: resolveCity(place.entity!, cx), ...(country ? { country } : {}), sector, start: p.start, end: after.end }] };
        i = ai;
      }
    }
    out.push(p);
  }
  return out;
}

/** Phrases coordinated with phrases[i] ("the United States and Jordan", "X, Y and Z"), including it. */
export function coordinated(phrases: Phrase[], i: number, words: string[]): Phrase[] {
  const group = [phrases[i]!];
  for (let j = i + 1; j < phrases.length; j++) {
    const prev = group[group.length - 1]!;
    if (!joinsPhrases(words, prev.end, phrases[j]!.start, true)) break;
    if (phrases[j]!.kind === 'pronoun') break;
    group.push(phrases[j]!);
  }
  return group;
}

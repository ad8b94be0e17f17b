/**
 * Step 2 of the entity stage: decide what each proposal refers to, merge mentions of the same
 * thing, and find the mentions that do not name it: surnames, capitals standing for their
 * state, descriptions ("the Chinese leader") and pronouns.
 */
import type { EntityRecord, EntityType, Mention, NewsDoc, Token } from '../../doc/types.js';
import { firstAtOrAfter, tokenSpan } from '../../doc/span.js';
import { countryMisspeltAs, gazetteer, NAME_SUFFIXES, surfaceIndex, surfaceKey, surnameOf, type GazEntry } from '../../resources/gazetteer.js';
import { roleAt } from '../../resources/lexicons.js';
import { WordFilter } from '../../resources/word-filter.js';
import { appositiveAfter, titleBefore } from './descriptors.js';
import { datelineEnd } from '../../doc/dateline.js';
import type { Proposal } from './propose.js';

interface Draft {
  key: string;
  name: string;
  type: EntityType;
  country?: string;
  kbId?: string;
  gender?: 'm' | 'f';
  sector?: string;
  roles: string[];
  capitalOf?: string;
  descriptors: string[];
  mentions: Mention[];
}

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'to', 'into', 'outside', 'across', 'around', 'towards', 'toward', 'via', 'between', 'of', 'and', 'capital']);
const POSSESSIVE = new Set(["'s", '’s']);
const CONNECTOR_WORDS = new Set(['of', 'for', 'and', 'the', 'de', 'on']);

function initials(name: string): string {
  return name.split(/[\s-]+/).filter((w) => w && !CONNECTOR_WORDS.has(w)).map((w) => w[0]).join('').toUpperCase();
}

/** A capital city "stands for" its state when it acts: "Moscow's invasion", "what Beijing considers". */
function standsForState(tokens: Token[], start: number, end: number): boolean {
  const before = tokens[start - 1];
  if (before && before.sentence === tokens[start]!.sentence && PLACE_PREPOSITIONS.has(before.lower)) return false;
  const after = tokens[end];
  if (!after || after.sentence !== tokens[start]!.sentence) return false;
  if (POSSESSIVE.has(after.text)) return true;
  return after.pos === 'VERB' || (after.pos === 'AUX' && !/^(is|was)$/.test(after.lower));
}

const COMPATIBLE: Record<EntityType, GazEntry['kind'][]> = {
  PERSON: ['person'],
  ORG: ['org', 'outlet'],
  GPE: ['country', 'city', 'region'],
  LOC: ['country', 'city', 'region'],
  NORP: ['nationality'],
  EVENT: ['event'],
  MISC: ['nationality', 'event'],
};

/** Gazetteer entries for a proposal's exact words, of a kind its type allows. */
function knownAs(p: Proposal, text: string, tokens: Token[]): GazEntry[] {
  const gaz = gazetteer();
  const surface = tokenSpan(text, tokens, p.tokenStart, p.tokenEnd).text;
  const list = surfaceIndex(gaz).get(surfaceKey(surface));
  if (!list) {
    // a place the tagger found that no list knows, one letter off a country: a misspelling ("Ethopia")
    const near = (p.type === 'GPE' || p.type === 'LOC') && p.tokenEnd - p.tokenStart === 1 ? countryMisspeltAs(surface, gaz) : undefined;
    return near ? [near] : [];
  }
  return list.map((k) => gaz.entries[k]!).filter((e) => COMPATIBLE[p.type].includes(e.kind));
}

export function resolveEntities(doc: NewsDoc, proposals: Proposal[]): EntityRecord[] {
  const { tokens, text } = doc;
  const gaz = gazetteer();
  const drafts = new Map<string, Draft>();
  const mentionOwner = new Map<number, string>(); // first token index of a mention → draft key
  const nationalityAt = new Set<number>();
  const words = tokens.map((t) => t.lower);
  const year = doc.date ? Number(doc.date.slice(0, 4)) : undefined;

  const draftFor = (key: string, init: () => Omit<Draft, 'key' | 'descriptors' | 'mentions'>): Draft => {
    let d = drafts.get(key);
    if (!d) {
      // every field present, in one order: one object shape for every draft (a spread of the
      // optional fields made up to 32, and each new one cost the stages that read drafts a
      // deoptimisation and a recompile)
      const i = init();
      d = {
        key, name: i.name, type: i.type, country: i.country, kbId: i.kbId, gender: i.gender, sector: i.sector,
        roles: i.roles, capitalOf: i.capitalOf, descriptors: [], mentions: [],
      };
      drafts.set(key, d);
    }
    return d;
  };
  const fromEntry = (e: GazEntry): Draft =>
    draftFor(e.kbId, () => ({
      name: e.name, type: e.type, kbId: e.kbId, roles: e.roles ?? [],
      country: e.country || undefined, gender: e.gender || undefined, sector: e.sector || undefined, capitalOf: e.capitalOf || undefined,
    }));
  const addMention = (d: Draft, from: number, to: number, via: string) => {
    if (mentionOwner.get(from) === d.key) return; // a map lookup, not a scan: long articles have thousands of mentions
    const start = tokens[from]!.start;
    const end = tokens[to - 1]!.end;
    // built field by field (the order tokenSpan gives): a spread of a fresh span is slow in this hot path
    d.mentions.push({ start, end, text: text.slice(start, end), via, tokenStart: from, tokenEnd: to });
    mentionOwner.set(from, d.key);
  };

  // 1. Gazetteer proposals name known things.
  const shapes: Proposal[] = [];
  const knownOf = proposals.map((p) => (p.via === 'gazetteer' ? p.entries : knownAs(p, text, tokens)));
  // "the Times" after "The New York Times", "the Post" after "The Washington Post": a known organisation
  // whose name ends another's named in the article is that one
  const orgsNamed = knownOf.flatMap((k) => (k[0] && k[0].type === 'ORG' ? [k[0]] : []));
  const longerNamed = (e: GazEntry): GazEntry | undefined => {
    // (one word after "The": "Times", "Post", "Journal")
    if (e.type !== 'ORG' || orgsNamed.length < 2 || e.name.replace(/^The /, '').includes(' ')) return undefined;
    const tail = ` ${e.name.replace(/^The /, '')}`;
    const longer = orgsNamed.filter((o) => o !== e && o.name.endsWith(tail));
    return longer.length && longer.every((o) => o === longer[0]) ? longer[0] : undefined;
  };
  /** Does proposal n name a state's institution without its state ("the Treasury")? (Institutions are organisations: only their surfaces are read.) */
  const namesGenericInstitution = (n: number) => {
    const p = proposals[n]!;
    return knownOf[n]![0]?.kind === 'org' && isGenericInstitution(tokenSpan(text, tokens, p.tokenStart, p.tokenEnd).text);
  };
  // the countries of what the article names without doubt (places, peoples, people, state bodies): "the
  // Treasury" of a British story is Britain's, not the gazetteer's default American one
  let countriesNamed: Map<string, number> | undefined;
  const countryCounts = () => {
    if (countriesNamed) return countriesNamed;
    countriesNamed = new Map();
    knownOf.forEach((k, n) => {
      const e = k.length === 1 ? k[0]! : undefined;
      // (places, peoples, people and state bodies; not a company, a party or the wire that credits the story)
      const telling = e?.country && (e.kind !== 'org' && e.kind !== 'outlet' || e.sector === 'GOV');
      if (telling && !namesGenericInstitution(n)) countriesNamed!.set(e.country!, (countriesNamed!.get(e.country!) ?? 0) + 1);
    });
    return countriesNamed;
  };
  for (let n = 0; n < proposals.length; n++) {
    const p = proposals[n]!;
    // a learned or shaped span whose words the gazetteer knows is that known thing
    let known = knownOf[n]!;
    if (namesGenericInstitution(n)) known = ofArticlesCountry(known, countryCounts());
    if (!known.length) { shapes.push(p); continue; }
    let entry = longerNamed(known[0]!) ?? known[0]!;
    if (entry.kind === 'nationality') for (let k = p.tokenStart; k < p.tokenEnd; k++) nationalityAt.add(k);
    const after = POSSESSIVE.has(tokens[p.tokenEnd]?.text ?? '') ? p.tokenEnd + 1 : p.tokenEnd;
    if ((entry.kind === 'country' || entry.kind === 'org') && tokens[after] && roleAt(words, after) > 0) {
      for (let k = p.tokenStart; k < p.tokenEnd; k++) nationalityAt.add(k); // "US President": US labels the person
    }
    let via = 'gazetteer';
    if (entry.kind === 'city' && entry.capitalOf && standsForState(tokens, p.tokenStart, p.tokenEnd)) {
      const country = gaz.countries[entry.capitalOf];
      if (country !== undefined) { entry = gaz.entries[country]!; via = 'capital'; }
    }
    addMention(fromEntry(entry), p.tokenStart, p.tokenEnd, p.via === 'gazetteer' ? via : `${p.via}+gazetteer`);
  }

  // 2. Names no list knows: surnames of people already named, acronyms, then new entities.
  const persons = () => [...drafts.values()].filter((d) => d.type === 'PERSON');
  const pending: { p: Proposal; surface: string }[] = [];
  for (const p of shapes) {
    // (a name broken over two lines of a hard-wrapped wire is one name: "Narragansett Capital\nInc")
    const surface = tokenSpan(text, tokens, p.tokenStart, p.tokenEnd).text.replace(/\s+/g, ' ');
    const multi = p.tokenEnd - p.tokenStart > 1;
    if (!multi) { pending.push({ p, surface }); continue; }
    const d = draftFor(`name:${surface}`, () => ({ name: surface, type: p.type, roles: [] }));
    addMention(d, p.tokenStart, p.tokenEnd, p.via);
  }
  for (const { p, surface } of pending) {
    // "Jr." alone (of a "King Jr." the tagger split off) names no one
    if (NAME_SUFFIXES.has(surface)) continue;
    // "Cruz, who had the backing …" after "Ted Cruz" the tagger read as a place (Santa Cruz): a
    // surname that is a "who" makes the full name a person's
    // (not a place after a preposition: "a developer in Virginia, who introduced …")
    if (followedByWho(words, p.tokenEnd) && tokens[p.tokenStart - 1]?.pos !== 'ADP') {
      const placeNamed = [...drafts.values()].find((d) => d.type === 'GPE' && !d.kbId && d.name.includes(' ') && d.name.split(/\s+/).pop() === surface);
      if (placeNamed) placeNamed.type = 'PERSON';
    }
    // ("GARLAND STEPS ASIDE": a surname in a line of capitals is the person's too)
    const name = /^[A-Z]{4,}$/.test(surface) ? surface[0] + surface.slice(1).toLowerCase() : surface;
    const person = persons().find((d) => {
      const parts = d.name.split(/\s+/);
      return parts.length > 1 && (surnameOf(d.name, d.country) === name || parts[parts.length - 1] === name || (!d.kbId && parts[0] === name));
    });
    if (person) { addMention(person, p.tokenStart, p.tokenEnd, 'surname'); continue; }
    // "Hillary" after "Hillary Clinton": a first name alone is the one person of the article who has it
    // (a known person's too, when no one else of the article shares it)
    if (p.type === 'PERSON' || p.type === 'MISC') {
      const named = persons().filter((d) => d.name.includes(' ') && d.name.split(/\s+/)[0] === surface);
      if (named.length === 1) { addMention(named[0]!, p.tokenStart, p.tokenEnd, 'first-name'); continue; }
    }
    const bearer = surnameBearer(gaz.surnames[surface], gaz.entries, year);
    if (bearer) { addMention(fromEntry(bearer), p.tokenStart, p.tokenEnd, 'surname'); continue; }
    // "Wells" after "Wells Fargo", "Lehman" after "Lehman Brothers": an organisation's first word, when one alone fits
    // (the tagger may read a lone "Wells" as a person; no person of the article has that name, as checked above)
    // (a lone name the tagger read as a place is a university's, "at Hofstra" after "Hofstra University")
    if (p.type === 'ORG' || p.type === 'PERSON' || p.type === 'GPE') {
      const orgs = [...drafts.values()].filter((d) => d.type === 'ORG' && d.name.startsWith(`${surface} `) && (p.type !== 'GPE' || SCHOOL_AFTER_NAME.test(d.name.slice(surface.length))));
      if (orgs.length === 1) { addMention(orgs[0]!, p.tokenStart, p.tokenEnd, 'short-name'); continue; }
    }
    // "the Times" after "The New York Times", "the Post" after "The Washington Post", "the Union" after
    // "the European Union": after "the", an organisation's last word, when one alone fits
    if (words[p.tokenStart - 1] === 'the') {
      const orgs = [...drafts.values()].filter((d) => d.type === 'ORG' && d.name.endsWith(` ${surface}`));
      if (orgs.length === 1) { addMention(orgs[0]!, p.tokenStart, p.tokenEnd, 'short-name'); continue; }
    }
    if (/^[A-Z]{2,6}$/.test(surface)) {
      const org = [...drafts.values()].find((d) => (d.type === 'ORG' || d.type === 'MISC') && d.name.includes(' ') && initials(d.name) === surface);
      if (org) { org.type = 'ORG'; addMention(org, p.tokenStart, p.tokenEnd, 'acronym'); continue; }
    }
    const d = draftFor(`name:${surface}`, () => ({ name: surface, type: p.type, roles: [] }));
    addMention(d, p.tokenStart, p.tokenEnd, p.via);
  }

  // 3. Descriptors of people: "Russian dictator Vladimir Putin", "Peskov, the Kremlin spokesman,".
  const isNationality = (i: number) => nationalityAt.has(i);
  for (const d of persons()) {
    for (const m of d.mentions) {
      const from = titleBefore(tokens, words, m.tokenStart, isNationality);
      if (from < m.tokenStart) addDescriptor(d, tokenSpan(text, tokens, from, m.tokenStart).text);
      const app = appositiveAfter(tokens, words, m.tokenEnd);
      if (app) addDescriptor(d, tokenSpan(text, tokens, app[0], app[1]).text);
      if (!d.country) {
        for (let k = from; k < m.tokenStart; k++) {
          const owner = mentionOwner.get(k);
          const c = owner ? drafts.get(owner)?.country : undefined;
          if (c) { d.country = c; break; }
        }
      }
    }
  }

  // 4. Descriptions used as mentions: "the Chinese leader", "the president", "the Chinese capital".
  findNominalMentions(doc, words, drafts, mentionOwner, nationalityAt, addMention);

  // 4b. Epithets for the person just named: "the South Carolina Republican", "the 70-year-old lawmaker".
  findEpithetMentions(doc, words, drafts, mentionOwner, addMention);

  // 5. Pronouns in speech and action: he, him, his, she, her.
  // (both steps ask whether a word stands inside quotation marks; the stretches are found once, on first need)
  const inQuotation = quotationTest(doc);
  resolvePronouns(doc, [...drafts.values()], addMention, inQuotation);

  // 5b. An organisation that speaks again: "it said", "the company added".
  resolveOrganisationSpeakers(doc, words, [...drafts.values()], addMention, inQuotation);

  const out = [...drafts.values()].filter((d) => d.mentions.length > 0);
  for (const d of out) d.mentions.sort((a, b) => a.start - b.start);
  out.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  // every field present (undefined when unknown), in one order: one object shape for every
  // entity, so that the later stages' reads of entities stay monomorphic
  return out.map((d, n): EntityRecord => ({
    // "the Freedom of Information Act", "the Second Amendment": a law, not an organisation (CoNLL's MISC)
    id: `e${n + 1}`, name: d.name, type: d.type === 'ORG' && !d.kbId && LAW_NAME.test(d.name) ? 'MISC' : d.type,
    country: d.country, kbId: d.kbId, gender: d.gender, sector: d.sector,
    descriptors: d.descriptors, mentions: d.mentions,
  }));
}

/** What follows a school's own name ("Hofstra University", "Dartmouth College"): the name alone is the school. */
const SCHOOL_AFTER_NAME = /^ (?:University|College|Institute|Academy|School)$/;

/** A state's institution named without its state, as many states name theirs: "the Treasury", "the Supreme Court", "the Senate". */
const GENERIC_INSTITUTION = /^(?:the\s+)?(?:Treasury|Supreme\s+Court|Senate|Congress|Cabinet|Parliament|Justice\s+Department|Department\s+of\s+Justice|Interior\s+Ministry|Finance\s+Ministry|Foreign\s+Ministry|Defen[cs]e\s+Ministry|Ministry\s+of\s+\w+)$/i;
const isGenericInstitution = (surface: string) => GENERIC_INSTITUTION.test(surface.replace(/\s+/g, ' '));

/**
 * Of the entries a generic institution's name may be, the one of the country the article names
 * most; none (an unknown institution) when the article names other countries at least twice and
 * never that of any entry ("the Congress" of a Philippine story). Otherwise the gazetteer's order
 * stands ("The Senate passed a bill on China tariffs" is still the US Senate).
 */
function ofArticlesCountry(known: GazEntry[], counts: Map<string, number>): GazEntry[] {
  if (!counts.size) return known;
  let best: GazEntry | undefined;
  let bestCount = 0;
  for (const e of known) {
    const c = e.country ? counts.get(e.country) ?? 0 : 0;
    if (c > bestCount) { best = e; bestCount = c; }
  }
  if (best) return [best];
  let others = 0;
  for (const c of counts.values()) others += c;
  return others >= 2 ? [] : known;
}

/**
 * The one person of the gazetteer a surname alone names: of its bearers, those in the news in the
 * article's year (a year's slack either side; all of them when the article has no date), when one
 * alone is. "Bush" in 1987 is George H. W. Bush, in 2005 George W. Bush, in 2016 neither.
 */
function surnameBearer(bearers: number[] | undefined, entries: GazEntry[], year: number | undefined): GazEntry | undefined {
  if (!bearers) return undefined;
  let found: GazEntry | undefined;
  for (const k of bearers) {
    const e = entries[k]!;
    if (year !== undefined && e.active && (year < e.active[0] - 1 || (e.active[1] !== null && year > e.active[1] + 1))) continue;
    if (found) return undefined;
    found = e;
  }
  return found;
}

/** The last word of a law's name. */
const LAW_NAME = /\s(?:Act|Amendment)$/;

function addDescriptor(d: Draft, phrase: string) {
  const clean = phrase.replace(/\s+/g, ' ').trim();
  if (clean && !d.descriptors.some((x) => x.toLowerCase() === clean.toLowerCase())) d.descriptors.push(clean);
}

function findNominalMentions(
  doc: NewsDoc,
  words: readonly string[],
  drafts: Map<string, Draft>,
  mentionOwner: Map<number, string>,
  nationalityAt: Set<number>,
  addMention: (d: Draft, from: number, to: number, via: string) => void,
) {
  const { tokens } = doc;
  const lastMentionBefore = (d: Draft, at: number) => Math.max(-1, ...d.mentions.filter((m) => m.tokenStart < at).map((m) => m.tokenStart));
  for (let i = 0; i < tokens.length; i++) {
    if (words[i] !== 'the') continue;
    let k = i + 1;
    let country: string | undefined;
    if (nationalityAt.has(k) || (mentionOwner.has(k) && drafts.get(mentionOwner.get(k)!)?.type === 'GPE')) {
      const owner = mentionOwner.get(k);
      country = owner ? drafts.get(owner)?.country : undefined;
      while (nationalityAt.has(k) || (mentionOwner.has(k) && k === i + 1)) k++;
      if (!country) continue;
    }
    if (words[k] === 'capital' && country) {
      const city = [...drafts.values()].find((d) => d.capitalOf === country);
      if (city) addMention(city, i, k + 1, 'description');
      continue;
    }
    const len = roleAt(words, k);
    if (!len) continue;
    const end = k + len;
    const next = tokens[end];
    if (next && /^[A-Z]/.test(next.text) && next.pos === 'PROPN') continue; // a title before a name, not a mention
    if (tokens[end - 1]!.lower.endsWith('s') && !words.slice(k, end).join(' ').match(/(ss|us)$/)) continue; // plural: "the officials"
    const role = words.slice(k, end).join(' ');
    const candidates = [...drafts.values()].filter((d) => d.type === 'PERSON' && (!country || d.country === country) &&
      (d.descriptors.some((x) => x.toLowerCase().includes(role)) || d.roles.some((r) => r.toLowerCase().includes(role))) &&
      lastMentionBefore(d, i) >= 0);
    if (!candidates.length) continue;
    candidates.sort((a, b) => lastMentionBefore(b, i) - lastMentionBefore(a, i));
    addMention(candidates[0]!, i, end, 'description');
  }
}

/**
 * Nouns that, after "the" and a few modifiers, stand for a person named just before: a party's member,
 * an occupation news uses as an epithet ("the South Carolina Republican admitted", "the billionaire said").
 */
const EPITHETS = new Set([
  'republican', 'democrat', 'lawmaker', 'legislator', 'congressman', 'congresswoman', 'billionaire', 'businessman', 'businesswoman',
  'mogul', 'tycoon', 'magnate', 'actor', 'actress', 'singer', 'rapper', 'incumbent', 'frontrunner', 'front-runner', 'populist',
  'politician', 'socialist', 'nationalist', 'conservative', 'liberal', 'progressive', 'centrist',
]);
const EPITHET_FILTER = new WordFilter(EPITHETS, 10);

/** The epithets that say the person's gender. */
const EPITHET_GENDER = new Map<string, 'm' | 'f'>([
  ['congressman', 'm'], ['congresswoman', 'f'], ['businessman', 'm'], ['businesswoman', 'f'], ['actor', 'm'], ['actress', 'f'],
]);
/** How many sentences back the person an epithet stands for may have been named. */
const EPITHET_REACH = 2;

function findEpithetMentions(
  doc: NewsDoc,
  words: readonly string[],
  drafts: Map<string, Draft>,
  mentionOwner: Map<number, string>,
  addMention: (d: Draft, from: number, to: number, via: string) => void,
) {
  const { tokens, sentences } = doc;
  let persons: Draft[] | undefined;
  // (from each epithet back to its "the": epithets are rare, "the" is every tenth word)
  for (let head = 1; head < tokens.length; head++) {
    if (!EPITHET_FILTER.mayHave(words[head]!) || !EPITHETS.has(words[head]!)) continue;
    // "the Republican nominee Donald Trump", "the liberal media": a modifier, not the head
    const next = tokens[head + 1];
    if (next && /^(NOUN|PROPN|ADJ)$/.test(next.pos)) continue;
    // "the" and up to five modifier words before the head (names, adjectives, "70-year-old", another epithet)
    let i = head - 1;
    while (i > 0 && i >= head - 6 && words[i] !== 'the') {
      const t = tokens[i]!;
      if (!(t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'NUM' || t.text === '-' || words[i] === 'year' || words[i] === 'old' || EPITHETS.has(words[i]!))) break;
      i--;
    }
    if (words[i] !== 'the' || mentionOwner.has(i)) continue;
    const sentence = tokens[i]!.sentence;
    const from = sentences[Math.max(0, sentence - EPITHET_REACH)]!.tokenStart;
    persons ??= [...drafts.values()].filter((d) => d.type === 'PERSON');
    const gender = EPITHET_GENDER.get(words[head]!);
    // an appositive names its person ("Rep. John Dingell, the Michigan Democrat"); otherwise, of the people
    // named within reach, of the epithet's gender: one whose titles carry the epithet's words ("Senate
    // Republican leader Robert Dole" for "the Kansas Republican"), then the one the article has named most
    // so far, then the last named: an epithet stands for the one the story is about, not a passing name
    // (the subject of the sentence before was tried too, and chose worse over 1,084 articles)
    let best: Draft | undefined;
    const appositive = words[i - 1] === ',' ? persons.find((d) => d.mentions.some((m) => m.tokenEnd === i - 1)) : undefined;
    if (appositive) best = appositive;
    // "His guest, the actress": an appositive to a noun describes that noun's person, someone new
    else if (words[i - 1] === ',' && tokens[i - 2]?.pos === 'NOUN') continue;
    else {
      const cues: RegExp[] = [];
      for (let k = i + 1; k <= head; k++) if (/^[A-Z][a-z]+$/.test(tokens[k]!.text)) cues.push(new RegExp(`\\b${tokens[k]!.text}\\b`));
      let bestScore = -1;
      let bestAt = -1;
      for (const d of persons) {
        if (gender && d.gender && d.gender !== gender) continue;
        let count = 0;
        let last = -1;
        let titled = false;
        for (const m of d.mentions) {
          if (m.tokenStart >= i) continue;
          count++;
          if (m.tokenStart > last) last = m.tokenStart;
          if (!titled && m.via !== 'description') for (const c of cues) if (c.test(m.text)) titled = true;
        }
        if (last < from) continue;
        if (!titled) for (const x of d.descriptors) for (const c of cues) if (c.test(x)) titled = true;
        const score = (titled ? 1000 : 0) + Math.min(count, 999);
        if (score > bestScore || (score === bestScore && last > bestAt)) { best = d; bestScore = score; bestAt = last; }
      }
    }
    if (!best) continue;
    let clash = false;
    for (let k = i + 1; k < head; k++) {
      const owner = mentionOwner.get(k);
      const place = owner ? drafts.get(owner) : undefined;
      if (place && (place.type === 'GPE' || place.type === 'LOC') && place.country && best.country && place.country !== best.country) clash = true;
    }
    if (clash) continue;
    // the party's mention inside the epithet ("Republican") names this person, not the party
    const inner = mentionOwner.get(head);
    const party = inner ? drafts.get(inner) : undefined;
    if (party && party.type !== 'PERSON') {
      party.mentions = party.mentions.filter((m) => m.tokenStart !== head);
      mentionOwner.delete(head);
    }
    addMention(best, i, head + 1, 'description');
  }
}

// Maps, not object literals: a look-up of every token's word in an object is slow, and would find "constructor"
const SUBJECT_PRONOUNS = new Map<string, 'm' | 'f'>([['he', 'm'], ['she', 'f']]);
const OBJECT_PRONOUNS = new Map<string, 'm' | 'f'>([['him', 'm'], ['her', 'f'], ['himself', 'm'], ['herself', 'f']]);
const POSSESSIVE_PRONOUNS = new Map<string, 'm' | 'f'>([['his', 'm']]);

/**
 * Where quotations open and close, as a flat sorted list of bounds (start, end, start, end …), from
 * the opening mark up to the closing one, paragraph by paragraph; a quotation still open at a
 * paragraph's end closes there. ("don''t" is no mark: two apostrophes inside a word are rare.)
 */
function quotationStretches(text: string, paragraphs: readonly { start: number; end: number }[]): number[] {
  const bounds: number[] = [];
  for (const p of paragraphs) {
    let open = 0;
    let straight = 0;
    let inside = false;
    for (let i = p.start; i < p.end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x201c) open++;
      else if (c === 0x201d) open = Math.max(0, open - 1);
      else if (c === 34) straight++;
      // the wires' two-character marks, ''…'' and ``…'', toggle as a straight mark does (the quotes
      // stage leaves '' unread for PolNeAR's sake; who a pronoun inside one means is another matter)
      else if ((c === 39 || c === 96) && text.charCodeAt(i + 1) === c) { straight++; i++; }
      else continue;
      const now = open > 0 || straight % 2 === 1;
      if (now !== inside) { bounds.push(i + 1); inside = now; }
    }
    if (inside) bounds.push(p.end);
  }
  return bounds;
}

/**
 * Whether a character offset lies inside quotation marks: a curly quotation runs from its opening
 * mark to its closing one, a straight one between an odd and an even mark, each within its
 * paragraph. The stretches are found on the first question.
 */
function quotationTest(doc: NewsDoc): (offset: number) => boolean {
  let bounds: number[] | undefined;
  return (offset) => {
    bounds ??= quotationStretches(doc.text, doc.paragraphs);
    // the number of stretch bounds at or before the offset is odd inside a stretch
    return (firstAtOrAfter(bounds, offset + 1, (x) => x) & 1) === 1;
  };
}

function resolvePronouns(doc: NewsDoc, drafts: Draft[], addMention: (d: Draft, from: number, to: number, via: string) => void, inQuotation: (offset: number) => boolean) {
  const { tokens, sentences } = doc;
  // person mentions in text order, updated as pronouns resolve
  const people = drafts.filter((d) => d.type === 'PERSON');
  // person mentions by sentence, kept in token order (pronouns join as they resolve)
  // (`end`: the mention's end token, which tells a possessor or a modifier: "Scott's district")
  const bySentence = new Map<number, { d: Draft; at: number; end: number }[]>();
  for (const d of people) {
    for (const m of d.mentions) {
      const s = tokens[m.tokenStart]!.sentence;
      const list = bySentence.get(s);
      const entry = { d, at: m.tokenStart, end: m.tokenEnd };
      if (list) list.push(entry);
      else bySentence.set(s, [entry]);
    }
  }
  for (const list of bySentence.values()) list.sort((a, b) => a.at - b.at);
  const indexAt = (list: { at: number }[], at: number) => firstAtOrAfter(list, at, (x) => x.at);
  const note = (d: Draft, at: number) => {
    const s = tokens[at]!.sentence;
    const list = bySentence.get(s);
    if (!list) bySentence.set(s, [{ d, at, end: at + 1 }]);
    else list.splice(indexAt(list, at), 0, { d, at, end: at + 1 });
  };
  const fits = (d: Draft, g: 'm' | 'f') => !d.gender || d.gender === g;
  const quoted = (at: number) => inQuotation(tokens[at]!.start);
  /** The first person of sentence `s` before token `before` who fits, optionally other than `not`. */
  const firstIn = (s: number, g: 'm' | 'f', before = Infinity, not?: Draft, notAny?: Set<Draft>, outsideOnly = false) => {
    for (const x of bySentence.get(s) ?? []) {
      if (x.at >= before) break;
      if (fits(x.d, g) && x.d !== not && !notAny?.has(x.d) && !(outsideOnly && quoted(x.at))) return x.d;
    }
    return undefined;
  };
  /**
   * The people named in sentence `s` outside quotation marks, as someone who may speak: not as a
   * modifier ("Clinton campaign spokesman Brian Fallon", "in Scott's district").
   */
  const speakersOf = (s: number) => {
    const out = new Set<Draft>();
    for (const x of bySentence.get(s) ?? []) {
      if (quoted(x.at)) continue;
      const next = tokens[x.end];
      if (next && (POSSESSIVE.has(next.text) || next.pos === 'NOUN' || next.pos === 'PROPN')) continue;
      out.add(x.d);
    }
    return out;
  };
  const possessor = (x: { end: number }) => POSSESSIVE.has(tokens[x.end]?.text ?? '');
  /**
   * The first person of an earlier sentence `s` named outside quotation marks who fits (the one who
   * speaks is whom the next sentence's "he" means: "“… criticizing Trump …,” writes Prager. He admits …"),
   * else the first who fits.
   */
  const firstOutsideIn = (s: number, g: 'm' | 'f') => {
    const list = bySentence.get(s);
    if (!list) return undefined;
    // (not a possessor: "Trump's misinformation may be “strategic,” said Jeffery Hemsley. … he said")
    for (const x of list) if (fits(x.d, g) && !quoted(x.at) && !possessor(x)) return x.d;
    return firstIn(s, g);
  };
  /** The last person of sentence `s` before token `before` who fits and is not `not`. */
  const lastIn = (s: number, g: 'm' | 'f', before = Infinity, not?: Draft) => {
    const list = bySentence.get(s) ?? [];
    for (let k = indexAt(list, before) - 1; k >= 0; k--) if (fits(list[k]!.d, g) && list[k]!.d !== not) return list[k]!.d;
    return undefined;
  };
  for (const t of tokens) {
    const lower = t.lower;
    // every pronoun looked for starts with h or s: most words leave after one character test
    const first = lower.charCodeAt(0);
    if (first !== 104 && first !== 115) continue;
    const subjectG = SUBJECT_PRONOUNS.get(lower);
    const objectG = OBJECT_PRONOUNS.get(lower) ?? (lower === 'her' && tokens[t.i + 1]?.pos !== 'NOUN' && tokens[t.i + 1]?.pos !== 'ADJ' ? 'f' : undefined);
    const possG = POSSESSIVE_PRONOUNS.get(lower) ?? (lower === 'her' && !objectG ? 'f' : undefined);
    const g = subjectG ?? objectG ?? possG;
    if (!g || t.pos !== 'PRON' && t.pos !== 'DET') continue;
    let chosen: Draft | undefined;
    if (subjectG || possG) {
      // (a subject outside quotation marks is no one named inside them in its sentence: "“You know, I love
      // Larry,” he said" is the speaker's, named before; a possessive may be: "… at the top of his game")
      chosen = firstIn(t.sentence, g, t.i, undefined, undefined, !!subjectG && !quoted(t.i));
      const quotedHere = !chosen && quoted(t.i);
      for (let s = t.sentence - 1; !chosen && s >= 0 && s >= t.sentence - 3; s--) {
        if (sentences[s]!.paragraph < sentences[t.sentence]!.paragraph - 1) break;
        // (a pronoun inside a quotation speaks of someone other than its speaker, who is named outside the
        // quotation marks in the pronoun's sentence: "“He looked like a grown-up,” Matthews added")
        chosen = quotedHere ? firstIn(s, g, Infinity, undefined, speakersOf(t.sentence)) : firstOutsideIn(s, g);
      }
    } else {
      // the clause's subject (its first person, whatever the gender) is not the object pronoun's referent
      const list = bySentence.get(t.sentence);
      const subject = list && list[0] && list[0].at < t.i ? list[0].d : undefined;
      chosen = lastIn(t.sentence, g, t.i, subject);
      for (let s = t.sentence - 1; !chosen && s >= 0 && s >= t.sentence - 2; s--) chosen = lastIn(s, g, Infinity, subject);
    }
    if (chosen) {
      addMention(chosen, t.i, t.i + 1, 'pronoun');
      note(chosen, t.i);
    }
  }
}

/** Verbs that make "it" or "the company" before them a speaker. */
const ORG_SPEAKING_VERBS = new Set(['said', 'says', 'added', 'adds', 'told', 'announced', 'announces', 'reported', 'reports', 'noted', 'stated', 'disclosed',
  'confirmed', 'denied', 'expects', 'expected', 'estimated', 'estimates', 'forecast', 'predicted', 'predicts', 'warned', 'explained', 'argued', 'claimed']);
/** Words between the speaker and the verb: "it also said", "the company has said". */
const BEFORE_SPEAKING = new Set(['also', 'has', 'had', 'have', 'previously', 'earlier', 'further', 'later']);
/** What a wire writes after an organisation's name before its verb: the close of a ticker ("<Pall Corp> said"), a kind ("The Sunday Mail newspaper branded"). */
const AFTER_ORG_NAME = new Set(['>', 'newspaper', 'daily', 'weekly', 'magazine', 'paper', 'agency', 'company', 'group', 'bank']);
/** Nouns a business or public body is called again by: "the company said", "the ministry added". */
const BODY_NOUNS = new Set(['company', 'firm', 'bank', 'group', 'corporation', 'concern', 'utility', 'airline', 'carrier', 'maker', 'insurer',
  'retailer', 'lender', 'brokerage', 'agency', 'ministry', 'department', 'exchange', 'fund', 'union', 'partnership', 'subsidiary', 'unit',
  'council', 'committee', 'commission', 'board', 'institute', 'association', 'guild', 'trust']);
/** How many sentences back the organisation that speaks again may have been named. */
const ORG_SPEAKER_REACH = 3;

/**
 * "Pall Corp said sales rose. For the first half, it said …", "The company added …": "it", or a
 * definite noun for a body, as the subject of a reporting verb is an organisation named before
 * (not the agency credited in a dateline). For "it", the first one named as a subject (a verb
 * after it) in the nearest sentence that names one, that sentence or up to three before; for a
 * noun, one whose name holds the noun ("the bank" → "Bank of Japan"), else any organisation so
 * placed (see organisationBefore).
 */
function resolveOrganisationSpeakers(doc: NewsDoc, words: readonly string[], drafts: Draft[], addMention: (d: Draft, from: number, to: number, via: string) => void, inQuotation: (offset: number) => boolean) {
  const { tokens } = doc;
  let orgs: { d: Draft; at: number; subject: boolean }[] | undefined;
  /** Is the verb (past "also", "has") after token `end` a reporting one, or any verb when `anyVerb`? */
  const verbAfter = (end: number, anyVerb: boolean) => {
    let v = end;
    // ("Comalco Ltd <CMAC.S> said": a ticker in angle brackets after the name)
    if (words[v] === '<') { const close = words.indexOf('>', v); if (close > v && close - v <= 6) v = close + 1; }
    if (AFTER_ORG_NAME.has(words[v] ?? '')) v++;
    while (v < end + 2 && BEFORE_SPEAKING.has(words[v] ?? '')) v++;
    const t = tokens[v];
    return !!t && t.sentence === tokens[end - 1]!.sentence && (ORG_SPEAKING_VERBS.has(words[v]!) || (anyVerb && (t.pos === 'VERB' || t.pos === 'AUX')));
  };
  /** Does the phrase at `at` open a sentence or a clause set off by a comma ("…, the OECD, said"; not "Hess, with the Brookings Institution …, said")? */
  const opensClause = (at: number) => {
    let k = at - 1;
    if (words[k] === 'the') k--;
    return k < 0 || tokens[k]!.sentence !== tokens[at]!.sentence || words[k] === ',' || words[k] === 'and' || words[k] === 'but';
  };
  /** A reporting verb closes the phrase after token `end`: "…, the Organisation for …, OECD, said." */
  const speaksAfter = (end: number) => {
    for (let v = end; v < tokens.length && v < end + 8 && tokens[v]!.sentence === tokens[end - 1]!.sentence; v++) {
      if (ORG_SPEAKING_VERBS.has(words[v]!)) return words[v - 1] === ',' || v === end;
      if (/^[.;:!?]$/.test(words[v]!)) return false;
    }
    return false;
  };
  /** The organisations' mentions in text order, each marked if it is a subject (a verb follows it), not the agency in a dateline ("BERLIN (Reuters) - Siemens said …"). */
  const organisationMentions = () => {
    const credited = datelineEnd(doc.text);
    const out: { d: Draft; at: number; subject: boolean }[] = [];
    for (const d of drafts) {
      if (d.type !== 'ORG') continue;
      for (const m of d.mentions) if (m.start >= credited) out.push({ d, at: m.tokenStart, subject: verbAfter(m.tokenEnd, true) || (opensClause(m.tokenStart) && speaksAfter(m.tokenEnd)) });
    }
    return out.sort((a, b) => a.at - b.at);
  };
  for (let i = 0; i < tokens.length - 1; i++) {
    const w = words[i]!;
    let end: number;
    if (w === 'it' && tokens[i]!.pos === 'PRON') end = i + 1;
    else if (w === 'the' && BODY_NOUNS.has(words[i + 1]!)) end = i + 2;
    else continue;
    if (!verbAfter(end, false)) continue;
    // "“It says that everyone …”": inside a quotation "it" is the speaker's, not the writer's
    if (inQuotation(tokens[i]!.start)) continue;
    orgs ??= organisationMentions();
    const noun = end === i + 2 ? words[i + 1]! : undefined;
    const chosen = organisationBefore(tokens, noun ? orgs : orgs.filter((o) => o.subject), i, noun);
    if (!chosen) continue;
    addMention(chosen, i, end, noun ? 'description' : 'pronoun');
    // it speaks for the organisation from here on: "The bank also said it expects …"
    orgs.splice(firstAtOrAfter(orgs, i, (o) => o.at), 0, { d: chosen, at: i, subject: true });
  }
}

/**
 * The organisation `noun` names ("the bank": the last one before with "bank" in its name, or the
 * one body of the article so named, however far back), else the first one in the nearest sentence
 * that names one: the speaker's own, before it, or up to ORG_SPEAKER_REACH back.
 */
function organisationBefore(tokens: readonly Token[], orgs: readonly { d: Draft; at: number }[], at: number, noun?: string): Draft | undefined {
  const sentence = tokens[at]!.sentence;
  const near = orgs.filter((o) => o.at < at && tokens[o.at]!.sentence >= sentence - ORG_SPEAKER_REACH);
  const holdsNoun = (o: { d: Draft }) => o.d.name.toLowerCase().split(/\s+/).includes(noun!);
  const named = noun ? near.filter(holdsNoun) : [];
  if (named.length) return named[named.length - 1]!.d;
  // "the ministry said" far from "the Finance Ministry": the one body of the article the noun names
  if (noun) {
    const anywhere = new Set(orgs.filter((o) => o.at < at && holdsNoun(o)).map((o) => o.d));
    if (anywhere.size === 1) return [...anywhere][0];
  }
  for (let s = sentence; s >= sentence - ORG_SPEAKER_REACH; s--) {
    const first = near.find((o) => tokens[o.at]!.sentence === s);
    if (first) return first.d;
  }
  return undefined;
}

/** Is the name ending at token `end` followed by ", who" ("Cruz, who had the backing …")? (Not a verb of saying: "voters in Virginia said".) */
function followedByWho(words: readonly string[], end: number): boolean {
  return words[end] === ',' && words[end + 1] === 'who';
}


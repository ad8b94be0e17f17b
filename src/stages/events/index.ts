/**
 * Events: who did what to whom, where and when, coded in PLOVER with a CAMEO code.
 * A first coder: triggers from data/lexicons/events.json matched on verbs and nouns, actors from
 * the sentence around them (subject before a verb, object after it; "X's invasion of Y";
 * "meeting between X and Y"), the place from "in/at <place>", the date from the nearest time.
 */
import type { EntityRecord, EventRecord, NewsDoc, Sentence, Stage } from '../../doc/types.js';
import { tokenSpan } from '../../doc/span.js';
import { eventLexicon, titleLexicon, type TriggerRule } from '../../resources/lexicons.js';

const ACTOR_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);
const PLACE_PREPS = new Set(['in', 'at', 'near', 'outside', 'inside']);
const TARGET_PREPS = new Set(['on', 'against', 'of', 'to', 'with', 'into', 'for']);
const COORDINATION = new Set([',', 'and', 'or', 'including', 'as', 'well', 'both', 'especially', 'notably']);
const NEGATIONS = new Set(['not', "n't", 'never', 'no']);
const CLAUSE_BREAKS = new Set([';', 'while', 'whereas', 'but', 'although', 'because', 'which', 'who', 'since', 'until', 'when', 'that']);
const POSSESSIVE = new Set(["'s", '’s']);
/** "…, calling him", "after meeting X": the participle's subject is the sentence's subject */
const PARTICIPLE_INTRO = new Set([',', 'after', 'before', 'while', 'when', 'since', 'by', 'without', 'upon']);
/** verbs that carry an event noun: "launched an attack", "paid a visit", "increase military aid" */
const SUPPORT_VERBS = new Set(['launch', 'launched', 'launches', 'carry', 'carried', 'carries', 'conduct', 'conducted', 'conducts', 'stage', 'staged', 'mount', 'mounted', 'begin', 'began', 'begun', 'start', 'started', 'make', 'made', 'hold', 'held', 'holds', 'pay', 'paid', 'pays', 'increase', 'increased', 'provide', 'provided', 'send', 'sent', 'deliver', 'delivered', 'announce', 'announced', 'order', 'ordered', 'step', 'stepped', 'resume', 'resumed', 'continue', 'continued', 'host', 'hosted']);
/** words of a title between coordinated people: "Xi Jinping and Russian dictator Vladimir Putin" */
const labelWords = new Set(titleLexicon().roleWords);

interface ActorMention { entity: EntityRecord; start: number; end: number }

export function findEvents(doc: NewsDoc): EventRecord[] {
  const { tokens, sentences, entities, times, quotes, text } = doc;
  const lex = eventLexicon();
  const words = tokens.map((t) => t.lower);
  const mentionAt = new Map<number, ActorMention>();
  for (const e of entities) for (const m of e.mentions) {
    const { tokenStart, tokenEnd } = m as unknown as { tokenStart: number; tokenEnd: number };
    mentionAt.set(tokenStart, { entity: e, start: tokenStart, end: tokenEnd });
  }
  const countryEntity = (iso3: string | undefined) =>
    iso3 ? entities.find((e) => e.type === 'GPE' && e.kbId === `country:${iso3}`) : undefined;
  const isCity = (e: EntityRecord) => e.kbId?.startsWith('city:') === true;
  /** "Chinese" in "Chinese leader Xi Jinping" labels the person; it is not an actor of its own. */
  const labelsPerson = (a: ActorMention) => {
    if (a.entity.type !== 'NORP' && a.entity.type !== 'GPE') return false;
    for (let j = a.end; j < a.end + 4 && j < tokens.length; j++) {
      const next = mentionAt.get(j);
      if (next) return next.entity.type === 'PERSON';
      if (!/^(NOUN|PROPN|ADJ)$/.test(tokens[j]!.pos)) return false;
    }
    return false;
  };
  const isActor = (a: ActorMention) => ACTOR_TYPES.has(a.entity.type) && !isCity(a.entity) && !a.entity.kbId?.startsWith('outlet:') && !labelsPerson(a);
  /** Actor mentions in token range [from, to) of sentence s, cities excluded (they are places). */
  const actorsIn = (from: number, to: number): ActorMention[] => {
    const out: ActorMention[] = [];
    for (let k = from; k < to; k++) {
      const a = mentionAt.get(k);
      if (a) { if (isActor(a) || (isCity(a.entity) && !labelsPerson(a))) out.push(a); k = a.end - 1; }
    }
    return out;
  };
  const clauseStart = (k: number, s: Sentence) => {
    for (let j = k - 1; j > s.tokenStart; j--) if (CLAUSE_BREAKS.has(words[j]!)) return j + 1;
    return s.tokenStart;
  };
  const clauseEnd = (k: number, s: Sentence) => {
    for (let j = k + 1; j < s.tokenEnd; j++) if (CLAUSE_BREAKS.has(words[j]!) || (words[j] === ',' && (words[j + 1] === 'which' || words[j + 1] === 'as' || (tokens[j + 1]?.pos === 'VERB' && words[j + 1] !== 'including')))) return j;
    return s.tokenEnd;
  };
  /** The subject of a verb: the first person in its clause, else the nearest actor before it. */
  const subjectOf = (k: number, s: Sentence): ActorMention | undefined => {
    const participle = words[k]!.endsWith('ing') && PARTICIPLE_INTRO.has(words[k - 1] ?? '');
    const from = participle ? s.tokenStart : clauseStart(k, s);
    const before = actorsIn(from, k).filter((a) => isActor(a) && !PLACE_PREPS.has(words[a.start - 1] ?? '') && !TARGET_PREPS.has(words[a.start - 1] ?? ''));
    return before.find((a) => a.entity.type === 'PERSON') ?? before[before.length - 1];
  };
  /** Targets after a trigger: the first actor, and those coordinated with it ("China and India"). */
  const targetsAfter = (k: number, s: Sentence): { targets: ActorMention[]; place?: ActorMention } => {
    const end = clauseEnd(k, s);
    const found = actorsIn(k + 1, end);
    const targets: ActorMention[] = [];
    let place: ActorMention | undefined;
    let closed = false;
    for (const a of found) {
      const prep = words[a.start - 1] ?? '';
      if (isCity(a.entity) || (PLACE_PREPS.has(prep) && a.entity.type === 'GPE' && targets.length === 0 && !/^(including|and)$/.test(prep))) {
        if (!place && (PLACE_PREPS.has(prep) || prep === 'to')) place = a;
        if (isCity(a.entity) && prep === 'to' && !targets.length) {
          const c = countryEntity(a.entity.country);
          if (c) targets.push({ entity: c, start: a.start, end: a.end });
        }
        continue;
      }
      if (closed) continue;
      if (targets.length) {
        const last = targets[targets.length - 1]!;
        const between = words.slice(last.end, a.start);
        if (!between.every((w) => COORDINATION.has(w) || labelWords.has(w))) { closed = true; continue; }
      }
      targets.push(a);
    }
    return { targets, ...(place ? { place } : {}) };
  };
  const dateNear = (k: number, s: Sentence): string | null => {
    const inSentence = times.filter((t) => t.start >= s.start && t.end <= s.end && (t.type === 'DATE' || t.type === 'TIME'));
    if (!inSentence.length) return null;
    const at = tokens[k]!.start;
    inSentence.sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at));
    return inSentence[0]!.value;
  };
  const attributionOf = (offset: number): string | null => {
    const q = quotes.find((x) => x.kind !== 'scare' && x.content.start <= offset && offset < x.content.end && x.speaker);
    return q?.speaker ?? null;
  };
  /** "the 15% tariff that Washington imposed": the object named before a relative clause */
  const objectBefore = (k: number, objects: string[]) => {
    for (let j = k - 1; j >= 0 && j >= k - 5; j--) if (objects.includes(words[j]!) && words.slice(j + 1, k).includes('that')) return true;
    return false;
  };
  const ruleFor = (k: number, rules: TriggerRule[], asVerb: boolean): TriggerRule | undefined => {
    if (asVerb) {
      // the most specific requirement first: a particle ("called on"), an object ("imposed tariffs"), a complement
      const hit =
        rules.find((r) => r.particle?.includes(words[k + 1] ?? '')) ??
        rules.find((r) => r.objects?.length && (words.slice(k + 1, k + 5).some((w) => r.objects!.includes(w)) || objectBefore(k, r.objects!))) ??
        rules.find((r) => r.complement?.length && words.slice(k + 1, k + 6).some((w) => r.complement!.includes(w)));
      if (hit) return hit;
    }
    return rules.find((r) => !asVerb || !(r.objects?.length || r.particle?.length || r.complement?.length));
  };

  const out: EventRecord[] = [];
  for (const s of sentences) {
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const t = tokens[k]!;
      const next = tokens[k + 1];
      const gerund = t.lower.endsWith('ing') && lex.verbs.has(t.lower) && !!next && next.sentence === s.index && /^[A-Z]/.test(next.text) && PARTICIPLE_INTRO.has(words[k - 1] ?? '');
      const asVerb = t.pos === 'VERB' || (t.pos === 'AUX' && lex.verbs.has(t.lower)) || gerund;
      const rules = asVerb ? lex.verbs.get(t.lower) : t.pos === 'NOUN' || t.pos === 'PROPN' ? lex.nouns.get(t.lower) : undefined;
      if (!rules) continue;
      const rule = ruleFor(k, rules, asVerb);
      if (!rule) continue;
      let triggerEnd = k + 1;
      if (rule.particle?.includes(words[k + 1] ?? '')) triggerEnd = k + 2;
      else if (asVerb && rule.objects?.length) {
        const obj = words.slice(k + 1, k + 5).findIndex((w) => rule.objects!.includes(w));
        if (obj >= 0) triggerEnd = k + 2 + obj;
      }
      let source: ActorMention | undefined;
      let targets: ActorMention[] = [];
      let place: ActorMention | undefined;
      if (asVerb) {
        source = subjectOf(k, s);
        if (words[k - 1] === 'to') {
          // "urged European allies to impose sanctions": the one urged would act
          let v = k - 2;
          while (v > s.tokenStart && tokens[v]!.pos !== 'VERB') v--;
          const between = actorsIn(v + 1, k - 1).filter(isActor);
          if (between.length) source = between[between.length - 1];
        }
        ({ targets, place } = targetsAfter(triggerEnd - 1, s));
        // a visit to a city is a visit to its country
        if (place && rule.cameo === '042' && (!targets.length || targets[0]!.start > place.start)) {
          const c = countryEntity(place.entity.country);
          if (c) targets = [{ entity: c, start: place.start, end: place.end }];
        }
        if (words[k - 1] === 'was' || words[k - 1] === 'were' || words[k - 1] === 'been') {
          // passive: "was invaded by Russia" — the subject is the target
          const by = words.indexOf('by', k);
          const agent = by > k && by < k + 4 ? mentionAt.get(by + 1) : undefined;
          const patient = source;
          source = agent;
          targets = patient ? [patient] : [];
        }
      } else {
        // "Russia's full-scale invasion of Ukraine", "Xi Jinping's visit to Moscow", "Western sanctions"
        let j = k - 1;
        while (j >= s.tokenStart && (tokens[j]!.pos === 'ADJ' || tokens[j]!.pos === 'NOUN' || tokens[j]!.text === '-') && !mentionAt.has(j)) j--;
        if (j >= s.tokenStart && POSSESSIVE.has(tokens[j]!.text)) {
          const owner = [...mentionAt.values()].find((a) => a.end === j);
          if (owner && isActor(owner)) source = owner;
          else if (owner && isCity(owner.entity)) source = owner;
        } else {
          const adj = [...mentionAt.values()].find((a) => a.end === j + 1 && a.end <= k && isActor(a));
          if (adj) source = adj;
        }
        if (!source) {
          // "Russian forces launched a massive missile attack": the subject of the verb carrying the noun
          for (let v = k - 1; v >= s.tokenStart && v >= k - 5; v--) {
            if (SUPPORT_VERBS.has(words[v]!) && (tokens[v]!.pos === 'VERB' || tokens[v]!.pos === 'AUX')) { source = subjectOf(v, s); break; }
            if (mentionAt.has(v) || tokens[v]!.pos === 'VERB' || words[v] === ',') break;
          }
        }
        if (words[k + 1] === 'between') {
          const pair = actorsIn(k + 2, clauseEnd(k, s)).filter(isActor);
          if (pair.length >= 2) { source = pair[0]; targets = [pair[1]!]; }
          const rest = targetsAfter(k + 1, s);
          place = rest.place;
        } else if (TARGET_PREPS.has(words[k + 1] ?? '')) {
          ({ targets, place } = targetsAfter(k, s));
        } else if (PLACE_PREPS.has(words[k + 1] ?? '')) {
          place = targetsAfter(k, s).place;
        }
        if (!targets.length && place && rule.cameo === '042') {
          const c = countryEntity(place.entity.country);
          if (c) targets = [{ entity: c, start: place.start, end: place.end }];
        }
        if (!source && !targets.length) continue;
      }
      if (source && isCity(source.entity)) {
        const c = countryEntity(source.entity.country);
        source = c ? { ...source, entity: c } : undefined;
      }
      if (!place) {
        const before = actorsIn(clauseStart(k, s), k).filter((a) => isCity(a.entity) && PLACE_PREPS.has(words[a.start - 1] ?? ''));
        place = before[before.length - 1];
      }
      const negated = words.slice(Math.max(s.tokenStart, k - 3), k).some((w) => NEGATIONS.has(w));
      const trigger = tokenSpan(text, tokens, k, triggerEnd);
      const base = {
        type: rule.type,
        cameo: rule.cameo,
        ...(lex.quadClass(rule.cameo) ? { quadClass: lex.quadClass(rule.cameo)! } : {}),
        source: source?.entity.id ?? null,
        location: place?.entity.id ?? null,
        date: dateNear(k, s),
        trigger,
        ...(negated ? { negated: true } : {}),
        attributedTo: attributionOf(tokens[k]!.start),
        sentence: s.index,
        rule: `${asVerb ? 'verb' : 'noun'}:${rule.type}/${rule.cameo}`,
      };
      const targetIds = targets.map((a) => a.entity.id).filter((id) => id !== base.source);
      if (!base.source && !targetIds.length) continue; // an event without actors codes nothing
      if (!targetIds.length) out.push({ ...base, target: null });
      for (const id of new Set(targetIds)) out.push({ ...base, target: id });
      k = triggerEnd - 1;
    }
  }
  return out;
}

export const eventsStage: Stage = {
  name: 'events',
  requires: ['tokens', 'sentences', 'entities', 'times', 'quotes'],
  assigns: ['events'],
  run: (doc) => ({ events: findEvents(doc) }),
};


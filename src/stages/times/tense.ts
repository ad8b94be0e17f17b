import type { Sentence, Token } from '../../doc/types.js';
import { tokenAt } from '../../doc/span.js';

export type Tense = 'past' | 'future' | 'none';
type Cue = Tense | 'report' | 'report-ing' | 'present';

/** Words that put the clause in the future ("will meet on Friday", "is going to", "is scheduled"). */
const FUTURE = new Set([
  'will', "'ll", 'll', 'shall', 'wo', 'would', 'gonna', 'scheduled', 'slated', 'upcoming', 'due', 'plans',
  'planned', 'planning', 'expected', 'expect', 'expects', 'intends', 'aims', 'hopes', 'set',
]);

/** Irregular past forms; regular ones are found by their "-ed" ending on a verb. */
const PAST = new Set([
  'was', 'were', 'had', 'did', 'made', 'took', 'came', 'went', 'saw', 'met', 'gave', 'got',
  'found', 'left', 'held', 'began', 'became', 'brought', 'built', 'bought', 'sold', 'thought', 'knew',
  'grew', 'fell', 'rose', 'won', 'lost', 'paid', 'sent', 'spent', 'struck', 'fought', 'ran', 'led', 'kept',
  'wrote', 'broke', 'chose', 'drove', 'flew', 'forgot', 'hid', 'meant', 'shot', 'shut', 'slept',
  'stood', 'stole', 'swore', 'taught', 'threw', 'understood', 'woke', 'wore', 'withdrew', 'arose', 'felt',
  'heard', 'dealt', 'fled', 'sought', 'sat', 'lay', 'laid', 'overtook', 'ago', 'earlier', 'previously',
  'begun', 'gone', 'done', 'seen', 'taken', 'given', 'been', 'killed', 'wounded', 'injured', 'hit',
]);

/**
 * Reporting verbs say when the report was made, not when the reported event happens
 * ("said it will pay Dec. 7"): they are a past cue only right beside the expression
 * ("said Wednesday", "Wednesday said").
 */
const REPORT_REACH = 2;
const REPORTING = new Set([
  'said', 'says', 'told', 'reported', 'announced', 'added', 'noted', 'stated', 'declared', 'explained',
  'wrote', 'claimed', 'argued', 'insisted', 'warned', 'confirmed', 'disclosed', 'indicated', 'estimated',
  'predicted', 'forecast', 'projected', 'spoke',
  // their -ing forms report too ("announcing on Wednesday he would meet", "saying Monday that …")
  'saying', 'telling', 'announcing', 'adding', 'noting', 'stating', 'declaring', 'claiming', 'insisting', 'confirming',
]);

/** Tense words whose form says their tense alone (no base form alike: not "lay", "hit", "shut"). */
const CLEAR_FORMS = new Set(['was', 'were', 'had', 'did', 'will', 'would', "'ll", 'shall', 'wo', 'went', 'came', 'took', 'made', 'won', 'lost', 'met', 'gave', 'got', 'began', 'said', 'told']);

/** Words that end a clause or open another: the tense on their far side is another clause's. */
const CLAUSE_MARKS = new Set(['that', ',', ';', ':', 'who', 'which', 'when', 'because', 'after', 'before', 'while', 'and', 'but', 'as', 'if']);

/** Pronouns that open a clause as its subject. */
const SUBJECT_PRONOUNS = new Set(['it', 'he', 'she', 'they', 'we', 'i']);

/** Auxiliaries that may stand before a plan word ("were planning to drive"). */
const PLAN_AUX = new Set(['was', 'were', 'is', 'are']);
const PLAN_AFTER_AUX = new Set(['planning', 'scheduled', 'slated', 'going', 'expected', 'set', 'due']);

/** Present-tense auxiliaries: the clause is about the present, which blocks a farther past or future cue. */
const PRESENT = new Set(['is', 'are', 'am', 'has', 'have', 'does', 'do']);
/** Verbs that end in "-eed" in the present tense ("will succeed", "exceed"). */
const EED_PRESENT = new Set(['succeed', 'proceed', 'exceed', 'need', 'feed', 'bleed', 'speed', 'breed', 'heed', 'seed', 'plead']);
/** Short words in "-ed" that are no past tense. */
const NOT_PAST_ED = new Set(['shed', 'weed', 'deed', 'reed', 'sled', 'sped']);
/** Auxiliaries before a participle that is not a past tense ("will be paid", "is expected"). */
const PASSIVE_AUX = new Set(['be', 'is', 'are', 'am', 'being']);

/** Words before a plan word that put the plan in the past: "had been due to expire", "as previously planned". */
const PAST_PLAN = new Set(['had', 'previously', 'originally', 'initially', 'once']);

/** The tense a cue stands for: reports are past, the present none (it blocks a farther cue, and names no side). */
function asTense(cue: Cue): Tense {
  return cue === 'report' || cue === 'report-ing' ? 'past' : cue === 'present' ? 'none' : cue;
}

function cueOf(tok: Token, next: Token | undefined, prev: Token | undefined, prev2: Token | undefined): Cue {
  const w = tok.lower;
  if (REPORTING.has(w)) return w.endsWith('ing') ? 'report-ing' : 'report';
  if (w === 'going' && next?.lower === 'to') return 'future';
  // "would have been": what did not happen, in the past
  if (w === 'would' && next?.lower === 'have') return 'past';
  // "were planning to", "was scheduled to": the plan word after the auxiliary carries the tense
  if (PLAN_AUX.has(w) && PLAN_AFTER_AUX.has(next?.lower ?? '')) return 'none';
  // "is to resume", "are to meet": a plan; "if she were to win": a hypothesis, about a time to come
  if (w === 'to' && (prev?.lower === 'is' || prev?.lower === 'are' || prev?.lower === 'were') && next?.pos === 'VERB') return 'future';
  if (FUTURE.has(w)) {
    // a plan already past: "had been scheduled to expire Friday", "as previously planned"
    if (w !== 'will' && w !== 'would' && (PAST_PLAN.has(prev?.lower ?? '') || (prev?.lower === 'been' && prev2?.lower === 'had'))) return 'past';
    // "set", "due", "planned" are future cues only before "to": "is set to visit", "due to meet", "planned to pay"
    // (not "the hastily planned trip"; "expect" and "expects" look ahead whatever follows: "voters expect Clinton to win")
    // ("there are no plans for Funaro to meet bankers … on Friday": a plan for someone to act, too; not
    // "set aside vacation plans for the hastily planned trip")
    const plansFor = w === 'plans' && next?.lower === 'for' && /^(no|are|were|any)$/.test(prev?.lower ?? '');
    if ((w === 'set' || w === 'due' || w === 'expected' || w === 'plans' || w === 'planned') && next?.lower !== 'to' && !plansFor) return 'none';
    return 'future';
  }
  const verb = tok.pos === 'VERB' || tok.pos === 'AUX';
  // ("sued", "died", "used" are four letters; "need", "shed" are no past)
  const pastForm = PAST.has(w) || (verb && w.length >= 4 && w.endsWith('ed') && !EED_PRESENT.has(w) && !NOT_PAST_ED.has(w));
  // a participle after "be", "is", "are" ("will be paid", "is expected"): the auxiliary, or the modal before it, carries the tense
  if (pastForm && PASSIVE_AUX.has(prev?.lower ?? '')) return 'none';
  if (pastForm) return 'past';
  if (PRESENT.has(w) && verb) return 'present';
  return 'none';
}

/**
 * The tense that governs a time expression: the nearest tense cue in its sentence, by token
 * distance (at most `reach` tokens away, when given). Cues of each sentence are computed once and cached.
 */
export function tenseFinder(tokens: Token[], sentences: Sentence[]): (start: number, end: number, reach?: number) => Tense {
  const cache = new Map<number, { at: number; tense: Cue }[]>();
  const cuesOf = (s: Sentence) => {
    let cues = cache.get(s.index);
    if (!cues) {
      cues = [];
      for (let t = s.tokenStart; t < s.tokenEnd; t++) {
        const tense = cueOf(tokens[t]!, tokens[t + 1], t > s.tokenStart ? tokens[t - 1] : undefined, t > s.tokenStart + 1 ? tokens[t - 2] : undefined);
        if (tense !== 'none') cues.push({ at: t, tense });
      }
      cache.set(s.index, cues);
    }
    return cues;
  };
  const sentenceAt = (offset: number): Sentence | undefined => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sentences[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return s;
    }
    return undefined;
  };
  /** Whether a reporting verb stands at most six tokens before token `first`, with no verb, auxiliary or clause mark between. */
  const reportBefore = (first: number, s: Sentence): boolean => {
    for (let k = first - 1; k >= Math.max(s.tokenStart, first - 6); k--) {
      const t = tokens[k]!;
      if (REPORTING.has(t.lower) && (t.pos === 'VERB' || t.pos === 'AUX')) return true;
      if (t.pos === 'VERB' || t.pos === 'AUX' || CLAUSE_MARKS.has(t.lower)) return false;
    }
    return false;
  };
  /** The tense of the cue nearest before token `first`, when it is at most eight tokens back, in the same clause, of a clear form. */
  const clauseCueBefore = (first: number, s: Sentence): Cue | undefined => {
    let nearest: { at: number; tense: Cue } | undefined;
    for (const cue of cuesOf(s)) {
      if (cue.at >= first) break;
      nearest = cue;
    }
    if (!nearest || first - nearest.at > 8) return undefined;
    for (let k = nearest.at + 1; k < first; k++) if (CLAUSE_MARKS.has(tokens[k]!.lower)) return undefined;
    // (only unambiguous forms: "lay odds on the caucuses Feb. 23" is no past tense)
    const w = tokens[nearest.at]!.lower;
    return CLEAR_FORMS.has(w) || w.endsWith('ed') ? nearest.tense : undefined;
  };
  /** Whether the clause of the expression ends right after it, at "that", a comma or the sentence end (a complement follows). */
  // (or at the subject of a clause reported without "that": "told reporters on Saturday it would be unwise")
  const boundaryAfter = (after: number, s: Sentence): boolean => {
    const t = tokens[after];
    return !t || after >= s.tokenEnd || CLAUSE_MARKS.has(t.lower) || t.lower === '.' || SUBJECT_PRONOUNS.has(t.lower);
  };
  return (start, end, reach = Infinity) => {
    const s = sentenceAt(start);
    if (!s) return 'none';
    let best: Tense = 'none';
    let bestDist = Infinity;
    const first = tokenAt(tokens, start);
    const after = tokenAt(tokens, end);
    // an expression opening the sentence and set off by a comma ("In September, HP announced it would …")
    // belongs to the main clause: its first verb decides, a reporting verb too, however far
    // (a sentence that starts with a capital: wire copy wrapped at line ends can split one mid-clause)
    if (first - s.tokenStart <= 2 && tokens[after]?.text === ',' && reach === Infinity && /^[A-Z]/.test(tokens[s.tokenStart]!.text)) {
      for (const cue of cuesOf(s)) {
        if (cue.at <= after || cue.tense === 'report-ing') continue;
        return asTense(cue.tense);
      }
    }
    // a reporting verb before the expression with only its object between ("told voters here Sunday that he
    // would …", "told a reporter Monday evening"): the time of the telling, whatever a later clause says
    if (reach === Infinity && boundaryAfter(after, s)) {
      if (reportBefore(first, s)) return 'past';
      // likewise the tense of the expression's own clause, on its left ("Sanders, who did win Rhode Island on
      // Tuesday, would …", "the company, which was founded in March, will …")
      const own = clauseCueBefore(first, s);
      if (own === 'past' || own === 'future') return own;
    }
    for (const cue of cuesOf(s)) {
      if (cue.at >= first && cue.at < after) continue; // inside the expression ("two years ago")
      const dist = cue.at < first ? first - cue.at : cue.at - after + 1;
      if (dist > reach || ((cue.tense === 'report' || cue.tense === 'report-ing') && dist > REPORT_REACH)) continue;
      // an -ing form reports only before the expression ("announcing on Wednesday"; "in May, adding the work will …" is another act)
      if (cue.tense === 'report-ing' && cue.at > first) continue;
      const tense = asTense(cue.tense);
      if (dist < bestDist || (dist === bestDist && tense === 'past')) {
        best = tense;
        bestDist = dist;
      }
    }
    return best;
  };
}

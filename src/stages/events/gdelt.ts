/**
 * `newsgraph analyze --format gdelt`: events as a GDELT 2.0 event-table style TSV, one line per
 * event the text asserts (acts that are only demanded of others, or intended acts under a
 * promise or threat, are left to their AGREE / THREATEN / DEMAND line; negated acts are left out).
 *
 * Columns follow GDELT 2.0's names where they exist; the last four are newsgraph's own.
 */
import type { Analysis } from '../../analysis.js';
import type { ActorRef, Mood } from './index.js';

export const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1Type1Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2Type1Code', 'IsRootEvent', 'EventCode',
  'EventBaseCode', 'EventRootCode', 'QuadClass', 'ActionGeo_FullName', 'ActionGeo_CountryCode',
  'DocId', 'PloverType', 'TriggerStart', 'TriggerEnd',
] as const;

type EventLike = Analysis['events'][number] & { mood?: Mood; sourceActors?: ActorRef[]; targetActors?: ActorRef[] };

const MOOD_TYPES = new Set(['AGREE', 'THREATEN', 'REJECT', 'DEMAND']);
const clean = (s: string | undefined | null) => (s ?? '').replace(/[\t\r\n]+/g, ' ');

/** A GDELT date (YYYYMMDD) from a TIMEX3 value, else from the article date. */
function sqlDate(value: string | null | undefined, articleDate: string | null): string {
  const full = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '') ?? /^(\d{4})-(\d{2})-(\d{2})/.exec(articleDate ?? '');
  return full ? `${full[1]}${full[2]}${full[3]}` : '';
}

/** The events of one analysis as TSV lines (no header). */
export function gdeltRows(a: Analysis, firstId = 1): string[] {
  const entities = new Map(a.entities.map((e) => [e.id, e]));
  const rows: string[] = [];
  let id = firstId;
  const sentenceStarts = a.sentences.map((s) => s.start);
  const isRoot = (offset: number) => {
    // GDELT's IsRootEvent: the event is in the article's first paragraph-ish (first sentence here)
    return sentenceStarts.length > 1 ? offset < sentenceStarts[1]! : true;
  };
  for (const raw of a.events) {
    const e = raw as EventLike;
    if (e.negated) continue;
    if (e.mood && e.mood !== 'asserted' && !MOOD_TYPES.has(e.type)) continue;
    const actor = (id: string | null, refs: ActorRef[] | undefined) => {
      const ent = id ? entities.get(id) : undefined;
      const ref = refs?.find((r) => r.entity === id) ?? refs?.[0];
      const country = ent?.country ?? ref?.country ?? '';
      const sector = ref?.sector ?? ent?.sector ?? '';
      return { code: `${country}${sector}`, name: clean(ent?.name ?? ref?.text ?? ''), country, sector };
    };
    const a1 = actor(e.source, e.sourceActors);
    const a2 = actor(e.target, e.targetActors);
    const place = e.location ? entities.get(e.location) : undefined;
    const cameo = e.cameo ?? '';
    rows.push([
      String(id++), sqlDate(e.date, a.date), a1.code, a1.name.toUpperCase(), a1.country, a1.sector,
      a2.code, a2.name.toUpperCase(), a2.country, a2.sector, isRoot(e.trigger.start) ? '1' : '0', cameo,
      cameo.slice(0, 3), cameo.slice(0, 2), e.quadClass !== undefined ? String(e.quadClass) : '', clean(place?.name), place?.country ?? '',
      clean(a.id ?? ''), e.type, String(e.trigger.start), String(e.trigger.end),
    ].join('\t'));
  }
  return rows;
}

/** The GDELT-style table of one analysis, header first. */
export function formatGdeltEvents(a: Analysis): string {
  return [GDELT_COLUMNS.join('\t'), ...gdeltRows(a)].join('\n') + '\n';
}

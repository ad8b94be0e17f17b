/** Quotes by a speaker, or about someone (the quoted words mention them), across the store. */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { nullsFirst, parseJsonList } from '../store/sql.js';
import { requireEntity, type EntityRef } from './entities.js';

export interface QuoteFilter {
  speaker?: string;
  about?: string;
  /** scare quotes ("warm" relations) are not speech; left out unless asked for */
  includeScare?: boolean;
  limit?: number;
}

export interface QuoteRow {
  articleId: string;
  date: string | null;
  publisher: string | null;
  kind: string;
  speaker: string | null;
  content: string;
  cue: string | null;
  /** the reporting chain, publisher first */
  chain: string[];
  /** the words quoted verbatim inside an indirect quote ('called it "a disgrace"') */
  quoted: string[];
}

export interface QuoteReport {
  speaker: EntityRef | null;
  about: EntityRef | null;
  quotes: QuoteRow[];
}

export async function findQuotes(db: Kysely<Database>, filter: QuoteFilter): Promise<QuoteReport> {
  const speaker = filter.speaker ? (await requireEntity(db, filter.speaker)).entity : null;
  const about = filter.about ? (await requireEntity(db, filter.about)).entity : null;
  let q = db
    .selectFrom('quotes as q')
    .innerJoin('articles as a', 'a.id', 'q.article_id')
    .leftJoin('entities as s', 's.id', 'q.speaker_id')
    .select(['q.article_id', 'a.date', 'a.publisher', 'q.kind', 's.name as speaker', 'q.content', 'q.cue', 'q.chain', 'q.quoted', 'q.content_start']);
  if (speaker) q = q.where('q.speaker_id', '=', speaker.id);
  if (about) {
    // a quote is about someone when its words hold a mention of them ("he", "the Russian leader" included)
    q = q.where((eb) => eb.exists(
      eb.selectFrom('mentions as m')
        .select('m.id')
        .whereRef('m.article_id', '=', 'q.article_id')
        .where('m.entity_id', '=', about.id)
        .whereRef('m.start_offset', '>=', 'q.content_start')
        .whereRef('m.end_offset', '<=', 'q.content_end'),
    ));
  }
  if (!filter.includeScare) q = q.where('q.kind', '!=', 'scare');
  const rows = await q
    .orderBy(nullsFirst('a.date'))
    .orderBy('q.article_id')
    .orderBy('q.content_start')
    .limit(filter.limit ?? 100)
    .execute();
  return {
    speaker,
    about,
    quotes: rows.map((r) => ({
      articleId: r.article_id,
      date: r.date,
      publisher: r.publisher,
      kind: r.kind,
      speaker: r.speaker,
      content: r.content,
      cue: r.cue,
      chain: parseJsonList(r.chain),
      quoted: parseJsonList(r.quoted),
    })),
  };
}

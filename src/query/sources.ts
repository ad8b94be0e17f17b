/** Who cites whom: the reporting chains of every article, counted. */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

export interface SourceReport {
  /** "UNN cites Bloomberg in 1 article" */
  citations: { citing: string; cited: string; articles: number }[];
  publishers: { name: string; articles: number }[];
  /** the most cited sources, by the number of articles citing them */
  cited: { name: string; articles: number; citedBy: number }[];
}

export async function sourceReport(db: Kysely<Database>, limit = 50): Promise<SourceReport> {
  const citations = await db
    .selectFrom('sources')
    .select((eb) => ['cited_by', 'name', eb.fn.count<number>('article_id').distinct().as('articles')])
    .where('role', '=', 'cited')
    .where('cited_by', 'is not', null)
    .groupBy(['cited_by', 'name'])
    .orderBy('articles', 'desc')
    .orderBy('cited_by')
    .orderBy('name')
    .limit(limit)
    .execute();
  const publishers = await db
    .selectFrom('articles')
    .select((eb) => ['publisher', eb.fn.countAll<number>().as('articles')])
    .where('publisher', 'is not', null)
    .groupBy('publisher')
    .orderBy('articles', 'desc')
    .orderBy('publisher')
    .limit(limit)
    .execute();
  const cited = await db
    .selectFrom('sources')
    .select((eb) => ['name', eb.fn.count<number>('article_id').distinct().as('articles'), eb.fn.count<number>('cited_by').distinct().as('cited_by')])
    .where('role', '=', 'cited')
    .groupBy('name')
    .orderBy('articles', 'desc')
    .orderBy('name')
    .limit(limit)
    .execute();
  return {
    citations: citations.map((c) => ({ citing: c.cited_by!, cited: c.name, articles: Number(c.articles) })),
    publishers: publishers.map((p) => ({ name: p.publisher!, articles: Number(p.articles) })),
    cited: cited.map((c) => ({ name: c.name, articles: Number(c.articles), citedBy: Number(c.cited_by) })),
  };
}

/** Stored articles: a page of them, newest first, and one with its whole analysis. */
import type { Kysely } from 'kysely';
import type { Analysis } from '../analysis.js';
import type { Database } from '../store/schema.js';
import { nullsFirst } from '../store/sql.js';

export interface ArticleSummary {
  id: string;
  title: string | null;
  date: string | null;
  publisher: string | null;
  tone: number;
  storyId: number | null;
  /** the first words of the text, for a list where the article has no title */
  lead: string;
}

export interface ArticlePage {
  total: number;
  limit: number;
  offset: number;
  articles: ArticleSummary[];
}

export interface ArticleRecord extends Omit<ArticleSummary, 'lead'> {
  url: string | null;
  origin: string | null;
  ingestedAt: string;
  analysis: Analysis;
  /** the analysis's own entity ids ("e4") → the knowledge base's entity ids, for links to entity pages */
  entityIds: Record<string, number>;
}

const LEAD = 160;

/** The first words of a text, cut at a word boundary. */
export function leadOf(text: string, max = LEAD): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** Articles newest first (undated last), then by id, `limit` from `offset`. */
export async function articlePage(db: Kysely<Database>, opts: { limit?: number; offset?: number } = {}): Promise<ArticlePage> {
  const limit = opts.limit ?? 20;
  const offset = opts.offset ?? 0;
  const total = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('articles')
    // the lead is cut from a prefix of the text, so a long article is not read whole
    .select((eb) => ['id', 'title', 'date', 'publisher', 'tone', 'story_id', eb.fn<string>('substr', ['text', eb.val(1), eb.val(LEAD * 2)]).as('head')])
    .orderBy(nullsFirst('date'), 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  return {
    total: Number(total.n),
    limit,
    offset,
    articles: rows.map((r) => ({
      id: r.id, title: r.title, date: r.date, publisher: r.publisher, tone: Number(r.tone), storyId: r.story_id, lead: leadOf(r.head),
    })),
  };
}

/** One article with its analysis, or undefined when no article has this id. */
export async function articleById(db: Kysely<Database>, jsonText: (value: unknown) => string, id: string): Promise<ArticleRecord | undefined> {
  const row = await db
    .selectFrom('articles')
    .select(['id', 'title', 'date', 'publisher', 'url', 'origin', 'tone', 'story_id', 'ingested_at', 'analysis'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const links = await db.selectFrom('article_entities').select(['local_id', 'entity_id']).where('article_id', '=', id).execute();
  return {
    id: row.id,
    title: row.title,
    date: row.date,
    publisher: row.publisher,
    url: row.url,
    origin: row.origin,
    tone: Number(row.tone),
    storyId: row.story_id,
    ingestedAt: row.ingested_at,
    analysis: JSON.parse(jsonText(row.analysis)) as Analysis,
    entityIds: Object.fromEntries(links.map((l) => [l.local_id, l.entity_id])),
  };
}

/**
 * An entity by its knowledge-base id, and what a profile page shows beyond the profile: quotes by
 * and about it, the events it takes part in, its mentions day by day, the articles naming it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { nullsFirst, parseJsonList } from '../store/sql.js';
import { profileOf, type EntityProfile, type EntityRef } from './entities.js';
import type { QuoteRow } from './quotes.js';

export interface LocatedQuote extends QuoteRow {
  /** the quoted words' offsets in the article's text */
  start: number;
  end: number;
  speakerId: number | null;
}

export interface EntityEvent {
  articleId: string;
  day: string | null;
  type: string;
  cameo: string;
  quadClass: number | null;
  source: { id: number; name: string } | null;
  target: { id: number; name: string } | null;
  trigger: string;
  start: number;
  end: number;
  negated: boolean;
  mood: string;
}

export interface EntityArticle {
  id: string;
  title: string | null;
  date: string | null;
  publisher: string | null;
  mentions: number;
}

/** Everything an entity's page shows. */
export interface EntityPage {
  entity: EntityRef;
  /** descriptors with the outlets using them, surface forms, mentions by month, entities named with it */
  profile: EntityProfile;
  quotes: { by: LocatedQuote[]; about: LocatedQuote[] };
  events: EntityEvent[];
  mentionsByDay: { day: string; articles: number; mentions: number }[];
  articles: EntityArticle[];
}

/** The page of the entity with this id, or undefined when there is none. */
export async function entityPage(db: Kysely<Database>, id: number): Promise<EntityPage | undefined> {
  const entity = await entityById(db, id);
  if (!entity) return undefined;
  const profile = await profileOf(db, entity);
  const quotes = await entityQuotes(db, id);
  const events = await entityEvents(db, id);
  const mentionsByDay = await entityMentionsByDay(db, id);
  const articles = await entityArticles(db, id);
  return { entity, profile, quotes, events, mentionsByDay, articles };
}

export async function entityById(db: Kysely<Database>, id: number): Promise<EntityRef | undefined> {
  const r = await db.selectFrom('entities').select(['id', 'name', 'type', 'country', 'kb_id', 'sector']).where('id', '=', id).executeTakeFirst();
  return r && { id: r.id, name: r.name, type: r.type, country: r.country, kbId: r.kb_id, sector: r.sector };
}

/** Quotes the entity said, and quotes whose words mention it (scare quotes left out), oldest first. */
export async function entityQuotes(db: Kysely<Database>, id: number, limit = 100): Promise<{ by: LocatedQuote[]; about: LocatedQuote[] }> {
  const base = () => db
    .selectFrom('quotes as q')
    .innerJoin('articles as a', 'a.id', 'q.article_id')
    .leftJoin('entities as s', 's.id', 'q.speaker_id')
    .select(['q.article_id', 'a.date', 'a.publisher', 'q.kind', 'q.speaker_id', 's.name as speaker', 'q.content', 'q.cue', 'q.chain', 'q.quoted', 'q.content_start', 'q.content_end'])
    .where('q.kind', '!=', 'scare')
    .orderBy(nullsFirst('a.date'))
    .orderBy('q.article_id')
    .orderBy('q.content_start')
    .limit(limit);
  const by = await base().where('q.speaker_id', '=', id).execute();
  const about = await base()
    .where((eb) => eb.exists(
      eb.selectFrom('mentions as m')
        .select('m.id')
        .whereRef('m.article_id', '=', 'q.article_id')
        .where('m.entity_id', '=', id)
        .whereRef('m.start_offset', '>=', 'q.content_start')
        .whereRef('m.end_offset', '<=', 'q.content_end'),
    ))
    .execute();
  const row = (r: (typeof by)[number]): LocatedQuote => ({
    articleId: r.article_id, date: r.date, publisher: r.publisher, kind: r.kind, speaker: r.speaker, speakerId: r.speaker_id,
    content: r.content, cue: r.cue, chain: parseJsonList(r.chain), quoted: parseJsonList(r.quoted), start: r.content_start, end: r.content_end,
  });
  return { by: by.map(row), about: about.map(row) };
}

/** Events with the entity as their source or target, oldest first. */
export async function entityEvents(db: Kysely<Database>, id: number, limit = 200): Promise<EntityEvent[]> {
  const rows = await db
    .selectFrom('events as e')
    .leftJoin('entities as s', 's.id', 'e.source_id')
    .leftJoin('entities as t', 't.id', 'e.target_id')
    .select(['e.article_id', 'e.day', 'e.type', 'e.cameo', 'e.quad_class', 'e.source_id', 's.name as source_name', 'e.target_id', 't.name as target_name',
      'e.trigger_text', 'e.trigger_start', 'e.trigger_end', 'e.negated', 'e.mood'])
    .where((eb) => eb.or([eb('e.source_id', '=', id), eb('e.target_id', '=', id)]))
    .orderBy(nullsFirst('e.day'))
    .orderBy('e.article_id')
    .orderBy('e.trigger_start')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    articleId: r.article_id,
    day: r.day,
    type: r.type,
    cameo: r.cameo,
    quadClass: r.quad_class,
    source: r.source_id !== null && r.source_name !== null ? { id: r.source_id, name: r.source_name } : null,
    target: r.target_id !== null && r.target_name !== null ? { id: r.target_id, name: r.target_name } : null,
    trigger: r.trigger_text,
    start: r.trigger_start,
    end: r.trigger_end,
    negated: r.negated === 1,
    mood: r.mood ?? 'asserted',
  }));
}

/** Mentions per article date, for a timeline finer than months. */
export async function entityMentionsByDay(db: Kysely<Database>, id: number): Promise<{ day: string; articles: number; mentions: number }[]> {
  const rows = await db
    .selectFrom('mentions as m')
    .innerJoin('articles as a', 'a.id', 'm.article_id')
    .select((eb) => ['a.date', eb.fn.count<number>('m.article_id').distinct().as('articles'), eb.fn.countAll<number>().as('mentions')])
    .where('m.entity_id', '=', id)
    .where('a.date', 'is not', null)
    .groupBy('a.date')
    .orderBy('a.date')
    .execute();
  return rows.map((r) => ({ day: r.date!, articles: Number(r.articles), mentions: Number(r.mentions) }));
}

/** The articles naming the entity, newest first, with how often each does. */
export async function entityArticles(db: Kysely<Database>, id: number, limit = 50): Promise<EntityArticle[]> {
  const rows = await db
    .selectFrom('article_entities as ae')
    .innerJoin('articles as a', 'a.id', 'ae.article_id')
    .select((eb) => ['a.id', 'a.title', 'a.date', 'a.publisher', eb.fn.sum<number>('ae.mention_count').as('mentions')])
    .where('ae.entity_id', '=', id)
    .groupBy(['a.id', 'a.title', 'a.date', 'a.publisher'])
    .orderBy(nullsFirst('a.date'), 'desc')
    .orderBy('a.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, date: r.date, publisher: r.publisher, mentions: Number(r.mentions) }));
}

/** The most mentioned entities, for a list when nothing is searched yet. */
export async function topEntities(db: Kysely<Database>, limit = 30): Promise<(EntityRef & { mentions: number; articles: number })[]> {
  const rows = await db
    .selectFrom('article_entities as ae')
    .innerJoin('entities as e', 'e.id', 'ae.entity_id')
    .select((eb) => ['e.id', 'e.name', 'e.type', 'e.country', 'e.kb_id', 'e.sector',
      eb.fn.sum<number>('ae.mention_count').as('mentions'), eb.fn.count<number>('ae.article_id').distinct().as('articles')])
    .groupBy(['e.id', 'e.name', 'e.type', 'e.country', 'e.kb_id', 'e.sector'])
    .orderBy('mentions', 'desc')
    .orderBy('e.name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id, name: r.name, type: r.type, country: r.country, kbId: r.kb_id, sector: r.sector, mentions: Number(r.mentions), articles: Number(r.articles),
  }));
}

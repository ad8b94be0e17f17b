/** Finding an entity by what a user types, and its profile across the store. */
import { sql, type Kysely } from 'kysely';
import { InputError } from '../stages/reading/errors.js';
import type { Database } from '../store/schema.js';
import { normaliseName } from '../store/entities.js';

export interface EntityRef {
  id: number;
  name: string;
  type: string;
  country: string | null;
  kbId: string | null;
  sector: string | null;
}

export interface EntityProfile {
  entity: EntityRef;
  /** other entities the name could mean, most mentioned first */
  otherMatches: EntityRef[];
  articles: number;
  mentions: number;
  firstDate: string | null;
  lastDate: string | null;
  /** how the texts name it, most frequent first: "Putin", "Vladimir Putin", "him" */
  surfaceForms: { text: string; via: string; count: number }[];
  byMonth: { month: string; articles: number; mentions: number }[];
  /** labels the texts give it and which outlets use each */
  descriptors: { text: string; count: number; outlets: string[] }[];
  /** entities named in the same articles, by the number of shared articles */
  cooccurring: (EntityRef & { articles: number })[];
  quotesBy: number;
  events: { asSource: number; asTarget: number };
}

const month = sql<string>`substr(a.date, 1, 7)`;

/**
 * Entities a name may mean, best first: the gazetteer id typed exactly, the canonical name, a
 * name the texts used ("Xi", "SCO"), a person's surname, then names containing the words.
 * Within each, the most mentioned first.
 */
export async function findEntities(db: Kysely<Database>, query: string, limit = 6): Promise<EntityRef[]> {
  const norm = normaliseName(query);
  if (!norm && !query.trim()) return [];
  const rows = await db
    .selectFrom('entities as e')
    .select((eb) => [
      'e.id', 'e.name', 'e.type', 'e.country', 'e.kb_id', 'e.sector',
      eb.selectFrom('mentions as m').select(eb.fn.countAll().as('n')).whereRef('m.entity_id', '=', 'e.id').as('mention_count'),
      eb.case()
        .when('e.kb_id', '=', query.trim()).then(0)
        .when('e.name_norm', '=', norm).then(1)
        .when(eb.exists(eb.selectFrom('entity_aliases as al').select('al.alias').whereRef('al.entity_id', '=', 'e.id').where('al.alias', '=', norm))).then(2)
        .when('e.surname', '=', norm).then(3)
        .else(4)
        .end()
        .as('rank'),
    ])
    .where((eb) => eb.or([
      eb('e.kb_id', '=', query.trim()),
      eb('e.name_norm', '=', norm),
      eb('e.surname', '=', norm),
      eb.exists(eb.selectFrom('entity_aliases as al').select('al.alias').whereRef('al.entity_id', '=', 'e.id').where('al.alias', '=', norm)),
      ...(norm.length >= 3 ? [eb('e.name_norm', 'like', `%${norm}%`)] : []),
    ]))
    .orderBy('rank')
    .orderBy('mention_count', 'desc')
    .orderBy('e.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, type: r.type, country: r.country, kbId: r.kb_id, sector: r.sector }));
}

/** The best match for a name, or an error the user can act on. */
export async function requireEntity(db: Kysely<Database>, query: string): Promise<{ entity: EntityRef; others: EntityRef[] }> {
  const found = await findEntities(db, query);
  if (!found.length) throw new InputError(`no entity called "${query}" in the store`);
  return { entity: found[0]!, others: found.slice(1) };
}

export async function entityProfile(db: Kysely<Database>, query: string): Promise<EntityProfile> {
  const { entity, others } = await requireEntity(db, query);
  return profileOf(db, entity, others);
}

/** The profile of one known entity (by id, as the web interface links to it). */
export async function profileOf(db: Kysely<Database>, entity: EntityRef, others: EntityRef[] = []): Promise<EntityProfile> {
  const id = entity.id;

  const totals = await db
    .selectFrom('mentions as m')
    .innerJoin('articles as a', 'a.id', 'm.article_id')
    .select((eb) => [
      eb.fn.countAll<number>().as('mentions'),
      eb.fn.count<number>('m.article_id').distinct().as('articles'),
      eb.fn.min('a.date').as('first_date'),
      eb.fn.max('a.date').as('last_date'),
    ])
    .where('m.entity_id', '=', id)
    .executeTakeFirstOrThrow();

  const surfaceForms = await db
    .selectFrom('mentions')
    .select((eb) => ['text', 'via', eb.fn.countAll<number>().as('count')])
    .where('entity_id', '=', id)
    .groupBy(['text', 'via'])
    .orderBy('count', 'desc')
    .orderBy('text')
    .limit(15)
    .execute();

  const byMonth = await db
    .selectFrom('mentions as m')
    .innerJoin('articles as a', 'a.id', 'm.article_id')
    .select((eb) => [month.as('month'), eb.fn.count<number>('m.article_id').distinct().as('articles'), eb.fn.countAll<number>().as('mentions')])
    .where('m.entity_id', '=', id)
    .where('a.date', 'is not', null)
    .groupBy(month)
    .orderBy(month)
    .execute();

  const descriptorRows = await db
    .selectFrom('descriptors')
    .select((eb) => ['text', 'publisher', eb.fn.countAll<number>().as('count')])
    .where('entity_id', '=', id)
    .groupBy(['text', 'publisher'])
    .execute();
  const descriptors = new Map<string, { text: string; count: number; outlets: Set<string> }>();
  for (const r of descriptorRows) {
    const d = descriptors.get(r.text) ?? { text: r.text, count: 0, outlets: new Set<string>() };
    d.count += Number(r.count);
    if (r.publisher) d.outlets.add(r.publisher);
    descriptors.set(r.text, d);
  }

  const cooccurring = await db
    .selectFrom('article_entities as mine')
    .innerJoin('article_entities as other', (j) => j.onRef('other.article_id', '=', 'mine.article_id').onRef('other.entity_id', '!=', 'mine.entity_id'))
    .innerJoin('entities as e', 'e.id', 'other.entity_id')
    .select((eb) => ['e.id', 'e.name', 'e.type', 'e.country', 'e.kb_id', 'e.sector', eb.fn.count<number>('other.article_id').distinct().as('articles')])
    .where('mine.entity_id', '=', id)
    .groupBy(['e.id', 'e.name', 'e.type', 'e.country', 'e.kb_id', 'e.sector'])
    .orderBy('articles', 'desc')
    .orderBy('e.name')
    .limit(10)
    .execute();

  const quotesBy = await db.selectFrom('quotes').select((eb) => eb.fn.countAll<number>().as('n')).where('speaker_id', '=', id).executeTakeFirstOrThrow();
  const asSource = await db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('source_id', '=', id).executeTakeFirstOrThrow();
  const asTarget = await db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('target_id', '=', id).executeTakeFirstOrThrow();

  return {
    entity,
    otherMatches: others,
    articles: Number(totals.articles),
    mentions: Number(totals.mentions),
    firstDate: totals.first_date ?? null,
    lastDate: totals.last_date ?? null,
    surfaceForms: surfaceForms.map((s) => ({ text: s.text, via: s.via, count: Number(s.count) })),
    byMonth: byMonth.map((m) => ({ month: m.month, articles: Number(m.articles), mentions: Number(m.mentions) })),
    descriptors: [...descriptors.values()]
      .sort((x, y) => y.count - x.count || x.text.localeCompare(y.text))
      .map((d) => ({ text: d.text, count: d.count, outlets: [...d.outlets].sort() })),
    cooccurring: cooccurring.map((c) => ({ id: c.id, name: c.name, type: c.type, country: c.country, kbId: c.kb_id, sector: c.sector, articles: Number(c.articles) })),
    quotesBy: Number(quotesBy.n),
    events: { asSource: Number(asSource.n), asTarget: Number(asTarget.n) },
  };
}

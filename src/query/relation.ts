/** The events between two actors, both directions, over time. */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { nullsFirst } from '../store/sql.js';
import { requireEntity, type EntityRef } from './entities.js';

export interface RelationEvent {
  day: string | null;
  articleId: string;
  publisher: string | null;
  direction: 'a->b' | 'b->a';
  source: string;
  target: string;
  type: string;
  cameo: string;
  quadClass: number | null;
  trigger: string;
  negated: boolean;
  /** asserted, future, intended, conditional or demanded */
  mood: string;
}

export interface Relation {
  a: EntityRef;
  b: EntityRef;
  events: RelationEvent[];
  /** counts by direction, PLOVER type and quad class */
  byType: { direction: 'a->b' | 'b->a'; type: string; quadClass: number | null; count: number }[];
  /** events per month by quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict */
  byMonth: { month: string; quad: [number, number, number, number] }[];
}

/**
 * The entity ids that act for an actor: the entity itself and, for a country, its nationality
 * ("Chinese" officials imposing tariffs act for China), as GDELT codes actors by country.
 */
async function actingIds(db: Kysely<Database>, e: EntityRef): Promise<number[]> {
  if (e.type !== 'GPE' || !e.country || !e.kbId?.startsWith('country:')) return [e.id];
  const nationality = await db.selectFrom('entities').select('id').where('type', '=', 'NORP').where('country', '=', e.country).execute();
  return [e.id, ...nationality.map((n) => n.id)];
}

export async function relationBetween(db: Kysely<Database>, nameA: string, nameB: string): Promise<Relation> {
  const a = (await requireEntity(db, nameA)).entity;
  const b = (await requireEntity(db, nameB)).entity;
  const idsA = await actingIds(db, a);
  const idsB = await actingIds(db, b);
  const rows = await db
    .selectFrom('events as e')
    .innerJoin('articles as ar', 'ar.id', 'e.article_id')
    .innerJoin('entities as s', 's.id', 'e.source_id')
    .innerJoin('entities as t', 't.id', 'e.target_id')
    .select(['e.day', 'e.article_id', 'ar.publisher', 'e.source_id', 's.name as source', 't.name as target', 'e.type', 'e.cameo', 'e.quad_class', 'e.trigger_text', 'e.negated', 'e.mood', 'e.trigger_start'])
    .where((eb) => eb.or([
      eb.and([eb('e.source_id', 'in', idsA), eb('e.target_id', 'in', idsB)]),
      eb.and([eb('e.source_id', 'in', idsB), eb('e.target_id', 'in', idsA)]),
    ]))
    .orderBy(nullsFirst('e.day'))
    .orderBy('e.article_id')
    .orderBy('e.trigger_start')
    .execute();
  const events: RelationEvent[] = rows.map((r) => ({
    day: r.day,
    articleId: r.article_id,
    publisher: r.publisher,
    direction: idsA.includes(r.source_id!) ? 'a->b' : 'b->a',
    source: r.source,
    target: r.target,
    type: r.type,
    cameo: r.cameo,
    quadClass: r.quad_class,
    trigger: r.trigger_text,
    negated: r.negated === 1,
    mood: r.mood ?? 'asserted',
  }));

  const byType = new Map<string, Relation['byType'][number]>();
  const byMonth = new Map<string, [number, number, number, number]>();
  for (const e of events) {
    const key = `${e.direction}|${e.type}|${e.quadClass}`;
    const t = byType.get(key) ?? { direction: e.direction, type: e.type, quadClass: e.quadClass, count: 0 };
    t.count++;
    byType.set(key, t);
    if (e.day && e.quadClass && e.quadClass >= 1 && e.quadClass <= 4) {
      const m = e.day.slice(0, 7);
      const quad = byMonth.get(m) ?? [0, 0, 0, 0];
      quad[e.quadClass - 1]!++;
      byMonth.set(m, quad);
    }
  }
  return {
    a,
    b,
    events,
    byType: [...byType.values()].sort((x, y) => y.count - x.count || x.direction.localeCompare(y.direction) || x.type.localeCompare(y.type)),
    byMonth: [...byMonth].sort(([x], [y]) => x.localeCompare(y)).map(([m, quad]) => ({ month: m, quad })),
  };
}

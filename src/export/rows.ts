/** What the exports read from the store, page by page so memory stays flat on big stores. */
import type { Kysely } from 'kysely';
import type { Analysis } from '../analysis.js';
import type { Database } from '../store/schema.js';

const PAGE = 500;

export interface StoredArticle {
  analysis: Analysis;
  publisher: string | null;
  url: string | null;
  storyId: number | null;
}

/** Every stored article with its analysis, in insertion-independent order (id). */
export async function* storedArticles(db: Kysely<Database>, jsonText: (value: unknown) => string): AsyncGenerator<StoredArticle> {
  let after: string | undefined;
  for (;;) {
    let q = db.selectFrom('articles').select(['id', 'analysis', 'publisher', 'url', 'story_id']).orderBy('id').limit(PAGE);
    if (after !== undefined) q = q.where('id', '>', after);
    const rows = await q.execute();
    for (const r of rows) {
      yield { analysis: JSON.parse(jsonText(r.analysis)) as Analysis, publisher: r.publisher, url: r.url, storyId: r.story_id };
    }
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

export interface EventActor {
  id: number;
  name: string;
  type: string;
  country: string | null;
}

export interface ActorGraph {
  actors: (EventActor & { events: number })[];
  /** one edge per source, target, PLOVER type and CAMEO code; weight = number of events */
  edges: { source: number; target: number; type: string; cameo: string; quadClass: number | null; firstDay: string | null; lastDay: string | null; weight: number }[];
}

/** Actors (entities at either end of an event) and the events between them, aggregated. */
export async function actorGraph(db: Kysely<Database>): Promise<ActorGraph> {
  const edges = await db
    .selectFrom('events')
    .select((eb) => [
      'source_id', 'target_id', 'type', 'cameo', 'quad_class',
      eb.fn.min('day').as('first_day'), eb.fn.max('day').as('last_day'), eb.fn.countAll<number>().as('weight'),
    ])
    .where('source_id', 'is not', null)
    .where('target_id', 'is not', null)
    .where('negated', '=', 0)
    .where((eb) => eb.or([eb('mood', 'is', null), eb('mood', '=', 'asserted')]))
    .groupBy(['source_id', 'target_id', 'type', 'cameo', 'quad_class'])
    .orderBy('source_id')
    .orderBy('target_id')
    .orderBy('type')
    .orderBy('cameo')
    .execute();
  // a subquery rather than a list of ids, which could outgrow the bound-parameter limit
  const actors = await db
    .selectFrom('entities as en')
    .select(['en.id', 'en.name', 'en.type', 'en.country'])
    .where((eb) => eb.exists(
      eb.selectFrom('events as ev')
        .select('ev.id')
        .where('ev.negated', '=', 0)
        .where((inner) => inner.or([inner('ev.mood', 'is', null), inner('ev.mood', '=', 'asserted')]))
        .where('ev.source_id', 'is not', null)
        .where('ev.target_id', 'is not', null)
        .where((inner) => inner.or([inner('ev.source_id', '=', inner.ref('en.id')), inner('ev.target_id', '=', inner.ref('en.id'))])),
    ))
    .orderBy('en.id')
    .execute();
  const eventCount = new Map<number, number>();
  for (const e of edges) for (const id of [e.source_id!, e.target_id!]) eventCount.set(id, (eventCount.get(id) ?? 0) + Number(e.weight));
  return {
    actors: actors.map((a) => ({ ...a, events: eventCount.get(a.id) ?? 0 })),
    edges: edges.map((e) => ({
      source: e.source_id!, target: e.target_id!, type: e.type, cameo: e.cameo, quadClass: e.quad_class,
      firstDay: e.first_day ?? null, lastDay: e.last_day ?? null, weight: Number(e.weight),
    })),
  };
}

/**
 * Stories: clusters of articles that report the same story, built incrementally as articles
 * arrive. A new article joins an existing story, in this order:
 *   1. near-duplicate: a stored article shares an LSH band and its estimated Jaccard similarity
 *      is at least 0.5 (a reprint, a lightly edited copy; see ./minhash.ts);
 *   2. same event: a stored article dated within SAME_EVENT_DAYS reports at least one event of
 *      the same PLOVER type between the same two actors (either direction), and the two
 *      articles' main actors overlap: |A ∩ B| / min(|A|, |B|) >= MAIN_ACTOR_OVERLAP, where the
 *      main actors are each article's MAIN_ACTORS most-mentioned people, organisations and
 *      places;
 * otherwise it starts a story. Stories are never merged afterwards, so the result depends on the
 * order of ingestion only when an article would bridge two stories.
 */
import type { Kysely } from 'kysely';
import type { Analysis } from '../analysis.js';
import type { Database } from './schema.js';
import { NEAR_DUPLICATE_JACCARD, bandKeys, decodeSignature, encodeSignature, estimatedJaccard, minhash } from './minhash.js';
import { insertMany, shiftDate } from './sql.js';

export const SAME_EVENT_DAYS = 3;
export const MAIN_ACTORS = 5;
export const MAIN_ACTOR_OVERLAP = 0.5;
const ACTOR_TYPES = ['PERSON', 'ORG', 'GPE'];
/** An article with very many events still looks up a bounded number of event keys. */
const MAX_EVENT_KEYS = 24;

export type StoryMatch = 'new' | 'near-duplicate' | 'same-event';

interface NewArticle {
  id: string;
  date: string | null;
  title: string | null;
  analysis: Analysis;
  entityIds: Map<string, number>;
}

async function nearDuplicate(db: Kysely<Database>, id: string, bands: string[], sig: Uint32Array): Promise<number | undefined> {
  const candidates = await db
    .selectFrom('story_bands as b')
    .innerJoin('articles as a', 'a.id', 'b.article_id')
    .select(['a.id', 'a.story_id', 'a.minhash'])
    .distinct()
    .where('b.band', 'in', bands)
    .where('a.id', '!=', id)
    .execute();
  let best: { story: number; similarity: number } | undefined;
  for (const c of candidates) {
    if (!c.minhash || c.story_id === null) continue;
    const similarity = estimatedJaccard(sig, decodeSignature(c.minhash));
    if (similarity >= NEAR_DUPLICATE_JACCARD && (!best || similarity > best.similarity || (similarity === best.similarity && c.story_id < best.story))) {
      best = { story: c.story_id, similarity };
    }
  }
  return best?.story;
}

/** The article's most-mentioned actors, as canonical ids. */
function mainActors(a: NewArticle): Set<number> {
  const counts = new Map<number, number>();
  for (const e of a.analysis.entities) {
    if (!ACTOR_TYPES.includes(e.type)) continue;
    const id = a.entityIds.get(e.id)!;
    counts.set(id, (counts.get(id) ?? 0) + e.mentions.length);
  }
  return new Set(topByCount(counts));
}

function topByCount(counts: Map<number, number>): number[] {
  return [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, MAIN_ACTORS).map(([id]) => id);
}

async function sameEvent(db: Kysely<Database>, a: NewArticle): Promise<number | undefined> {
  if (!a.date) return undefined;
  const seen = new Set<string>();
  const keys: { type: string; x: number; y: number }[] = [];
  for (const e of a.analysis.events) {
    const x = e.source ? a.entityIds.get(e.source) : undefined;
    const y = e.target ? a.entityIds.get(e.target) : undefined;
    // only what the text says happened: not negated, not merely threatened, demanded or planned
    if (x === undefined || y === undefined || x === y || e.negated || (e.mood && e.mood !== 'asserted')) continue;
    const [lo, hi] = x < y ? [x, y] : [y, x];
    const key = `${e.type}:${lo}:${hi}`;
    if (seen.has(key) || keys.length >= MAX_EVENT_KEYS) continue;
    seen.add(key);
    keys.push({ type: e.type, x: lo, y: hi });
  }
  if (keys.length === 0) return undefined;
  const candidates = await db
    .selectFrom('events as e')
    .innerJoin('articles as a', 'a.id', 'e.article_id')
    .select(['a.id', 'a.story_id'])
    .distinct()
    .where('a.id', '!=', a.id)
    .where('a.date', '>=', shiftDate(a.date, -SAME_EVENT_DAYS))
    .where('a.date', '<=', shiftDate(a.date, SAME_EVENT_DAYS))
    .where('e.negated', '=', 0)
    .where((eb) => eb.or([eb('e.mood', 'is', null), eb('e.mood', '=', 'asserted')]))
    .where((eb) =>
      eb.or(keys.map((k) => eb.and([
        eb('e.type', '=', k.type),
        eb.or([
          eb.and([eb('e.source_id', '=', k.x), eb('e.target_id', '=', k.y)]),
          eb.and([eb('e.source_id', '=', k.y), eb('e.target_id', '=', k.x)]),
        ]),
      ]))))
    .execute();
  const withStory = candidates.filter((c): c is { id: string; story_id: number } => c.story_id !== null);
  if (withStory.length === 0) return undefined;

  const mine = mainActors(a);
  const rows = await db
    .selectFrom('article_entities as ae')
    .innerJoin('entities as en', 'en.id', 'ae.entity_id')
    .select(['ae.article_id', 'ae.entity_id', 'ae.mention_count'])
    .where('ae.article_id', 'in', withStory.map((c) => c.id))
    .where('en.type', 'in', ACTOR_TYPES)
    .execute();
  const countsByArticle = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const counts = countsByArticle.get(r.article_id) ?? new Map<number, number>();
    counts.set(r.entity_id, (counts.get(r.entity_id) ?? 0) + r.mention_count);
    countsByArticle.set(r.article_id, counts);
  }
  let best: { story: number; overlap: number } | undefined;
  for (const c of withStory) {
    const theirs = topByCount(countsByArticle.get(c.id) ?? new Map());
    const shared = theirs.filter((id) => mine.has(id)).length;
    const overlap = shared / Math.max(1, Math.min(mine.size, theirs.length));
    if (overlap >= MAIN_ACTOR_OVERLAP && (!best || overlap > best.overlap || (overlap === best.overlap && c.story_id < best.story))) {
      best = { story: c.story_id, overlap };
    }
  }
  return best?.story;
}

function storyTitle(a: NewArticle): string {
  const t = a.title ?? a.analysis.sentences[0]?.text ?? a.analysis.text;
  const line = t.replace(/\s+/g, ' ').trim();
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

/** Put a freshly written article into a story (an existing one or a new one); returns the story id and how it matched. */
export async function assignStory(db: Kysely<Database>, a: NewArticle, maxParameters: number): Promise<{ storyId: number; match: StoryMatch }> {
  const sig = minhash(a.analysis.text);
  const bands = sig ? bandKeys(sig) : [];
  let match: StoryMatch = 'new';
  let storyId = sig ? await nearDuplicate(db, a.id, bands, sig) : undefined;
  if (storyId !== undefined) match = 'near-duplicate';
  else if ((storyId = await sameEvent(db, a)) !== undefined) match = 'same-event';

  if (storyId === undefined) {
    const row = await db
      .insertInto('stories')
      .values({ title: storyTitle(a), first_article_id: a.id, first_date: a.date, last_date: a.date, article_count: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    storyId = row.id;
  } else {
    const story = await db.selectFrom('stories').select(['first_date', 'last_date']).where('id', '=', storyId).executeTakeFirstOrThrow();
    const dates = [story.first_date, story.last_date, a.date].filter((d): d is string => !!d).sort();
    await db
      .updateTable('stories')
      .set((eb) => ({ article_count: eb('article_count', '+', 1), first_date: dates[0] ?? null, last_date: dates[dates.length - 1] ?? null }))
      .where('id', '=', storyId)
      .execute();
  }
  await db.updateTable('articles').set({ story_id: storyId, minhash: sig ? encodeSignature(sig) : null }).where('id', '=', a.id).execute();
  await insertMany(db, 'story_bands', bands.map((band) => ({ band, article_id: a.id })), maxParameters);
  return { storyId, match };
}

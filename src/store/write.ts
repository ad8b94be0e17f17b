/**
 * One analysed article → rows in every table. Called inside one transaction by the store, so an
 * error anywhere leaves nothing of the article behind.
 */
import type { Kysely } from 'kysely';
import type { Analysis } from '../analysis.js';
import type { Database } from './schema.js';
import { articleId, contentHash } from './identity.js';
import { resolveEntities } from './resolve.js';
import { assignStory, type StoryMatch } from './stories.js';
import { attributeQuantity, claimKey } from './claims.js';
import { insertMany, isFullDate, jsonList } from './sql.js';

/** What the reader knew about the article besides its analysis. */
export interface ArticleMeta {
  publisher?: string;
  url?: string;
  /** where it was read from, for messages and provenance: "feeds/unn.rss item 2" */
  origin?: string;
}

export type IngestOutcome =
  | { status: 'added'; id: string; storyId: number; story: StoryMatch }
  | { status: 'duplicate'; id: string };

/** The publisher: the reader's metadata (feed title, og:site_name, jsonl field), else the analysis's own. */
export function publisherOf(a: Analysis, meta: ArticleMeta): string | null {
  return meta.publisher ?? a.sources.find((s) => s.role === 'publisher')?.name ?? null;
}

export async function writeArticle(db: Kysely<Database>, a: Analysis, meta: ArticleMeta, maxParameters: number): Promise<IngestOutcome> {
  const hash = contentHash(a.text);
  const id = articleId(a.id, hash);
  const publisher = publisherOf(a, meta);
  // ON CONFLICT DO NOTHING covers both the id and the content hash: the same article twice changes nothing
  const inserted = await db
    .insertInto('articles')
    .values({
      id,
      content_hash: hash,
      date: a.date,
      title: a.title ?? null,
      publisher,
      url: meta.url ?? null,
      origin: meta.origin ?? null,
      text: a.text,
      analysis: JSON.stringify({ ...a, id }),
      tone: a.tone,
      story_id: null,
      minhash: null,
      ingested_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return { status: 'duplicate', id };

  const entityIds = await resolveEntities(db, a.entities, maxParameters);
  const canonical = (local: string | null | undefined) => (local ? entityIds.get(local) ?? null : null);

  await insertMany(db, 'article_entities', a.entities.map((e) => ({
    article_id: id, local_id: e.id, entity_id: entityIds.get(e.id)!, mention_count: e.mentions.length,
  })), maxParameters);

  await insertMany(db, 'mentions', a.entities.flatMap((e) => e.mentions.map((m) => ({
    article_id: id, entity_id: entityIds.get(e.id)!, start_offset: m.start, end_offset: m.end, text: m.text, via: m.via,
  }))), maxParameters);

  await insertMany(db, 'descriptors', a.entities.flatMap((e) => e.descriptors.map((text) => ({
    entity_id: entityIds.get(e.id)!, article_id: id, text, publisher,
  }))), maxParameters);

  await insertMany(db, 'quotes', a.quotes.map((q) => ({
    article_id: id,
    kind: q.kind,
    speaker_id: canonical(q.speaker),
    content: q.content.text,
    content_start: q.content.start,
    content_end: q.content.end,
    source_text: q.source?.text ?? null,
    cue: q.cue?.text ?? null,
    chain: jsonList(q.chain),
    rule: q.rule,
    quoted: jsonList(q.quoted?.map((w) => w.text)),
  })), maxParameters);

  await insertMany(db, 'sources', a.sources.map((s) => ({
    article_id: id, name: s.name, entity_id: canonical(s.entity), role: s.role, cited_by: s.citedBy ?? null,
  })), maxParameters);

  await insertMany(db, 'events', a.events.map((e) => ({
    article_id: id,
    type: e.type,
    cameo: e.cameo,
    quad_class: e.quadClass ?? null,
    source_id: canonical(e.source),
    target_id: canonical(e.target),
    location_id: canonical(e.location),
    date: e.date ?? null,
    day: isFullDate(e.date) ? e.date : a.date,
    trigger_text: e.trigger.text,
    trigger_start: e.trigger.start,
    trigger_end: e.trigger.end,
    negated: e.negated ? 1 : 0,
    mood: e.mood ?? null,
    attributed_to_id: canonical(e.attributedTo),
    rule: e.rule,
  })), maxParameters);

  await insertMany(db, 'claims', a.quantities.map((q) => {
    const { attributedTo, chain } = attributeQuantity(a, q, publisher);
    return {
      article_id: id,
      claim_key: claimKey(q),
      value: q.value,
      unit: q.unit,
      measure: q.measure ?? null,
      period: q.period ?? null,
      text: q.text,
      start_offset: q.start,
      end_offset: q.end,
      attributed_to: attributedTo,
      chain: jsonList(chain),
    };
  }), maxParameters);

  const { storyId, match } = await assignStory(db, { id, date: a.date, title: a.title ?? null, analysis: a, entityIds }, maxParameters);
  return { status: 'added', id, storyId, story: match };
}

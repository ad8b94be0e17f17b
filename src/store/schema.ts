/**
 * The knowledge base's tables, as the typed query builder sees them. One schema for SQLite and
 * PostgreSQL (created by ./migrations.ts); column names are snake_case in both.
 * Offsets are UTF-16 indexes into the article's text, as in the analysis.
 */
import type { Generated } from 'kysely';

export interface ArticlesTable {
  id: string; //                the record's own id (jsonl id, feed guid) or a prefix of the content hash
  content_hash: string; //      sha256 of the text with white space collapsed: the same text twice is one article
  date: string | null; //       YYYY-MM-DD
  title: string | null;
  publisher: string | null;
  url: string | null;
  origin: string | null; //     where it was read from: "feeds/unn.rss item 1", "wires.jsonl:12"
  text: string;
  analysis: string; //          the whole Analysis as JSON (jsonb in PostgreSQL)
  tone: number;
  story_id: number | null;
  minhash: string | null; //    the MinHash signature, base64, for near-duplicate checks of later articles
  ingested_at: string; //       ISO timestamp
}

export interface EntitiesTable {
  id: Generated<number>;
  key: string; //               kbId, or TYPE:normalised name:country (see ./entities.ts)
  kb_id: string | null;
  name: string;
  name_norm: string;
  type: string;
  country: string | null;
  sector: string | null;
  surname: string | null; //    a person's normalised last name, so "Kovalenko" alone finds "Olena Kovalenko"
}

export interface EntityAliasesTable {
  entity_id: number;
  alias: string; //             a normalised surface form the entity was named by ("xi", "sco")
}

/** Which canonical entity each analysis entity of an article became. */
export interface ArticleEntitiesTable {
  article_id: string;
  local_id: string; //          the analysis's own id ("e4")
  entity_id: number;
  mention_count: number;
}

export interface MentionsTable {
  id: Generated<number>;
  article_id: string;
  entity_id: number;
  start_offset: number;
  end_offset: number;
  text: string;
  via: string;
}

export interface DescriptorsTable {
  id: Generated<number>;
  entity_id: number;
  article_id: string;
  text: string;
  publisher: string | null;
}

export interface QuotesTable {
  id: Generated<number>;
  article_id: string;
  kind: string;
  speaker_id: number | null;
  content: string;
  content_start: number;
  content_end: number;
  source_text: string | null; //  the speaker as written next to the quote ("He", "Putin")
  cue: string | null;
  chain: string | null; //        JSON array of source names, publisher first
  rule: string;
  quoted: string | null; //       JSON array of the words quoted verbatim inside an indirect quote
}

export interface SourcesTable {
  id: Generated<number>;
  article_id: string;
  name: string;
  entity_id: number | null;
  role: string; //                publisher | cited
  cited_by: string | null;
}

export interface EventsTable {
  id: Generated<number>;
  article_id: string;
  type: string; //                PLOVER
  cameo: string;
  quad_class: number | null;
  source_id: number | null;
  target_id: number | null;
  location_id: number | null;
  date: string | null; //         TIMEX3 value from the text ("2022", "2025-W36")
  day: string | null; //          YYYY-MM-DD: the event's own date when the text gives a day, else the article's
  trigger_text: string;
  trigger_start: number;
  trigger_end: number;
  negated: number; //             0 or 1, the same in both stores
  mood: string | null; //         asserted, future, intended, conditional, demanded (null: asserted)
  attributed_to_id: number | null;
  rule: string;
}

export interface ClaimsTable {
  id: Generated<number>;
  article_id: string;
  claim_key: string; //           measure|period|unit, normalised: the key conflicts are found on
  value: number;
  unit: string;
  measure: string | null;
  period: string | null;
  text: string;
  start_offset: number;
  end_offset: number;
  attributed_to: string | null; // who the text says gave the figure (a quote's speaker or a cited source)
  chain: string | null; //        JSON array: publisher first, then each cited source
}

export interface StoriesTable {
  id: Generated<number>;
  title: string;
  first_article_id: string;
  first_date: string | null;
  last_date: string | null;
  article_count: number;
}

/** Locality-sensitive hashing buckets: articles sharing a band are near-duplicate candidates. */
export interface StoryBandsTable {
  band: string;
  article_id: string;
}

export interface Database {
  articles: ArticlesTable;
  entities: EntitiesTable;
  entity_aliases: EntityAliasesTable;
  article_entities: ArticleEntitiesTable;
  mentions: MentionsTable;
  descriptors: DescriptorsTable;
  quotes: QuotesTable;
  sources: SourcesTable;
  events: EventsTable;
  claims: ClaimsTable;
  stories: StoriesTable;
  story_bands: StoryBandsTable;
}

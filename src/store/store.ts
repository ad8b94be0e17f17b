/**
 * The knowledge base: one interface over SQLite and PostgreSQL. Everything here is written once
 * against Kysely; what differs between the two lives in ./dialect.ts.
 */
import { Migrator, sql } from 'kysely';
import type { Analysis } from '../analysis.js';
import type { StoreDialect, SearchRow } from './dialect.js';
import { migrationProvider } from './migrations.js';
import { writeArticle, type ArticleMeta, type IngestOutcome } from './write.js';
import { entityProfile, findEntities, type EntityProfile, type EntityRef } from '../query/entities.js';
import { findQuotes, type QuoteFilter, type QuoteReport } from '../query/quotes.js';
import { relationBetween, type Relation } from '../query/relation.js';
import { sourceReport, type SourceReport } from '../query/sources.js';
import { claimGroups, type ClaimGroup } from '../query/claims.js';
import { listStories, type StoryRow } from '../query/stories.js';
import { storedArticles, actorGraph, type ActorGraph, type StoredArticle } from '../export/rows.js';
import { articleById, articlePage, type ArticlePage, type ArticleRecord } from '../query/articles.js';
import { entityPage, topEntities, type EntityPage } from '../query/entity-details.js';

export type { ArticleMeta, IngestOutcome };

export interface StoreStats {
  articles: number;
  entities: number;
  mentions: number;
  quotes: number;
  events: number;
  stories: number;
  sources: number;
  descriptors: number;
  claims: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly location: string;
  /** Create or upgrade the schema; safe to run every time. */
  migrate(): Promise<void>;
  /** The id of a stored article with this id or this content hash, if any. */
  findArticle(id: string, contentHash: string): Promise<string | undefined>;
  /** Store one analysed article in one transaction: all of it, or nothing. */
  ingestArticle(analysis: Analysis, meta?: ArticleMeta): Promise<IngestOutcome>;
  stats(): Promise<StoreStats>;
  findEntities(name: string): Promise<EntityRef[]>;
  entity(name: string): Promise<EntityProfile>;
  quotes(filter: QuoteFilter): Promise<QuoteReport>;
  relation(a: string, b: string): Promise<Relation>;
  sources(): Promise<SourceReport>;
  search(text: string, limit?: number): Promise<SearchRow[]>;
  claims(opts?: { conflictsOnly?: boolean; measure?: string }): Promise<ClaimGroup[]>;
  stories(opts?: { limit?: number; minArticles?: number }): Promise<StoryRow[]>;
  articles(): AsyncIterable<StoredArticle>;
  actorGraph(): Promise<ActorGraph>;
  /** A page of articles, newest first, without their analyses. */
  articlePage(opts?: { limit?: number; offset?: number }): Promise<ArticlePage>;
  /** One article with its whole analysis, or undefined. */
  article(id: string): Promise<ArticleRecord | undefined>;
  /** An entity by its id with its profile, quotes by and about it, events and articles, or undefined. */
  entityPage(id: number): Promise<EntityPage | undefined>;
  /** The most mentioned entities. */
  topEntities(limit?: number): Promise<(EntityRef & { mentions: number; articles: number })[]>;
  /** Bytes on disk: the SQLite file, or pg_database_size. */
  sizeBytes(): Promise<number>;
  /** True when an error means the store itself failed (connection, disk), not one article. */
  isFatal(err: unknown): boolean;
  /** Resolves when the store answers a trivial query; rejects while it cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const COUNTED = ['articles', 'entities', 'mentions', 'quotes', 'events', 'stories', 'sources', 'descriptors', 'claims'] as const;

export class KyselyStore implements Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly location: string;

  constructor(private readonly dialect: StoreDialect) {
    this.kind = dialect.kind;
    this.location = dialect.location;
  }

  private get db() {
    return this.dialect.db;
  }

  async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider: migrationProvider(this.dialect) });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      throw new Error(`migration ${failed ?? ''} failed on ${this.kind} store ${this.location}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async findArticle(id: string, contentHash: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('articles')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', id), eb('content_hash', '=', contentHash)]))
      .limit(1)
      .executeTakeFirst();
    return row?.id;
  }

  ingestArticle(analysis: Analysis, meta: ArticleMeta = {}): Promise<IngestOutcome> {
    return this.db.transaction().execute(async (trx) => {
      await this.dialect.beginArticle(trx);
      return writeArticle(trx, analysis, meta, this.dialect.maxParameters);
    });
  }

  async stats(): Promise<StoreStats> {
    const counts = await Promise.all(
      COUNTED.map((table) => this.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()),
    );
    return Object.fromEntries(COUNTED.map((table, i) => [table, Number(counts[i]!.n)])) as unknown as StoreStats;
  }

  findEntities(name: string) {
    return findEntities(this.db, name);
  }
  entity(name: string) {
    return entityProfile(this.db, name);
  }
  quotes(filter: QuoteFilter) {
    return findQuotes(this.db, filter);
  }
  relation(a: string, b: string) {
    return relationBetween(this.db, a, b);
  }
  sources() {
    return sourceReport(this.db);
  }
  search(text: string, limit = 20) {
    return this.dialect.search(text, limit);
  }
  claims(opts: { conflictsOnly?: boolean; measure?: string } = {}) {
    return claimGroups(this.db, opts);
  }
  stories(opts: { limit?: number; minArticles?: number } = {}) {
    return listStories(this.db, opts);
  }
  articles() {
    return storedArticles(this.db, this.dialect.jsonText);
  }
  actorGraph() {
    return actorGraph(this.db);
  }
  articlePage(opts: { limit?: number; offset?: number } = {}) {
    return articlePage(this.db, opts);
  }
  article(id: string) {
    return articleById(this.db, this.dialect.jsonText, id);
  }
  entityPage(id: number) {
    return entityPage(this.db, id);
  }
  topEntities(limit?: number) {
    return topEntities(this.db, limit);
  }
  sizeBytes() {
    return this.dialect.sizeBytes();
  }
  isFatal(err: unknown) {
    return this.dialect.isFatal(err);
  }
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }
  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/**
 * The schema, as Kysely migrations defined in code and run by Kysely's Migrator on both stores.
 * Append a new migration for every change; never edit one that has shipped.
 */
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { StoreDialect } from './dialect.js';

function initialSchema(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('stories')
        .addColumn('id', 'integer', (c) => dialect.idColumn(c))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('first_article_id', 'text', (c) => c.notNull())
        .addColumn('first_date', 'text')
        .addColumn('last_date', 'text')
        .addColumn('article_count', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('articles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('content_hash', 'text', (c) => c.notNull().unique())
        .addColumn('date', 'text')
        .addColumn('title', 'text')
        .addColumn('publisher', 'text')
        .addColumn('url', 'text')
        .addColumn('origin', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('analysis', dialect.jsonType, (c) => c.notNull())
        .addColumn('tone', 'double precision', (c) => c.notNull())
        .addColumn('story_id', 'integer', (c) => c.references('stories.id'))
        .addColumn('minhash', 'text')
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('articles_date_idx').on('articles').column('date').execute();
      await db.schema.createIndex('articles_story_idx').on('articles').column('story_id').execute();
      await dialect.createSearchIndex(db);

      await db.schema
        .createTable('entities')
        .addColumn('id', 'integer', (c) => dialect.idColumn(c))
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('kb_id', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_norm', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('country', 'text')
        .addColumn('sector', 'text')
        .addColumn('surname', 'text')
        .execute();
      await db.schema.createIndex('entities_name_idx').on('entities').columns(['name_norm', 'type']).execute();
      await db.schema.createIndex('entities_surname_idx').on('entities').column('surname').execute();

      await dialect.keyOnlyTable(db.schema
        .createTable('entity_aliases')
        .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
        .addColumn('alias', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('entity_aliases_pk', ['alias', 'entity_id']))
        .execute();

      await db.schema
        .createTable('article_entities')
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
        .addColumn('local_id', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
        .addColumn('mention_count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_entities_pk', ['article_id', 'local_id'])
        .execute();
      await db.schema.createIndex('article_entities_entity_idx').on('article_entities').column('entity_id').execute();

      await db.schema
        .createTable('mentions')
        .addColumn('id', 'integer', (c) => dialect.idColumn(c))
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
        .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
        .addColumn('start_offset', 'integer', (c) => c.notNull())
        .addColumn('end_offset', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('via', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('mentions_entity_idx').on('mentions').columns(['entity_id', 'article_id']).execute();
      await db.schema.createIndex('mentions_article_idx').on('mentions').column('article_id').execute();

      await db.schema
        .createTable('descriptors')
        .addColumn('id', 'integer', (c) => dialect.idColumn(c))
        .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('publisher', 'text')
        .execute();
      await db.schema.createIndex('descriptors_entity_idx').on('descriptors').column('entity_id').execute();

      await db.schema
        .createTable('quotes')
        .addColumn('id', 'integer', (c) => dialect.idColumn(c))
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('speaker_id', 'integer', (c) => c.references('entities.id'))
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('content_start', 'integer', (c) => c.notNull())
        .addColumn('content_end', 'integer', (c) => c.notNull())
        .addColumn('source_text', 'text')
        .addColumn('cue', 'text')
        .addColumn('chain', 'text')
        .addColumn('rule', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('quotes_speaker_idx').on('quotes').column('speaker_id').execute();
      await db.schema.createIndex('quotes_article_idx').on('quotes').column('article_id').execute();

      await db.schema
        .createTable('sources')
        .addColumn('id', 'integer', (c) => dialect.idColumn(c))
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'integer', (c) => c.references('entities.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('cited_by', 'text')
        .execute();
      await db.schema.createIndex('sources_article_idx').on('sources').column('article_id').execute();

      await db.schema
        .createTable('events')
        .addColumn('id', 'integer', (c) => dialect.idColumn(c))
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('cameo', 'text', (c) => c.notNull())
        .addColumn('quad_class', 'integer')
        .addColumn('source_id', 'integer', (c) => c.references('entities.id'))
        .addColumn('target_id', 'integer', (c) => c.references('entities.id'))
        .addColumn('location_id', 'integer', (c) => c.references('entities.id'))
        .addColumn('date', 'text')
        .addColumn('day', 'text')
        .addColumn('trigger_text', 'text', (c) => c.notNull())
        .addColumn('trigger_start', 'integer', (c) => c.notNull())
        .addColumn('trigger_end', 'integer', (c) => c.notNull())
        .addColumn('negated', 'integer', (c) => c.notNull())
        .addColumn('mood', 'text')
        .addColumn('attributed_to_id', 'integer', (c) => c.references('entities.id'))
        .addColumn('rule', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('events_actors_idx').on('events').columns(['source_id', 'target_id']).execute();
      await db.schema.createIndex('events_target_idx').on('events').column('target_id').execute();
      await db.schema.createIndex('events_article_idx').on('events').column('article_id').execute();

      await db.schema
        .createTable('claims')
        .addColumn('id', 'integer', (c) => dialect.idColumn(c))
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
        .addColumn('claim_key', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('measure', 'text')
        .addColumn('period', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('start_offset', 'integer', (c) => c.notNull())
        .addColumn('end_offset', 'integer', (c) => c.notNull())
        .addColumn('attributed_to', 'text')
        .addColumn('chain', 'text')
        .execute();
      await db.schema.createIndex('claims_key_idx').on('claims').column('claim_key').execute();

      await dialect.keyOnlyTable(db.schema
        .createTable('story_bands')
        .addColumn('band', 'text', (c) => c.notNull())
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
        .addPrimaryKeyConstraint('story_bands_pk', ['band', 'article_id']))
        .execute();
    },
  };
}

/** The words a partial quotation quotes verbatim inside reported speech, as a JSON list. */
const quotedWords: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('quotes').addColumn('quoted', 'text').execute();
  },
};

/** Migrations by name; the Migrator runs them in name order, each once. */
export function migrationProvider(dialect: StoreDialect): MigrationProvider {
  return {
    async getMigrations() {
      return { '2025-09-01-knowledge-base': initialSchema(dialect), '2025-12-07-quoted-words': quotedWords };
    },
  };
}

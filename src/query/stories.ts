/** Stories: clusters of articles reporting the same story, largest and latest first. */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { nullsFirst } from '../store/sql.js';

export interface StoryRow {
  id: number;
  title: string;
  firstDate: string | null;
  lastDate: string | null;
  articleCount: number;
  articles: { id: string; title: string | null; publisher: string | null; date: string | null }[];
}

export async function listStories(db: Kysely<Database>, opts: { limit?: number; minArticles?: number } = {}): Promise<StoryRow[]> {
  const stories = await db
    .selectFrom('stories')
    .selectAll()
    .where('article_count', '>=', opts.minArticles ?? 1)
    .orderBy('article_count', 'desc')
    .orderBy(nullsFirst('last_date'), 'desc')
    .orderBy('id')
    .limit(opts.limit ?? 20)
    .execute();
  if (!stories.length) return [];
  const articles = await db
    .selectFrom('articles')
    .select(['id', 'title', 'publisher', 'date', 'story_id'])
    .where('story_id', 'in', stories.map((s) => s.id))
    .orderBy(nullsFirst('date'))
    .orderBy('id')
    .execute();
  return stories.map((s) => ({
    id: s.id,
    title: s.title,
    firstDate: s.first_date,
    lastDate: s.last_date,
    articleCount: s.article_count,
    articles: articles.filter((a) => a.story_id === s.id).map(({ story_id: _story, ...a }) => a),
  }));
}

/** The JSON API, typed with the server's own result types. */
import type { Analysis } from '../../src/analysis.js';
import type { ArticlePage, ArticleRecord } from '../../src/query/articles.js';
import type { EntityRef, EntityProfile } from '../../src/query/entities.js';
import type { EntityArticle, EntityEvent, EntityPage, LocatedQuote } from '../../src/query/entity-details.js';
import type { ActorNetwork } from '../../src/query/graph.js';
import type { Relation } from '../../src/query/relation.js';
import type { SourceReport } from '../../src/query/sources.js';
import type { ClaimGroup } from '../../src/query/claims.js';
import type { StoryRow } from '../../src/query/stories.js';
import type { StoreStats } from '../../src/store/store.js';

export type { Analysis, ArticlePage, ArticleRecord, EntityRef, EntityProfile, EntityArticle, EntityPage, EntityEvent, LocatedQuote, ActorNetwork, Relation, SourceReport, ClaimGroup, StoryRow, StoreStats };

export interface SearchRow { id: string; title: string | null; date: string | null; publisher: string | null; score: number; snippet: string }
export interface SearchResult { query: string; articles: SearchRow[]; entities: EntityRef[] }
export interface EntityList { query: string | null; entities: (EntityRef & { mentions?: number; articles?: number })[] }
export type RelationResult = Relation & { cooperation: number; conflict: number };

export class ApiFailure extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { Accept: 'application/json' }, ...(signal ? { signal } : {}) });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiFailure(0, 'the server cannot be reached');
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const message = body && typeof body === 'object' && 'error' in body ? String((body as { error: unknown }).error) : `${res.status} ${res.statusText}`;
    throw new ApiFailure(res.status, message);
  }
  return body as T;
}

export const api = {
  stats: () => getJson<StoreStats>('/api/stats'),
  search: (q: string) => getJson<SearchResult>(`/api/search?${new URLSearchParams({ q })}`),
  articles: (offset: number, limit = 20) => getJson<ArticlePage>(`/api/articles?${new URLSearchParams({ offset: String(offset), limit: String(limit) })}`),
  article: (id: string) => getJson<ArticleRecord>(`/api/articles/${encodeURIComponent(id)}`),
  entities: (q?: string) => getJson<EntityList>(`/api/entities${q ? `?${new URLSearchParams({ q })}` : ''}`),
  entity: (id: number | string) => getJson<EntityPage>(`/api/entities/${encodeURIComponent(String(id))}`),
  relation: (a: string, b: string) => getJson<RelationResult>(`/api/relation?${new URLSearchParams({ a, b })}`),
  sources: () => getJson<SourceReport>('/api/sources'),
  claims: (conflicts: boolean) => getJson<{ claims: ClaimGroup[] }>(`/api/claims${conflicts ? '?conflicts=1' : ''}`),
  stories: () => getJson<{ stories: StoryRow[] }>('/api/stories?limit=50'),
  graph: (max = 60) => getJson<ActorNetwork>(`/api/graph?max=${max}`),
};

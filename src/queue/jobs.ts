/** What one queued job carries and returns; its id. */
import { createHash } from 'node:crypto';
import type { ArticleInput } from '../doc/types.js';

/** One article, as `ingest` read it, with its id already decided (the record's, or from its text). */
export interface ArticleJobData {
  input: ArticleInput & { id: string };
  /** where it was read from: "feeds/unn.rss item 2", "wires.jsonl:17" */
  label: string;
  url?: string;
}

export interface ArticleJobResult {
  status: 'added' | 'duplicate';
  id: string;
}

/**
 * The job id for an article id: the same article is the same job, so enqueuing it again while
 * the queue still holds it is a no-op. BullMQ refuses ids that are whole numbers or contain ":",
 * so ids get a prefix, and ids outside a safe set of characters are hashed.
 */
export function jobIdFor(articleId: string): string {
  return /^[A-Za-z0-9._~-]{1,200}$/.test(articleId) ? `a-${articleId}` : `h-${createHash('sha256').update(articleId).digest('hex').slice(0, 32)}`;
}

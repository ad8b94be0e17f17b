/** Numeric claims grouped by (measure, period, unit), with conflicting values flagged. */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { CONFLICT_RELATIVE_DIFFERENCE, isComparableKey } from '../store/claims.js';
import { normaliseName } from '../store/entities.js';
import { nullsFirst, parseJsonList } from '../store/sql.js';

export interface ClaimValue {
  value: number;
  text: string;
  articleId: string;
  date: string | null;
  publisher: string | null;
  attributedTo: string | null;
  chain: string[];
}

export interface ClaimGroup {
  key: string;
  measure: string;
  period: string | null;
  unit: string;
  values: ClaimValue[];
  /** two articles give values more than 1% apart */
  conflict: boolean;
}

/** True when two claims from different articles disagree by more than the tolerance. */
function conflicting(values: readonly ClaimValue[]): boolean {
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const x = values[i]!;
      const y = values[j]!;
      if (x.articleId === y.articleId) continue;
      const scale = Math.max(Math.abs(x.value), Math.abs(y.value));
      if (scale > 0 && Math.abs(x.value - y.value) / scale > CONFLICT_RELATIVE_DIFFERENCE) return true;
    }
  }
  return false;
}

export async function claimGroups(db: Kysely<Database>, opts: { conflictsOnly?: boolean; measure?: string } = {}): Promise<ClaimGroup[]> {
  const rows = await db
    .selectFrom('claims as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .select(['c.claim_key', 'c.measure', 'c.period', 'c.unit', 'c.value', 'c.text', 'c.article_id', 'a.date', 'a.publisher', 'c.attributed_to', 'c.chain'])
    .where('c.measure', 'is not', null)
    .orderBy('c.claim_key')
    .orderBy(nullsFirst('a.date'))
    .orderBy('c.article_id')
    .orderBy('c.start_offset')
    .execute();
  const wanted = opts.measure ? normaliseName(opts.measure) : '';
  const groups = new Map<string, ClaimGroup>();
  for (const r of rows) {
    if (!isComparableKey(r.claim_key) || (wanted && !normaliseName(r.measure!).includes(wanted))) continue;
    const g = groups.get(r.claim_key) ?? { key: r.claim_key, measure: r.measure!, period: r.period, unit: r.unit, values: [], conflict: false };
    g.values.push({ value: r.value, text: r.text, articleId: r.article_id, date: r.date, publisher: r.publisher, attributedTo: r.attributed_to, chain: parseJsonList(r.chain) });
    groups.set(r.claim_key, g);
  }
  const all = [...groups.values()].map((g) => ({ ...g, conflict: conflicting(g.values) }));
  const chosen = opts.conflictsOnly ? all.filter((g) => g.conflict) : all;
  const articles = (g: ClaimGroup) => new Set(g.values.map((v) => v.articleId)).size;
  return chosen.sort((x, y) => Number(y.conflict) - Number(x.conflict) || articles(y) - articles(x) || x.key.localeCompare(y.key));
}

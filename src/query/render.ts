/** Query results as readable text for a terminal; `--format json` prints the objects themselves. */
import type { StoreStats } from '../store/store.js';
import type { SearchRow } from '../store/dialect.js';
import type { EntityProfile, EntityRef } from './entities.js';
import type { QuoteReport } from './quotes.js';
import type { Relation } from './relation.js';
import type { SourceReport } from './sources.js';
import type { ClaimGroup } from './claims.js';
import type { StoryRow } from './stories.js';
import { renderTable } from './table.js';

const QUAD_CLASSES = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];

function describeEntity(e: EntityRef): string {
  return [e.type, e.country, e.kbId, e.sector].filter(Boolean).join(' · ');
}

function section(title: string, body: string): string {
  return body ? `\n${title}\n${body}` : '';
}

const dateRange = (a: string | null, b: string | null) => (a && b && a !== b ? `${a} … ${b}` : a ?? b ?? 'undated');

export function renderStats(s: StoreStats, store: { kind: string; location: string }): string {
  const rows = Object.entries(s).map(([k, v]) => [k, v.toLocaleString('en-US')]);
  return `${store.kind} store ${store.location}\n` + renderTable([{ header: 'what' }, { header: 'count', right: true }], rows);
}

export function renderEntity(p: EntityProfile, width: number): string {
  const e = p.entity;
  const lines = [
    `${e.name}  (${describeEntity(e)})`,
    `${p.articles} articles, ${p.mentions} mentions, ${dateRange(p.firstDate, p.lastDate)}; ${p.quotesBy} quotes; in ${p.events.asSource} events as actor, ${p.events.asTarget} as target`,
  ];
  if (p.surfaceForms.length) lines.push(`named as: ${p.surfaceForms.map((f) => `${f.text} (${f.count})`).join(', ')}`);
  if (p.otherMatches.length) lines.push(`the name also matches: ${p.otherMatches.map((o) => `${o.name} (${describeEntity(o)})`).join('; ')}`);
  return (
    lines.join('\n') + '\n' +
    section('Mentions by month', renderTable([{ header: 'month' }, { header: 'articles', right: true }, { header: 'mentions', right: true }],
      p.byMonth.map((m) => [m.month, m.articles, m.mentions]), width)) +
    section('Descriptors', renderTable([{ header: 'descriptor', flexible: true }, { header: 'uses', right: true }, { header: 'outlets', flexible: true }],
      p.descriptors.map((d) => [d.text, d.count, d.outlets.join(', ') || '(unknown outlet)']), width)) +
    section('Named in the same articles', renderTable([{ header: 'entity', flexible: true }, { header: 'type' }, { header: 'country' }, { header: 'articles', right: true }],
      p.cooccurring.map((c) => [c.name, c.type, c.country, c.articles]), width))
  );
}

export function renderQuotes(r: QuoteReport, width: number): string {
  const who = [r.speaker ? `by ${r.speaker.name}` : '', r.about ? `about ${r.about.name}` : ''].filter(Boolean).join(' ');
  const head = `${r.quotes.length} quote${r.quotes.length === 1 ? '' : 's'}${who ? ` ${who}` : ''}\n`;
  return head + renderTable(
    [{ header: 'date' }, { header: 'outlet' }, { header: 'speaker' }, { header: 'kind' }, { header: 'quote', flexible: true }, { header: 'reported via', flexible: true }],
    r.quotes.map((q) => [q.date ?? '', q.publisher ?? '', q.speaker ?? '?', q.kind, q.kind === 'indirect' ? q.content : `“${q.content}”`, q.chain.join(' › ')]),
    width,
  );
}

/** "SANCTION", "not SANCTION", "SANCTION (intended)": what the text says of the act. */
function eventLabel(e: { type: string; negated: boolean; mood: string }): string {
  return `${e.negated ? 'not ' : ''}${e.type}${e.mood !== 'asserted' ? ` (${e.mood})` : ''}`;
}

export function renderRelation(r: Relation, width: number): string {
  const head = `${r.a.name} ⇄ ${r.b.name}: ${r.events.length} event${r.events.length === 1 ? '' : 's'}\n`;
  const dir = (d: 'a->b' | 'b->a') => (d === 'a->b' ? `${r.a.name} → ${r.b.name}` : `${r.b.name} → ${r.a.name}`);
  return (
    head +
    section('By type', renderTable([{ header: 'direction' }, { header: 'PLOVER' }, { header: 'quad class' }, { header: 'events', right: true }],
      r.byType.map((t) => [dir(t.direction), t.type, t.quadClass ? `${t.quadClass} ${QUAD_CLASSES[t.quadClass - 1]}` : '', t.count]), width)) +
    section('By month (quad classes 1–4)', renderTable([{ header: 'month' }, ...QUAD_CLASSES.map((q) => ({ header: q, right: true }))],
      r.byMonth.map((m) => [m.month, ...m.quad]), width)) +
    section('Events', renderTable([{ header: 'date' }, { header: 'source' }, { header: 'PLOVER' }, { header: 'CAMEO' }, { header: 'target' }, { header: 'trigger', flexible: true }, { header: 'outlet' }],
      r.events.map((e) => [e.day ?? '', e.source, eventLabel(e), e.cameo, e.target, e.trigger, e.publisher ?? e.articleId]), width))
  );
}

export function renderSources(r: SourceReport, width: number): string {
  return (
    section('Who cites whom', renderTable([{ header: 'citing', flexible: true }, { header: 'cites', flexible: true }, { header: 'articles', right: true }],
      r.citations.map((c) => [c.citing, c.cited, c.articles]), width)) +
    section('Most cited', renderTable([{ header: 'source', flexible: true }, { header: 'articles', right: true }, { header: 'cited by (outlets)', right: true }],
      r.cited.map((c) => [c.name, c.articles, c.citedBy]), width)) +
    section('Publishers', renderTable([{ header: 'publisher', flexible: true }, { header: 'articles', right: true }],
      r.publishers.map((p) => [p.name, p.articles]), width))
  ).replace(/^\n/, '');
}

export function renderSearch(hits: readonly SearchRow[], width: number): string {
  if (!hits.length) return 'no matching articles\n';
  return renderTable(
    [{ header: 'date' }, { header: 'outlet' }, { header: 'article', flexible: true }, { header: 'matched', flexible: true }],
    hits.map((h) => [h.date ?? '', h.publisher ?? '', h.title ?? h.id, h.snippet]),
    width,
  );
}

function formatValue(value: number, unit: string): string {
  const n = Math.abs(value) >= 1e4 ? value.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(value);
  return `${n} ${unit}`;
}

export function renderClaims(groups: readonly ClaimGroup[], width: number): string {
  if (!groups.length) return 'no claims\n';
  return groups
    .map((g) => {
      const head = `${g.measure} · ${g.period ?? 'no period'} · ${g.unit}${g.conflict ? '  ⚠ CONFLICT' : ''}\n`;
      return head + renderTable(
        [{ header: 'value', right: true }, { header: 'as written' }, { header: 'outlet' }, { header: 'date' }, { header: 'according to' }, { header: 'chain', flexible: true }],
        g.values.map((v) => [formatValue(v.value, g.unit), v.text, v.publisher ?? v.articleId, v.date ?? '', v.attributedTo ?? '(the outlet)', v.chain.join(' › ')]),
        width,
      );
    })
    .join('\n');
}

export function renderStories(stories: readonly StoryRow[], width: number): string {
  if (!stories.length) return 'no stories\n';
  return stories
    .map((s) => {
      const head = `#${s.id}  ${s.title}  (${s.articleCount} article${s.articleCount === 1 ? '' : 's'}, ${dateRange(s.firstDate, s.lastDate)})\n`;
      return head + renderTable([{ header: 'date' }, { header: 'outlet' }, { header: 'article', flexible: true }],
        s.articles.map((a) => [a.date ?? '', a.publisher ?? '', a.title ?? a.id]), width);
    })
    .join('\n');
}

/**
 * The annotated article: the text exactly as stored, rendered by React (so always escaped), with
 * entity mentions, quotes coloured by speaker, times, figures and event triggers marked; a side
 * panel lists them, and each mark and each item leads to its details.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { api, type Analysis, type ArticleRecord } from '../api';
import { EntityLink, QuadBadge, Show, TypeBadge, formatDate, fmt, useLoad, QUAD } from '../common';
import { Link } from '../router';

type Entity = Analysis['entities'][number];
type Quote = Analysis['quotes'][number];
type Event = Analysis['events'][number];
type Time = Analysis['times'][number];
type Figure = Analysis['quantities'][number];

type Inline =
  | { kind: 'mention'; key: string; start: number; end: number; entity: Entity }
  | { kind: 'time'; key: string; start: number; end: number; time: Time }
  | { kind: 'figure'; key: string; start: number; end: number; figure: Figure }
  | { kind: 'event'; key: string; start: number; end: number; event: Event };

const LAYERS = ['entities', 'quotes', 'events', 'times', 'figures'] as const;
type Layer = (typeof LAYERS)[number];
const SPEAKER_COLOURS = 8;

export function ArticleView({ id }: { id: string }) {
  const loaded = useLoad(`article:${id}`, () => api.article(id));
  return <Show loaded={loaded}>{(a) => <AnnotatedArticle article={a} />}</Show>;
}

function AnnotatedArticle({ article }: { article: ArticleRecord }) {
  const a = article.analysis;
  const [selected, setSelected] = useState<string | null>(null);
  const [hidden, setHidden] = useState<Set<Layer>>(new Set());
  const model = useMemo(() => buildModel(a), [a]);
  const kbId = (local: string | null | undefined) => (local ? article.entityIds[local] : undefined);

  const select = (key: string, scrollTo: 'text' | 'panel') => {
    setSelected(key);
    const el = document.getElementById(scrollTo === 'text' ? `ann-${key}` : `item-${key}`);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  const title = article.title || leadTitle(a.text);
  return (
    <div className="article-page">
      <header className="article-head">
        <p className="kicker">
          {article.publisher ? <span className="publisher">{article.publisher}</span> : null}
          <span>{formatDate(article.date)}</span>
          <span title="whole-article tone: negative is hostile, positive warm">tone {a.tone.toFixed(1)}</span>
        </p>
        <h1>{title}</h1>
        <SourceChain sources={a.sources} entityIds={article.entityIds} />
      </header>

      <div className="article-layout">
        <section aria-label="Article text">
          <fieldset className="layers">
            <legend>Show</legend>
            {LAYERS.map((layer) => (
              <label key={layer} className={`layer-toggle layer-${layer}`}>
                <input
                  type="checkbox"
                  checked={!hidden.has(layer)}
                  onChange={() => setHidden((h) => { const n = new Set(h); if (n.has(layer)) n.delete(layer); else n.add(layer); return n; })}
                />
                {layer}
              </label>
            ))}
          </fieldset>
          <SpeakerLegend model={model} kbId={kbId} />
          <div className={`article-text ${[...hidden].map((l) => `hide-${l}`).join(' ')}`} data-testid="article-text">
            {renderText(a, model, { selected, kbId, onSelect: (key) => select(key, 'panel') })}
          </div>
        </section>
        <SidePanel analysis={a} model={model} entityIds={article.entityIds} selected={selected} onSelect={(key) => select(key, 'text')} />
      </div>
    </div>
  );
}

function leadTitle(text: string): string {
  const first = text.trim().split(/(?<=[.!?])\s/)[0] ?? text;
  return first.length > 120 ? `${first.slice(0, 117).replace(/\s+\S*$/, '')}…` : first;
}

// ---------------------------------------------------------------- the model

interface Model {
  entityById: Map<string, Entity>;
  speakerColour: Map<string, number>;
  quotes: (Quote & { key: string })[];
  inline: Inline[];
}

function buildModel(a: Analysis): Model {
  const entityById = new Map(a.entities.map((e) => [e.id, e]));
  const speakerColour = new Map<string, number>();
  for (const q of a.quotes) if (q.speaker && !speakerColour.has(q.speaker)) speakerColour.set(q.speaker, speakerColour.size % SPEAKER_COLOURS);

  // quotes are the outer layer: keep those that do not overlap an earlier one
  const quotes: (Quote & { key: string })[] = [];
  let quoteEnd = -1;
  a.quotes
    .map((q, i) => ({ ...q, key: `q${i}` }))
    .sort((x, y) => x.content.start - y.content.start)
    .forEach((q) => {
      if (q.content.start >= quoteEnd) {
        quotes.push(q);
        quoteEnd = q.content.end;
      }
    });

  // marks inside the text: mentions first, then figures, times and event triggers; no overlaps, none across a quote's edge
  const candidates: Inline[] = [
    ...a.entities.flatMap((entity) => entity.mentions.map((m, i) => ({ kind: 'mention' as const, key: `m-${entity.id}-${i}`, start: m.start, end: m.end, entity }))),
    ...a.quantities.map((figure, i) => ({ kind: 'figure' as const, key: `f${i}`, start: figure.start, end: figure.end, figure })),
    ...a.times.map((time, i) => ({ kind: 'time' as const, key: `t${i}`, start: time.start, end: time.end, time })),
    ...a.events.map((event, i) => ({ kind: 'event' as const, key: `v${i}`, start: event.trigger.start, end: event.trigger.end, event })),
  ];
  const crossesQuote = (s: number, e: number) => quotes.some((q) => (s < q.content.start && e > q.content.start) || (s < q.content.end && e > q.content.end));
  const taken: [number, number][] = [];
  const inline: Inline[] = [];
  for (const c of candidates) {
    if (c.end <= c.start || crossesQuote(c.start, c.end) || taken.some(([s, e]) => c.start < e && c.end > s)) continue;
    taken.push([c.start, c.end]);
    inline.push(c);
  }
  inline.sort((x, y) => x.start - y.start);
  return { entityById, speakerColour, quotes, inline };
}

/**
 * A quote as the side panel shows it: a direct quote in quotation marks; reported speech as
 * written, with the words it quotes verbatim (`quoted`) emphasised.
 */
function quoteText(text: string, q: Quote): ReactNode {
  if (q.kind !== 'indirect') return `“${q.content.text}”`;
  const out: ReactNode[] = [];
  let pos = q.content.start;
  for (const [i, w] of (q.quoted ?? []).entries()) {
    if (w.start < pos || w.end > q.content.end) continue;
    out.push(text.slice(pos, w.start), <em key={i} className="quoted-words">{w.text}</em>);
    pos = w.end;
  }
  out.push(text.slice(pos, q.content.end));
  return out;
}

// ---------------------------------------------------------------- the text

interface RenderCtx {
  selected: string | null;
  kbId: (local: string | null | undefined) => number | undefined;
  onSelect: (key: string) => void;
}

function renderText(a: Analysis, model: Model, ctx: RenderCtx): ReactNode[] {
  const out: ReactNode[] = [];
  let pos = 0;
  for (const q of model.quotes) {
    out.push(...renderRange(a.text, pos, q.content.start, model, ctx));
    const speaker = q.speaker ? model.entityById.get(q.speaker) : undefined;
    const colour = q.speaker ? model.speakerColour.get(q.speaker) : undefined;
    const label = q.kind === 'scare' ? 'scare quote (not speech)' : `${q.kind} quote by ${speaker?.name ?? 'an unknown speaker'}`;
    out.push(
      <span
        key={q.key}
        id={`ann-${q.key}`}
        className={`quote quote-${q.kind} ${colour !== undefined ? `speaker-${colour}` : 'speaker-none'} ${ctx.selected === q.key ? 'selected' : ''}`}
        data-speaker={speaker?.name ?? ''}
        title={label}
        onClick={(e) => { if ((e.target as HTMLElement).closest('a')) return; ctx.onSelect(q.key); }}
      >
        {renderQuoteWords(a.text, q, model, ctx)}
      </span>,
    );
    pos = q.content.end;
  }
  out.push(...renderRange(a.text, pos, a.text.length, model, ctx));
  return out;
}

/** A quote's words; inside reported speech, the words it quotes verbatim are emphasised. */
function renderQuoteWords(text: string, q: Quote, model: Model, ctx: RenderCtx): ReactNode[] {
  const out: ReactNode[] = [];
  let pos = q.content.start;
  for (const [i, w] of (q.kind === 'indirect' ? q.quoted ?? [] : []).entries()) {
    if (w.start < pos || w.end > q.content.end) continue;
    out.push(...renderRange(text, pos, w.start, model, ctx));
    out.push(<em key={`w${i}`} className="quoted-words">{renderRange(text, w.start, w.end, model, ctx)}</em>);
    pos = w.end;
  }
  out.push(...renderRange(text, pos, q.content.end, model, ctx));
  return out;
}

function renderRange(text: string, start: number, end: number, model: Model, ctx: RenderCtx): ReactNode[] {
  const out: ReactNode[] = [];
  let pos = start;
  for (const item of model.inline) {
    if (item.start < start || item.end > end) continue;
    if (item.start > pos) out.push(text.slice(pos, item.start));
    out.push(<Mark key={item.key} item={item} text={text.slice(item.start, item.end)} model={model} ctx={ctx} />);
    pos = item.end;
  }
  if (pos < end) out.push(text.slice(pos, end));
  return out;
}

function Mark({ item, text, model, ctx }: { item: Inline; text: string; model: Model; ctx: RenderCtx }) {
  const selected = ctx.selected === item.key ? ' selected' : '';
  const select = (e: React.MouseEvent) => {
    e.preventDefault();
    ctx.onSelect(item.key);
  };
  switch (item.kind) {
    case 'mention': {
      const e = item.entity;
      const id = ctx.kbId(e.id);
      const tip = `${e.name} · ${e.type}${e.descriptors.length ? ` · ${e.descriptors.join('; ')}` : ''}`;
      if (id === undefined) return <span id={`ann-${item.key}`} className={`mention type-${e.type}${selected}`} title={tip}>{text}</span>;
      return (
        <Link to={`/entities/${id}`} id={`ann-${item.key}`} className={`mention type-${e.type}${selected}`} title={tip} data-entity={e.name}>
          {text}
        </Link>
      );
    }
    case 'time':
      return (
        <a href={`#item-${item.key}`} id={`ann-${item.key}`} className={`time${selected}`} onClick={select}
          title={`${item.time.type} ${item.time.value}${item.time.mod ? ` (${item.time.mod})` : ''}${item.time.anchored ? ', from the article date' : ''}`}>
          {text}
        </a>
      );
    case 'figure':
      return (
        <a href={`#item-${item.key}`} id={`ann-${item.key}`} className={`figure${selected}`} onClick={select}
          title={`${fmt(item.figure.value)} ${item.figure.unit}${item.figure.measure ? ` · ${item.figure.measure}` : ''}${item.figure.period ? ` · ${item.figure.period}` : ''}`}>
          {text}
        </a>
      );
    case 'event': {
      const ev = item.event;
      const who = (local: string | null | undefined) => (local ? model.entityById.get(local)?.name ?? '?' : '?');
      const quad = ev.quadClass && QUAD[ev.quadClass] ? QUAD[ev.quadClass].kind : 'none';
      return (
        <a href={`#item-${item.key}`} id={`ann-${item.key}`} className={`event event-${quad}${ev.negated ? ' negated' : ''}${selected}`} onClick={select}
          title={`${ev.type} (CAMEO ${ev.cameo}): ${who(ev.source)} → ${who(ev.target)}${ev.negated ? ' — negated' : ''}`}>
          {text}
        </a>
      );
    }
  }
}

function SpeakerLegend({ model, kbId }: { model: Model; kbId: (local: string) => number | undefined }) {
  if (!model.speakerColour.size) return null;
  return (
    <p className="speaker-legend small">
      <span className="muted">Quotes by</span>
      {[...model.speakerColour].map(([local, colour]) => (
        <span key={local} className="speaker-key">
          <span className={`swatch speaker-${colour}`} aria-hidden="true" />
          <EntityLink id={kbId(local)} name={model.entityById.get(local)?.name ?? local} />
        </span>
      ))}
    </p>
  );
}

// ---------------------------------------------------------------- the source chain

/** Publisher → cited → cited: every path from the publisher down the citations. */
export function SourceChain({ sources, entityIds }: { sources: Analysis['sources']; entityIds: Record<string, number> }) {
  if (!sources.length) return null;
  const byName = new Map(sources.map((s) => [s.name, s]));
  const children = (name: string) => sources.filter((s) => s.role === 'cited' && s.citedBy === name);
  const roots = sources.filter((s) => s.role === 'publisher' || !s.citedBy || !byName.has(s.citedBy));
  const paths: (typeof sources)[] = [];
  const walk = (path: typeof sources) => {
    const next = children(path[path.length - 1]!.name).filter((c) => !path.includes(c));
    if (!next.length) paths.push(path);
    for (const c of next) walk([...path, c]);
  };
  for (const r of roots) walk([r]);
  return (
    <div className="source-chain" aria-label="Source chain">
      <span className="chain-label">Sources</span>
      {paths.map((path, i) => (
        <ol key={i} className="chain">
          {path.map((s, j) => {
            const id = s.entity ? entityIds[s.entity] : undefined;
            return (
              <li key={s.name} className={`chain-step role-${s.role}`}>
                {j > 0 ? <span className="chain-arrow"><span className="chain-role">{(s as { cue?: { text: string } }).cue?.text.toLowerCase() ?? 'cites'}</span> →</span> : null}
                <EntityLink id={id} name={s.name} />
                {s.role === 'publisher' ? <span className="chain-role">(publisher)</span> : null}
              </li>
            );
          })}
        </ol>
      ))}
    </div>
  );
}

// ---------------------------------------------------------------- the side panel

function SidePanel({ analysis: a, model, entityIds, selected, onSelect }: {
  analysis: Analysis; model: Model; entityIds: Record<string, number>; selected: string | null; onSelect: (key: string) => void;
}) {
  const name = (local: string | null | undefined) => (local ? model.entityById.get(local)?.name ?? local : null);
  const entities = [...a.entities].sort((x, y) => y.mentions.length - x.mentions.length || x.name.localeCompare(y.name));
  const item = (key: string) => ({ id: `item-${key}`, className: `panel-item${selected === key ? ' selected' : ''}` });
  const firstMention = (e: Entity) => `m-${e.id}-0`;
  return (
    <aside className="side-panel" aria-label="What the article holds">
      <details open>
        <summary>Entities <span className="count">{a.entities.length}</span></summary>
        <ul className="panel-list">
          {entities.map((e) => (
            <li key={e.id} {...item(firstMention(e))}>
              <div className="row">
                <EntityLink id={entityIds[e.id]} name={e.name} type={e.type} />
                <TypeBadge type={e.type} />
                <button type="button" className="linkish count" title="show in the text" onClick={() => onSelect(firstMention(e))}>×{e.mentions.length}</button>
              </div>
              {e.descriptors.length ? <div className="descriptors">{e.descriptors.join(' · ')}</div> : null}
            </li>
          ))}
        </ul>
      </details>

      <details open>
        <summary>Quotes <span className="count">{a.quotes.length}</span></summary>
        <ul className="panel-list">
          {a.quotes.map((q, i) => {
            const colour = q.speaker ? model.speakerColour.get(q.speaker) : undefined;
            return (
              <li key={i} {...item(`q${i}`)} data-testid="quote-item">
                <div className="row">
                  <span className={`swatch ${colour !== undefined ? `speaker-${colour}` : 'speaker-none'}`} aria-hidden="true" />
                  {q.speaker ? <EntityLink id={entityIds[q.speaker]} name={name(q.speaker)!} className="quote-speaker" /> : <span className="muted">{q.kind === 'scare' ? 'scare quote' : 'unknown speaker'}</span>}
                  <span className="badge">{q.kind}</span>
                </div>
                <button type="button" className="linkish quote-text" onClick={() => onSelect(`q${i}`)}>{quoteText(a.text, q)}</button>
                {q.cue ? <div className="muted small">cue: {q.cue.text}{q.chain?.length ? ` · via ${q.chain.join(' → ')}` : ''}</div> : null}
              </li>
            );
          })}
        </ul>
      </details>

      <details open>
        <summary>Events <span className="count">{a.events.length}</span></summary>
        <ul className="panel-list">
          {a.events.map((ev, i) => {
            const src = name(ev.source);
            const tgt = name(ev.target);
            return (
              <li key={i} {...item(`v${i}`)}>
                <div className="row">
                  <strong className="event-type">{ev.type}</strong>
                  <QuadBadge quad={ev.quadClass} />
                  {ev.negated ? <span className="badge negated">negated</span> : null}
                  {ev.mood && ev.mood !== 'asserted' ? <span className="badge">{ev.mood}</span> : null}
                </div>
                <div>
                  {src ? <EntityLink id={ev.source ? entityIds[ev.source] : undefined} name={src} /> : <span className="muted">?</span>}
                  {' → '}
                  {tgt ? <EntityLink id={ev.target ? entityIds[ev.target] : undefined} name={tgt} /> : <span className="muted">?</span>}
                </div>
                <div className="small">
                  <button type="button" className="linkish" onClick={() => onSelect(`v${i}`)}>“{ev.trigger.text}”</button>
                  {' · CAMEO '}{ev.cameo}
                  {src && tgt ? <> · <Link to={`/relation?${new URLSearchParams({ a: src, b: tgt })}`}>relation</Link></> : null}
                </div>
              </li>
            );
          })}
        </ul>
      </details>

      <details open>
        <summary>Times <span className="count">{a.times.length}</span></summary>
        <ul className="panel-list">
          {a.times.map((t, i) => (
            <li key={i} {...item(`t${i}`)}>
              <button type="button" className="linkish" onClick={() => onSelect(`t${i}`)}>{t.text}</button>
              {' → '}<code>{t.value}</code>{t.mod ? <span className="muted"> {t.mod}</span> : null}
              <span className="badge">{t.type}</span>
            </li>
          ))}
        </ul>
      </details>

      <details open>
        <summary>Figures <span className="count">{a.quantities.length}</span></summary>
        <ul className="panel-list">
          {a.quantities.map((f, i) => (
            <li key={i} {...item(`f${i}`)}>
              <button type="button" className="linkish" onClick={() => onSelect(`f${i}`)}>{f.text}</button>
              {' = '}{fmt(f.value)} {f.unit}
              {f.measure ? <div className="muted small">{f.measure}{f.period ? `, ${f.period}` : ''}</div> : null}
            </li>
          ))}
        </ul>
      </details>
    </aside>
  );
}

/** An entity's page: descriptors and the outlets using them, mentions over time, quotes by and about it, its events. */
import { api, type EntityPage, type LocatedQuote } from '../api';
import { BarChart } from '../charts';
import { EntityLink, Empty, QuadBadge, Show, Stat, TypeBadge, articleTitle, formatDate, useLoad, TYPE_LABEL } from '../common';
import { Link } from '../router';

export function EntityView({ id }: { id: string }) {
  const loaded = useLoad(`entity:${id}`, () => api.entity(id));
  return <Show loaded={loaded}>{(page) => <Entity page={page} />}</Show>;
}

function Entity({ page }: { page: EntityPage }) {
  const { entity: e, profile: p } = page;
  const days = page.mentionsByDay;
  const bars = days.length > 45 && p
    ? p.byMonth.map((m) => ({ label: m.month, value: m.mentions, title: `${m.month}: ${m.mentions} mentions in ${m.articles} articles` }))
    : days.map((d) => ({ label: d.day.slice(5), value: d.mentions, title: `${d.day}: ${d.mentions} mentions in ${d.articles} article${d.articles === 1 ? '' : 's'}` }));
  return (
    <div className="entity-page">
      <header className="page-head">
        <p className="kicker"><TypeBadge type={e.type} /> {TYPE_LABEL[e.type] ?? e.type}{e.country ? ` · ${e.country}` : ''}{e.kbId ? <> · <code>{e.kbId}</code></> : null}</p>
        <h1>{e.name}</h1>
        {p?.descriptors.length ? <p className="lede">{p.descriptors.slice(0, 3).map((d) => d.text).join(' · ')}</p> : null}
      </header>

      {p ? (
        <div className="stats">
          <Stat label="articles" value={p.articles} />
          <Stat label="mentions" value={p.mentions} />
          <Stat label="quotes by" value={page.quotes.by.length} />
          <Stat label="events" value={p.events.asSource + p.events.asTarget} />
          <Stat label="first seen" value={formatDate(p.firstDate)} />
          <Stat label="last seen" value={formatDate(p.lastDate)} />
        </div>
      ) : null}

      <div className="grid-2">
        <section className="card">
          <h2>Descriptors</h2>
          <p className="muted small">How the texts label {e.name}, and which outlets do.</p>
          {p?.descriptors.length ? (
            <table className="table descriptors-table">
              <thead><tr><th>descriptor</th><th>uses</th><th>outlets</th></tr></thead>
              <tbody>
                {p.descriptors.map((d) => (
                  <tr key={d.text}><td className="descriptor">{d.text}</td><td className="num">{d.count}</td><td>{d.outlets.join(', ') || <span className="muted">unknown</span>}</td></tr>
                ))}
              </tbody>
            </table>
          ) : <Empty>No descriptors.</Empty>}
          {p?.surfaceForms.length ? (
            <>
              <h3>Named as</h3>
              <p className="chips">{p.surfaceForms.map((f) => <span key={`${f.text}|${f.via}`} className="chip" title={`found by ${f.via}`}>{f.text} <span className="muted">×{f.count}</span></span>)}</p>
            </>
          ) : null}
        </section>

        <section className="card">
          <h2>Mentions over time</h2>
          <BarChart bars={bars} label={`Mentions of ${e.name} over time`} />
          {p?.cooccurring.length ? (
            <>
              <h3>Named with</h3>
              <p className="chips">
                {p.cooccurring.map((c) => (
                  <span key={c.id} className="chip"><EntityLink id={c.id} name={c.name} type={c.type} /> <span className="muted">{c.articles}</span></span>
                ))}
              </p>
            </>
          ) : null}
        </section>
      </div>

      <div className="grid-2">
        <section className="card">
          <h2>Quotes by {e.name} <span className="count">{page.quotes.by.length}</span></h2>
          <QuoteList quotes={page.quotes.by} showSpeaker={false} />
        </section>
        <section className="card">
          <h2>Quotes about {e.name} <span className="count">{page.quotes.about.length}</span></h2>
          <QuoteList quotes={page.quotes.about} showSpeaker />
        </section>
      </div>

      <section className="card">
        <h2>Events <span className="count">{page.events.length}</span></h2>
        {page.events.length ? (
          <table className="table">
            <thead><tr><th>date</th><th>who</th><th>event</th><th>whom</th><th>words</th><th /></tr></thead>
            <tbody>
              {page.events.map((ev, i) => {
                const other = ev.source?.id === e.id ? ev.target : ev.source;
                return (
                  <tr key={i} className={ev.negated ? 'negated' : ''}>
                    <td className="nowrap">{formatDate(ev.day)}</td>
                    <td>{ev.source ? <EntityLink id={ev.source.id} name={ev.source.name} /> : <span className="muted">?</span>}</td>
                    <td><strong>{ev.type}</strong> <QuadBadge quad={ev.quadClass} />{ev.negated ? <span className="badge negated">negated</span> : null}</td>
                    <td>{ev.target ? <EntityLink id={ev.target.id} name={ev.target.name} /> : <span className="muted">?</span>}</td>
                    <td><Link to={`/articles/${encodeURIComponent(ev.articleId)}`}>“{ev.trigger}”</Link></td>
                    <td>{other ? <Link to={`/relation?${new URLSearchParams({ a: e.name, b: other.name })}`}>relation</Link> : null}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : <Empty>No events with {e.name} as actor.</Empty>}
      </section>

      <section className="card">
        <h2>Articles <span className="count">{page.articles.length}</span></h2>
        <ul className="article-list compact">
          {page.articles.map((a) => (
            <li key={a.id}>
              <Link to={`/articles/${encodeURIComponent(a.id)}`}>{articleTitle(a)}</Link>
              <span className="muted"> · {a.publisher ?? 'unknown outlet'} · {formatDate(a.date)} · {a.mentions} mentions</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function QuoteList({ quotes, showSpeaker }: { quotes: LocatedQuote[]; showSpeaker: boolean }) {
  if (!quotes.length) return <Empty>None.</Empty>;
  return (
    <ul className="quote-list">
      {quotes.map((q, i) => (
        <li key={i}>
          {/* reported speech is shown as written: its own quotation marks hold the verbatim words */}
          <blockquote>{q.kind === 'indirect' ? q.content : `“${q.content}”`}</blockquote>
          <div className="muted small">
            {showSpeaker ? <>{q.speaker ? <EntityLink id={q.speakerId ?? undefined} name={q.speaker} /> : 'unknown speaker'} · </> : null}
            {q.kind}{q.cue ? ` · ${q.cue}` : ''} · <Link to={`/articles/${encodeURIComponent(q.articleId)}`}>{q.publisher ?? 'article'}, {formatDate(q.date)}</Link>
            {q.chain.length > 1 ? <> · via {q.chain.join(' → ')}</> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

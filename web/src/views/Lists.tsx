/** The home page, search, and the lists: entities, sources, claims, stories. */
import { useState } from 'react';
import { api } from '../api';
import { EntityLink, Empty, Show, Snippet, Stat, TypeBadge, articleTitle, fmt, formatDate, useLoad } from '../common';
import { Link } from '../router';

export function HomeView({ offset }: { offset: number }) {
  const stats = useLoad('stats', () => api.stats());
  const page = useLoad(`articles:${offset}`, () => api.articles(offset));
  const top = useLoad('entities:top', () => api.entities());
  return (
    <div>
      <header className="page-head hero">
        <h1>What the news says, and who says it</h1>
        <p className="lede">Entities, quotes, events, times, figures and sources from every stored article, each pointing at its words.</p>
      </header>
      <Show loaded={stats}>{(s) => (
        <div className="stats">
          <Stat label="articles" value={s.articles} /><Stat label="entities" value={s.entities} /><Stat label="quotes" value={s.quotes} />
          <Stat label="events" value={s.events} /><Stat label="stories" value={s.stories} /><Stat label="claims" value={s.claims} />
        </div>
      )}</Show>
      <div className="grid-main">
        <section className="card">
          <h2>Articles</h2>
          <Show loaded={page}>{(p) => (
            <>
              {p.articles.length ? (
                <ul className="article-list">
                  {p.articles.map((a) => (
                    <li key={a.id}>
                      <Link to={`/articles/${encodeURIComponent(a.id)}`} className="article-title">{articleTitle(a)}</Link>
                      <div className="muted small">{a.publisher ?? 'unknown outlet'} · {formatDate(a.date)} · tone {a.tone.toFixed(1)}</div>
                      {a.title ? <p className="lead">{a.lead}</p> : null}
                    </li>
                  ))}
                </ul>
              ) : <Empty>No articles yet: <code>npx newsgraph ingest FILES</code>, or POST /api/articles.</Empty>}
              <nav className="pager" aria-label="Pages">
                {p.offset > 0 ? <Link to={`/?offset=${Math.max(0, p.offset - p.limit)}`}>← newer</Link> : <span />}
                <span className="muted">{p.total ? `${p.offset + 1}–${Math.min(p.total, p.offset + p.limit)} of ${fmt(p.total)}` : ''}</span>
                {p.offset + p.limit < p.total ? <Link to={`/?offset=${p.offset + p.limit}`}>older →</Link> : <span />}
              </nav>
            </>
          )}</Show>
        </section>
        <section className="card">
          <h2>Most mentioned</h2>
          <Show loaded={top}>{(t) => (
            <ul className="entity-list">
              {t.entities.slice(0, 15).map((e) => (
                <li key={e.id}><EntityLink id={e.id} name={e.name} type={e.type} /> <TypeBadge type={e.type} /> <span className="muted small">{e.mentions} mentions</span></li>
              ))}
            </ul>
          )}</Show>
          <p className="small"><Link to="/entities">All entities →</Link></p>
        </section>
      </div>
    </div>
  );
}

export function SearchView({ q }: { q: string }) {
  const loaded = useLoad(`search:${q}`, () => (q ? api.search(q) : Promise.resolve(null)));
  return (
    <div>
      <header className="page-head"><h1>Search</h1>{q ? <p className="muted">Results for “{q}”</p> : null}</header>
      {!q ? <Empty>Type words in the search box: all must match; “quoted phrases” stay together.</Empty> : (
        <Show loaded={loaded}>{(r) => r && (
          <div className="grid-main">
            <section className="card">
              <h2>Articles <span className="count">{r.articles.length}</span></h2>
              {r.articles.length ? (
                <ul className="article-list">
                  {r.articles.map((a) => (
                    <li key={a.id}>
                      <Link to={`/articles/${encodeURIComponent(a.id)}`} className="article-title">{articleTitle(a)}</Link>
                      <div className="muted small">{a.publisher ?? 'unknown outlet'} · {formatDate(a.date)}</div>
                      <p className="lead"><Snippet text={a.snippet} /></p>
                    </li>
                  ))}
                </ul>
              ) : <Empty>No article has all these words.</Empty>}
            </section>
            <section className="card">
              <h2>Entities <span className="count">{r.entities.length}</span></h2>
              {r.entities.length ? (
                <ul className="entity-list">
                  {r.entities.map((e) => <li key={e.id}><EntityLink id={e.id} name={e.name} type={e.type} /> <TypeBadge type={e.type} />{e.country ? <span className="muted small"> {e.country}</span> : null}</li>)}
                </ul>
              ) : <Empty>No entity by that name.</Empty>}
            </section>
          </div>
        )}</Show>
      )}
    </div>
  );
}

export function EntitiesView() {
  const [filter, setFilter] = useState('');
  const loaded = useLoad(`entities:${filter}`, () => api.entities(filter.trim() || undefined));
  return (
    <div>
      <header className="page-head"><h1>Entities</h1></header>
      <label className="filter">Find an entity <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Putin, SCO, person:xi-jinping" /></label>
      <Show loaded={loaded}>{(r) => (
        r.entities.length ? (
          <table className="table">
            <thead><tr><th>name</th><th>type</th><th>country</th><th className="num">mentions</th><th className="num">articles</th></tr></thead>
            <tbody>
              {r.entities.map((e) => (
                <tr key={e.id}><td><EntityLink id={e.id} name={e.name} type={e.type} /></td><td><TypeBadge type={e.type} /></td><td>{e.country ?? ''}</td><td className="num">{e.mentions ?? ''}</td><td className="num">{e.articles ?? ''}</td></tr>
              ))}
            </tbody>
          </table>
        ) : <Empty>No entity matches.</Empty>
      )}</Show>
    </div>
  );
}

export function SourcesView() {
  const loaded = useLoad('sources', () => api.sources());
  return (
    <div>
      <header className="page-head"><h1>Sources</h1><p className="muted">Who cites whom across the stored articles. Each article's own chain is at the top of the article.</p></header>
      <Show loaded={loaded}>{(s) => (
        <div className="grid-3">
          <section className="card">
            <h2>Citations</h2>
            {s.citations.length ? (
              <ul className="citation-list">
                {s.citations.map((c) => <li key={`${c.citing}|${c.cited}`}><strong>{c.citing}</strong> <span className="chain-arrow">→</span> <strong>{c.cited}</strong> <span className="muted small">{c.articles} article{c.articles === 1 ? '' : 's'}</span></li>)}
              </ul>
            ) : <Empty>No citations.</Empty>}
          </section>
          <section className="card">
            <h2>Publishers</h2>
            <ul>{s.publishers.map((p) => <li key={p.name}>{p.name} <span className="muted small">{p.articles}</span></li>)}</ul>
          </section>
          <section className="card">
            <h2>Most cited</h2>
            <ul>{s.cited.map((c) => <li key={c.name}>{c.name} <span className="muted small">{c.articles} articles, by {c.citedBy}</span></li>)}</ul>
          </section>
        </div>
      )}</Show>
    </div>
  );
}

export function ClaimsView({ conflicts }: { conflicts: boolean }) {
  const loaded = useLoad(`claims:${conflicts}`, () => api.claims(conflicts));
  return (
    <div>
      <header className="page-head">
        <h1>Claims</h1>
        <p className="muted">Figures grouped by what they measure, when, and in what unit; values that disagree across articles are flagged.</p>
        <p>{conflicts ? <Link to="/claims">Show all claims</Link> : <Link to="/claims?conflicts=1">Show only conflicting claims</Link>}</p>
      </header>
      <Show loaded={loaded}>{(r) => (r.claims.length ? (
        <div className="claims">
          {r.claims.map((g) => (
            <section key={g.key} className={`card${g.conflict ? ' conflict' : ''}`}>
              <h2>{g.measure}{g.period ? `, ${g.period}` : ''} <span className="muted small">({g.unit})</span> {g.conflict ? <span className="badge quad-4">values disagree</span> : null}</h2>
              <table className="table">
                <thead><tr><th>figure</th><th>according to</th><th>in</th></tr></thead>
                <tbody>
                  {g.values.map((v, i) => (
                    <tr key={i}><td><strong>{v.text}</strong></td><td>{v.chain.length ? v.chain.join(' → ') : v.attributedTo ?? ''}</td><td><Link to={`/articles/${encodeURIComponent(v.articleId)}`}>{v.publisher ?? v.articleId}, {formatDate(v.date)}</Link></td></tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      ) : <Empty>{conflicts ? 'No conflicting claims.' : 'No claims.'}</Empty>)}</Show>
    </div>
  );
}

export function StoriesView() {
  const loaded = useLoad('stories', () => api.stories());
  return (
    <div>
      <header className="page-head"><h1>Stories</h1><p className="muted">Articles that report the same story: reprints, near-duplicates, the same event.</p></header>
      <Show loaded={loaded}>{(r) => (r.stories.length ? (
        <ul className="story-list">
          {r.stories.map((s) => (
            <li key={s.id} className="card">
              <h2>{s.title}</h2>
              <div className="muted small">{s.articleCount} article{s.articleCount === 1 ? '' : 's'} · {formatDate(s.firstDate)}{s.lastDate && s.lastDate !== s.firstDate ? ` – ${formatDate(s.lastDate)}` : ''}</div>
              <ul className="article-list compact">
                {s.articles.map((a) => <li key={a.id}><Link to={`/articles/${encodeURIComponent(a.id)}`}>{articleTitle(a)}</Link> <span className="muted small">{a.publisher ?? ''} · {formatDate(a.date)}</span></li>)}
              </ul>
            </li>
          ))}
        </ul>
      ) : <Empty>No stories yet.</Empty>)}</Show>
    </div>
  );
}

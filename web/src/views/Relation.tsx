/** The relation between two actors: cooperation against conflict over time, and the events behind it. */
import { useEffect, useState, type FormEvent } from 'react';
import { api, type RelationResult } from '../api';
import { BalanceChart, ChartLegend, type Balance } from '../charts';
import { EntityLink, Empty, QuadBadge, Show, Stat, formatDate, useLoad } from '../common';
import { Link, useRouter } from '../router';

export function RelationView({ a, b }: { a: string; b: string }) {
  const { navigate } = useRouter();
  const [first, setFirst] = useState(a);
  const [second, setSecond] = useState(b);
  useEffect(() => { setFirst(a); setSecond(b); }, [a, b]);
  const suggestions = useLoad('entities:top', () => api.entities());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (first.trim() && second.trim()) navigate(`/relation?${new URLSearchParams({ a: first.trim(), b: second.trim() })}`);
  };
  return (
    <div>
      <header className="page-head">
        <h1>Relation between two actors</h1>
        <p className="muted">Events in both directions, coded in PLOVER, with their quad class: cooperation above the line, conflict below.</p>
      </header>
      <form className="pair-form" onSubmit={submit}>
        <label>First actor <input list="actor-names" value={first} onChange={(e) => setFirst(e.target.value)} placeholder="Xi Jinping" required /></label>
        <label>Second actor <input list="actor-names" value={second} onChange={(e) => setSecond(e.target.value)} placeholder="Vladimir Putin" required /></label>
        <button type="submit">Compare</button>
        <datalist id="actor-names">
          {suggestions.state === 'ok' ? suggestions.data.entities.map((e) => <option key={e.id} value={e.name} />) : null}
        </datalist>
      </form>
      {a && b ? <RelationResultView a={a} b={b} /> : <Empty>Choose two actors, for example <Link to="/relation?a=Xi%20Jinping&b=Vladimir%20Putin">Xi Jinping and Vladimir Putin</Link>.</Empty>}
    </div>
  );
}

function RelationResultView({ a, b }: { a: string; b: string }) {
  const loaded = useLoad(`relation:${a}|${b}`, () => api.relation(a, b));
  return <Show loaded={loaded}>{(r) => <RelationBody r={r} />}</Show>;
}

function periods(r: RelationResult): Balance[] {
  const dated = r.events.filter((e) => e.day && !e.negated && e.quadClass);
  const days = new Set(dated.map((e) => e.day));
  const key = (day: string) => (days.size > 40 ? day.slice(0, 7) : day);
  const map = new Map<string, Balance>();
  for (const e of dated) {
    const k = key(e.day!);
    const p = map.get(k) ?? { label: k, coop: [0, 0], conflict: [0, 0] };
    if (e.quadClass === 1) p.coop[0]++;
    if (e.quadClass === 2) p.coop[1]++;
    if (e.quadClass === 3) p.conflict[0]++;
    if (e.quadClass === 4) p.conflict[1]++;
    map.set(k, p);
  }
  return [...map.values()].sort((x, y) => x.label.localeCompare(y.label));
}

function RelationBody({ r }: { r: RelationResult }) {
  return (
    <>
      <h2 className="pair-title">
        <EntityLink id={r.a.id} name={r.a.name} type={r.a.type} /> <span className="muted">and</span> <EntityLink id={r.b.id} name={r.b.name} type={r.b.type} />
      </h2>
      <div className="stats">
        <Stat label="events" value={r.events.length} />
        <Stat label="cooperation" value={r.cooperation} />
        <Stat label="conflict" value={r.conflict} />
      </div>
      <section className="card">
        <h2>Cooperation against conflict over time</h2>
        <BalanceChart periods={periods(r)} label={`Cooperation and conflict between ${r.a.name} and ${r.b.name}`} />
        <ChartLegend />
      </section>
      <div className="grid-2">
        <section className="card">
          <h2>By event type</h2>
          {r.byType.length ? (
            <table className="table">
              <thead><tr><th>direction</th><th>PLOVER type</th><th>class</th><th>events</th></tr></thead>
              <tbody>
                {r.byType.map((t) => (
                  <tr key={`${t.direction}|${t.type}|${t.quadClass}`}>
                    <td>{t.direction === 'a->b' ? `${r.a.name} → ${r.b.name}` : `${r.b.name} → ${r.a.name}`}</td>
                    <td><strong>{t.type}</strong></td>
                    <td><QuadBadge quad={t.quadClass} /></td>
                    <td className="num">{t.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : <Empty>No events between them.</Empty>}
        </section>
        <section className="card">
          <h2>Events</h2>
          {r.events.length ? (
            <ul className="event-list">
              {r.events.map((e, i) => (
                <li key={i} className={e.negated ? 'negated' : ''}>
                  <span className="nowrap muted">{formatDate(e.day)}</span>{' '}
                  {e.source} <strong>{e.type}</strong> {e.target} <QuadBadge quad={e.quadClass} />
                  {e.negated ? <span className="badge negated">negated</span> : null}
                  {e.mood !== 'asserted' ? <span className="badge">{e.mood}</span> : null}
                  <div className="small"><Link to={`/articles/${encodeURIComponent(e.articleId)}`}>“{e.trigger}”</Link> <span className="muted">· {e.publisher ?? 'unknown outlet'} · CAMEO {e.cameo}</span></div>
                </li>
              ))}
            </ul>
          ) : <Empty>No events between them.</Empty>}
        </section>
      </div>
    </>
  );
}

/** The shell: the header with navigation and search, and the view the address names. */
import { useEffect, useState, type FormEvent } from 'react';
import { ArticleView } from './views/Article';
import { EntityView } from './views/Entity';
import { GraphView } from './views/Graph';
import { RelationView } from './views/Relation';
import { ClaimsView, EntitiesView, HomeView, SearchView, SourcesView, StoriesView } from './views/Lists';
import { Link, match, useRouter } from './router';

const NAV = [
  ['/', 'Articles'],
  ['/entities', 'Entities'],
  ['/graph', 'Network'],
  ['/relation', 'Relations'],
  ['/sources', 'Sources'],
  ['/claims', 'Claims'],
  ['/stories', 'Stories'],
] as const;

function View() {
  const { location } = useRouter();
  const { path, search } = location;
  let m: Record<string, string> | null;
  if ((m = match('/articles/:id', path))) return <ArticleView id={m.id!} />;
  if ((m = match('/entities/:id', path))) return <EntityView id={m.id!} />;
  switch (path.replace(/\/+$/, '') || '/') {
    case '/': return <HomeView offset={Math.max(0, Number(search.get('offset')) || 0)} />;
    case '/search': return <SearchView q={search.get('q')?.trim() ?? ''} />;
    case '/entities': return <EntitiesView />;
    case '/graph': return <GraphView />;
    case '/relation': return <RelationView a={search.get('a') ?? ''} b={search.get('b') ?? ''} />;
    case '/sources': return <SourcesView />;
    case '/claims': return <ClaimsView conflicts={search.get('conflicts') === '1'} />;
    case '/stories': return <StoriesView />;
    default:
      return (
        <div className="error" role="alert"><strong>Not found</strong><p>No page at {path}. <Link to="/">Back to the articles</Link>.</p></div>
      );
  }
}

export function App() {
  const { location, navigate } = useRouter();
  const [q, setQ] = useState(location.search.get('q') ?? '');
  useEffect(() => {
    if (location.path === '/search') setQ(location.search.get('q') ?? '');
  }, [location]);
  useEffect(() => {
    const h1 = document.querySelector('main h1');
    document.title = h1?.textContent ? `${h1.textContent} · newsgraph` : 'newsgraph';
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) navigate(`/search?${new URLSearchParams({ q: q.trim() })}`);
  };
  const section = (to: string) => (to === '/' ? location.path === '/' || location.path.startsWith('/articles') : location.path.startsWith(to));
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <div className="top-inner">
          <Link to="/" className="brand">news<span>graph</span></Link>
          <nav aria-label="Main">
            {NAV.map(([to, label]) => <Link key={to} to={to} className={section(to) ? 'active' : ''} aria-current={section(to) ? 'page' : undefined}>{label}</Link>)}
          </nav>
          <form role="search" className="search" onSubmit={submit}>
            <input type="search" aria-label="Search articles and entities" placeholder="Search articles and entities" value={q} onChange={(e) => setQ(e.target.value)} />
            <button type="submit">Search</button>
          </form>
        </div>
      </header>
      <main id="main"><View /></main>
      <footer className="foot">newsgraph · offline analysis · <a href="/api/openapi.json">API</a></footer>
    </>
  );
}

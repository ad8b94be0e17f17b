/** The actor network: who acts on whom, laid out by d3-force, drawn in SVG. */
import { useMemo, useState } from 'react';
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { api, type ActorNetwork } from '../api';
import { Empty, Show, useLoad } from '../common';
import { Link, useRouter } from '../router';

type Node = ActorNetwork['nodes'][number] & SimulationNodeDatum;
type Edge = Omit<ActorNetwork['edges'][number], 'source' | 'target'> & SimulationLinkDatum<Node>;

export function GraphView() {
  const loaded = useLoad('graph', () => api.graph(60));
  return (
    <div>
      <header className="page-head">
        <h1>Actor network</h1>
        <p className="muted">Actors of events and the events between them. A line's width is the number of events; its colour the balance of cooperation (blue) and conflict (red). Click an actor for its page, a line for the relation.</p>
      </header>
      <Show loaded={loaded}>{(net) => (net.nodes.length ? <Network net={net} /> : <Empty>No events with two actors yet.</Empty>)}</Show>
    </div>
  );
}

function layout(net: ActorNetwork) {
  const nodes: Node[] = net.nodes.map((n) => ({ ...n }));
  // source and target are ids until forceLink resolves them to nodes
  const links = net.edges.map((e) => ({ ...e })) as unknown as Edge[];
  const sim = forceSimulation<Node>(nodes)
    .force('link', forceLink<Node, Edge>(links).id((d) => d.id).distance(170).strength(0.5))
    .force('charge', forceManyBody<Node>().strength(-1200))
    .force('center', forceCenter(0, 0))
    .force('x', forceX<Node>(0).strength(0.05))
    .force('y', forceY<Node>(0).strength(0.08))
    .force('collide', forceCollide<Node>().radius((d) => radius(d) + 30))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const margin = 90;
  const box = { x: Math.min(...xs) - margin, y: Math.min(...ys) - margin, w: Math.max(...xs) - Math.min(...xs) + 2 * margin, h: Math.max(...ys) - Math.min(...ys) + 2 * margin };
  return { nodes, links, box };
}

const radius = (n: { events: number }) => 6 + Math.sqrt(n.events) * 3;

function edgeClass(e: { cooperation: number; conflict: number }) {
  if (e.cooperation && !e.conflict) return 'edge-coop';
  if (e.conflict && !e.cooperation) return 'edge-conflict';
  if (e.conflict && e.cooperation) return 'edge-mixed';
  return 'edge-neutral';
}

function Network({ net }: { net: ActorNetwork }) {
  const { navigate } = useRouter();
  const { nodes, links, box } = useMemo(() => layout(net), [net]);
  const [hover, setHover] = useState<number | null>(null);
  const near = (id: number) => hover === null || id === hover || links.some((l) => ((l.source as Node).id === hover && (l.target as Node).id === id) || ((l.target as Node).id === hover && (l.source as Node).id === id));
  return (
    <>
      <svg className="network" viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`} role="img" aria-label="Network of actors">
        <g>
          {links.map((l, i) => {
            const s = l.source as Node;
            const t = l.target as Node;
            const dim = hover !== null && s.id !== hover && t.id !== hover;
            const to = `/relation?${new URLSearchParams({ a: s.name, b: t.name })}`;
            return (
              <a key={i} href={to} onClick={(e) => { e.preventDefault(); navigate(to); }} className={`edge ${edgeClass(l)}${dim ? ' dim' : ''}`}>
                <line x1={s.x} y1={s.y} x2={t.x} y2={t.y} strokeWidth={1 + Math.sqrt(l.weight) * 1.6} />
                <title>{`${s.name} – ${t.name}: ${l.weight} event${l.weight === 1 ? '' : 's'} (${l.cooperation} cooperation, ${l.conflict} conflict): ${l.types.map((x) => `${x.type} ×${x.count}`).join(', ')}`}</title>
              </a>
            );
          })}
        </g>
        <g>
          {nodes.map((n) => {
            const to = `/entities/${n.id}`;
            return (
              <a key={n.id} href={to} className={`node type-${n.type}${near(n.id) ? '' : ' dim'}`}
                onClick={(e) => { e.preventDefault(); navigate(to); }}
                onMouseEnter={() => setHover(n.id)} onMouseLeave={() => setHover(null)} onFocus={() => setHover(n.id)} onBlur={() => setHover(null)}>
                <circle cx={n.x} cy={n.y} r={radius(n)} />
                <title>{`${n.name} (${n.type}${n.country ? `, ${n.country}` : ''}): ${n.events} events`}</title>
              </a>
            );
          })}
        </g>
        <g className="labels" aria-hidden="true">
          {nodes.map((n) => (
            <text key={n.id} x={n.x ?? 0} y={(n.y ?? 0) + radius(n) + 15} textAnchor="middle" className={near(n.id) ? '' : 'dim'}>{n.name}</text>
          ))}
        </g>
      </svg>
      <ul className="legend">
        <li><span className="swatch edge-coop" /> cooperation</li>
        <li><span className="swatch edge-conflict" /> conflict</li>
        <li><span className="swatch edge-mixed" /> both</li>
        <li><span className="swatch type-PERSON" /> person</li>
        <li><span className="swatch type-GPE" /> country or city</li>
        <li><span className="swatch type-ORG" /> organisation</li>
        <li><span className="swatch type-NORP" /> group</li>
        {net.omitted ? <li className="muted">{net.omitted} actors with fewer events left out</li> : null}
      </ul>
      <p className="small"><Link to="/relation">Compare two actors →</Link></p>
    </>
  );
}

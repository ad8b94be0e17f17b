/** Two small charts in plain SVG: bars over time, and cooperation against conflict over time. */

export interface Bar { label: string; value: number; title?: string }

const W = 640;

/** Vertical bars, one per period, with the largest value marked. */
export function BarChart({ bars, label, height = 160 }: { bars: Bar[]; label: string; height?: number }) {
  if (!bars.length) return <p className="muted">No dated data.</p>;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const pad = { l: 32, r: 8, t: 10, b: 28 };
  const inner = W - pad.l - pad.r;
  const slot = inner / bars.length;
  const bw = Math.max(2, Math.min(40, slot * 0.7));
  const h = height - pad.t - pad.b;
  const every = Math.ceil(bars.length / 8);
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={label}>
      <line x1={pad.l} x2={W - pad.r} y1={pad.t + h} y2={pad.t + h} className="axis" />
      <text x={pad.l - 6} y={pad.t + 4} className="tick" textAnchor="end">{max}</text>
      <text x={pad.l - 6} y={pad.t + h} className="tick" textAnchor="end">0</text>
      {bars.map((b, i) => {
        const x = pad.l + i * slot + (slot - bw) / 2;
        const bh = (b.value / max) * h;
        return (
          <g key={b.label}>
            <rect x={x} y={pad.t + h - bh} width={bw} height={bh} className="bar">
              <title>{b.title ?? `${b.label}: ${b.value}`}</title>
            </rect>
            {i % every === 0 ? <text x={x + bw / 2} y={height - 10} className="tick" textAnchor="middle">{b.label}</text> : null}
          </g>
        );
      })}
    </svg>
  );
}

export interface Balance { label: string; coop: [number, number]; conflict: [number, number] }

/** Cooperation (verbal, material) above the line, conflict (verbal, material) below it, per period. */
export function BalanceChart({ periods, label }: { periods: Balance[]; label: string }) {
  if (!periods.length) return <p className="muted">No dated events between them.</p>;
  const height = 260;
  const pad = { l: 40, r: 12, t: 16, b: 30 };
  const inner = W - pad.l - pad.r;
  const half = (height - pad.t - pad.b) / 2;
  const mid = pad.t + half;
  const max = Math.max(1, ...periods.map((p) => Math.max(p.coop[0] + p.coop[1], p.conflict[0] + p.conflict[1])));
  const slot = inner / periods.length;
  const bw = Math.max(4, Math.min(40, slot * 0.6));
  const y = (n: number) => (n / max) * half;
  const every = Math.ceil(periods.length / 8);
  return (
    <svg className="chart balance" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={label}>
      <text x={pad.l - 6} y={pad.t + 4} className="tick" textAnchor="end">{max}</text>
      <text x={pad.l - 6} y={height - pad.b} className="tick" textAnchor="end">{max}</text>
      <text x={pad.l + 4} y={pad.t + 4} className="tick coop-label">cooperation ↑</text>
      <text x={pad.l + 4} y={height - pad.b - 4} className="tick conflict-label">conflict ↓</text>
      {periods.map((p, i) => {
        const x = pad.l + i * slot + (slot - bw) / 2;
        const [vc, mc] = p.coop;
        const [vk, mk] = p.conflict;
        return (
          <g key={p.label}>
            <rect x={x} y={mid - y(vc)} width={bw} height={y(vc)} className="q1"><title>{`${p.label}: ${vc} verbal cooperation`}</title></rect>
            <rect x={x} y={mid - y(vc) - y(mc)} width={bw} height={y(mc)} className="q2"><title>{`${p.label}: ${mc} material cooperation`}</title></rect>
            <rect x={x} y={mid} width={bw} height={y(vk)} className="q3"><title>{`${p.label}: ${vk} verbal conflict`}</title></rect>
            <rect x={x} y={mid + y(vk)} width={bw} height={y(mk)} className="q4"><title>{`${p.label}: ${mk} material conflict`}</title></rect>
            {i % every === 0 ? <text x={x + bw / 2} y={height - 10} className="tick" textAnchor="middle">{p.label}</text> : null}
          </g>
        );
      })}
      <line x1={pad.l} x2={W - pad.r} y1={mid} y2={mid} className="axis" />
    </svg>
  );
}

export function ChartLegend() {
  return (
    <ul className="legend">
      <li><span className="swatch q1" /> verbal cooperation</li>
      <li><span className="swatch q2" /> material cooperation</li>
      <li><span className="swatch q3" /> verbal conflict</li>
      <li><span className="swatch q4" /> material conflict</li>
    </ul>
  );
}

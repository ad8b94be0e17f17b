/** Pieces every view uses: loading data, errors, entity links, numbers and dates. */
import { useEffect, useState, type ReactNode } from 'react';
import { ApiFailure } from './api';
import { Link } from './router';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; status: number; message: string } | { state: 'ok'; data: T };

/** Run a request when its key changes; the latest answer wins. */
export function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    load().then(
      (data) => live && setResult({ state: 'ok', data }),
      (err: unknown) => live && setResult({ state: 'error', status: err instanceof ApiFailure ? err.status : 0, message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return result;
}

/** The loading state, the error, or the view of the data. */
export function Show<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  if (loaded.state === 'loading') return <p className="muted" role="status">Loading…</p>;
  if (loaded.state === 'error') {
    return (
      <div className="error" role="alert">
        <strong>{loaded.status === 404 ? 'Not found' : 'Something went wrong'}</strong>
        <p>{loaded.message}</p>
      </div>
    );
  }
  return <>{children(loaded.data)}</>;
}

export const TYPE_LABEL: Record<string, string> = {
  PERSON: 'person', ORG: 'organisation', GPE: 'country or city', LOC: 'place', NORP: 'nationality or group', EVENT: 'event', MISC: 'other',
};

export function TypeBadge({ type }: { type: string }) {
  return <span className={`badge type-${type}`} title={TYPE_LABEL[type] ?? type}>{type}</span>;
}

export function EntityLink({ id, name, type, className }: { id: number | undefined; name: string; type?: string; className?: string }) {
  if (id === undefined) return <span className={className}>{name}</span>;
  return <Link to={`/entities/${id}`} className={`entity-link ${type ? `type-${type}` : ''} ${className ?? ''}`}>{name}</Link>;
}

export const QUAD: Record<number, { label: string; short: string; kind: 'coop' | 'conflict' }> = {
  1: { label: 'verbal cooperation', short: 'verbal coop.', kind: 'coop' },
  2: { label: 'material cooperation', short: 'material coop.', kind: 'coop' },
  3: { label: 'verbal conflict', short: 'verbal conflict', kind: 'conflict' },
  4: { label: 'material conflict', short: 'material conflict', kind: 'conflict' },
};

export function QuadBadge({ quad }: { quad: number | null | undefined }) {
  if (!quad || !QUAD[quad]) return null;
  return <span className={`badge quad quad-${quad}`} title={QUAD[quad].label}>{QUAD[quad].short}</span>;
}

const NUMBER = new Intl.NumberFormat('en');
export const fmt = (n: number) => NUMBER.format(n);

export function formatDate(d: string | null | undefined): string {
  if (!d) return 'undated';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return d;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** A search snippet's [matched] words as <mark>, the rest as text. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]*\])/g);
  return <>{parts.map((p, i) => (p.startsWith('[') && p.endsWith(']') ? <mark key={i}>{p.slice(1, -1)}</mark> : <span key={i}>{p}</span>))}</>;
}

/** An article's title; without one, its first words, else its outlet and date. */
export function articleTitle(a: { title: string | null; lead?: string; publisher?: string | null; date?: string | null }): string {
  return a.title || a.lead || `Untitled article, ${a.publisher ?? 'unknown outlet'}, ${formatDate(a.date)}`;
}

export function Stat({ label, value }: { label: string; value: number | string }) {
  return (
    <div className="stat">
      <div className="stat-value">{typeof value === 'number' ? fmt(value) : value}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="muted empty">{children}</p>;
}

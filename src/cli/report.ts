/** `analyze --format text`: one analysis as a plain-text report for a terminal. Pure. */
import type { Analysis } from '../analysis.js';
import type { EntityType } from '../doc/types.js';

const TYPE_ORDER: readonly EntityType[] = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT', 'MISC'];
const TYPE_LABEL: Record<EntityType, string> = {
  PERSON: 'People',
  ORG: 'Organisations',
  GPE: 'Countries and cities',
  LOC: 'Places',
  NORP: 'Nationalities and groups',
  EVENT: 'Named events',
  MISC: 'Other',
};

/** Collapse white space and cut to `max` characters, ending with "…" when cut. */
export function clip(s: string, max = 100): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function wordCount(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

function section(title: string, lines: string[], empty = '(none)'): string[] {
  return ['', `${title}${lines.length ? ` (${lines.length})` : ''}`, ...(lines.length ? lines : [`  ${empty}`])];
}

/** Every reporting chain from a root source down: "UNN → Bloomberg → Chinese customs". */
function sourceChains(sources: Analysis['sources']): string[] {
  const names = new Set(sources.map((s) => s.name));
  const children = new Map<string, string[]>();
  for (const s of sources) {
    if (s.citedBy && names.has(s.citedBy) && s.citedBy !== s.name) {
      const list = children.get(s.citedBy) ?? [];
      if (!list.includes(s.name)) list.push(s.name);
      children.set(s.citedBy, list);
    }
  }
  const roots = sources.filter((s) => !s.citedBy || !names.has(s.citedBy) || s.citedBy === s.name);
  // Publishers first, then the cited sources nobody in the article cites.
  roots.sort((a, b) => (a.role === b.role ? 0 : a.role === 'publisher' ? -1 : 1));
  const chains: string[] = [];
  const seenRoots = new Set<string>();
  const walk = (name: string, path: string[]): void => {
    const next = (children.get(name) ?? []).filter((c) => !path.includes(c));
    if (!next.length) {
      chains.push(path.join(' → '));
      return;
    }
    for (const c of next) walk(c, [...path, c]);
  };
  for (const r of roots) {
    if (seenRoots.has(r.name)) continue;
    seenRoots.add(r.name);
    const label = r.role === 'publisher' ? `${r.name} (publisher)` : r.name;
    const before = chains.length;
    walk(r.name, [r.name]);
    for (let i = before; i < chains.length; i++) chains[i] = label + chains[i]!.slice(r.name.length);
  }
  return chains.map((c) => `  ${c}`);
}

function tone(t: number): string {
  const word = t <= -0.5 ? 'hostile' : t < -0.05 ? 'somewhat negative' : t >= 0.5 ? 'warm' : t > 0.05 ? 'somewhat positive' : 'neutral';
  return `${t >= 0 ? '+' : ''}${t.toFixed(2)} (${word})`;
}

export function formatReport(a: Analysis): string {
  const names = new Map(a.entities.map((e) => [e.id, e.name]));
  const who = (id: string | null | undefined): string => (id ? (names.get(id) ?? id) : '—');

  const head: string[] = [];
  if (a.id !== undefined) head.push(`id:     ${a.id}`);
  head.push(`date:   ${a.date ?? '(unknown)'}`);
  if (a.title) head.push(`title:  ${clip(a.title, 120)}`);
  head.push(`words:  ${wordCount(a.text)} in ${a.sentences.length} sentence${a.sentences.length === 1 ? '' : 's'}`);

  const entities: string[] = [];
  for (const type of TYPE_ORDER) {
    const group = a.entities.filter((e) => e.type === type);
    if (!group.length) continue;
    entities.push(`  ${TYPE_LABEL[type]}:`);
    for (const e of group) {
      const country = e.country ? ` [${e.country}]` : '';
      const desc = e.descriptors.length ? ` — ${e.descriptors.join('; ')}` : '';
      const n = e.mentions.length;
      entities.push(`    ${e.name}${country}${desc} (${n} mention${n === 1 ? '' : 's'})`);
    }
  }
  const entityCount = a.entities.length;

  const quotes = a.quotes.map((q) => {
    const cue = q.cue ? ` (${clip(q.cue.text, 40)})` : '';
    // reported speech is the writer's words: shown as they are, with the words it quotes after it
    const words = q.kind === 'indirect' ? clip(q.content.text) : `"${clip(q.content.text)}"`;
    const quoted = q.quoted?.length ? `  [quoting ${q.quoted.map((x) => `"${clip(x.text, 60)}"`).join(', ')}]` : '';
    return `  [${q.kind}] ${who(q.speaker)}: ${words}${cue}${quoted}`;
  });

  const events = a.events.map((e) => {
    const code = e.cameo ? `${e.type}/${e.cameo}` : e.type;
    const neg = e.negated ? ' (negated)' : '';
    const when = e.date ? `  ${e.date}` : '';
    const where = e.location ? `  @ ${who(e.location)}` : '';
    return `  ${code}${neg}: ${who(e.source)} → ${who(e.target)}${when}${where}  "${clip(e.trigger.text, 60)}"`;
  });

  const times = a.times.map((t) => `  ${clip(t.text, 60)} → ${t.value}${t.mod ? ` (${t.mod})` : ''}  [${t.type}]`);

  const figures = a.quantities.map((q) => {
    const extra = [q.measure, q.period ? `period ${q.period}` : undefined].filter(Boolean).join(', ');
    return `  ${clip(q.text, 60)} → ${q.value} ${q.unit}${extra ? `, ${extra}` : ''}`;
  });

  const lines = [
    ...head,
    ...section('Sources', sourceChains(a.sources)),
    ...(entityCount ? ['', `Entities (${entityCount})`, ...entities] : section('Entities', [])),
    ...section('Quotes', quotes),
    ...section('Events', events),
    ...section('Times', times),
    ...section('Figures', figures),
    '',
    `Tone: ${tone(a.tone)}`,
  ];
  return `${lines.join('\n')}\n`;
}

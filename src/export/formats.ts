/**
 * The export formats, each a stream of text chunks: JSON Lines of the stored analyses, a
 * GDELT 2.0-style events table, and GraphML of actors and events for Gephi.
 */
import { GDELT_COLUMNS as ANALYSIS_GDELT_COLUMNS, gdeltRows } from '../stages/events/gdelt.js';
import type { Store } from '../store/store.js';

export const EXPORT_FORMATS = ['jsonl', 'gdelt', 'graphml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One stored analysis a line, with what the store knows besides: publisher, url, story. */
export async function* jsonlExport(store: Store): AsyncGenerator<string> {
  for await (const a of store.articles()) {
    yield `${JSON.stringify({ ...a.analysis, publisher: a.publisher, url: a.url, story: a.storyId })}\n`;
  }
}

/**
 * The events table of `analyze --format gdelt` (one formatter for both), for every stored article,
 * plus GDELT's SOURCEURL: the article's link, or its id when it has none. GLOBALEVENTID numbers
 * the rows of this export; the order (by article id) is the same on both stores.
 */
export const GDELT_COLUMNS = [...ANALYSIS_GDELT_COLUMNS, 'SOURCEURL'] as const;

/** A TSV cell never holds a tab or a line break. */
const cell = (v: string) => v.replace(/[\t\r\n]+/g, ' ');

export async function* gdeltExport(store: Store): AsyncGenerator<string> {
  yield `${GDELT_COLUMNS.join('\t')}\n`;
  let nextId = 1;
  for await (const a of store.articles()) {
    const rows = gdeltRows(a.analysis, nextId);
    nextId += rows.length;
    const sourceUrl = cell(a.url ?? a.analysis.id ?? '');
    for (const row of rows) yield `${row}\t${sourceUrl}\n`;
  }
}

/** Text for XML content and attributes: escaped, and without the control characters XML 1.0 forbids. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const data = (key: string, value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? '' : `<data key="${key}">${xmlEscape(String(value))}</data>`;

/** Actors as nodes, events between them as directed edges (one per type and CAMEO code, weighted by count). */
export async function* graphmlExport(store: Store): AsyncGenerator<string> {
  const graph = await store.actorGraph();
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  const keys: [string, 'node' | 'edge', string, string][] = [
    ['label', 'node', 'label', 'string'],
    ['type', 'node', 'type', 'string'],
    ['country', 'node', 'country', 'string'],
    ['events', 'node', 'events', 'int'],
    ['plover', 'edge', 'plover', 'string'],
    ['cameo', 'edge', 'cameo', 'string'],
    ['quadClass', 'edge', 'quadClass', 'int'],
    ['date', 'edge', 'date', 'string'],
    ['lastDate', 'edge', 'lastDate', 'string'],
    ['weight', 'edge', 'weight', 'double'],
  ];
  for (const [id, domain, name, type] of keys) yield `  <key id="${id}" for="${domain}" attr.name="${name}" attr.type="${type}"/>\n`;
  yield '  <graph id="newsgraph" edgedefault="directed">\n';
  for (const a of graph.actors) {
    yield `    <node id="n${a.id}">${data('label', a.name)}${data('type', a.type)}${data('country', a.country)}${data('events', a.events)}</node>\n`;
  }
  let n = 0;
  for (const e of graph.edges) {
    n++;
    yield `    <edge id="e${n}" source="n${e.source}" target="n${e.target}">${data('plover', e.type)}${data('cameo', e.cameo)}${data('quadClass', e.quadClass)}${data('date', e.firstDay)}${data('lastDate', e.lastDay)}${data('weight', e.weight)}</edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}

export function exportStream(store: Store, format: ExportFormat): AsyncGenerator<string> {
  switch (format) {
    case 'jsonl': return jsonlExport(store);
    case 'gdelt': return gdeltExport(store);
    case 'graphml': return graphmlExport(store);
  }
}

/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feed files: each item or entry becomes one article with its
 * title, link, date (pubDate / published / updated / dc:date) and body (content:encoded,
 * Atom content, or the description / summary). HTML bodies go through readHtml.
 */
import { XMLParser } from 'fast-xml-parser';
import type { ArticleInput } from '../../doc/types.js';
import { readHtml } from './html.js';
import { InputError, checkText, isIsoDate } from './index.js';

/** An article read from a feed, with the link it came from. */
export interface FeedArticle extends ArticleInput {
  url?: string;
}

/** One entry of a feed: its article, or why it could not be read. */
export type FeedEntry =
  | { index: number; article: FeedArticle }
  | { index: number; title?: string; error: string };

export interface Feed {
  kind: 'rss' | 'atom' | 'rdf';
  title?: string;
  entries: FeedEntry[];
}

type XmlNode = string | number | boolean | { [key: string]: unknown } | undefined;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true, // content:encoded → encoded, dc:date → date, atom:link → link
  textNodeName: '#text',
  parseTagValue: false, // a guid "123" stays a string
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link'].includes(name),
});

/** True when the file's first element is an RSS, RDF or Atom root. */
export function looksLikeFeed(raw: string): boolean {
  const head = raw.replace(/^\uFEFF/, '').slice(0, 4096).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '');
  return /^\s*<(?:rss|(?:\w+:)?feed|rdf:RDF)[\s>]/i.test(head);
}

/** The text of an element, whatever shape the parser gave it (text, attributes, xhtml children). */
function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join(' ');
  if (typeof node === 'object') {
    return Object.entries(node as Record<string, unknown>)
      .filter(([k]) => !k.startsWith('@_'))
      .map(([, v]) => textOf(v))
      .join(' ');
  }
  return '';
}

function field(node: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const t = textOf(node[name] as XmlNode).trim();
    if (t) return t;
  }
  return undefined;
}

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

/**
 * The calendar date as the publisher wrote it: "2025-09-01T23:30:00-05:00" is 1 September
 * where it was published, not 2 September in UTC, so the date is read, not converted.
 */
export function feedDate(raw: string | undefined): string | null {
  if (!raw) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(raw.trim());
  if (iso && isIsoDate(iso[1]!)) return iso[1]!;
  const rfc822 = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(raw);
  if (rfc822) {
    const month = MONTHS[rfc822[2]!.toLowerCase()];
    const date = month ? `${rfc822[3]}-${month}-${rfc822[1]!.padStart(2, '0')}` : '';
    if (isIsoDate(date)) return date;
  }
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

/** Plain text stays as written; markup (or escaped markup) goes through the HTML reader. */
function bodyText(body: string, date: string | null, what: string): string {
  if (!/<[a-z!/][^>]*>/i.test(body)) return body.trim();
  return readHtml(`<!doctype html><html><body><article>${body}</article></body></html>`, date ?? undefined, what).text;
}

function atomLink(entry: Record<string, unknown>): string | undefined {
  const links = (entry.link as Record<string, unknown>[] | undefined) ?? [];
  const alternate = links.find((l) => typeof l === 'object' && (l['@_rel'] === undefined || l['@_rel'] === 'alternate'));
  const href = alternate?.['@_href'];
  return typeof href === 'string' && href ? href : undefined;
}

function rssLink(item: Record<string, unknown>): string | undefined {
  const links = (item.link as unknown[] | undefined) ?? [];
  for (const l of links) {
    const t = typeof l === 'object' && l !== null ? ((l as Record<string, unknown>)['@_href'] as string | undefined) ?? textOf(l) : textOf(l);
    if (t && t.trim()) return t.trim();
  }
  return undefined;
}

function readEntry(
  node: Record<string, unknown>,
  index: number,
  kind: Feed['kind'],
  publisher: string | undefined,
  what: string,
): FeedEntry {
  const title = field(node, 'title');
  const label = `${what} item ${index + 1}${title ? ` ("${title.slice(0, 60)}")` : ''}`;
  try {
    const atom = kind === 'atom';
    const url = atom ? atomLink(node) : rssLink(node);
    // a non-permalink guid or an Atom id is the publisher's own stable id for the item
    const id = (atom ? field(node, 'id') : field(node, 'guid')) ?? url;
    const date = feedDate(atom ? field(node, 'published', 'updated', 'date') : field(node, 'pubDate', 'date', 'published', 'updated'));
    const body = atom ? field(node, 'content', 'summary') : field(node, 'encoded', 'description', 'summary');
    if (!body) throw new InputError(`${label} has no content or description`);
    checkText(body, label);
    const text = bodyText(body, date, label);
    if (!text.trim()) throw new InputError(`${label} has no article text`);
    const article: FeedArticle = {
      ...(id ? { id } : {}),
      date,
      text,
      ...(title ? { title } : {}),
      ...(publisher ? { publisher } : {}),
      ...(url ? { url } : {}),
    };
    return { index, article };
  } catch (err) {
    const message = err instanceof InputError ? err.message : `${label}: ${err instanceof Error ? err.message : String(err)}`;
    return { index, ...(title ? { title } : {}), error: message };
  }
}

/** A feed file → its entries. A file that is not a feed throws InputError; a bad item is an error entry. */
export function readFeed(xml: string, what = 'feed'): Feed {
  checkText(xml, what);
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml, true) as Record<string, unknown>;
  } catch (err) {
    throw new InputError(`${what} is not well-formed XML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const rss = doc.rss as Record<string, unknown> | undefined;
  const atom = doc.feed as Record<string, unknown> | undefined;
  const rdf = doc.RDF as Record<string, unknown> | undefined;
  if (rss) {
    const channel = (rss.channel ?? {}) as Record<string, unknown>;
    const publisher = field(channel, 'title');
    const items = (channel.item as Record<string, unknown>[] | undefined) ?? [];
    return { kind: 'rss', ...(publisher ? { title: publisher } : {}), entries: items.map((it, i) => readEntry(it, i, 'rss', publisher, what)) };
  }
  if (atom) {
    const publisher = field(atom, 'title');
    const entries = (atom.entry as Record<string, unknown>[] | undefined) ?? [];
    return { kind: 'atom', ...(publisher ? { title: publisher } : {}), entries: entries.map((e, i) => readEntry(e, i, 'atom', publisher, what)) };
  }
  if (rdf) {
    const publisher = field((rdf.channel ?? {}) as Record<string, unknown>, 'title');
    const items = (rdf.item as Record<string, unknown>[] | undefined) ?? [];
    return { kind: 'rdf', ...(publisher ? { title: publisher } : {}), entries: items.map((it, i) => readEntry(it, i, 'rdf', publisher, what)) };
  }
  throw new InputError(`${what} is XML but not an RSS or Atom feed`);
}

/** How many items a feed file holds, counted cheaply for a progress bar. */
export function countFeedItems(xml: string): number {
  return (xml.match(/<(?:item|entry)[\s>]/g) ?? []).length;
}

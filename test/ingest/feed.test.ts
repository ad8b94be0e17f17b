/** RSS and Atom feeds → articles: title, link, date, publisher, body; bad items reported one by one. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feedDate, looksLikeFeed, readFeed } from '../../src/stages/reading/feed.js';

const corpus = (name: string) => readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), 'utf8');

describe('RSS', () => {
  const feed = readFeed(corpus('feeds/unn.rss'), 'unn.rss');
  it('reads every item with its guid, link, date and the channel as publisher', () => {
    expect(feed.kind).toBe('rss');
    expect(feed.entries).toHaveLength(2);
    const [first, second] = feed.entries.map((e) => ('article' in e ? e.article : undefined));
    expect(first).toMatchObject({
      id: 'unn-2025-0901-putin-beijing', date: '2025-09-01', title: 'Putin arrives in Beijing for talks with Xi',
      publisher: 'UNN', url: 'https://unn.example/news/putin-arrives-in-beijing',
    });
    expect(second).toMatchObject({ id: 'unn-2025-0902-zelensky-air-defence', date: '2025-09-02' });
  });
  it('prefers content:encoded to the description, as paragraphs of plain text', () => {
    const first = feed.entries[0]!;
    if (!('article' in first)) throw new Error(first.error);
    expect(first.article.text.startsWith('Russian dictator Vladimir Putin arrived in Beijing on Monday')).toBe(true);
    expect(first.article.text).toContain('\n\n"Our relations are at an unprecedentedly high level," Putin said after the talks.');
    expect(first.article.text).not.toMatch(/<p>|&quot;/);
  });
});

describe('Atom', () => {
  it('reads entries with their id, alternate link, published date and escaped HTML content', () => {
    const feed = readFeed(corpus('feeds/kyiv-independent.atom'), 'ki.atom');
    expect(feed.kind).toBe('atom');
    const entry = feed.entries[0]!;
    if (!('article' in entry)) throw new Error(entry.error);
    expect(entry.article).toMatchObject({
      id: 'tag:kyivindependent.example,2025:putin-beijing', date: '2025-09-01', publisher: 'Kyiv Independent',
      url: 'https://kyivindependent.example/putin-lands-in-beijing', title: 'Putin lands in Beijing for talks with Xi Jinping',
    });
    expect(entry.article.text).toMatch(/^Russian dictator Vladimir Putin landed in Beijing/);
  });
  it('reads plain-text summaries and RSS 1.0 (RDF) feeds', () => {
    const atom = readFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>A</title><id>x</id><updated>2025-01-02T10:00:00Z</updated><summary>Plain words &amp; more.</summary></entry></feed>');
    expect(atom.entries[0]).toMatchObject({ article: { id: 'x', date: '2025-01-02', text: 'Plain words & more.' } });
    const rdf = readFeed('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>R</title></channel><item><title>I</title><link>https://r.example/1</link><dc:date>2025-03-04</dc:date><description>Text here.</description></item></rdf:RDF>');
    expect(rdf.entries[0]).toMatchObject({ article: { url: 'https://r.example/1', date: '2025-03-04', publisher: 'R', text: 'Text here.' } });
  });
});

describe('bad feeds', () => {
  it('reports an item without a body and keeps the others', () => {
    const feed = readFeed('<rss><channel><title>T</title><item><title>Empty</title></item><item><title>Ok</title><description>Words.</description></item></channel></rss>', 'f.rss');
    expect(feed.entries[0]).toMatchObject({ error: 'f.rss item 1 ("Empty") has no content or description' });
    expect(feed.entries[1]).toMatchObject({ article: { text: 'Words.' } });
  });
  it('refuses XML that is not a feed, and text that is not XML', () => {
    expect(() => readFeed('<html><body>x</body></html>', 'p.xml')).toThrow(/not an RSS or Atom feed/);
    expect(() => readFeed('<rss><channel><item></channel>', 'broken.rss')).toThrow(/not well-formed XML/);
  });
  it('recognises feeds by their root element', () => {
    expect(looksLikeFeed('<?xml version="1.0"?>\n<rss version="2.0">')).toBe(true);
    expect(looksLikeFeed('<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(looksLikeFeed('date 2025-01-01 <rss> is a word here')).toBe(false);
  });
});

describe('feed dates', () => {
  it.each([
    ['Mon, 01 Sep 2025 23:15:00 -0500', '2025-09-01'], // the publisher's calendar day, not UTC's
    ['2025-09-01T23:30:00-05:00', '2025-09-01'],
    ['1 September 2025', '2025-09-01'],
    ['not a date', null],
    [undefined, null],
  ])('%s → %s', (raw, date) => {
    expect(feedDate(raw)).toBe(date);
  });
});

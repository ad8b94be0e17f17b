import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';
import type { parseHTML as ParseHtml } from 'linkedom';
import type { ArticleInput } from '../../doc/types.js';
import { InputError, MAX_ARTICLE_CHARS, checkDate, checkSize, checkText, isIsoDate } from './index.js';

/**
 * linkedom, loaded on the first page read: its import costs a quarter of a second, which every
 * command paid at start-up, HTML or not (its CommonJS build, so that reading stays synchronous).
 */
let linkedom: { parseHTML: typeof ParseHtml } | undefined;
const parseHTML: typeof ParseHtml = (...args) => (linkedom ??= createRequire(import.meta.url)('linkedom') as { parseHTML: typeof ParseHtml }).parseHTML(...args);

const DATE_META = [
  'article:published_time',
  'og:article:published_time',
  'datePublished',
  'pubdate',
  'publishdate',
  'date',
  'dc.date',
  'DC.date.issued',
  'sailthru.date',
  'parsely-pub-date',
];

function metaContent(document: Document, name: string): string | undefined {
  const el =
    document.querySelector(`meta[property="${name}"]`) ??
    document.querySelector(`meta[name="${name}"]`) ??
    document.querySelector(`meta[itemprop="${name}"]`);
  const v = el?.getAttribute('content')?.trim();
  return v || undefined;
}

function publishedDate(document: Document): string | null {
  for (const name of DATE_META) {
    const v = metaContent(document, name)?.slice(0, 10);
    if (v && isIsoDate(v)) return v;
  }
  const time = document.querySelector('time[datetime]')?.getAttribute('datetime')?.slice(0, 10);
  if (time && isIsoDate(time)) return time;
  return null;
}

/** Elements whose text a reader never sees as the article: code, page chrome, the head. */
const NOT_ARTICLE = 'script, style, noscript, template, head, title, nav, footer, aside, iframe, svg';

/** A class or id token that marks an advertisement slot: "ad", "ads", "ad-top", "inline-ad", "advert", "sponsored". */
const AD_TOKEN = /^(?:ads?|advert\w*|ad[-_]\w+|\w+[-_]ads?|sponsor\w*)$/i;

/** Labels an ad slot leaves behind as a paragraph of its own. */
const AD_LABEL = /^(?:advertisement|advertising|advert|sponsored(?: content)?|ad)$/i;

function isAdSlot(el: Element): boolean {
  const tokens = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/).filter(Boolean);
  if (!tokens.some((t) => AD_TOKEN.test(t))) return false;
  // never a container that holds the story itself ("article-body has-ads")
  return !el.querySelector('p') || (el.textContent ?? '').trim().length < 300;
}

function dropAdSlots(document: Document): void {
  for (const el of [...document.querySelectorAll('[class], [id]')]) if (el.isConnected && isAdSlot(el)) el.remove();
}

/** Remove what is never article text: scripts, styles, the head, navigation, asides, footers, ad slots. */
function dropChrome(document: Document): void {
  for (const el of [...document.querySelectorAll(NOT_ARTICLE)]) el.remove();
  // a page's masthead, but not an article's own header (headline, standfirst)
  for (const el of [...document.querySelectorAll('header')]) if (!el.closest('article')) el.remove();
  dropAdSlots(document);
}

/** Text of the article's paragraphs, separated by blank lines, as a reader would see them. */
function paragraphsText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  dropChrome(document as unknown as Document);
  const blocks = [...document.querySelectorAll('p, h1, h2, h3, h4, li, blockquote, pre')]
    .filter((el) => !el.querySelector('p, li, blockquote'))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((t) => t && !AD_LABEL.test(t));
  if (blocks.length) return blocks.join('\n\n');
  return (document.body?.textContent ?? '').replace(/[ \t]+/g, ' ').trim();
}

/** A news page: the article body by Readability, title, byline and published date from meta tags. */
export function readHtml(html: string, overrideDate?: string, what = 'HTML page'): ArticleInput {
  checkText(html, what);
  if (html.length > 10 * MAX_ARTICLE_CHARS) throw new InputError(`${what} is ${(html.length / 1e6).toFixed(1)} million characters of HTML; newsgraph reads pages of up to ${(10 * MAX_ARTICLE_CHARS) / 1e6} million`);
  const { document } = parseHTML(html);
  if (!document || !document.documentElement) throw new InputError(`${what} could not be parsed as HTML`);
  const date = overrideDate !== undefined ? checkDate(overrideDate, '--date') : publishedDate(document as unknown as Document);
  const publisher = metaContent(document as unknown as Document, 'og:site_name');
  // ad slots only: Readability drops the rest of the chrome itself, and needs the head for the title
  dropAdSlots(document as unknown as Document);
  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  } catch {
    article = null;
  }
  const text = article?.content ? paragraphsText(article.content) : paragraphsText(html);
  if (!text.trim()) throw new InputError(`${what} has no article text`);
  checkSize(text, what);
  const title = article?.title?.trim() || (document.querySelector('title')?.textContent ?? '').trim();
  return {
    date,
    text,
    ...(title ? { title } : {}),
    ...(publisher ? { publisher } : {}),
  };
}

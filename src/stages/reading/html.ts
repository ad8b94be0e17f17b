import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleInput } from '../../doc/types.js';
import { InputError, checkText, isIsoDate } from './index.js';

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

/** Text of the article's paragraphs, separated by blank lines, as a reader would see them. */
function paragraphsText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.querySelectorAll('p, h1, h2, h3, h4, li, blockquote, pre')]
    .filter((el) => !el.querySelector('p, li, blockquote'))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (blocks.length) return blocks.join('\n\n');
  return (document.body?.textContent ?? '').replace(/[ \t]+/g, ' ').trim();
}

/** A news page: the article body by Readability, title, byline and published date from meta tags. */
export function readHtml(html: string, overrideDate?: string, what = 'HTML page'): ArticleInput {
  checkText(html, what);
  const { document } = parseHTML(html);
  if (!document || !document.documentElement) throw new InputError(`${what} could not be parsed as HTML`);
  const date = overrideDate ?? publishedDate(document as unknown as Document);
  const publisher = metaContent(document as unknown as Document, 'og:site_name');
  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  } catch {
    article = null;
  }
  const text = article?.content ? paragraphsText(article.content) : paragraphsText(html);
  if (!text.trim()) throw new InputError(`${what} has no article text`);
  const title = article?.title?.trim() || (document.querySelector('title')?.textContent ?? '').trim();
  return {
    date,
    text,
    ...(title ? { title } : {}),
    ...(publisher ? { publisher } : {}),
  };
}

/**
 * The HTTP application: the JSON API under /api/ and the built web interface at /.
 * Every error is JSON, {"error": "...", "status": N}; writes need the bearer token the server
 * was started with (NEWSGRAPH_TOKEN).
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { z } from 'zod';
import type { Analysis } from '../analysis.js';
import type { ArticleInput } from '../doc/types.js';
import { InputError, checkDate, checkText, readPlainText } from '../stages/reading/index.js';
import { readHtml } from '../stages/reading/html.js';
import { articleId, contentHash } from '../store/identity.js';
import { actorNetwork } from '../query/graph.js';
import type { Store } from '../store/store.js';
import { openApiDocument } from './openapi.js';

export type Analyze = (input: ArticleInput) => Analysis;

export interface AppOptions {
  store: Store;
  /** the pipeline, loaded on the first POST when not given */
  analyze?: Analyze;
  /** the bearer token writes need; writes are refused when it is unset */
  token?: string | undefined;
  /** the built web interface (web/dist); no UI when absent */
  webRoot?: string | undefined;
  /** the largest request body, in bytes (default 2 MB) */
  maxBodyBytes?: number;
  /** where internal errors are reported (default: standard error) */
  log?: (line: string) => void;
}

/** An error the client caused, with its HTTP status. */
export class ApiError extends Error {
  constructor(readonly status: 400 | 401 | 403 | 404 | 413 | 415, message: string) {
    super(message);
  }
}

export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Content-Security-Policy: only this origin's scripts, styles and data; no inline script, no framing. */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

// ---------------------------------------------------------------- parameters

const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const text = z.string().trim().min(1).max(500);

const queries = {
  search: z.object({ q: text, limit: limit(100, 20) }),
  articles: z.object({ limit: limit(100, 20), offset: z.coerce.number().int().min(0).default(0) }),
  entities: z.object({ q: text.optional(), limit: limit(100, 30) }),
  quotes: z.object({ speaker: text.optional(), about: text.optional(), scare: z.enum(['0', '1', 'true', 'false']).optional(), limit: limit(500, 100) }),
  relation: z.object({ a: text, b: text }),
  claims: z.object({ conflicts: z.enum(['0', '1', 'true', 'false']).optional(), measure: text.optional() }),
  stories: z.object({ limit: limit(200, 20), minArticles: z.coerce.number().int().min(1).default(1) }),
  graph: z.object({ max: limit(300, 60) }),
};

const entityIdParam = z.coerce.number().int().min(1);

const postedArticle = z.object({
  text: z.string().min(1, 'text is empty'),
  date: z.string().nullable().optional(),
  title: z.string().max(1000).nullable().optional(),
  id: z.union([z.string().max(300), z.number()]).transform(String).optional(),
  publisher: z.string().max(300).nullable().optional(),
  url: z.string().max(2000).nullable().optional(),
});

/** The query string checked against a schema; the first problem becomes a 400. */
function query<T extends z.ZodTypeAny>(c: Context, schema: T): z.infer<T> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = issue.path.join('.') || 'query';
    throw new ApiError(400, `bad parameter "${name}": ${issue.message === 'Required' ? 'required' : issue.message}`);
  }
  return parsed.data as z.infer<T>;
}

const yes = (v: string | undefined) => v === '1' || v === 'true';

function sameToken(given: string, expected: string): boolean {
  // compare digests, so the comparison takes the same time whatever the lengths
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function errorBody(status: number, error: string) {
  return { error, status };
}

// ---------------------------------------------------------------- the app

export function createApp(opts: AppOptions): Hono {
  const { store } = opts;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let analyzeFn = opts.analyze;
  const analyze = async (input: ArticleInput): Promise<Analysis> => {
    analyzeFn ??= (await import('../pipeline.js')).analyze;
    return analyzeFn(input);
  };

  /** The entity a name means, or a 404 naming it. */
  const requireName = async (name: string) => {
    const [found] = await store.findEntities(name);
    if (!found) throw new ApiError(404, `no entity called "${name}" in the store`);
    return found;
  };

  const app = new Hono();

  app.use('*', secureHeaders({
    contentSecurityPolicy: CSP,
    strictTransportSecurity: false, // served over plain HTTP on a local address
    crossOriginEmbedderPolicy: false,
    referrerPolicy: 'same-origin',
    xFrameOptions: 'DENY',
  }));

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(errorBody(err.status, err.message), err.status);
    if (err instanceof HTTPException) {
      const status = err.status;
      const message = status === 413 ? `request body too large: at most ${maxBody} bytes` : err.message || 'bad request';
      return c.json(errorBody(status, message), status);
    }
    if (err instanceof InputError) return c.json(errorBody(400, err.message), 400);
    log(`newsgraph serve: internal error on ${c.req.method} ${c.req.path}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return c.json(errorBody(500, 'internal error'), 500);
  });

  app.notFound((c) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) {
      return c.json(errorBody(404, `no such API route: ${c.req.method} ${c.req.path}`), 404);
    }
    return c.json(errorBody(404, `not found: ${c.req.path}`), 404);
  });

  // ---------------------------------------------------------------- reading

  app.get('/api/health', (c) => c.json({ ok: true }));

  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));

  app.get('/api/stats', async (c) => c.json(await store.stats()));

  app.get('/api/search', async (c) => {
    const { q, limit: n } = query(c, queries.search);
    const [articles, entities] = await Promise.all([store.search(q, n), store.findEntities(q)]);
    return c.json({ query: q, articles, entities });
  });

  app.get('/api/articles', async (c) => {
    const { limit: n, offset } = query(c, queries.articles);
    return c.json(await store.articlePage({ limit: n, offset }));
  });

  app.get('/api/articles/:id', async (c) => {
    const id = c.req.param('id');
    const article = await store.article(id);
    if (!article) throw new ApiError(404, `no article with id "${id}"`);
    return c.json(article);
  });

  app.get('/api/entities', async (c) => {
    const { q, limit: n } = query(c, queries.entities);
    if (!q) return c.json({ query: null, entities: await store.topEntities(n) });
    return c.json({ query: q, entities: await store.findEntities(q) });
  });

  app.get('/api/entities/:id', async (c) => {
    const raw = c.req.param('id');
    const parsed = entityIdParam.safeParse(raw);
    if (!parsed.success) throw new ApiError(400, `bad entity id "${raw}": expected a positive whole number`);
    const page = await store.entityPage(parsed.data);
    if (!page) throw new ApiError(404, `no entity with id ${parsed.data}`);
    return c.json(page);
  });

  app.get('/api/quotes', async (c) => {
    const { speaker, about, scare, limit: n } = query(c, queries.quotes);
    if (!speaker && !about) throw new ApiError(400, 'give speaker=NAME or about=NAME');
    if (speaker) await requireName(speaker);
    if (about) await requireName(about);
    return c.json(await store.quotes({ ...(speaker ? { speaker } : {}), ...(about ? { about } : {}), includeScare: yes(scare), limit: n }));
  });

  app.get('/api/relation', async (c) => {
    const { a, b } = query(c, queries.relation);
    await requireName(a);
    await requireName(b);
    const relation = await store.relation(a, b);
    let cooperation = 0;
    let conflict = 0;
    for (const e of relation.events) {
      if (e.negated) continue;
      if (e.quadClass === 1 || e.quadClass === 2) cooperation++;
      else if (e.quadClass === 3 || e.quadClass === 4) conflict++;
    }
    return c.json({ ...relation, cooperation, conflict });
  });

  app.get('/api/sources', async (c) => c.json(await store.sources()));

  app.get('/api/claims', async (c) => {
    const { conflicts, measure } = query(c, queries.claims);
    return c.json({ claims: await store.claims({ conflictsOnly: yes(conflicts), ...(measure ? { measure } : {}) }) });
  });

  app.get('/api/stories', async (c) => {
    const { limit: n, minArticles } = query(c, queries.stories);
    return c.json({ stories: await store.stories({ limit: n, minArticles }) });
  });

  app.get('/api/graph', async (c) => {
    const { max } = query(c, queries.graph);
    return c.json(actorNetwork(await store.actorGraph(), max));
  });

  // ---------------------------------------------------------------- writing

  app.post(
    '/api/articles',
    (c, next) => {
      if (!opts.token) {
        throw new ApiError(403, 'writes are disabled: start the server with NEWSGRAPH_TOKEN set, and send it as "Authorization: Bearer TOKEN"');
      }
      const header = c.req.header('authorization') ?? '';
      const m = /^Bearer\s+(.+)$/i.exec(header.trim());
      if (!m || !sameToken(m[1]!.trim(), opts.token)) {
        c.header('WWW-Authenticate', 'Bearer realm="newsgraph"');
        throw new ApiError(401, 'this needs the token: send "Authorization: Bearer TOKEN" with the value of NEWSGRAPH_TOKEN');
      }
      return next();
    },
    bodyLimit({ maxSize: maxBody, onError: () => { throw new ApiError(413, `request body too large: at most ${maxBody} bytes`); } }),
    async (c) => {
      const input = await readPosted(c);
      checkText(input.text, 'the article text');
      if (!input.text.trim()) throw new ApiError(400, 'the article has no text');
      const hash = contentHash(input.text);
      const id = articleId(input.id, hash);
      const existing = await store.findArticle(id, hash);
      if (existing) return c.json({ id: existing, status: 'duplicate' }, 200);
      const analysis = await analyze({ ...input, id });
      const outcome = await store.ingestArticle(analysis, {
        ...(input.publisher ? { publisher: input.publisher } : {}),
        ...(input.url ? { url: input.url } : {}),
        origin: 'POST /api/articles',
      });
      if (outcome.status === 'duplicate') return c.json({ id: outcome.id, status: 'duplicate' }, 200);
      return c.json({
        id: outcome.id,
        status: 'added',
        storyId: outcome.storyId,
        stats: {
          entities: analysis.entities.length,
          mentions: analysis.entities.reduce((n, e) => n + e.mentions.length, 0),
          quotes: analysis.quotes.length,
          events: analysis.events.length,
          times: analysis.times.length,
          quantities: analysis.quantities.length,
          sources: analysis.sources.length,
          tone: analysis.tone,
        },
      }, 201);
    },
  );

  // ---------------------------------------------------------------- the web interface

  const root = opts.webRoot;
  const index = root ? join(root, 'index.html') : undefined;
  if (root && index && existsSync(index)) {
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable'); // file names carry a content hash
    });
    app.use('*', serveStatic({ root }));
  }
  // any other page is the single-page app, which routes on the client; read per request, so a rebuild shows at once
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') {
      return c.json(errorBody(404, `no such API route: GET ${c.req.path}`), 404);
    }
    c.header('Cache-Control', 'no-cache');
    if (index && existsSync(index)) return c.html(readFileSync(index, 'utf8'));
    return c.html(NO_UI, 503);
  });

  return app;
}

const NO_UI = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>newsgraph</title></head>
<body><h1>newsgraph</h1><p>The web interface is not built: run <code>npm run build:web</code>, then reload.
The JSON API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></body></html>`;

/** The body of POST /api/articles: JSON {text, date?, title?, id?}, an HTML page, or plain text with an optional dateline. */
async function readPosted(c: Context): Promise<ArticleInput & { url?: string }> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const dateParam = c.req.query('date');
  if (dateParam !== undefined) checkDate(dateParam, 'date parameter');
  if (type === 'application/json') {
    let value: unknown;
    try {
      value = await c.req.json();
    } catch (err) {
      if (err instanceof ApiError || err instanceof HTTPException) throw err;
      throw new ApiError(400, 'the body is not valid JSON');
    }
    const parsed = postedArticle.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ApiError(400, `bad article: ${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    const r = parsed.data;
    const date = dateParam ?? (r.date ? checkDate(r.date.slice(0, 10), 'date') : null);
    return {
      ...(r.id !== undefined && r.id.trim() ? { id: r.id.trim() } : {}),
      date,
      text: r.text,
      ...(r.title ? { title: r.title } : {}),
      ...(r.publisher ? { publisher: r.publisher } : {}),
      ...(r.url ? { url: r.url } : {}),
    };
  }
  if (type === 'text/html' || type === 'application/xhtml+xml') return readHtml(await c.req.text(), dateParam, 'the HTML page');
  if (type === 'text/plain' || type === '') return readPlainText(await c.req.text(), dateParam, 'the article text');
  throw new ApiError(415, `cannot read a body of type "${type}": send application/json, text/html or text/plain`);
}

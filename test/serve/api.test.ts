/**
 * The JSON API, in process (Hono's app.request), over a temporary SQLite store holding the seed
 * article and a second, later article from another outlet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/serve/app.js';
import { openApiDocument } from '../../src/serve/openapi.js';
import type { Analysis } from '../../src/analysis.js';
import { BACKENDS } from '../store/backends.js';
import { SECOND_ID, SEED_ID, seededStore, type SeededStore } from './helpers.js';

const TOKEN = 'test-token-7f3a';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`serve on ${backend.name}`, () => {
    let s: SeededStore;
    let app: ReturnType<typeof createApp>;

    beforeAll(async () => {
      s = await seededStore({ backend });
      app = createApp({ store: s.store, token: TOKEN, maxBodyBytes: 64 * 1024, log: () => undefined });
    });
    afterAll(async () => {
      await s?.dispose();
    });

    async function get(path: string): Promise<{ status: number; body: any; headers: Headers }> {
      const res = await app.request(path);
      return { status: res.status, body: await res.json(), headers: res.headers };
    }

    const post = (body: string | object, headers: Record<string, string> = {}) =>
      app.request('/api/articles', {
        method: 'POST',
        headers: { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });

    const auth = { Authorization: `Bearer ${TOKEN}` };

    describe('serve: the JSON API', () => {
      it('health answers {"ok": true}, with the security headers', async () => {
        const r = await get('/api/health');
        expect(r.status).toBe(200);
        expect(r.body).toEqual({ ok: true });
        expect(r.headers.get('x-content-type-options')).toBe('nosniff');
        expect(r.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
        expect(r.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
      });

      it('the OpenAPI description lists every route the app serves, and no other', async () => {
        const r = await get('/api/openapi.json');
        expect(r.status).toBe(200);
        expect(r.body.openapi).toBe('3.1.0');
        const described = new Set<string>();
        for (const [path, ops] of Object.entries(r.body.paths as Record<string, Record<string, unknown>>)) {
          for (const method of Object.keys(ops)) described.add(`${method.toUpperCase()} ${path}`);
        }
        const served = new Set(
          app.routes
            .filter((route) => route.path.startsWith('/api/') && route.method !== 'ALL')
            .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
        );
        expect([...served].sort()).toEqual([...described].sort());
        // every $ref resolves
        const refs = JSON.stringify(openApiDocument()).match(/#\/components\/schemas\/\w+/g) ?? [];
        for (const ref of refs) expect(r.body.components.schemas).toHaveProperty(ref.split('/').pop()!);
      });

      it('stats counts both articles', async () => {
        const r = await get('/api/stats');
        expect(r.status).toBe(200);
        expect(r.body).toMatchObject({ articles: 2 });
        expect(r.body.entities).toBeGreaterThan(10);
      });

      it('search finds Putin in both articles, and the entity', async () => {
        const r = await get('/api/search?q=Putin');
        expect(r.status).toBe(200);
        expect(r.body.articles.map((a: { id: string }) => a.id).sort()).toEqual([SECOND_ID, SEED_ID].sort());
        expect(r.body.articles[0].snippet).toContain('[Putin]');
        expect(r.body.entities[0]).toMatchObject({ name: 'Vladimir Putin', type: 'PERSON' });
      });

      it('articles come a page at a time, newest first', async () => {
        const r = await get('/api/articles?limit=1');
        expect(r.body).toMatchObject({ total: 2, limit: 1, offset: 0 });
        expect(r.body.articles.map((a: { id: string }) => a.id)).toEqual([SECOND_ID]);
        const next = await get('/api/articles?limit=1&offset=1');
        expect(next.body.articles[0]).toMatchObject({ id: SEED_ID, publisher: 'UNN', date: '2025-09-02' });
        expect(next.body.articles[0].lead).toMatch(/^The meeting between Chinese leader Xi Jinping/);
      });

      it('an article by id carries its whole analysis, offsets into its text, and links to entity ids', async () => {
        const r = await get(`/api/articles/${SEED_ID}`);
        expect(r.status).toBe(200);
        const a = r.body.analysis as Analysis;
        expect(r.body).toMatchObject({ id: SEED_ID, date: '2025-09-02', publisher: 'UNN' });
        const putin = a.entities.find((e) => e.name === 'Vladimir Putin')!;
        expect(putin.descriptors).toContain('Russian dictator');
        for (const m of putin.mentions) expect(a.text.slice(m.start, m.end)).toBe(m.text);
        // 'calling him an "old friend."': reported speech that quotes two words, kept through the store
        const friend = a.quotes.find((q) => q.quoted?.some((w) => w.text === 'old friend'))!;
        expect(a.text.slice(friend.content.start, friend.content.end)).toBe(friend.content.text);
        for (const w of friend.quoted!) expect(a.text.slice(w.start, w.end)).toBe(w.text);
        expect(a.entities.find((e) => e.id === friend.speaker)?.name).toBe('Xi Jinping');
        expect(typeof r.body.entityIds[putin.id]).toBe('number');
      });

      it('the entity profile of Vladimir Putin: descriptor "Russian dictator" with its outlets, quotes by and about, events, timeline', async () => {
        const found = await get('/api/entities?q=Putin');
        const id = found.body.entities[0].id as number;
        const r = await get(`/api/entities/${id}`);
        expect(r.status).toBe(200);
        expect(r.body.entity).toMatchObject({ id, name: 'Vladimir Putin' });
        expect(r.body.profile.descriptors).toContainEqual({ text: 'Russian dictator', count: 2, outlets: ['Kyiv Independent', 'UNN'] });
        expect(r.body.quotes.by.map((q: { content: string }) => q.content)).toContainEqual(expect.stringMatching(/unprecedentedly high level/));
        expect(r.body.quotes.about.length).toBeGreaterThan(0);
        expect(r.body.events.some((e: { type: string }) => e.type === 'CONSULT')).toBe(true);
        expect(r.body.mentionsByDay.map((d: { day: string }) => d.day)).toEqual(['2025-09-02', '2025-09-03']);
        expect(r.body.articles).toHaveLength(2);
      });

      it('entities without a query are the most mentioned', async () => {
        const r = await get('/api/entities');
        expect(r.body.query).toBeNull();
        expect(r.body.entities.slice(0, 2).map((e: { name: string }) => e.name).sort()).toEqual(['Vladimir Putin', 'Xi Jinping']);
      });

      it('quotes by Xi Jinping include "old friend"', async () => {
        const r = await get('/api/quotes?speaker=Xi%20Jinping');
        expect(r.status).toBe(200);
        expect(r.body.quotes.some((q: { content: string; quoted: string[] }) => q.content.includes('old friend') && q.quoted.includes('old friend'))).toBe(true);
        expect((await get('/api/quotes')).status).toBe(400);
      });

      it('relation Xi / Putin has CONSULT events, with quad classes and a cooperation count', async () => {
        const r = await get('/api/relation?a=Xi%20Jinping&b=Vladimir%20Putin');
        expect(r.status).toBe(200);
        expect(r.body.a.name).toBe('Xi Jinping');
        expect(r.body.b.name).toBe('Vladimir Putin');
        const consult = r.body.events.filter((e: { type: string }) => e.type === 'CONSULT');
        expect(consult.length).toBeGreaterThan(0);
        expect(consult[0]).toMatchObject({ quadClass: 1, day: '2025-09-02' });
        expect(r.body.cooperation).toBeGreaterThan(0);
        expect(r.body.byMonth[0].month).toBe('2025-09');
      });

      it('sources, claims, stories and the actor graph answer', async () => {
        const sources = await get('/api/sources');
        expect(sources.body.citations).toContainEqual({ citing: 'UNN', cited: 'Bloomberg', articles: 1 });
        const claims = await get('/api/claims');
        expect(claims.body.claims.some((c: { measure: string }) => c.measure === 'bilateral trade')).toBe(true);
        expect((await get('/api/claims?conflicts=1')).body.claims).toEqual([]);
        const stories = await get('/api/stories');
        expect(stories.body.stories.length).toBeGreaterThan(0);
        const graph = await get('/api/graph');
        const names = new Map(graph.body.nodes.map((n: { id: number; name: string }) => [n.id, n.name]));
        expect(graph.body.edges.some((e: { source: number; target: number }) =>
          [names.get(e.source), names.get(e.target)].sort().join('|') === 'Vladimir Putin|Xi Jinping')).toBe(true);
      });

      it('errors are JSON: unknown route, unknown article, unknown entity, bad parameters', async () => {
        expect(await get('/api/nothing-here')).toMatchObject({ status: 404, body: { status: 404, error: expect.stringContaining('/api/nothing-here') } });
        expect(await get('/api/articles/no-such-article')).toMatchObject({ status: 404, body: { status: 404, error: 'no article with id "no-such-article"' } });
        expect(await get('/api/entities/999999')).toMatchObject({ status: 404, body: { status: 404 } });
        expect(await get('/api/entities/abc')).toMatchObject({ status: 400, body: { status: 400 } });
        expect(await get('/api/relation?a=Xi%20Jinping&b=Nobody%20Atall')).toMatchObject({ status: 404, body: { error: 'no entity called "Nobody Atall" in the store' } });
        expect(await get('/api/search')).toMatchObject({ status: 400, body: { error: 'bad parameter "q": required' } });
        expect(await get('/api/articles?limit=0')).toMatchObject({ status: 400 });
        const del = await app.request('/api/articles', { method: 'DELETE' });
        expect(del.status).toBe(404);
        expect(await del.json()).toMatchObject({ status: 404 });
      });

      it('search text is never SQL or FTS syntax', async () => {
        for (const q of [`'; drop table articles; --`, '"unbalanced', 'NEAR(a b)', 'Putin OR 1=1', '*']) {
          const r = await get(`/api/search?q=${encodeURIComponent(q)}`);
          expect(r.status).toBe(200);
        }
        expect((await get('/api/stats')).body.articles).toBe(2);
      });
    });

    describe('serve: POST /api/articles', () => {
      const text = 'Olena Kovalenko, an economist at the Kyiv School of Economics, said on Monday that trade fell 12% in 2024.';

      it('without a token: 401 with a message naming the header', async () => {
        const res = await post({ text });
        expect(res.status).toBe(401);
        expect(await res.json()).toMatchObject({ status: 401, error: expect.stringContaining('Authorization: Bearer') });
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
        const wrong = await post({ text }, { Authorization: 'Bearer nope' });
        expect(wrong.status).toBe(401);
      });

      it('when the server has no NEWSGRAPH_TOKEN, writes are refused, saying to set it', async () => {
        const readOnly = createApp({ store: s.store, token: undefined });
        const res = await readOnly.request('/api/articles', { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ text }) });
        expect(res.status).toBe(403);
        expect((await res.json()).error).toContain('NEWSGRAPH_TOKEN');
      });

      it('with the token: analysed, stored, and readable; the same text again is a duplicate', async () => {
        const res = await post({ text, date: '2025-09-08', title: 'Trade fell', id: 'posted-1' }, auth);
        expect(res.status).toBe(201);
        const body = await res.json();
        expect(body).toMatchObject({ id: 'posted-1', status: 'added' });
        expect(body.stats.entities).toBeGreaterThan(0);
        const stored = await get('/api/articles/posted-1');
        expect(stored.body).toMatchObject({ id: 'posted-1', title: 'Trade fell', date: '2025-09-08' });
        expect(stored.body.analysis.text).toBe(text);
        const again = await post({ text }, auth);
        expect(again.status).toBe(200);
        expect(await again.json()).toEqual({ id: 'posted-1', status: 'duplicate' });
      });

      it('plain text with a dateline, and an HTML page', async () => {
        const plain = await post('date 2025-09-09 Xi Jinping met Narendra Modi in Tianjin on Sunday.', auth);
        expect(plain.status).toBe(201);
        const { id } = await plain.json();
        expect((await get(`/api/articles/${id}`)).body.date).toBe('2025-09-09');
        const html = await app.request('/api/articles', {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'text/html; charset=utf-8' },
          body: '<!doctype html><html><head><title>Summit</title><meta property="article:published_time" content="2025-09-10T08:00:00Z"><meta property="og:site_name" content="Example News"></head><body><article><h1>Summit</h1><p>Narendra Modi thanked Vladimir Putin for the invitation, officials in New Delhi said on Wednesday after a long meeting of the two delegations.</p><script>alert(1)</script></article></body></html>',
        });
        expect(html.status).toBe(201);
        const page = await get(`/api/articles/${(await html.json()).id}`);
        expect(page.body).toMatchObject({ date: '2025-09-10', title: 'Summit' });
        expect(page.body.analysis.text).not.toContain('alert(1)');
      });

      it('bad bodies: 400 for malformed JSON, no text, a bad date; 415 for other types', async () => {
        const bad = await app.request('/api/articles', { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"text": ' });
        expect(bad.status).toBe(400);
        expect(await bad.json()).toEqual({ status: 400, error: 'the body is not valid JSON' });
        expect((await post({ title: 'no text' }, auth)).status).toBe(400);
        expect((await post({ text, date: '2025-02-30' }, auth)).status).toBe(400);
        const pdf = await app.request('/api/articles', { method: 'POST', headers: { ...auth, 'Content-Type': 'application/pdf' }, body: '%PDF' });
        expect(pdf.status).toBe(415);
      });

      it('a body over the limit: 413, with or without a Content-Length', async () => {
        const big = 'x'.repeat(70 * 1024);
        const res = await post({ text: big }, auth);
        expect(res.status).toBe(413);
        expect(await res.json()).toMatchObject({ status: 413, error: expect.stringContaining('too large') });
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode(big.slice(0, 8 * 1024)));
            controller.close();
          },
        });
        const chunked = await app.request('/api/articles', {
          method: 'POST', headers: { ...auth, 'Content-Type': 'text/plain' }, body: stream, duplex: 'half',
        } as RequestInit);
        expect(chunked.status).toBe(413);
      });
    });

    describe('serve: the web interface', () => {
      it('unknown non-API paths get the single-page app (or a page saying to build it), with the CSP', async () => {
        const res = await createApp({ store: s.store, webRoot: '/nonexistent' }).request('/entities/4');
        expect([200, 503]).toContain(res.status);
        expect(res.headers.get('content-type')).toMatch(/text\/html/);
        expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
        expect(await res.text()).not.toMatch(/<script>/);
      });
    });
  });
}

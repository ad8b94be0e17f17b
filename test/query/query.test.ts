/**
 * Every query on the corpus written for these tests, where the answers are known:
 * Putin named four ways in four articles, a UNN report reprinted by the Kyiv Independent, one
 * trade figure given as $245 billion (Chinese customs, via Bloomberg) and as $240 billion (TASS),
 * tariffs between Trump's United States and China two days apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { BACKENDS, CORPUS, type TestStore } from '../store/backends.js';
import { renderClaims, renderEntity, renderQuotes, renderRelation, renderSearch, renderSources, renderStories } from '../../src/query/render.js';

const UNN = 'unn-2025-0901-putin-beijing';
const KYIV_INDEPENDENT = 'tag:kyivindependent.example,2025:putin-beijing';
const TARIFFS = 'wire-2025-04-02-tariffs';
const RETALIATION = 'wire-2025-04-04-retaliation';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`queries on ${backend.name}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await backend.create();
      await ingestPaths(t.store, [CORPUS], { analyze });
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it('entity: one Putin across four articles, with his names, descriptors by outlet, and months', async () => {
      const p = await t.store.entity('Putin');
      expect(p.entity).toMatchObject({ name: 'Vladimir Putin', type: 'PERSON', country: 'RUS', kbId: 'person:vladimir-putin' });
      expect(p.articles).toBe(4);
      expect(p.firstDate).toBe('2025-09-01');
      expect(p.lastDate).toBe('2025-09-04');
      expect(p.byMonth).toEqual([{ month: '2025-09', articles: 4, mentions: p.mentions }]);
      expect(p.surfaceForms.map((f) => f.text)).toEqual(expect.arrayContaining(['Putin', 'Vladimir Putin']));
      expect(p.descriptors).toContainEqual({ text: 'Russian dictator', count: 2, outlets: ['Kyiv Independent', 'UNN'] });
      expect(p.cooccurring.find((c) => c.name === 'China')?.articles).toBe(3);
      expect(p.quotesBy).toBeGreaterThanOrEqual(3);
      expect(renderEntity(p, 120)).toMatch(/^Vladimir Putin {2}\(PERSON · RUS · person:vladimir-putin/);
    });

    it('entity: a surname alone in a later article is the person already known', async () => {
      const k = await t.store.entity('Kovalenko');
      expect(k.entity.name).toBe('Olena Kovalenko');
      expect(k.articles).toBe(3); // UNN, its reprint, and "Ms Kovalenko" in the TASS-sourced report
      expect(k.surfaceForms.some((f) => f.text !== 'Olena Kovalenko' && f.text.endsWith('Kovalenko'))).toBe(true);
      expect(k.descriptors[0]).toMatchObject({ text: 'economist at the Kyiv School of Economics', outlets: ['Kyiv Independent', 'UNN'] });
      expect((await t.store.entity('Xi')).entity.name).toBe('Xi Jinping');
      await expect(t.store.entity('Nobody Atall')).rejects.toThrow('no entity called "Nobody Atall" in the store');
    });

    it('quotes --speaker: what Putin said, in each outlet, with the reporting chain', async () => {
      const r = await t.store.quotes({ speaker: 'Vladimir Putin' });
      expect(r.speaker?.name).toBe('Vladimir Putin');
      expect(r.quotes.every((q) => q.speaker === 'Vladimir Putin')).toBe(true);
      const high = r.quotes.filter((q) => q.content.startsWith('Our relations are at an unprecedentedly high level'));
      expect(high.map((q) => [q.articleId, q.publisher, q.kind])).toEqual([
        [KYIV_INDEPENDENT, 'Kyiv Independent', 'direct'],
        [UNN, 'UNN', 'direct'],
      ]);
      expect(high[1]!.chain).toEqual(['UNN', 'Bloomberg', 'Vladimir Putin']);
      expect(r.quotes.some((q) => q.content.startsWith('Trade with our Chinese friends keeps growing'))).toBe(true);
      expect(renderQuotes(r, 120)).toContain('quotes by Vladimir Putin');
    });

    it('quotes --about: quoted words that mention someone', async () => {
      const r = await t.store.quotes({ about: 'Ukraine' });
      expect(r.about?.name).toBe('Ukraine');
      const macron = r.quotes.find((q) => q.speaker === 'Emmanuel Macron');
      expect(macron).toMatchObject({ publisher: 'France 24', date: '2025-09-04', kind: 'direct' });
      expect(macron!.content).toMatch(/^Europe will stand with Ukraine/);
      const both = await t.store.quotes({ speaker: 'Macron', about: 'Ukraine' });
      expect(both.quotes.map((q) => q.speaker)).toEqual(['Emmanuel Macron']);
      await expect(t.store.quotes({ speaker: 'Nobody Atall' })).rejects.toThrow(/no entity/);
    });

    it('relation: tariffs both ways between the United States and China, over time', async () => {
      const us = await t.store.relation('United States', 'China');
      expect(us.a.name).toBe('United States');
      expect(us.b.name).toBe('China');
      const retaliation = us.events.find((e) => e.articleId === RETALIATION && e.type === 'SANCTION' && e.direction === 'b->a');
      expect(retaliation).toMatchObject({ source: 'China', target: 'United States', quadClass: 4, cameo: '163', day: '2025-04-04', publisher: 'Reuters' });
      // the same events seen from the other side
      const cn = await t.store.relation('China', 'United States');
      expect(cn.events.filter((e) => e.direction === 'a->b')).toHaveLength(us.events.filter((e) => e.direction === 'b->a').length);

      const trump = await t.store.relation('Trump', 'China');
      const sanctions = trump.events.filter((e) => e.type === 'SANCTION' && e.direction === 'a->b');
      expect(sanctions.map((e) => [e.day, e.articleId, e.source, e.quadClass])).toEqual([
        ['2025-04-02', TARIFFS, 'Donald Trump', 4],
        ['2025-04-04', RETALIATION, 'Donald Trump', 4],
      ]);
      expect(trump.byType).toContainEqual({ direction: 'a->b', type: 'SANCTION', quadClass: 4, count: 2 });
      expect(trump.byMonth[0]).toMatchObject({ month: '2025-04' });
      expect(trump.byMonth[0]!.quad[3]).toBe(2);
      expect(renderRelation(trump, 120)).toContain('Donald Trump → China');
    });

    it('sources: who cites whom', async () => {
      const s = await t.store.sources();
      expect(s.citations).toContainEqual({ citing: 'UNN', cited: 'Bloomberg', articles: 1 });
      expect(s.citations).toContainEqual({ citing: 'Bloomberg', cited: 'Chinese customs', articles: 1 });
      expect(s.citations).toContainEqual({ citing: 'Kyiv Independent', cited: 'Bloomberg', articles: 1 });
      expect(s.publishers[0]).toEqual({ name: 'UNN', articles: 2 });
      expect(s.publishers.map((p) => p.name)).toEqual(expect.arrayContaining(['Associated Press', 'France 24', 'Kyiv Independent', 'Reuters']));
      expect(s.cited.find((c) => c.name === 'Bloomberg')).toEqual({ name: 'Bloomberg', articles: 2, citedBy: 2 });
      expect(renderSources(s, 120)).toMatch(/^Who cites whom/);
    });

    it('search: full text, best match first, with the matched words marked', async () => {
      const hits = await t.store.search('retaliatory tariffs');
      expect(hits[0]).toMatchObject({ id: RETALIATION, publisher: 'Reuters', date: '2025-04-04' });
      expect(hits[0]!.snippet).toMatch(/\[retaliatory\]/i);
      expect((await t.store.search('Patriot systems')).map((h) => h.id)).toEqual(['unn-2025-0902-zelensky-air-defence']);
      // stems: "imposes" in a title, "imposed" in texts
      expect((await t.store.search('impose')).length).toBeGreaterThanOrEqual(3);
      // search syntax in user text is taken as words, never as an error
      expect(await t.store.search('"AND OR ( NEAR* zzzqqq')).toEqual([]);
      expect(await t.store.search('   ')).toEqual([]);
      expect(renderSearch(hits, 120)).toContain('China hits back with tariffs on US goods');
    });

    it('claims: one figure given two ways is a conflict, with every source', async () => {
      const conflicts = await t.store.claims({ conflictsOnly: true });
      expect(conflicts.map((c) => c.key)).toEqual(['bilateral trade|2024|USD']);
      const trade = conflicts[0]!;
      expect(trade.conflict).toBe(true);
      expect(trade.values.map((v) => [v.articleId, v.value, v.text, v.attributedTo])).toEqual([
        [KYIV_INDEPENDENT, 245e9, '$245 billion', 'Chinese customs'],
        [UNN, 245e9, '$245 billion', 'Chinese customs'],
        [expect.any(String), 240e9, '$240 billion', 'TASS'],
      ]);
      expect(trade.values[1]!.chain).toEqual(['UNN', 'Bloomberg', 'Chinese customs']);
      const all = await t.store.claims();
      expect(all.length).toBeGreaterThan(conflicts.length);
      expect(all.filter((c) => c.conflict)).toHaveLength(1);
      expect(await t.store.claims({ measure: 'tariffs' })).not.toContainEqual(expect.objectContaining({ conflict: true }));
      expect(renderClaims(conflicts, 120)).toContain('bilateral trade · 2024 · USD  ⚠ CONFLICT');
    });

    it('stories: the reprint and the same-event report each join their story', async () => {
      const stories = await t.store.stories();
      expect(stories).toHaveLength(6);
      const grouped = stories.filter((s) => s.articleCount > 1).map((s) => s.articles.map((a) => a.id).sort());
      expect(grouped).toEqual([[KYIV_INDEPENDENT, UNN].sort(), [TARIFFS, RETALIATION]]);
      const tariffs = stories.find((s) => s.articles.some((a) => a.id === TARIFFS))!;
      expect(tariffs).toMatchObject({ firstDate: '2025-04-02', lastDate: '2025-04-04', articleCount: 2 });
      expect(await t.store.stories({ minArticles: 2, limit: 1 })).toHaveLength(1);
      expect(renderStories(stories, 120)).toContain('(2 articles, 2025-04-02 … 2025-04-04)');
    });
  });
}

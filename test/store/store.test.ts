/** The Store on each backend, with hand-built analyses: identity, entity resolution, transactions, stories. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type TestStore } from './backends.js';
import { analysisOf } from './build.js';

const PUTIN = { id: 'e1', name: 'Vladimir Putin', type: 'PERSON' as const, kbId: 'person:vladimir-putin', country: 'RUS', sector: 'GOV' };

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`store on ${backend.name}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await backend.create();
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it('stores an article once: the same id or the same text again changes nothing', async () => {
      const a = analysisOf({ id: 'same-1', date: '2025-01-10', text: 'Vladimir Putin spoke in Moscow on Friday.', entities: [PUTIN] });
      expect((await t.store.ingestArticle(a)).status).toBe('added');
      const before = await t.store.stats();
      expect((await t.store.ingestArticle(a)).status).toBe('duplicate');
      // another id, the same words re-wrapped: the content hash sees one article
      const rewrapped = analysisOf({ id: 'same-2', date: '2025-01-10', text: 'Vladimir Putin spoke in\nMoscow on Friday.\n', entities: [PUTIN] });
      expect((await t.store.ingestArticle(rewrapped)).status).toBe('duplicate');
      // the same id with other words: the id sees one article
      const sameId = analysisOf({ id: 'same-1', date: '2025-01-10', text: 'Something else entirely.' });
      expect((await t.store.ingestArticle(sameId)).status).toBe('duplicate');
      expect(await t.store.stats()).toEqual(before);
      expect(await t.store.findArticle('nothing', 'nothing')).toBeUndefined();
    });

    it('resolves entities across articles: gazetteer ids, surnames alone, and names without a country', async () => {
      await t.store.ingestArticle(analysisOf({
        id: 'kov-1', date: '2025-02-01',
        text: 'Olena Kovalenko, an economist, said that Vladimir Putin depends on Paris bankers.',
        entities: [{ id: 'e1', name: 'Olena Kovalenko', type: 'PERSON', descriptors: ['economist'] }, { ...PUTIN, id: 'e2' }, { id: 'e3', name: 'Paris', type: 'GPE', country: 'FRA' }],
      }));
      await t.store.ingestArticle(analysisOf({
        id: 'kov-2', date: '2025-03-05',
        text: 'Kovalenko said Putin was wrong. Paris, Texas, was quiet.',
        entities: [
          { id: 'e1', name: 'Kovalenko', type: 'PERSON', country: 'UKR' },
          { ...PUTIN, id: 'e2', mentions: ['Putin'] },
          { id: 'e3', name: 'Paris', type: 'GPE', country: 'USA' },
        ],
      }));
      const kovalenko = await t.store.entity('Kovalenko');
      expect(kovalenko.entity.name).toBe('Olena Kovalenko');
      expect(kovalenko.entity.country).toBe('UKR'); // learnt from the later article
      expect(kovalenko.articles).toBe(2);
      expect(kovalenko.byMonth.map((m) => m.month)).toEqual(['2025-02', '2025-03']);
      const putin = await t.store.entity('person:vladimir-putin');
      expect(putin.articles).toBe(3);
      expect(putin.surfaceForms.map((f) => f.text).sort()).toEqual(['Putin', 'Vladimir Putin']);
      // the same name in two countries stays two places
      const paris = await t.store.findEntities('Paris');
      expect(paris.map((p) => p.country).sort()).toEqual(['FRA', 'USA']);

      // a second Kovalenko makes "Kovalenko" alone ambiguous: a new entity rather than a wrong merge
      await t.store.ingestArticle(analysisOf({ id: 'kov-3', date: '2025-03-06', text: 'Ivan Kovalenko arrived.', entities: [{ id: 'e1', name: 'Ivan Kovalenko', type: 'PERSON', country: 'UKR' }] }));
      await t.store.ingestArticle(analysisOf({ id: 'kov-4', date: '2025-03-07', text: 'Kovalenko left.', entities: [{ id: 'e1', name: 'Kovalenko', type: 'PERSON' }] }));
      const kovalenkos = await t.store.findEntities('Kovalenko');
      expect(kovalenkos.map((k) => k.name).sort()).toEqual(['Ivan Kovalenko', 'Kovalenko', 'Olena Kovalenko']);
    });

    it('an exception in the middle of an article leaves nothing of it behind', async () => {
      const before = await t.store.stats();
      const broken = analysisOf({
        id: 'broken-1', date: '2025-04-01', text: 'Xi Jinping met Emmanuel Macron in Beijing.',
        entities: [{ id: 'e1', name: 'Xi Jinping', type: 'PERSON', kbId: 'person:xi-jinping' }, { id: 'e2', name: 'Emmanuel Macron', type: 'PERSON', kbId: 'person:emmanuel-macron' }],
      });
      // the article, its entities and mentions are written before the quotes; this quote then fails
      broken.quotes = [{ kind: 'direct', content: undefined as never, speaker: 'e1', rule: 'test' }];
      await expect(t.store.ingestArticle(broken)).rejects.toThrow();
      expect(await t.store.stats()).toEqual(before);
      expect(await t.store.findArticle('broken-1', 'x')).toBeUndefined();
      expect(await t.store.findEntities('Xi Jinping')).toEqual([]);
      // and the store still works
      broken.quotes = [];
      expect((await t.store.ingestArticle(broken)).status).toBe('added');
    });

    it('groups a lightly edited reprint and a same-event report into stories; unrelated articles stay apart', async () => {
      const body = 'The central bank raised its key interest rate by half a point on Thursday, citing stubborn inflation in services and a weak currency. '
        + 'Analysts had expected a smaller move. The governor told reporters that further increases were possible if prices kept rising, and that the bank would watch wages closely. '
        + 'Mortgage lenders said they would pass the increase on to borrowers within weeks.';
      const first = await t.store.ingestArticle(analysisOf({ id: 'rate-1', date: '2025-05-08', title: 'Bank raises rates', text: body }));
      const reprint = await t.store.ingestArticle(analysisOf({ id: 'rate-2', date: '2025-05-09', text: `Reprinted from a wire service. ${body.replace('Analysts had expected', 'Most analysts expected')}` }));
      const other = await t.store.ingestArticle(analysisOf({ id: 'rate-3', date: '2025-05-09', text: 'A storm closed the port for two days and ferries were cancelled along the coast.' }));
      expect(first.status === 'added' && reprint.status === 'added' && other.status === 'added').toBe(true);
      if (first.status !== 'added' || reprint.status !== 'added' || other.status !== 'added') return;
      expect(reprint.story).toBe('near-duplicate');
      expect(reprint.storyId).toBe(first.storyId);
      expect(other.storyId).not.toBe(first.storyId);

      const actors = (src: string, dst: string) => [
        { id: 'e1', name: 'Armenia', type: 'GPE' as const, kbId: 'country:ARM', country: 'ARM', mentions: [src] },
        { id: 'e2', name: 'Azerbaijan', type: 'GPE' as const, kbId: 'country:AZE', country: 'AZE', mentions: [dst] },
      ];
      const talks1 = await t.store.ingestArticle(analysisOf({
        id: 'talks-1', date: '2025-06-01', text: 'Armenia met Azerbaijan for border talks in a neutral capital.',
        entities: actors('Armenia', 'Azerbaijan'), events: [{ type: 'CONSULT', cameo: '040', source: 'e1', target: 'e2', trigger: 'met' }],
      }));
      const talks2 = await t.store.ingestArticle(analysisOf({
        id: 'talks-2', date: '2025-06-03', text: 'Negotiators said Azerbaijan hosted Armenia and both sides agreed to keep talking.',
        entities: actors('Armenia', 'Azerbaijan'), events: [{ type: 'CONSULT', cameo: '040', source: 'e2', target: 'e1', trigger: 'hosted' }],
      }));
      const talksLater = await t.store.ingestArticle(analysisOf({
        id: 'talks-3', date: '2025-06-20', text: 'Weeks later Armenia met Azerbaijan again in another round.',
        entities: actors('Armenia', 'Azerbaijan'), events: [{ type: 'CONSULT', cameo: '040', source: 'e1', target: 'e2', trigger: 'met' }],
      }));
      if (talks1.status !== 'added' || talks2.status !== 'added' || talksLater.status !== 'added') throw new Error('not added');
      expect(talks2.story).toBe('same-event');
      expect(talks2.storyId).toBe(talks1.storyId);
      expect(talksLater.storyId).not.toBe(talks1.storyId); // 19 days later: beyond the 3-day window

      const stories = await t.store.stories({ minArticles: 2 });
      const grouped = stories.map((s) => s.articles.map((a) => a.id).sort());
      expect(grouped).toContainEqual(['rate-1', 'rate-2']);
      expect(grouped).toContainEqual(['talks-1', 'talks-2']);
      const rates = stories.find((s) => s.articles.some((a) => a.id === 'rate-1'))!;
      expect(rates).toMatchObject({ title: 'Bank raises rates', firstDate: '2025-05-08', lastDate: '2025-05-09', articleCount: 2 });
    });

    it('flags claims whose values disagree across articles, with who gave each figure', async () => {
      await t.store.ingestArticle(analysisOf({
        id: 'wheat-1', date: '2025-07-01', text: 'According to the ministry, wheat exports reached 40 million tonnes in 2024.',
        quantities: [{ text: '40 million tonnes', value: 40e6, unit: 'tonnes', measure: 'wheat exports', period: '2024' }],
        sources: [{ name: 'Daily Grain', role: 'publisher' }, { name: 'the ministry', role: 'cited', citedBy: 'Daily Grain', cue: { start: 0, end: 12, text: 'According to' } }],
      }), { publisher: 'Daily Grain' });
      await t.store.ingestArticle(analysisOf({
        id: 'wheat-2', date: '2025-07-02', text: 'Wheat exports were 44 million tonnes in 2024, traders said.',
        quantities: [{ text: '44 million tonnes', value: 44e6, unit: 'tonnes', measure: 'Wheat exports', period: '2024' }],
        quotes: [{ kind: 'indirect', content: 'Wheat exports were 44 million tonnes in 2024', speaker: null, chain: ['Farm Wire', 'traders'] }],
      }), { publisher: 'Farm Wire' });
      await t.store.ingestArticle(analysisOf({
        id: 'wheat-3', date: '2025-07-03', text: 'Wheat exports came to 40.1 million tonnes in 2024.',
        quantities: [{ text: '40.1 million tonnes', value: 40.1e6, unit: 'tonnes', measure: 'wheat exports', period: '2024' }],
      }), { publisher: 'Grain Weekly' });
      const [wheat, ...rest] = await t.store.claims({ conflictsOnly: true, measure: 'wheat' });
      expect(rest).toEqual([]);
      expect(wheat).toMatchObject({ key: 'wheat exports|2024|tonnes', conflict: true });
      expect(wheat!.values.map((v) => [v.articleId, v.value, v.publisher, v.attributedTo, v.chain])).toEqual([
        ['wheat-1', 40e6, 'Daily Grain', 'the ministry', ['Daily Grain', 'the ministry']],
        ['wheat-2', 44e6, 'Farm Wire', null, ['Farm Wire', 'traders']],
        ['wheat-3', 40.1e6, 'Grain Weekly', null, ['Grain Weekly']],
      ]);
    });
  });
}

/** Exports read back: JSON lines parse to the stored analyses, the TSV has GDELT's columns, the GraphML is valid XML. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { GDELT_COLUMNS, exportStream, xmlEscape, type ExportFormat } from '../../src/export/formats.js';
import { writeAll } from '../../src/cli/commands/shared.js';
import type { Analysis } from '../../src/analysis.js';
import { BACKENDS, CORPUS, type TestStore } from '../store/backends.js';
import { analysisOf } from '../store/build.js';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`exports on ${backend.name}`, () => {
    let t: TestStore;
    let tmp: string;
    const exported = async (format: ExportFormat) => {
      const file = join(tmp, `out.${format}`);
      await writeAll(exportStream(t.store, format), file);
      return readFileSync(file, 'utf8');
    };
    beforeAll(async () => {
      t = await backend.create();
      tmp = mkdtempSync(join(tmpdir(), 'newsgraph-export-'));
      await ingestPaths(t.store, [CORPUS], { analyze });
      // names that need escaping in XML and TSV
      await t.store.ingestArticle(analysisOf({
        id: 'escapes', date: '2025-09-05', text: 'AT&T <Holdings> "Ltd" criticised Tab\tCorp sharply.',
        entities: [{ id: 'e1', name: 'AT&T <Holdings> "Ltd"', type: 'ORG', country: 'USA' }, { id: 'e2', name: 'Tab\tCorp', type: 'ORG' }],
        events: [{ type: 'DISAPPROVE', cameo: '111', quadClass: 3, source: 'e1', target: 'e2', trigger: 'criticised' }],
      }));
    });
    afterAll(async () => {
      await t?.dispose();
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    it('jsonl: one stored analysis a line, with its id, publisher and story', async () => {
      const lines = (await exported('jsonl')).trimEnd().split('\n');
      const stats = await t.store.stats();
      expect(lines).toHaveLength(stats.articles);
      const records = lines.map((l) => JSON.parse(l) as Analysis & { publisher: string | null; url: string | null; story: number });
      const unn = records.find((r) => r.id === 'unn-2025-0901-putin-beijing')!;
      expect(unn).toMatchObject({ date: '2025-09-01', publisher: 'UNN', url: 'https://unn.example/news/putin-arrives-in-beijing', title: 'Putin arrives in Beijing for talks with Xi' });
      expect(typeof unn.story).toBe('number');
      for (const r of records) {
        // offsets still index the stored text
        for (const e of r.entities) for (const m of e.mentions) expect(r.text.slice(m.start, m.end)).toBe(m.text);
      }
      expect(records.reduce((n, r) => n + r.events.length, 0)).toBe(stats.events);
    });

    it('gdelt: a header and one row per asserted event, with GDELT columns, CAMEO root codes, trigger offsets and SOURCEURL', async () => {
      const [header, ...rows] = (await exported('gdelt')).trimEnd().split('\n');
      expect(header!.split('\t')).toEqual([...GDELT_COLUMNS]);
      for (const column of ['GLOBALEVENTID', 'SQLDATE', 'Actor1Name', 'Actor1CountryCode', 'Actor2Name', 'Actor2CountryCode', 'EventCode', 'EventRootCode', 'QuadClass', 'ActionGeo_FullName', 'SOURCEURL', 'TriggerStart', 'TriggerEnd']) {
        expect(GDELT_COLUMNS).toContain(column);
      }
      const records = rows.map((r) => {
        const cells = r.split('\t');
        expect(cells).toHaveLength(GDELT_COLUMNS.length);
        return Object.fromEntries(GDELT_COLUMNS.map((c, i) => [c, cells[i]!]));
      });
      // negated acts are left out, so at most one row per stored event; ids number the rows
      expect(records.length).toBeGreaterThan(0);
      expect(records.length).toBeLessThanOrEqual((await t.store.stats()).events);
      expect(records.map((r) => Number(r.GLOBALEVENTID))).toEqual(records.map((_, i) => i + 1));
      const retaliation = records.find((r) => r.DocId === 'wire-2025-04-04-retaliation' && r.Actor1Name === 'CHINA' && r.PloverType === 'SANCTION')!;
      expect(retaliation).toMatchObject({
        SQLDATE: '20250404', Actor1CountryCode: 'CHN', Actor2Name: 'UNITED STATES', Actor2CountryCode: 'USA',
        EventCode: '163', EventBaseCode: '163', EventRootCode: '16', QuadClass: '4', SOURCEURL: 'wire-2025-04-04-retaliation',
      });
      const unn = records.find((r) => r.DocId === 'unn-2025-0901-putin-beijing')!;
      expect(unn.SOURCEURL).toBe('https://unn.example/news/putin-arrives-in-beijing');
      // the trigger offsets point into the stored text
      const stored = JSON.parse((await exported('jsonl')).split('\n').find((l) => l.includes('"id":"wire-2025-04-04-retaliation"'))!) as Analysis;
      const trigger = stored.text.slice(Number(retaliation.TriggerStart), Number(retaliation.TriggerEnd));
      expect(stored.events.some((e) => e.type === 'SANCTION' && e.trigger.text === trigger)).toBe(true);
      // a tab inside a name never splits a row
      expect(records.find((r) => r.DocId === 'escapes')).toMatchObject({ Actor1Name: 'AT&T <HOLDINGS> "LTD"', Actor2Name: 'TAB CORP', EventRootCode: '11' });
    });

    it('graphml: valid XML of actors and weighted event edges that Gephi reads', async () => {
      const xml = await exported('graphml');
      expect(XMLValidator.validate(xml)).toBe(true);
      const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['key', 'node', 'edge', 'data'].includes(n) }).parse(xml);
      const graph = doc.graphml.graph;
      expect(graph.edgedefault).toBe('directed');
      const keys = Object.fromEntries((doc.graphml.key as { id: string; for: string; 'attr.type': string }[]).map((k) => [k.id, k]));
      expect(keys.weight).toMatchObject({ for: 'edge', 'attr.type': 'double' });
      type Data = { key: string; '#text': string | number };
      const attrs = (el: { data?: Data[] }) => Object.fromEntries((el.data ?? []).map((d) => [d.key, String(d['#text'])]));
      const nodes = new Map((graph.node as { id: string; data: Data[] }[]).map((n) => [n.id, attrs(n)]));
      const edges = (graph.edge as { id: string; source: string; target: string; data: Data[] }[]).map((e) => ({ ...attrs(e), source: nodes.get(e.source)!, target: nodes.get(e.target)! }) as Record<string, string> & { source: Record<string, string>; target: Record<string, string> });
      for (const e of edges) expect(e.source && e.target).toBeTruthy(); // every edge joins two declared nodes
      const trumpSanctions = edges.find((e) => e.source.label === 'Donald Trump' && e.plover === 'SANCTION' && e.target.label === 'Chinese');
      expect(trumpSanctions).toMatchObject({ cameo: '163', quadClass: '4', date: '2025-04-02', lastDate: '2025-04-04', weight: '2' });
      expect(nodes.get([...nodes].find(([, n]) => n.label === 'Donald Trump')![0])).toMatchObject({ type: 'PERSON', country: 'USA' });
      // escaped names come back as written
      expect([...nodes.values()].map((n) => n.label)).toContain('AT&T <Holdings> "Ltd"');
    });
  });
}

describe('XML escaping', () => {
  it('escapes markup and drops characters XML 1.0 forbids', () => {
    expect(xmlEscape(`a&b<c>"d"'e'\u0001`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;');
  });
});

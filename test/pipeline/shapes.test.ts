/**
 * The working document's records keep one object shape each: every field present, in one order,
 * undefined where unknown (JSON leaves it out). V8 deoptimises a function each time a property
 * read meets a new shape, and records built from spreads of optional fields had up to hundreds
 * (see README, Speed), so a new optional field belongs in these lists, set to undefined when absent.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { readPlainText } from '../../src/stages/reading/index.js';
import { SEED_PATH, fixture } from '../support/analysis.js';

const texts = [
  readFileSync(SEED_PATH, 'utf8'),
  ...readdirSync(new URL('../fixtures/articles/', import.meta.url)).map((name) => readFileSync(fixture(name), 'utf8')),
];
const docs = texts.map((text) => runPipeline(readPlainText(text)));
const keysOf = (records: object[]) => [...new Set(records.map((r) => Object.keys(r).join(',')))];

describe('one object shape per kind of record', () => {
  it('the documents: every field, whatever the input gave', () => {
    expect(keysOf(docs)).toEqual(['id,date,title,publisher,text,tokens,sentences,paragraphs,entities,quotes,times,quantities,events,sources,tone']);
    // and a document without id, title or publisher has them all the same
    expect(Object.keys(runPipeline({ date: null, text: 'Putin met Xi in Beijing on Tuesday.' }))).toEqual(Object.keys(docs[0]!));
  });
  it('entities, quotes and times, with optional fields present and undefined where unknown', () => {
    const entities = docs.flatMap((d) => d.entities);
    const quotes = docs.flatMap((d) => d.quotes);
    const times = docs.flatMap((d) => d.times);
    expect(entities.length).toBeGreaterThan(20);
    expect(quotes.length).toBeGreaterThan(10);
    expect(times.length).toBeGreaterThan(10);
    expect(keysOf(entities)).toEqual(['id,name,type,country,kbId,gender,sector,descriptors,mentions']);
    expect(keysOf(quotes)).toEqual(['kind,content,speaker,source,cue,rule,chain,quoted']);
    expect(keysOf(times)).toEqual(['start,end,text,type,value,mod,rule,anchored']);
    expect(keysOf(docs.flatMap((d) => d.sentences))).toEqual(['start,end,text,index,tokenStart,tokenEnd,paragraph']);
    // the optional fields are really optional here: some records have them, some do not
    expect(entities.some((e) => e.country === undefined) && entities.some((e) => e.country !== undefined)).toBe(true);
    expect(quotes.some((q) => q.cue === undefined) || quotes.some((q) => q.chain === undefined)).toBe(true);
    expect(times.some((t) => t.mod === undefined) && times.some((t) => t.mod !== undefined)).toBe(true);
  });
});

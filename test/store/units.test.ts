/** The store's pure parts: identity, entity keys, MinHash, claim keys, search syntax, store choice. */
import { describe, expect, it } from 'vitest';
import { articleId, contentHash } from '../../src/store/identity.js';
import { aliasesOf, entityKey, loneSurname, normaliseName, surnameOf } from '../../src/store/entities.js';
import { NEAR_DUPLICATE_JACCARD, bandKeys, decodeSignature, encodeSignature, estimatedJaccard, minhash } from '../../src/store/minhash.js';
import { claimKey, isComparableKey, valuesConflict } from '../../src/store/claims.js';
import BetterSqlite3 from 'better-sqlite3';
import { fts5Query, preparedOnce, redactUrl } from '../../src/store/dialect.js';
import { chooseStore } from '../../src/store/open.js';

describe('article identity', () => {
  it('hashes the words, not the line breaks', () => {
    expect(contentHash('One two\nthree ')).toBe(contentHash(' One two three'));
    expect(contentHash('One two three')).not.toBe(contentHash('One two four'));
  });
  it('keeps a given id, else takes 16 hex digits of the hash', () => {
    expect(articleId('wire-1', 'ab'.repeat(32))).toBe('wire-1');
    expect(articleId(undefined, 'ab'.repeat(32))).toBe('abababababababab');
  });
});

describe('entity keys', () => {
  it.each([
    [{ kbId: 'person:vladimir-putin', type: 'PERSON', name: 'Putin' }, 'person:vladimir-putin'],
    [{ type: 'PERSON', name: 'Olena  Kovalenko', country: 'UKR' }, 'PERSON:olena kovalenko:UKR'],
    [{ type: 'ORG', name: 'Élysée Palace' }, 'ORG:elysee palace:'],
  ] as const)('%o → %s', (e, key) => {
    expect(entityKey(e as Parameters<typeof entityKey>[0])).toBe(key);
  });
  it('normalises names for lookups', () => {
    expect(normaliseName("Zelenskyy's  office")).toBe('zelenskyys office');
    expect(surnameOf({ type: 'PERSON', name: 'Olena Kovalenko' })).toBe('kovalenko');
    expect(surnameOf({ type: 'ORG', name: 'Kyiv School' })).toBeNull();
    expect(loneSurname({ type: 'PERSON', name: 'Kovalenko' })).toBe('kovalenko');
    expect(loneSurname({ type: 'PERSON', name: 'Kovalenko', kbId: 'person:x' })).toBeNull();
    expect(loneSurname({ type: 'PERSON', name: 'Ms. Kovalenko' })).toBe('kovalenko');
    expect(loneSurname({ type: 'PERSON', name: 'Olena Kovalenko' })).toBeNull();
  });
  it('records the names an entity is called by, not pronouns or descriptions', () => {
    const aliases = aliasesOf({
      id: 'e1', name: 'Xi Jinping', type: 'PERSON', descriptors: [],
      mentions: [
        { start: 0, end: 2, text: 'Xi', via: 'surname' },
        { start: 3, end: 5, text: 'He', via: 'pronoun' },
        { start: 6, end: 25, text: 'the Chinese leader', via: 'description' },
      ],
    });
    expect(aliases.sort()).toEqual(['xi', 'xi jinping']);
  });
});

describe('MinHash', () => {
  const text = 'The central bank raised its key interest rate by half a point on Thursday, citing stubborn inflation in services and a weak currency, and said more rises could follow if prices kept climbing through the summer.';
  it('gives identical texts identical signatures and bands', () => {
    expect(estimatedJaccard(minhash(text)!, minhash(text)!)).toBe(1);
    expect(bandKeys(minhash(text)!)).toEqual(bandKeys(minhash(text)!));
  });
  it('keeps a light edit above the near-duplicate threshold and an unrelated text far below', () => {
    const edited = `Reprinted: ${text.replace('stubborn inflation', 'persistent inflation')}`;
    expect(estimatedJaccard(minhash(text)!, minhash(edited)!)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_JACCARD);
    const other = 'Heavy rain flooded the valley overnight and the regional government opened shelters for families who lost their homes.';
    expect(estimatedJaccard(minhash(text)!, minhash(other)!)).toBeLessThan(0.1);
  });
  it('round-trips a signature through its stored form; no words, no signature', () => {
    const sig = minhash(text)!;
    expect(decodeSignature(encodeSignature(sig))).toEqual(sig);
    expect(minhash(' … ')).toBeNull();
    expect(minhash('Short')).not.toBeNull();
  });
});

describe('claims', () => {
  it('keys by measure, period and unit, case-insensitively', () => {
    expect(claimKey({ measure: 'Bilateral trade', period: '2024', unit: 'USD' })).toBe('bilateral trade|2024|USD');
    expect(isComparableKey(claimKey({ unit: 'people' }))).toBe(false);
  });
  it('treats rounding as agreement and a 2% gap as a conflict', () => {
    expect(valuesConflict([245e9, 245.3e9])).toBe(false);
    expect(valuesConflict([245e9, 240e9])).toBe(true);
    expect(valuesConflict([5])).toBe(false);
  });
});

describe('full-text search syntax', () => {
  it('quotes every term, so user text never breaks FTS5', () => {
    expect(fts5Query('tariffs Beijing')).toBe('"tariffs" "Beijing"');
    expect(fts5Query('"trade war" AND (x')).toBe('"trade war" "AND" "(x"');
    expect(fts5Query('" * ^ -')).toBe('');
  });
});

describe('choosing the store', () => {
  it('follows the contract: --db, --pg URL, NEWSGRAPH_PG_URL, else ./newsgraph.db', () => {
    expect(chooseStore({}, {})).toEqual({ kind: 'sqlite', file: 'newsgraph.db' });
    expect(chooseStore({ db: 'x.db' }, { NEWSGRAPH_PG_URL: 'postgres://h/db' })).toEqual({ kind: 'sqlite', file: 'x.db' });
    expect(chooseStore({}, { NEWSGRAPH_PG_URL: 'postgres://h/db' })).toEqual({ kind: 'postgres', url: 'postgres://h/db' });
    expect(chooseStore({ pg: 'postgres://a/b' }, {})).toEqual({ kind: 'postgres', url: 'postgres://a/b' });
    expect(chooseStore({ pg: true }, { NEWSGRAPH_PG_URL: 'postgres://h/db' })).toEqual({ kind: 'postgres', url: 'postgres://h/db' });
    expect(() => chooseStore({ pg: true }, {})).toThrow(/needs a URL/);
    expect(() => chooseStore({ db: 'x.db', pg: 'postgres://a/b' }, {})).toThrow(/not both/);
  });
  it('never shows a password', () => {
    expect(redactUrl('postgres://me:secret@db:5432/news')).toBe('postgres://me:***@db:5432/news');
  });
});

describe('prepared statements kept for Kysely (preparedOnce)', () => {
  it('hands the same statement back for the same SQL, answers as a fresh one would, and keeps at most `limit`', () => {
    const handle = new BetterSqlite3(':memory:');
    const db = preparedOnce(handle, 2);
    db.prepare('create table t (x integer)').run([]);
    const insert = db.prepare('insert into t values (?)');
    for (const x of [1, 2, 3]) db.prepare('insert into t values (?)').run([x]);
    expect(db.prepare('insert into t values (?)')).toBe(insert);
    const sum = db.prepare('select sum(x) as s from t');
    expect(sum.all([])).toEqual([{ s: 6 }]);
    // a third text pushes out the least recently used one (the sum), not the insert just used
    db.prepare('insert into t values (?)');
    db.prepare('select count(*) as n from t');
    expect(db.prepare('insert into t values (?)')).toBe(insert);
    expect(db.prepare('select sum(x) as s from t')).not.toBe(sum);
    db.close();
    expect(handle.open).toBe(false);
  });
});

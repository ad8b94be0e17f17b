import { describe, expect, it } from 'vitest';
import { clusterOf, clusters, parseClusters } from '../../src/resources/clusters.js';

/** mulberry32: a small seeded PRNG, so the random baseline is the same on every run */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const shared = (a: string, b: string): number => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

function meanWithin(words: string[]): number {
  const paths = words.map((w) => clusterOf(w));
  expect(paths.every((p) => p !== undefined), `all of ${words.join(' ')} have clusters`).toBe(true);
  let sum = 0, pairs = 0;
  for (let i = 0; i < paths.length; i++)
    for (let j = i + 1; j < paths.length; j++) (sum += shared(paths[i]!, paths[j]!)), pairs++;
  return sum / pairs;
}

describe('parseClusters', () => {
  it('reads BITPATH<TAB>WORD<TAB>COUNT lines and skips comments', () => {
    const map = parseClusters('# header\n0101\tthe\t10\n0110\tThe\t3\n\n0101\tthe\t1\n11\tlast\t1');
    expect([...map]).toEqual([['the', '0101'], ['The', '0110'], ['last', '11']]);
  });
});

describe('models/clusters.txt', () => {
  const t0 = performance.now();
  const map = clusters();
  const loadMs = performance.now() - t0;
  const vocab = [...map.keys()];

  it('loads fast, once, with a sizeable vocabulary of bit paths', () => {
    expect(loadMs).toBeLessThan(1000);
    expect(clusters()).toBe(map);
    expect(map.size).toBeGreaterThan(20_000);
    expect(vocab.slice(0, 2000).every((w) => /^[01]+$/.test(map.get(w)!))).toBe(true);
  });

  it('looks up the exact form, then the lower-cased one', () => {
    expect(clusterOf('Germany')).toBe(map.get('Germany'));
    expect(clusterOf('gErMaNy')).toBe(map.get('germany'));
    expect(clusterOf('germany')).toBeDefined();
    expect(clusterOf('xqzzyplorf')).toBeUndefined();
  });

  // the same groups would share ~2 bits if paths were random
  const random = mulberry32(20090604);
  let sum = 0;
  const n = 5000;
  for (let i = 0; i < n; i++) {
    const a = vocab[Math.floor(random() * vocab.length)]!, b = vocab[Math.floor(random() * vocab.length)]!;
    sum += shared(map.get(a)!, map.get(b)!);
  }
  const baseline = sum / n;

  const groups: [string, string[]][] = [
    ['months', 'January February March April May June July August September October November December'.split(' ')],
    ['weekdays', 'Monday Tuesday Wednesday Thursday Friday'.split(' ')],
    ['countries', 'Germany France Japan Britain Canada'.split(' ')],
    ['small numbers', '1 2 3 4 5'.split(' ')],
    ['amounts', '10 12 15 20 30 50 100'.split(' ')],
    ['first names', 'John Peter David Michael James'.split(' ')],
  ];
  it.each(groups)('%s share longer path prefixes than random word pairs', (_name, words) => {
    expect(baseline).toBeLessThan(5);
    expect(meanWithin(words)).toBeGreaterThan(baseline + 3);
  });
});

/**
 * The web interface in a real browser: Debian's Chromium (/usr/bin/chromium, installed by .ci/run)
 * driven by playwright-core, against `serve` on a free port over a temporary store.
 * Screenshots go to test-artifacts/; with NEWSGRAPH_UPDATE_SCREENSHOTS=1 (or when missing) the
 * main views are also copied to docs/screenshots/ for the README.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { SCRIPT_ID, SEED_ID, seededStore, type SeededStore } from './helpers.js';

const CHROMIUM = process.env.NEWSGRAPH_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB_ROOT = join(ROOT, 'web', 'dist');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const DOCS = join(ROOT, 'docs', 'screenshots');
const haveChromium = existsSync(CHROMIUM);

if (!haveChromium) {
  console.warn(`newsgraph tests: ${CHROMIUM} is missing, so the browser tests are skipped (install it: apt-get install chromium; .ci/run does)`);
}

describe.skipIf(!haveChromium)('serve: the web interface in Chromium', () => {
  let s: SeededStore;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(WEB_ROOT, 'index.html'))) {
      const { build } = await import('vite');
      await build({ configFile: join(ROOT, 'web', 'vite.config.ts'), logLevel: 'error' });
    }
    s = await seededStore({ withScript: true });
    server = await startServer({ store: s.store, webRoot: WEB_ROOT, port: 0, host: '127.0.0.1', log: (line) => problems.push(line) });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // a Content-Security-Policy violation or a script error shows here
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await s?.dispose();
  });

  const open = (path: string) => page.goto(new URL(path, server.url).href);

  async function shot(name: string, docs = false): Promise<void> {
    await page.evaluate(() => window.scrollTo(0, 0));
    const file = join(ARTIFACTS, `${name}.png`);
    await page.screenshot({ path: file });
    const target = join(DOCS, `${name}.png`);
    if (docs && (process.env.NEWSGRAPH_UPDATE_SCREENSHOTS === '1' || !existsSync(target))) {
      mkdirSync(DOCS, { recursive: true });
      copyFileSync(file, target);
    }
  }

  it('the seed article: "Vladimir Putin" marked, "old friend" attributed to Xi Jinping; links lead to their entity pages', async () => {
    await open(`/articles/${SEED_ID}`);
    const text = page.getByTestId('article-text');
    const putin = text.locator('a.mention', { hasText: /^Vladimir Putin$/ }).first();
    await putin.waitFor();
    expect(await putin.getAttribute('data-entity')).toBe('Vladimir Putin');
    expect(await putin.getAttribute('title')).toContain('Russian dictator');

    // in the text: the quoted words carry their speaker, and the speaker's colour
    const friend = text.locator('.quote', { hasText: 'old friend' });
    expect(await friend.getAttribute('data-speaker')).toBe('Xi Jinping');
    expect(await friend.getAttribute('title')).toMatch(/quote by Xi Jinping/);
    const xiColour = (await friend.getAttribute('class'))!.match(/speaker-\d/)![0];
    const putinQuote = text.locator('.quote', { hasText: 'unprecedentedly high level' });
    expect(await putinQuote.getAttribute('data-speaker')).toBe('Vladimir Putin');
    expect(await putinQuote.getAttribute('class')).not.toContain(xiColour);

    // in the side panel: the same quote under Xi Jinping's name
    const item = page.getByTestId('quote-item').filter({ hasText: 'old friend' });
    await expect(item.locator('.quote-speaker').textContent()).resolves.toBe('Xi Jinping');
    // times, figures, events are marked too, and the source chain is shown
    await expect(text.locator('a.figure', { hasText: '$245 billion' }).count()).resolves.toBe(1);
    await expect(text.locator('a.time', { hasText: 'early 2022' }).count()).resolves.toBe(1);
    expect(await text.locator('a.event').count()).toBeGreaterThan(5);
    await expect(page.locator('.source-chain').textContent()).resolves.toMatch(/UNN.*Bloomberg.*Chinese customs/);
    await shot('article', true);

    // clicking a figure selects it in the side panel
    await text.locator('a.figure', { hasText: '$245 billion' }).click();
    await expect(page.locator('.side-panel .panel-item.selected').textContent()).resolves.toContain('$245 billion');

    // follow the speaker's link to Xi Jinping's page
    await item.locator('.quote-speaker').click();
    await page.waitForURL(/\/entities\/\d+$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Xi Jinping');
    await page.getByText('Chinese leader').first().waitFor();

    // back, then the marked mention to Vladimir Putin's page
    await page.goBack();
    await putin.click();
    await page.waitForURL(/\/entities\/\d+$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Vladimir Putin');
    const descriptor = page.locator('.descriptors-table tbody tr', { hasText: 'Russian dictator' });
    await expect(descriptor.textContent()).resolves.toMatch(/Kyiv Independent, UNN/);
    expect(await page.locator('svg.chart rect.bar').count()).toBe(2); // mentions on two days
    await shot('entity', true);
  });

  it('an article whose text holds <script>alert(1)</script> shows it as text, and nothing runs', async () => {
    await open(`/articles/${SCRIPT_ID}`);
    const text = page.getByTestId('article-text');
    await text.getByText('<script>alert(1)</script>', { exact: false }).waitFor();
    expect(await text.textContent()).toContain('The letter contained the words <script>alert(1)</script> and <img src=x onerror=alert(2)>');
    await expect(page.locator('h1').textContent()).resolves.toBe('A letter with <script> in it');
    expect(await page.locator('.article-text script, .article-text img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await shot('script-as-text');
  });

  it('search, relation, network, sources: each view renders from the API', async () => {
    await open('/');
    await page.locator('.top input[type=search]').fill('Putin');
    await page.locator('.top input[type=search]').press('Enter');
    await page.waitForURL(/\/search\?q=Putin$/);
    await page.locator('.article-list mark', { hasText: 'Putin' }).first().waitFor();
    await shot('search', true);

    await open('/relation?a=Xi%20Jinping&b=Vladimir%20Putin');
    await page.locator('svg.balance rect.q1').first().waitFor();
    await expect(page.locator('table').first().textContent()).resolves.toContain('CONSULT');
    await shot('relation', true);

    await open('/graph');
    await page.locator('svg.network .node').first().waitFor();
    expect(await page.locator('svg.network .node').count()).toBeGreaterThan(4);
    expect(await page.locator('svg.network .edge').count()).toBeGreaterThan(4);
    await shot('network', true);

    await open('/sources');
    await page.locator('.citation-list li', { hasText: 'Bloomberg' }).first().waitFor();
    await open('/no/such/page');
    await page.getByText('No page at /no/such/page').waitFor();
    await open('/');
    await page.locator('.article-list li').first().waitFor();
    await shot('home', true);

    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
});

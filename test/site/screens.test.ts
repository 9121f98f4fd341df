// Every kind of site page on a phone (390×844) and a desktop (1280×900), in Debian's Chromium, served over HTTP from
// 127.0.0.1 as a secretariat's web server would: no page scrolls sideways, and on the 250-meeting corpus no list page
// is taller than 30 screens; the search says its true count, pages, filters, keeps ?q= in the address and Back brings
// it back. One browser for the file; the 250-meeting site is built once. Screenshots only with ACTA_SCREENS=DIR.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeContext, chromiumAvailable, CHROMIUM, closeContexts, newContext, seriousViolations, sharedBrowser, unpaintedPage } from '../browser.js';
// @ts-expect-error: a plain ES module without types (the benchmark's corpus generator)
import { generateCorpus } from '../../bench/generate-corpus.mjs';
import { runActa } from '../run-acta.js';
import { dataSite, tempFolder } from './site-files.js';

const available = chromiumAvailable;
if (!available) console.warn(`\n${'!'.repeat(78)}\n!!! SKIPPED: test/site/screens.test.ts: no Chromium at ${CHROMIUM}.\n${'!'.repeat(78)}\n`);

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 900 };
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.ics': 'text/calendar' };

/** A static server over `root` on 127.0.0.1 (a free port); GET only, no listing, nothing outside root. */
function serve(root: string): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => ok({ base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((done) => server.close(() => done())) })),
  );
}

// One page of each kind the site writes, on the bundled records.
const KINDS = [
  'index.html',
  'es/index.html',
  'es/meetings/index.html',
  'es/meetings/2017-06-21-red-trata.html',
  'es/meetings/2016-06-08-red-consular.html',
  'es/actors/index.html',
  'es/actors/MX~.html',
  'es/actors/member-countries.html',
  'es/workplan/index.html',
  'es/workplan/2017-2022-red-nna.html',
  'es/overdue.html',
  'es/overdue/member-countries.html',
  'es/overdue/MX~.html',
  'es/upcoming.html',
  'es/search.html?q=Manual',
  'es/sources/004_5f_40c6a71c981a18d3.txt.html',
  'en/index.html',
  'en/meetings/2017-03-16-red-nna.html',
];

// The same at volume: the list pages, an actor's page and its parts, the plan.
const VOLUME = ['es/index.html', 'es/overdue.html', 'es/overdue/MX~.html', 'es/overdue/MX~~2.html', 'es/overdue/member-countries.html', 'es/overdue/_waiting.html', 'es/actors/MX~.html', 'es/actors/MX~/overdue.html', 'es/actors/member-countries.html', 'es/meetings/index.html', 'es/workplan/2000-2005-red-nna.html', 'es/search.html?q=protocolo'];

describe.skipIf(!available)('the site on a phone and a desktop, in Chromium over http://127.0.0.1', () => {
  let browser: Browser;
  let small: { base: string; close: () => Promise<void> };
  let large: { base: string; close: () => Promise<void> };
  let largeOut = '';

  beforeAll(async () => {
    const corpus = path.join(tempFolder('acta-corpus-'), 'records');
    generateCorpus(corpus, { meetings: 250, scale: 1, registries: path.resolve('data/registries') });
    const out = path.join(tempFolder('acta-site250-'), 'site');
    const r = await runActa(['site', '--root', corpus, '--as-of', '2026-11-30', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    small = await serve(await dataSite());
    large = await serve(out);
    largeOut = out;
    browser = await sharedBrowser();
  }, 120_000);

  afterAll(async () => {
    await closeContexts(browser);
    await small?.close();
    await large?.close();
  });

  type Size = { width: number; height: number };
  // Each page loaded once, measured at the width the tab has, then at the other after a resize: the site's layout is
  // CSS alone (no script reads the width), so a resize lays it out as a load at that width would. The widths take
  // turns (390 then 1280, the next page 1280 then 390) instead of a resize back to 390 before each load, which laid
  // the page being left out once more for nothing (0.79x Chromium's CPU on the 250-meeting pages). Shared by the two
  // tests below.
  const measured = new Map<string, Promise<Map<string, { phone: Size; desk: Size }>>>();
  function measure(base: string, pages: readonly string[]): Promise<Map<string, { phone: Size; desk: Size }>> {
    const key = `${base} ${pages.join(' ')}`;
    if (!measured.has(key)) measured.set(key, measureBoth(base, pages));
    return measured.get(key)!;
  }
  // One context for the reader's tabs of the two measurements and the search (a context is ~0.2–0.3 s of Chromium's
  // CPU to open and close; each tab is its own page, at the context's phone size when it opens). The measurements read
  // sizes only: their tabs lay the pages out without painting them (test/browser.ts unpaintedPage); the search's is
  // clicked and typed into, an ordinary tab.
  let readerContext: Promise<BrowserContext> | undefined;
  const reader = (): Promise<BrowserContext> => (readerContext ??= newContext(browser, { viewport: PHONE }));
  const readerTab = async (): Promise<Page> => (await reader()).newPage();
  async function measureBoth(base: string, pages: readonly string[]): Promise<Map<string, { phone: Size; desk: Size }>> {
    const page = await unpaintedPage(await reader());
    const size = (): Promise<Size> => page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
    const out = new Map<string, { phone: Size; desk: Size }>();
    let width = PHONE;
    for (const p of pages) {
      const response = await page.goto(base + p);
      expect(response?.status(), p).toBe(200);
      if (p === 'index.html') await page.waitForURL(/\/es\/index\.html$/); // the root page's meta refresh
      await page.waitForLoadState('load');
      const first = await size();
      const other = width === PHONE ? DESK : PHONE;
      await page.setViewportSize(other);
      const second = await size();
      out.set(p, width === PHONE ? { phone: first, desk: second } : { phone: second, desk: first });
      width = other;
    }
    await page.close();
    return out;
  }

  it('no page kind scrolls sideways at 390 px, nor at 1280 px', async () => {
    for (const [base, pages] of [[small.base, KINDS], [large.base, VOLUME]] as const) {
      const sizes = await measure(base, pages);
      const wide = [...sizes].filter(([, m]) => m.phone.width > PHONE.width).map(([p, m]) => `${p}: ${m.phone.width}px at 390`);
      wide.push(...[...sizes].filter(([, m]) => m.desk.width > DESK.width).map(([p, m]) => `${p}: ${m.desk.width}px at 1280`));
      expect(wide).toEqual([]);
    }
  }, 120_000);

  it('at 250 meetings every list page, actor page and part is at most 30 screens tall at 1280×900', async () => {
    const sizes = await measure(large.base, VOLUME);
    const desk = new Map([...sizes].filter(([p]) => !p.includes('workplan') && !p.includes('search')).map(([p, m]) => [p, m.desk]));
    expect(desk.size).toBe(10);
    const tall = [...desk].filter(([, m]) => m.height > 30 * DESK.height).map(([p, m]) => `${p}: ${(m.height / DESK.height).toFixed(1)} screens`);
    expect(tall).toEqual([]);
    // Before the split the overdue page was a single 219,105 px page (243 screens).
    expect(desk.get('es/overdue.html')!.height).toBeLessThan(5 * DESK.height);
  }, 120_000);

  it('search at 250 meetings: the true count, pages of 20, filters, the query in the address, Back restores it', async () => {
    // The count the browser must show: every match of the same index with the same options, computed here.
    const { default: MiniSearch } = await import('minisearch');
    // The index is in shards (search-index.js names them): every shard's matches, as the page counts them.
    const sandbox: { window: { ACTA_SEARCH?: { shards: string[]; fields: string[]; storeFields: string[] }; ACTA_SEARCH_SHARDS?: string[] } } = { window: {} };
    new Function('window', readFileSync(path.join(largeOut, 'es/search-index.js'), 'utf8'))(sandbox.window);
    const data = sandbox.window.ACTA_SEARCH!;
    expect(data.shards.length).toBeGreaterThan(1); // really in shards at 250 meetings
    for (const shard of data.shards) new Function('window', readFileSync(path.join(largeOut, 'es', shard), 'utf8'))(sandbox.window);
    const fold = (t: string): string => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    const shards = sandbox.window.ACTA_SEARCH_SHARDS!.map((text) => MiniSearch.loadJSON(text, { fields: data.fields, storeFields: data.storeFields, processTerm: fold, searchOptions: { prefix: true, fuzzy: 0.1, combineWith: 'AND' } }));
    const index = { search: (q: string) => shards.flatMap((s) => s.search(q)) };
    const all = index.search('protocolo');
    expect(all.length).toBeGreaterThan(100); // more than the 100 the page used to stop at
    const overdue = all.filter((h) => h['state'] === 'overdue').length;
    const format = (n: number): string => new Intl.NumberFormat('es', { useGrouping: 'always' } as unknown as Intl.NumberFormatOptions).format(n);

    const page = await readerTab();
    await page.goto(`${large.base}es/search.html?q=protocolo`);
    const status = page.locator('#search-status');
    await expect.poll(() => status.textContent()).toBe(`${format(all.length)} resultados (se muestran 1–20)`);
    expect(await page.locator('#search-results > li').count()).toBe(20);
    // Each hit: the kind, the name, its state and deadline.
    expect(await page.locator('#search-results > li .kind').first().textContent()).toMatch(/^(Acuerdo|Actividad|Reunión|Actor): $/);
    expect(await page.locator('#search-results > li', { has: page.locator('.state') }).count()).toBeGreaterThan(0);
    // The next page, in the address.
    await page.locator('#search-next').click();
    await expect.poll(() => page.url()).toContain('p=2');
    await expect.poll(() => status.textContent()).toBe(`${format(all.length)} resultados (se muestran 21–40)`);
    // A filter narrows to the true count of its matches.
    await page.selectOption('#f-state', 'overdue');
    await expect.poll(() => page.url()).toContain('state=overdue');
    await expect.poll(() => status.textContent()).toContain(`${format(overdue)} resultado`);
    const states = await page.locator('#search-results > li .state').allTextContents();
    expect(new Set(states)).toEqual(new Set(['vencido']));
    // Open a hit, come Back: the same search, filter and results.
    await page.locator('#search-results > li a').first().click();
    await page.waitForURL(/meetings|workplan|actors/);
    await page.goBack();
    await expect.poll(() => status.textContent()).toContain(`${format(overdue)} resultado`);
    expect(await page.inputValue('#q')).toBe('protocolo');
    expect(await page.inputValue('#f-state')).toBe('overdue');
    // Nothing found: says so, and what to try. Typed into the page already loaded (the filter set back to any first):
    // a query from the address was the first load's; a new load would fetch every shard a third time (~1 s).
    await page.selectOption('#f-state', '');
    await page.fill('#q', 'zzzzqqqq');
    await expect.poll(() => page.url()).toMatch(/\?q=zzzzqqqq$/);
    await expect.poll(() => status.textContent()).toMatch(/^Ningún resultado\. Pruebe con menos palabras/);
    await page.close();
  }, 60_000);

  it('axe-core: no serious or critical violation on the new page kinds, at volume, nor in the report and the statement', async () => {
    const audit = await axeContext(browser);
    const found: string[] = [];
    const check = async (name: string, page: Page): Promise<void> => void found.push(...(await seriousViolations(name, page)));
    // Each page kind once, at the size that matters: the kinds browser.test.ts audits on data/ (home, meetings,
    // actors, groups, plans, the English side) are not audited again here; the overdue list is audited at volume
    // (its pages and parts), the search with a filter set (what the bare search shows and more).
    // One page, loaded with each in turn: every load is a new document (axe runs on it alone), without a new tab's
    // cost (about 0.4 s each, measured); laid out, never painted (axe reads the layout: test/browser.ts unpaintedPage).
    const page = await unpaintedPage(audit);
    for (const [base, pages] of [[small.base, ['es/overdue/MX~.html', 'es/overdue/member-countries.html', 'es/search.html?q=Manual&state=overdue', 'es/sources/004_5f_40c6a71c981a18d3.txt.html#L9']], [large.base, ['es/overdue.html', 'es/actors/MX~/overdue~2.html', 'es/workplan/2000-2005-red-nna.html']]] as const) {
      for (const p of pages) {
        await page.goto(base + p);
        await check(p, page);
      }
    }
    for (const [name, args] of [['report', ['report', '--annex', '--texts', '--quality', '-f', 'html']], ['statement MX', ['statement', 'MX', '-f', 'html']], ['workplan', ['workplan', '-f', 'html']]] as const) {
      const r = await runActa([...args, '--root', 'data', '--as-of', '2017-08-01']);
      expect(r.code, r.stderr).toBe(0);
      await page.goto('about:blank'); // a new document for each (setContent writes into the current one)
      await page.setContent(r.stdout);
      await check(name, page);
    }
    await audit.close();
    expect(found).toEqual([]);
  }, 120_000);

  it.runIf(process.env['ACTA_SCREENS'])('screenshots of home, overdue, an actor and the plan at 390 and 1280 (ACTA_SCREENS=DIR)', async () => {
    const dir = process.env['ACTA_SCREENS']!;
    mkdirSync(dir, { recursive: true });
    for (const viewport of [PHONE, DESK]) {
      const context = await browser.newContext({ viewport });
      const page: Page = await context.newPage();
      for (const [name, p] of [['home', 'es/index.html'], ['overdue', 'es/overdue.html'], ['overdue-MX', 'es/overdue/MX~.html'], ['actor-MX', 'es/actors/MX~.html'], ['plan', 'es/workplan/2000-2005-red-nna.html']] as const) {
        await page.goto(large.base + p);
        await page.screenshot({ path: path.join(dir, `${name}-${viewport.width}.png`) });
        if (name !== 'plan') continue;
        await page.locator('.grid-legend').scrollIntoViewIfNeeded(); // the matrix itself, below the progress table
        await page.evaluate(() => document.querySelector('.grid-legend')!.scrollIntoView());
        await page.screenshot({ path: path.join(dir, `plan-grid-${viewport.width}.png`) });
      }
      await context.close();
    }
  }, 120_000);
});

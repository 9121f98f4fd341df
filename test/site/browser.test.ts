// The site of data/ in Debian's Chromium, opened through file:// under its own Content-Security-Policy: the reader's
// path from the home page to a meeting, an agreement, its owner and back; the search; the language switch; and
// axe-core on every page type it does not leave to screens.test.ts (no serious or critical violation). Skipped —
// loudly — only when no Chromium is installed.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeContext, chromiumAvailable, CHROMIUM, closeContexts, seriousViolations, sharedBrowser, unpaintedPage } from '../browser.js';
import { dataSite } from './site-files.js';

const available = chromiumAvailable;
if (!available) console.warn(`\n${'!'.repeat(78)}\n!!! SKIPPED: the browser test of acta site (test/site/browser.test.ts): no Chromium at ${CHROMIUM}.\n${'!'.repeat(78)}\n`);

describe.skipIf(!available)('acta site in headless Chromium, from file://', () => {
  let browser: Browser;
  let reader: BrowserContext;
  let out = '';
  const requests: string[] = [];
  const problems: string[] = [];
  const url = (p: string): string => pathToFileURL(path.join(out, p)).href;

  beforeAll(async () => {
    out = await dataSite();
    browser = await sharedBrowser();
    reader = await browser.newContext();
    reader.on('request', (r) => void requests.push(r.url()));
    reader.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
    reader.on('weberror', (e) => void problems.push(e.error().message));
  }, 60_000);

  afterAll(async () => {
    await closeContexts(browser);
  });

  // One tab for the reader's tests, each starting with a load of its own (a new tab is ~0.25 s of Chromium's CPU). A
  // load, never a jump within the page the last test left: to the same page with another anchor, through about:blank.
  let tab: Page | undefined;
  async function open(p: string): Promise<Page> {
    const target = p.startsWith('file:') ? p : url(p);
    tab ??= await reader.newPage();
    if (tab.url().split('#')[0] === target.split('#')[0]) await tab.goto('about:blank');
    await tab.goto(target);
    return tab;
  }

  it('home → a meeting → an agreement → its owner → back, with no request outside the site', async () => {
    const page = await open('index.html');
    await page.waitForURL(/\/es\/index\.html$/); // the root page's meta refresh, no script
    await page.getByRole('navigation').getByRole('link', { name: 'Reuniones' }).click();
    await page.waitForURL(/\/es\/meetings\/index\.html$/);
    await page.getByRole('link', { name: '21 jun 2017', exact: true }).click();
    await page.waitForURL(/2017-06-21-red-trata\.html$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('21 jun 2017');
    const agreement = page.locator('[id="2.b"]');
    await agreement.locator('a.permalink').click();
    expect(page.url()).toBe(`${url('es/meetings/2017-06-21-red-trata.html')}#2.b`);
    expect(await agreement.textContent()).toContain('a más tardar el 21 de julio de 2017');
    // Its owner: the member countries (each of them owes it).
    await agreement.locator('.commitment dd').first().getByRole('link', { name: 'Países Miembros' }).click();
    await page.waitForURL(/member-countries\.html$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Países Miembros');
    // Named as people name it, the record id beside it as a copyable detail.
    expect(await page.getByRole('link', { name: 'Red Trata y Tráfico · 21 jun 2017 · 2.b' }).count()).toBe(1);
    expect(await page.locator('code.id', { hasText: '2017-06-21-red-trata#2.b' }).count()).toBe(1);
    await page.getByRole('link', { name: 'México' }).first().click();
    await page.waitForURL(/actors\/MX~\.html$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('México');
    await page.getByRole('link', { name: 'Red Trata y Tráfico · 21 jun 2017 · 2.b' }).first().click();
    await page.waitForURL(/#2\.b$/);
    await page.goBack();
    await page.goBack();
    await page.goBack();
    expect(page.url()).toBe(`${url('es/meetings/2017-06-21-red-trata.html')}#2.b`);
    expect(requests.filter((r) => !r.startsWith('file://'))).toEqual([]);
  }, 60_000);

  it('searches "Manual" and "OIM" in the browser, from the prebuilt index, under the CSP', async () => {
    const page = await open('es/search.html');
    await expect.poll(() => page.locator('#no-script').isHidden()).toBe(true); // the scripts ran
    await page.getByLabel('Buscar acuerdos, actividades y actores').fill('Manual');
    const hits = page.locator('#search-results li a');
    await expect.poll(() => hits.allTextContents()).toEqual(expect.arrayContaining(['Grupo Ad hoc NNA · 18 ago 2015 · 5', 'Grupo Ad hoc NNA · 18 ago 2015 · 6', 'Red Trata y Tráfico · 21 jun 2017 · 5.a', 'Red Trata y Tráfico · 21 jun 2017 · 5.b', 'Red Trata y Tráfico · 21 jun 2017 · 7.a']));
    // Each hit says its state and deadline, and its record id as a detail.
    expect(await page.locator('#search-results li', { hasText: 'Grupo Ad hoc NNA · 18 ago 2015 · 5' }).locator('p').first().textContent()).toBe('vencido · 4 sep 2015 2015-08-18-ad-hoc-nna#5');
    await page.getByLabel('Buscar acuerdos, actividades y actores').fill('OIM');
    await expect.poll(async () => (await hits.allTextContents())[0]).toBe('OIM');
    expect(await hits.allTextContents()).toEqual(expect.arrayContaining(['Grupo Ad hoc NNA · 18 ago 2015 · 3', 'Red NNA · 16 mar 2017 · 10']));
    await hits.first().click();
    expect(page.url()).toBe(url('es/actors/iom.html'));
    // The English site finds the IOM by its Spanish acronym too.
    const en = await open(`${url('en/search.html')}?q=OIM`);
    await expect.poll(async () => (await en.locator('#search-results li a').allTextContents())[0]).toBe('IOM');
    expect(problems).toEqual([]);
  });

  it('the language switch on a meeting page lands on the same meeting in English, and back', async () => {
    const page = await open('es/meetings/2017-03-16-red-nna.html');
    await page.getByRole('link', { name: 'English' }).click();
    expect(page.url()).toBe(url('en/meetings/2017-03-16-red-nna.html'));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('link', { name: 'Español' }).click();
    expect(page.url()).toBe(url('es/meetings/2017-03-16-red-nna.html'));
  });

  it('the language switch keeps the anchor: on load, after a jump within the page, and without script as a plain link', async () => {
    const page = await open(`${url('es/meetings/2017-03-16-red-nna.html')}#2`);
    const sw = page.getByRole('link', { name: 'English' });
    expect(await sw.getAttribute('href')).toBe('../../en/meetings/2017-03-16-red-nna.html#2');
    await page.evaluate(() => { location.hash = '#5'; });
    await expect.poll(() => sw.getAttribute('href')).toBe('../../en/meetings/2017-03-16-red-nna.html#5');
    await sw.click();
    expect(page.url()).toBe(`${url('en/meetings/2017-03-16-red-nna.html')}#5`);
    await page.evaluate(() => { location.hash = ''; });
    await expect.poll(() => page.getByRole('link', { name: 'Español' }).getAttribute('href')).toBe('../../es/meetings/2017-03-16-red-nna.html');
    const bare = await browser.newContext({ javaScriptEnabled: false });
    const plain = await bare.newPage();
    await plain.goto(`${url('es/meetings/2017-03-16-red-nna.html')}#2`);
    expect(await plain.getByRole('link', { name: 'English' }).getAttribute('href')).toBe('../../en/meetings/2017-03-16-red-nna.html');
    await bare.close();
  });

  it('axe-core finds no serious or critical violation on any page type', async () => {
    // axe goes in as an init script; this context alone bypasses the site's own CSP (test/browser.ts axeContext).
    const audit = await axeContext(browser);
    // (The root index.html is a meta refresh: it leaves before axe could look.)
    // The overdue list (at volume: its pages and parts) and the search (with a filter set) are audited by
    // screens.test.ts, with the other kinds the site has: each kind once.
    const kinds = ['es/index.html', 'es/meetings/index.html', 'es/meetings/2017-06-21-red-trata.html', 'es/actors/index.html', 'es/actors/MX~.html', 'es/actors/member-countries.html', 'es/workplan/index.html', 'es/workplan/2017-2022-red-nna.html', 'en/meetings/2017-03-16-red-nna.html'];
    const found: string[] = [];
    // One page, navigated from kind to kind: each load is a new document (axe runs on it alone), without a new tab's
    // cost (about 0.4 s each, measured); laid out, never painted (axe reads the layout: test/browser.ts unpaintedPage).
    const page = await unpaintedPage(audit);
    for (const p of kinds) {
      await page.goto(p.includes('?') ? `${url(p.slice(0, p.indexOf('?')))}${p.slice(p.indexOf('?'))}` : url(p));
      found.push(...(await seriousViolations(p, page)));
    }
    await audit.close();
    expect(found).toEqual([]);
  }, 60_000);
});

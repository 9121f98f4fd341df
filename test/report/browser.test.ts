// The HTML report in a real browser: headless Chromium (Debian's headless shell, test/browser.ts, driven by playwright-core) opens
// the file offline, finds every section and both charts, runs no script, fetches nothing, and prints it to an A4 PDF.
// Skipped — loudly — only when no Chromium is installed; .ci/run installs it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, CHROMIUM, closeContexts, newContext, sharedBrowser, unpaintedPage } from '../browser.js';
import { acta, AS_OF, FIXTURE } from './run.js';

const available = chromiumAvailable;

if (!available) {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!!! SKIPPED: the browser test of the HTML report (test/report/browser.test.ts).\n!!! No Chromium at ${CHROMIUM}. Install it: apt-get install -y chromium-headless-shell (.ci/run does),\n!!! or point ACTA_CHROMIUM at a Chromium binary.\n${bar}\n`);
}

const SECTIONS = ['summary', 'meetings', 'participation', 'agreements', 'commitments', 'delivered', 'overdue', 'due-next', 'workplan', 'records'];

describe.skipIf(!available)('the HTML report in headless Chromium', () => {
  let browser: Browser;
  let file: string;
  // The tests read, measure and print the page, and click nothing: its tab lays it out without painting it
  // (test/browser.ts unpaintedPage).
  // One tab for the file (a new tab cost 0.2–0.6 s, see test/browser.ts), the report loaded in it on screen media, with
  // the record of that load's requests, dialogs and errors. The tests that only read the page share one load (each
  // ~0.1–0.3 s of Chromium's CPU); the print test, which changes the media, comes last, and a test after one that
  // changed the page would load it again, a new document with a new record.
  let tab: Page;
  let changed = true;
  let seen: { requests: string[]; dialogs: string[]; errors: string[] } = { requests: [], dialogs: [], errors: [] };

  beforeAll(async () => {
    browser = await sharedBrowser();
    const r = await acta(['report', '--root', FIXTURE, '--from', '2017', '--to', '2018', '--as-of', AS_OF, '--lang', 'en', '--format', 'html', '--quality']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    file = path.join(mkdtempSync(path.join(os.tmpdir(), 'acta-browser-')), 'report.html');
    writeFileSync(file, r.stdout);
  }, 60_000);

  afterAll(async () => {
    await closeContexts(browser);
  });

  async function open(change = false): Promise<{ page: Page; requests: string[]; dialogs: string[]; errors: string[] }> {
    if (!changed) {
      changed = change;
      return { page: tab, ...seen };
    }
    changed = change;
    if (!tab) {
      tab = await unpaintedPage(await newContext(browser, { viewport: { width: 1100, height: 1400 } }));
      await tab.route('**/*', (route) => {
        seen.requests.push(route.request().url());
        return route.request().url().startsWith('file://') ? route.continue() : route.abort();
      });
      tab.on('dialog', (d) => {
        seen.dialogs.push(d.message());
        void d.dismiss();
      });
      tab.on('pageerror', (e) => seen.errors.push(e.message));
    }
    await tab.emulateMedia({ media: 'screen' });
    await tab.goto('about:blank');
    seen = { requests: [], dialogs: [], errors: [] };
    await tab.goto(`file://${file}`);
    return { page: tab, ...seen };
  }

  it('shows every section with its heading, in the language asked for', async () => {
    const { page } = await open();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    for (const id of SECTIONS) expect(await page.locator(`section#${id} h2`).count(), id).toBe(1);
    expect(await page.locator('h1').innerText()).toBe('Consolidated report');
    expect(await page.locator('section#overdue tbody tr').count()).toBe(6);
  });

  it('shows participation once (the table), and the states chart only with three bodies or more', async () => {
    const { page } = await open();
    expect(await page.locator('section#participation table').count()).toBe(1);
    expect(await page.locator('section#participation svg').count()).toBe(0);
    const bars = page.locator('section#commitments svg.bars');
    expect(await bars.locator('> title').textContent()).toBe('Commitments by state and body');
    expect(await bars.locator('text.label').count()).toBeGreaterThanOrEqual(3);
    expect((await bars.boundingBox())!.width).toBeGreaterThan(300);
    const two = await acta(['report', '--root', FIXTURE, '--from', '2017', '--to', '2018', '--body', 'grcm,red-b', '--as-of', AS_OF, '--format', 'html']);
    expect(two.stdout).toContain('<table class="states">');
    expect(two.stdout).not.toContain('<svg');
  });

  it('shows hostile record text as text: no script runs, nothing is fetched', async () => {
    const { page, requests, dialogs, errors } = await open();
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('img, iframe, object, embed, link[rel=stylesheet]').length)).toBe(0);
    expect(await page.locator('section#overdue').innerText()).toContain('Send the data <script>alert("x")</script> | pipe & *stars*');
    expect(await page.locator('section#meetings').innerText()).toContain('<img src=x onerror=alert(1)>');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([`file://${file}`]);
  });

  it('uses semantic tables: a caption and scoped headers in each', async () => {
    const { page } = await open();
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll('table')].map((t) => ({ caption: t.caption?.textContent?.trim() ?? '', scoped: t.querySelectorAll('th[scope]').length, all: t.querySelectorAll('th').length })),
    );
    expect(tables.length).toBeGreaterThanOrEqual(7);
    for (const t of tables) {
      expect(t.caption).not.toBe('');
      expect(t.scoped).toBe(t.all);
    }
  });

  it('prints to an A4 PDF, repeating table headers on every page', async () => {
    const { page } = await open(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('thead')!).display)).toBe('table-header-group');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('tbody tr')!).breakInside)).toBe('avoid');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

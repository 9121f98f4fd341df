// The HTML statement in a real browser (the approach of test/report/browser.test.ts): headless Chromium opens it
// offline, prints it to an A4 PDF, and no heading is left as the last thing on a page. Pages are laid out as columns
// of the A4 content box (CSS fragmentation, the same break rules as print), so each heading's page can be measured.
// Skipped — loudly — only when no Chromium is installed.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, CHROMIUM, closeContexts, newContext, sharedBrowser, unpaintedPage } from '../browser.js';
import { runActa } from '../run-acta.js';

const available = chromiumAvailable;
if (!available) console.warn(`\n${'!'.repeat(78)}\n!!! SKIPPED: the browser test of the HTML statement (test/fread/statement-browser.test.ts): no Chromium at ${CHROMIUM}.\n${'!'.repeat(78)}\n`);

// A4 (210 × 297 mm) less the report's @page margins (16/14/18 mm), in CSS pixels (96 per inch).
const MM = 96 / 25.4;
const PAGE = { width: Math.floor((210 - 28) * MM), height: Math.floor((297 - 34) * MM) };

/** Meetings of one body, each with a few agreements Mexico owes, so the statement runs over several pages. */
function meetingFile(i: number): string {
  const day = `2016-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + i).padStart(2, '0')}`;
  const points = Array.from({ length: 1 + (i % 4) }, (_, k) => `  - number: "${k + 1}"
    action: request
    text:
      es: "Solicitar a México que envíe a la Secretaría Técnica el informe número ${k + 1} sobre la aplicación de los lineamientos regionales, con los datos desagregados por edad, sexo y nacionalidad, a más tardar el 30 de noviembre de 2016."
    commitment:
      owners: [MX]
      deadline: { due: "2016-11-30", text: { es: "a más tardar el 30 de noviembre de 2016" } }
`).join('');
  return `record: meeting\nid: ${day}-red-nna\nbody: red-nna\ndates: { start: "${day}" }\nsource: { document: informe.txt }\nagreements:\n${points}`;
}

describe.skipIf(!available)('the HTML statement in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  const files: Record<string, string> = {};
  // The tests read, measure and print the page, and click nothing: its tab lays it out without painting it
  // (test/browser.ts unpaintedPage).
  // One tab for the file (a new tab cost 0.2–0.6 s, see test/browser.ts): each test loads its statement in it, a new
  // document with its own record of requests, on screen media.
  let tab: Page;
  let requests: string[] = [];

  beforeAll(async () => {
    browser = await sharedBrowser();
    dir = mkdtempSync(path.join(os.tmpdir(), 'acta-statement-'));
    cpSync(path.resolve('data'), path.join(dir, 'records'), { recursive: true });
    for (let i = 0; i < 18; i++) writeFileSync(path.join(dir, 'records/meetings', `${meetingFile(i).split('\n')[1]!.slice(4)}.yaml`), meetingFile(i));
    for (const [name, root] of [['data', path.resolve('data')], ['long', path.join(dir, 'records')]] as const) {
      const r = await runActa(['statement', 'MX', '--root', root, '--as-of', '2017-08-01', '--lang', 'en', '-f', 'html']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      files[name] = path.join(dir, `${name}.html`);
      writeFileSync(files[name]!, r.stdout);
    }
  }, 60_000);

  afterAll(async () => {
    await closeContexts(browser);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string): Promise<{ page: Page; requests: string[] }> {
    if (!tab) {
      tab = await unpaintedPage(await newContext(browser, { viewport: { width: 1100, height: 1400 } }));
      await tab.route('**/*', (route) => {
        requests.push(route.request().url());
        return route.request().url().startsWith('file://') ? route.continue() : route.abort();
      });
    }
    await tab.emulateMedia({ media: 'screen' });
    await tab.goto('about:blank');
    requests = [];
    await tab.goto(`file://${files[name]}`);
    return { page: tab, requests };
  }

  it('shows Mexico statement from data/: its sections, fetching nothing, and prints to an A4 PDF', async () => {
    const { page, requests } = await open('data');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toContain('Mexico (MX)');
    expect(await page.locator('section.s-overdue-section tbody tr').count()).toBe(4);
    expect(requests).toEqual([`file://${files['data']}`]);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('leaves no heading as the last element of a page (A4, a statement of several pages)', async () => {
    const { page } = await open('long');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(3);
    // Lay the body out in page-sized columns: a column is a page, with print's break rules.
    const orphans = await page.evaluate(({ width, height }) => {
      const s = document.createElement('style');
      s.textContent = `html, body { margin: 0 !important; padding: 0 !important; max-width: none !important; } body { width: ${width}px; height: ${height}px; columns: ${width}px; column-gap: 0; column-fill: auto; }`;
      document.head.append(s);
      const column = (el: Element): number => Math.floor(el.getBoundingClientRect().left / width);
      const out: string[] = [];
      for (const h of document.querySelectorAll('h2, h3')) {
        const table = h.parentElement?.querySelector('table');
        const first = table?.querySelector('tbody tr');
        if (first && column(first) !== column(h)) out.push(`${h.textContent} (page ${column(h) + 1}, its table starts on page ${column(first) + 1})`);
      }
      return { out, pages: Math.max(...[...document.querySelectorAll('tr')].map(column)) + 1 };
    }, PAGE);
    expect(orphans.pages).toBeGreaterThanOrEqual(3);
    expect(orphans.out).toEqual([]);
  }, 60_000);
});

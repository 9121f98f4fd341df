// The HTML report printed on A4 in headless Chromium (Debian's headless shell, test/browser.ts, driven by playwright-core), checked
// for the faults of a document one would circulate: no heading left at the foot of a page away from what it
// introduces, every total printed once and not as a page footer, no chart or progress bar that carries nothing.
// Pages are laid out as columns of the A4 content box (CSS fragmentation: the same break rules as print), and the
// report is shifted down by a spacer step by step, so every heading comes to the foot of a page in some layout.
// Skipped — loudly — only when no Chromium is installed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, CHROMIUM, closeContexts, newContext, sharedBrowser, unpaintedPage } from '../browser.js';
import { acta } from './run.js';

const available = chromiumAvailable;
if (!available) console.warn(`\n${'!'.repeat(78)}\n!!! SKIPPED: the print test of the HTML report (test/report/print.test.ts): no Chromium at ${CHROMIUM}.\n${'!'.repeat(78)}\n`);

// A4 (210 × 297 mm) less the report's @page margins (16/14/18 mm), in CSS pixels (96 per inch).
const MM = 96 / 25.4;
const PAGE = { width: Math.floor((210 - 28) * MM), height: Math.floor((297 - 34) * MM) };

describe.skipIf(!available)('the HTML report printed on A4', () => {
  let browser: Browser;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    browser = await sharedBrowser();
    dir = mkdtempSync(path.join(os.tmpdir(), 'acta-print-'));
    const r = await acta(['report', '--root', path.resolve('data'), '--as-of', '2019-01-01', '--lang', 'en', '--texts', '--annex', '--format', 'html']);
    expect(r.code).toBe(0);
    file = path.join(dir, 'report.html');
    writeFileSync(file, r.stdout);
  }, 60_000);

  afterAll(async () => {
    await closeContexts(browser);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // The tests read, measure and print the page, and click nothing: its tab lays it out without painting it
  // (test/browser.ts unpaintedPage).
  // One tab for the file (a new tab cost 0.2–0.6 s, see test/browser.ts), the report loaded in it on print media. A test
  // that changes the document (the heading test's columns and spacer) marks it changed, and the next test loads the
  // report again, a new document; the others only read it (or print it, which changes nothing), and share a load: the heading test comes last.
  let tab: Page | undefined;
  let changed = true;
  async function printed(change = false): Promise<Page> {
    tab ??= await unpaintedPage(await newContext(browser, { viewport: { width: 1100, height: 1400 } }));
    if (changed) {
      await tab.goto('about:blank');
      await tab.goto(`file://${file}`);
      await tab.emulateMedia({ media: 'print' });
    }
    changed = change;
    return tab;
  }

  it('prints several pages', async () => {
    const page = await printed();
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(8);
  }, 60_000);

  it('prints each total once, as the last row of its table (no footer group, which repeats on every page)', async () => {
    const page = await printed();
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll('table')].map((t) => ({ caption: t.caption?.textContent ?? '', tfoot: t.tFoot !== null, totals: t.querySelectorAll('tr.total').length, last: t.tBodies[t.tBodies.length - 1]?.lastElementChild?.classList.contains('total') ?? false })),
    );
    expect(tables.filter((t) => t.tfoot)).toEqual([]);
    for (const t of tables.filter((x) => x.totals > 0)) expect(t, t.caption).toMatchObject({ totals: 1, last: true });
    expect(tables.filter((t) => t.totals > 0).length).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('draws no empty progress bar: the work plan has none while no activity has follow-up', async () => {
    const page = await printed();
    const meters = await page.evaluate(() => [...document.querySelectorAll('section#workplan meter')].map((m) => (m as HTMLMeterElement).value));
    expect(meters.length === 0 || meters.some((v) => v > 0)).toBe(true);
    expect(await page.locator('section#workplan tbody tr').count()).toBeGreaterThan(0);
  }, 60_000);
  it('keeps every heading on the page of the first row or item it introduces, wherever the page breaks fall', async () => {
    const page = await printed(true);
    const orphans = await page.evaluate(({ width, height }) => {
      const s = document.createElement('style');
      s.textContent = `html, body { margin: 0 !important; padding: 0 !important; max-width: none !important; } body { width: ${width}px; height: ${height}px; columns: ${width}px; column-gap: 0; column-fill: auto; }`;
      document.head.append(s);
      const spacer = document.createElement('div');
      document.querySelector('main')!.prepend(spacer);
      const column = (el: Element): number => Math.floor((el.getBoundingClientRect().left + 1) / width);
      const content = [...document.querySelectorAll('main tbody tr, main ol.points li, main p.empty, main p.verdict, main .cards li, main figure')];
      const headings = [...document.querySelectorAll('main h2, main h3, main h4, main h5')];
      // What a heading introduces: the first row, item or line of content after it in document order.
      const next = headings.map((h) => content.find((c) => h.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING));
      const out = new Set<string>();
      for (let shift = 0; shift < height; shift += 41) {
        spacer.style.height = `${shift}px`;
        headings.forEach((h, i) => {
          const first = next[i];
          if (first && column(first) !== column(h)) out.add(`${h.tagName} «${h.textContent!.trim().slice(0, 60)}» (shift ${shift}px: page ${column(h) + 1}, its content on ${column(first) + 1})`);
        });
      }
      return [...out];
    }, PAGE);
    expect(orphans).toEqual([]);
  }, 120_000);
});

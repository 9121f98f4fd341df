// One headless Chromium per test worker for every file that drives a browser (test files share a worker's modules:
// vitest.config.ts isolate false), instead of one launched and closed by each file: a launch costs about a second of
// CPU. Each file opens its own contexts (pages) in it and closes them in its afterAll (closeContexts); the browser
// itself goes with the worker: playwright closes the browsers it launched when the process is told to end (SIGTERM,
// how vitest stops its workers), and Chromium, driven over a pipe, ends with the process that holds the pipe anyway.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Debian's Chromium headless shell (package chromium-headless-shell: the same Blink, without the browser's own UI
 * layer, which playwright also uses for headless runs; about half the CPU of the full browser for the same pages,
 * layouts and axe audits), else Debian's full Chromium, or ACTA_CHROMIUM; the browser tests skip loudly without one. */
export const CHROMIUM = process.env['ACTA_CHROMIUM'] ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const chromiumAvailable = existsSync(CHROMIUM);

let shared: Promise<Browser> | undefined;

/** The worker's browser, launched on first use (and again if it was closed or crashed). */
export function sharedBrowser(): Promise<Browser> {
  shared ??= (async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    browser.on('disconnected', () => (shared = undefined));
    return browser;
  })();
  return shared;
}

/** Closes every context open in the browser — what the test file now ending opened (files run one at a time in a
 * worker) — and leaves the browser to the next file. */
export async function closeContexts(browser: Browser | undefined): Promise<void> {
  for (const context of browser?.contexts() ?? []) await context.close();
}

let axeSource: string | undefined;

/** A context for axe-core audits: axe's source goes in once, as an init script every document of the context runs
 * at its start, instead of an inline script tag sent with each page after its load (0.2–0.5 s a page in a probe of
 * the report page; the larger saving is loading every page audited in one tab, see the two site files). The site's own
 * CSP forbids inline scripts, so the context bypasses it; the pages' own scripts run as they would for a reader. */
export async function axeContext(browser: Browser): Promise<BrowserContext> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const context = await browser.newContext({ bypassCSP: true });
  await context.addInitScript({ content: axeSource });
  return context;
}

/** axe-core's serious and critical violations on a page of an axeContext(), with all its rules (the impact is a
 * filter on what it finds, not a choice of rules), as "NAME: rule (impact, N nodes)". */
export async function seriousViolations(name: string, page: Page): Promise<string[]> {
  type Axe = { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
  const violations = await page.evaluate(async () => (await (window as unknown as { axe: Axe }).axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })));
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${name}: ${v.id} (${v.impact}, ${v.nodes} nodes)`);
}

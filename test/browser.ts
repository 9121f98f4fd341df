// One headless Chromium per test worker for every file that drives a browser (test files share a worker's modules:
// vitest.config.ts isolate false), instead of one launched and closed by each file: a launch costs about a second of
// CPU. Each file opens its own contexts (pages) in it and closes them in its afterAll (closeContexts); the browser
// itself goes with the worker: playwright closes the browsers it launched when the process is told to end (SIGTERM,
// how vitest stops its workers), and Chromium, driven over a pipe, ends with the process that holds the pipe anyway.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, BrowserContextOptions, CDPSession, Page } from 'playwright-core';

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

/** Each context's id in the browser (DevTools' browserContextId), for unpaintedPage: playwright does not show it. */
const contextIds = new WeakMap<BrowserContext, string>();
let devtools: Promise<CDPSession> | undefined;
let devtoolsOf: Browser | undefined;

/** browser.newContext(options), with the context's id kept for unpaintedPage: the one id DevTools lists after the
 * context is made that it did not list before (files in a worker run one at a time, and their contexts are made in
 * turn; should two ever be made at once, neither gets an id and unpaintedPage opens an ordinary tab). */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  if (devtoolsOf !== browser) [devtools, devtoolsOf] = [browser.newBrowserCDPSession(), browser];
  const session = await devtools!;
  const ids = async (): Promise<string[]> => (await session.send('Target.getBrowserContexts')).browserContextIds;
  const before = new Set(await ids());
  const context = await browser.newContext(options);
  const added = (await ids()).filter((id) => !before.has(id));
  if (added.length === 1) contextIds.set(context, added[0]!);
  return context;
}

/**
 * A tab of `context` (made by newContext) that lays its pages out, runs their scripts and answers every question about
 * their layout (sizes, boxes, styles, what is at a point: what the widths, the heights and axe-core read), but never
 * paints them: DevTools controls its frames (Target.createTarget's enableBeginFrameControl, a headless-shell switch)
 * and the tests send none, so no frame is painted, rasterised or composited. Measuring the site's pages at two widths
 * cost 0.55× Chromium's CPU so (the same sizes to the pixel), axe 0.9× (the same results, passes and incomplete
 * included); printing (its own layout and paint, into the PDF) gives the same bytes, loads and prints of the report
 * 0.8×. Requests are the same (stylesheets' background images are fetched, off screen too). Not for a tab that is
 * clicked or typed into (playwright waits for frames before it acts), nor for what runs on frames: animation frames,
 * intersection observers (lazy images). Where the browser will not make such a tab, an ordinary one.
 */
export async function unpaintedPage(context: BrowserContext): Promise<Page> {
  const id = contextIds.get(context);
  const browser = context.browser();
  if (!id || !browser || devtoolsOf !== browser) return context.newPage();
  const opened = context.waitForEvent('page');
  try {
    await (await devtools!).send('Target.createTarget', { url: 'about:blank', browserContextId: id, enableBeginFrameControl: true });
  } catch {
    opened.catch(() => undefined);
    return context.newPage();
  }
  return opened;
}

let axeSource: string | undefined;

/** A context for axe-core audits: axe's source goes in once, as an init script every document of the context runs
 * at its start, instead of an inline script tag sent with each page after its load (0.2–0.5 s a page in a probe of
 * the report page; the larger saving is loading every page audited in one tab, see the two site files). The site's own
 * CSP forbids inline scripts, so the context bypasses it; the pages' own scripts run as they would for a reader. */
export async function axeContext(browser: Browser): Promise<BrowserContext> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const context = await newContext(browser, { bypassCSP: true });
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

// One headless Chromium per test worker for every file that drives a browser (test files share a worker's modules:
// vitest.config.ts isolate false), instead of one launched and closed by each file: a launch costs about a second of
// CPU. Each file opens its own contexts (pages) in it and closes them in its afterAll (closeContexts); the browser
// itself goes with the worker: playwright closes the browsers it launched when the process is told to end (SIGTERM,
// how vitest stops its workers), and Chromium, driven over a pipe, ends with the process that holds the pipe anyway.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Debian's Chromium (or ACTA_CHROMIUM); the browser tests skip loudly without it. */
export const CHROMIUM = process.env['ACTA_CHROMIUM'] ?? '/usr/bin/chromium';
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

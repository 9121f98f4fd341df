// Shared by the site tests: build a site once with the in-process CLI, and read it back as path → text.
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, inject } from 'vitest';
import { runActa } from '../run-acta.js';

export const AS_OF = '2017-08-01';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A new temporary folder, removed after the test file. */
export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Build the site of `root` into a new temporary folder; returns the folder. */
export async function buildSite(root: string, extra: readonly string[] = []): Promise<string> {
  const out = path.join(tempFolder('acta-site-'), 'site');
  const r = await runActa(['site', '--root', root, '--as-of', AS_OF, '--out', out, ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

let shared: Promise<string> | undefined;

/**
 * The site of data/ at AS_OF, built once for every file that only reads it, in the run's shared folder
 * (test/global-setup.ts): the first worker to need it builds it and moves it to `data-site/`, where a worker that
 * needs it later finds it (a worker's answer is kept for its later files: vitest.config.ts isolate false). Two
 * workers building at once each build; the first move wins and the other's copy (the same bytes) is removed. Not to
 * be written into: a test that changes a site builds its own with buildSite.
 */
export function dataSite(): Promise<string> {
  shared ??= (async () => {
    const done = path.join(inject('sharedFolder'), 'data-site');
    if (existsSync(done)) return path.join(done, 'site');
    const mine = mkdtempSync(path.join(inject('sharedFolder'), 'data-site-'));
    const r = await runActa(['site', '--root', path.resolve('data'), '--as-of', AS_OF, '--out', path.join(mine, 'site')]);
    if (r.code !== 0) throw new Error(`acta site --root data failed (exit ${r.code}): ${r.stderr}`);
    try {
      renameSync(mine, done);
    } catch (e) {
      // Another worker's site is there already (renaming onto a folder that is not empty fails).
      if (!existsSync(done)) throw e;
      rmSync(mine, { recursive: true, force: true });
    }
    return path.join(done, 'site');
  })();
  return shared;
}

/** Every file under `dir`, relative path (with '/') → text, sorted. */
export function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (sub: string): void => {
    for (const e of readdirSync(path.join(dir, sub), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else out.set(rel, readFileSync(path.join(dir, rel), 'utf8'));
    }
  };
  walk('');
  return out;
}

const pagesOf = (site: ReadonlyMap<string, string>): string[] => [...site.keys()].filter((f) => f.endsWith('.html'));

/** html-validate's recommended rules on every page; the problems as "file:line:column rule message". */
export async function validatePages(site: ReadonlyMap<string, string>): Promise<string[]> {
  const { HtmlValidate, StaticConfigLoader } = await import('html-validate');
  // A configuration resolved once for every page: html-validate's static loader resolves it again for each string
  // (its element table rebuilt each time, a third of the whole check); the rules still start afresh on each page.
  type GetConfigFor = InstanceType<typeof StaticConfigLoader>['getConfigFor'];
  class ResolvedOnce extends StaticConfigLoader {
    private once: ReturnType<GetConfigFor> | undefined;
    override getConfigFor(handle: string, override?: Parameters<GetConfigFor>[1]): ReturnType<GetConfigFor> {
      if (override) return super.getConfigFor(handle, override);
      return (this.once ??= super.getConfigFor(handle));
    }
  }
  // valid-id relaxed: an agreement's anchor is its own number (#2.b), a valid HTML id, so permalinks follow record ids.
  const validator = new HtmlValidate(new ResolvedOnce({ extends: ['html-validate:recommended'], rules: { 'valid-id': ['error', { relaxed: true }] } }));
  const failures: string[] = [];
  for (const file of pagesOf(site)) {
    const report = await validator.validateString(site.get(file)!, file);
    for (const r of report.results) for (const m of r.messages) failures.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  return failures;
}

/** Every href and src of every page that does not lead to a file of the site (or to an anchor in it). */
export function brokenLinks(site: ReadonlyMap<string, string>): string[] {
  const broken: string[] = [];
  // Each page's `id="…"` values, gathered once: a search of the whole page's text for each fragment link was most of
  // this check's time (data/'s site has thousands of links to an anchor).
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => ids.get(file) ?? ids.set(file, new Set(Array.from(site.get(file)!.matchAll(/id="([^"]*)"/g), (m) => m[1]!))).get(file)!;
  for (const file of pagesOf(site)) {
    for (const m of site.get(file)!.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const link = m[1]!.replace(/&amp;/g, '&');
      if (/^https?:/.test(link)) continue;
      const [target, fragment] = link.split('#') as [string, string | undefined];
      const resolved = target === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURIComponent(target)));
      if (!site.has(resolved)) broken.push(`${file}: ${link}`);
      else if (fragment !== undefined && !idsOf(resolved).has(decodeURIComponent(fragment))) broken.push(`${file}: ${link} (no such anchor)`);
    }
  }
  return broken;
}

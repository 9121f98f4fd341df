// `prepare` / `pretest` build dist/ only when it is missing or older than what it is built from: a git install
// (`npm install git+https://…`) gets a dist/, and CI's `npm ci` then `npm test` build once, not twice.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../run-acta.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// The script's own function, imported here (a node process to ask it would add only its start: the script builds only
// when it is the process's main module).
interface Versions {
  readonly node: string;
  readonly v8: string;
}
const script = (await import(pathToFileURL(path.join(REPO_ROOT, 'scripts/build-if-stale.mjs')).href)) as { staleReason: (root: string, versions?: Versions) => string | undefined; stampText: (versions?: Versions) => string };
const { stampText } = script;
async function staleReason(root: string, versions?: Versions): Promise<string> {
  return script.staleReason(root, versions) ?? 'fresh';
}

function at(file: string, seconds: number): void {
  utimesSync(file, seconds, seconds);
}

describe('build-if-stale', () => {
  it('builds a checkout with no dist/ (a git install), skips a fresh one, rebuilds after a source or schema changes', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'acta-stale-'));
    dirs.push(root);
    for (const f of ['src/core/a.ts', 'schemas/meeting.schema.json', 'tsconfig.json', 'package.json']) {
      mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      writeFileSync(path.join(root, f), 'x');
      at(path.join(root, f), 1_000);
    }
    expect(await staleReason(root)).toBe('dist/ was never built here');
    mkdirSync(path.join(root, 'dist'));
    writeFileSync(path.join(root, 'dist/cli.js'), '');
    writeFileSync(path.join(root, 'dist/.built'), stampText());
    at(path.join(root, 'dist/.built'), 2_000);
    // bin/acta.js runs the bundle (scripts/bundle.mjs): a dist/ without it was not built whole.
    expect(await staleReason(root)).toBe('dist/ was never built here');
    mkdirSync(path.join(root, 'dist/bundle'));
    writeFileSync(path.join(root, 'dist/bundle/cli.js'), '');
    expect(await staleReason(root)).toBe('fresh');
    at(path.join(root, 'src/core/a.ts'), 3_000);
    expect(await staleReason(root)).toBe('src changed since dist/ was built');
    at(path.join(root, 'dist/.built'), 4_000);
    at(path.join(root, 'schemas/meeting.schema.json'), 5_000);
    expect(await staleReason(root)).toBe('schemas changed since dist/ was built');
  });

  it("rebuilds a dist/ another Node built (its V8 rejects the build's code caches), and one whose stamp does not say", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'acta-stale-'));
    dirs.push(root);
    mkdirSync(path.join(root, 'dist/bundle'), { recursive: true });
    writeFileSync(path.join(root, 'dist/cli.js'), '');
    writeFileSync(path.join(root, 'dist/bundle/cli.js'), '');
    writeFileSync(path.join(root, 'dist/.built'), stampText({ node: '20.20.2', v8: '11.3.244.8-node.33' }));
    expect(await staleReason(root, { node: '20.20.2', v8: '11.3.244.8-node.33' })).toBe('fresh');
    expect(await staleReason(root, { node: '24.21.0', v8: '13.6.233.17-node.44' })).toBe('dist/ was built by Node 20.20.2, this is Node 24.21.0');
    // A stamp written before the stamp named its Node.
    writeFileSync(path.join(root, 'dist/.built'), 'dist/ built whole by npm run build (its time is what counts)\n');
    expect(await staleReason(root, { node: '24.21.0', v8: '13.6.233.17-node.44' })).toBe('dist/ was built by another Node, this is Node 24.21.0');
    // The build's own stamp names the Node that runs it.
    expect(stampText()).toContain(`node ${process.versions.node} v8 ${process.versions.v8}`);
  });

  it('is what prepare and pretest run, and the build writes the stamp it reads', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['prepare']).toBe('node scripts/build-if-stale.mjs');
    expect(scripts['pretest']).toBe('node scripts/build-if-stale.mjs');
    // The stamp is written by compile-validators; only the code cache comes after it (a build whose code cache is left
    // out still runs, as without one: scripts/code-cache.mjs).
    expect(scripts['build']).toMatch(/scripts\/compile-validators\.mjs && node scripts\/code-cache\.mjs$/);
    expect(readFileSync(path.join(REPO_ROOT, 'scripts/compile-validators.mjs'), 'utf8')).toContain("'../dist/.built'");
    expect(readFileSync(path.join(REPO_ROOT, 'dist/.built'), 'utf8')).toBe(stampText());
  });
});

// V8's code cache of the bundle (src/io/code-cache.ts, made by scripts/code-cache.mjs): taken by a new process as the
// build made it, and never used for a source other than the one it was made from — V8 itself compares only the
// source's length, so a file edited to another of the same length would run the old code without the hash check.
// Each case runs in a new node process (the loader hooks node's CommonJS compile step for the process); nothing is
// timed: what is checked is which cache each file met, and what the code returned.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../run-acta.js';

const LOADER = path.join(REPO_ROOT, 'dist/bundle/code-cache.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `body` in a new node process with `c` the loader; returns what it printed as JSON. */
function inNode(body: string): unknown {
  const r = spawnSync(process.execPath, ['-e', `const c = require(${JSON.stringify(LOADER)}); const out = (() => { ${body} })(); console.log(JSON.stringify(out));`], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

const file = path.join(dir, 'code.js');
const helper = path.join(dir, 'helper.cjs');
/** Loads code.js (which requires helper.cjs) through the cache; `record`: and writes their caches. */
const load = (record: boolean): string =>
  `const value = c.requireCached(${JSON.stringify(file)}, ${JSON.stringify(dir)}, ${record}); ${record ? 'c.writeCodeCaches();' : ''} return { value, uses: Object.fromEntries(c.codeCacheUses()) };`;

describe('code cache', () => {
  it("the build's caches are taken by a new process: the bundle, the validators, the date spelling, the yaml library, the parse worker's code", () => {
    const dist = path.join(REPO_ROOT, 'dist') + path.sep;
    const uses = inNode(
      `c.requireCached(${JSON.stringify(path.join(dist, 'bundle/cli.js'))}, ${JSON.stringify(dist)}); require(${JSON.stringify(path.join(dist, 'validators.cjs'))}); require(${JSON.stringify(path.join(dist, 'date-spelling.cjs'))}); require(${JSON.stringify(path.join(dist, 'yaml.cjs'))}); c.requireCached(${JSON.stringify(path.join(dist, 'bundle/parse-worker.code.js'))}, ${JSON.stringify(dist)}); return Object.fromEntries(c.codeCacheUses());`,
    ) as Record<string, string>;
    expect(Object.keys(uses).map((f) => path.relative(dist, f))).toEqual(['bundle/cli.js', 'validators.cjs', 'date-spelling.cjs', 'yaml.cjs', 'bundle/parse-worker.code.js']);
    expect(Object.values(uses)).toEqual(['used', 'used', 'used', 'used', 'used']);
  });

  it('a file and the .cjs it requires: cached once, then taken; a source of the same length changed since is compiled anew', () => {
    writeFileSync(file, "module.exports = require('./helper.cjs').twice(21);\n");
    writeFileSync(helper, 'exports.twice = (n) => n * 2;\n');
    expect(inNode(load(true))).toEqual({ value: 42, uses: { [file]: 'none', [helper]: 'none' } });
    expect(inNode(load(false))).toEqual({ value: 42, uses: { [file]: 'used', [helper]: 'used' } });
    // Same lengths, other code: V8 alone would take the caches (it checks the length) and run the old functions.
    writeFileSync(helper, 'exports.twice = (n) => n * 3;\n');
    expect(inNode(load(false))).toEqual({ value: 63, uses: { [file]: 'used', [helper]: 'stale' } });
    writeFileSync(file, "module.exports = require('./helper.cjs').twice(11);\n");
    expect(inNode(load(false))).toEqual({ value: 33, uses: { [file]: 'stale', [helper]: 'stale' } });
  });

  it('a spoilt cache (cut short, or bytes V8 refuses) runs the code as without one', () => {
    writeFileSync(file, "module.exports = require('./helper.cjs').twice(5);\n");
    writeFileSync(helper, 'exports.twice = (n) => n * 2;\n');
    inNode(load(true));
    const cache = readFileSync(`${file}.v8`);
    writeFileSync(`${file}.v8`, cache.subarray(0, 32));
    const spoilt = Buffer.from(readFileSync(`${helper}.v8`));
    spoilt.fill(7, 40);
    writeFileSync(`${helper}.v8`, spoilt);
    expect(inNode(load(false))).toEqual({ value: 10, uses: { [file]: 'stale', [helper]: 'rejected' } });
  });
});

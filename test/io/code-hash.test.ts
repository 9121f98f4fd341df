// The code hash that keys validate's cached results (io/cache-results.ts) is hashed by the build and read at run time
// only while every file it hashed keeps its size and time: the built dist/ answers the live hash, and a module changed
// after the build (a hand edit, tsc run alone) makes a run hash again — never the build's stale answer. Run from the
// bundle (bin/acta.js, and the installed package, which ships no modules), the code hashed is the bundle's.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../run-acta.js';

const copies: string[] = [];
afterAll(() => copies.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** codeHash() and liveCodeHash() as the modules under `root`/dist compute them, in a process of their own. */
function hashesIn(root: string): { built: string; live: string; hashedForBuilt: number } {
  const module = path.join(root, 'dist', 'io', 'cache-results.js');
  const script = `const m = await import(${JSON.stringify(module)}); const built = m.codeHash(); const hashedForBuilt = m.codeHashCounts.hashed; console.log(JSON.stringify({ built, hashedForBuilt, live: m.liveCodeHash() }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { built: string; live: string; hashedForBuilt: number };
}

describe('the code hash the build writes (dist/code-hash.json)', () => {
  it('is the live hash while dist/ is as built, and is hashed again once a module changes', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'acta-code-hash-'));
    copies.push(root);
    for (const part of ['dist', 'schemas', 'package.json']) cpSync(path.join(REPO_ROOT, part), path.join(root, part), { recursive: true, preserveTimestamps: true });
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'));
    // A copy's times are not the build's to the nanosecond: the copy is "built" again, as scripts/compile-validators.mjs does.
    expect(hashesIn(root).hashedForBuilt).toBe(1);
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `(await import(${JSON.stringify(path.join(root, 'dist', 'io', 'cache-results.js'))})).writeCodeHash();`], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const asBuilt = hashesIn(root);
    expect(asBuilt.built).toBe(asBuilt.live);
    expect(asBuilt.hashedForBuilt).toBe(0); // read from dist/code-hash.json
    appendFileSync(path.join(root, 'dist', 'core', 'records.js'), '\n// changed after the build\n');
    const changed = hashesIn(root);
    expect(changed.live).not.toBe(asBuilt.live);
    expect(changed.built).toBe(changed.live);
    expect(changed.hashedForBuilt).toBe(1);
  });

  it('run from the bundle, hashes the bundle: no module is needed (nor read), a changed bundle changes every salt', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'acta-code-hash-'));
    copies.push(root);
    for (const part of ['dist', 'schemas', 'package.json']) cpSync(path.join(REPO_ROOT, part), path.join(root, part), { recursive: true, preserveTimestamps: true });
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'));
    // The hashes as a bundle beside dist/bundle/cli.js computes them: the modules bundled as scripts/bundle.mjs does.
    const probe = path.join(root, 'dist', 'bundle', 'probe.js');
    await build({
      stdin: { contents: "export { codeHash, liveCodeHash, codeHashCounts } from './cache-results.js'; export { parseSalt } from './cache.js'; export { formatSalt } from './refs-cache.js';", resolveDir: path.join(root, 'dist', 'io'), loader: 'js' },
      outfile: probe, bundle: true, format: 'cjs', platform: 'node', target: 'node20', external: ['yaml', 'ajv', 'ajv/*'], logLevel: 'warning',
      define: { 'import.meta.url': '__actaModuleUrl' }, banner: { js: "const __actaModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    });
    const inBundle = (): { built: string; live: string; hashedForBuilt: number; parse: string; format: string } => {
      const script = `const m = require(${JSON.stringify(probe)}); const built = m.codeHash(); const hashedForBuilt = m.codeHashCounts.hashed; console.log(JSON.stringify({ built, hashedForBuilt, live: m.liveCodeHash(), parse: m.parseSalt(), format: m.formatSalt() }));`;
      const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { built: string; live: string; hashedForBuilt: number; parse: string; format: string };
    };
    // The build writes the bundle's hash too (from dist/io/, as scripts/compile-validators.mjs does).
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `(await import(${JSON.stringify(path.join(root, 'dist', 'io', 'cache-results.js'))})).writeCodeHash();`], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const asBuilt = inBundle();
    expect(asBuilt.hashedForBuilt).toBe(0);
    expect(asBuilt.built).toBe(asBuilt.live);
    expect(asBuilt.built).not.toBe(hashesIn(root).live); // the modules' hash is another
    // The installed package: no modules at all (so a module rebuilt alone, by tsc, changes nothing either).
    for (const folder of ['core', 'io', 'commands', 'render']) rmSync(path.join(root, 'dist', folder), { recursive: true });
    expect(inBundle()).toEqual(asBuilt);
    // The bundle changed after the build: hashed again, and every salt follows.
    appendFileSync(path.join(root, 'dist', 'bundle', 'parse-worker.code.js'), '\n// changed after the build\n');
    const changed = inBundle();
    expect(changed.hashedForBuilt).toBe(1);
    expect(changed.built).toBe(changed.live);
    for (const key of ['built', 'parse', 'format'] as const) expect(changed[key], key).not.toBe(asBuilt[key]);
    // The yaml library is not in node_modules for the installed package but in dist/yaml.cjs: it is hashed as code.
    appendFileSync(path.join(root, 'dist', 'yaml.cjs'), '\n// another yaml library\n');
    const otherYaml = inBundle();
    for (const key of ['built', 'parse', 'format'] as const) expect(otherYaml[key], key).not.toBe(changed[key]);
  });
});

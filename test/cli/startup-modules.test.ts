// Start-up is counted in modules, not timed: every module node loads costs a resolve, a read and a compile (~1.5 ms
// of CPU each on Node 20 before the bundle; docs/internals/performance.md, "Start-up: one bundle"). The real binary
// runs with a loader hook that lists every module it loads (ES modules through the hooks, CommonJS through
// Module._load); these fail if bin/acta.js stops running the bundle, or a heavy library comes back on a path that
// does not need it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT } from '../run-acta.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-modules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HOOK = path.join(dir, 'hook.mjs');
writeFileSync(
  HOOK,
  `import { register, createRequire } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
import { writeFileSync } from 'node:fs';
const { port1, port2 } = new MessageChannel();
const seen = new Set();
port1.on('message', (url) => seen.add(url));
port1.unref();
register('data:text/javascript,' + encodeURIComponent('let port; export function initialize(d) { port = d.port; } export async function load(u, c, n) { port.postMessage(u); return n(u, c); }'), { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });
const Module = createRequire(import.meta.url)('node:module');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const out = load.apply(this, arguments);
  try { seen.add(Module._resolveFilename(request, parent)); } catch {}
  return out;
};
process.on('exit', () => writeFileSync(process.env.MODULES_OUT, [...seen].filter((u) => !u.startsWith('node:') && u.includes('/')).map((u) => u.replace(/^file:\\/\\//, '')).join('\\n')));
`,
);

/** The files of the modules a run of bin/acta.js loads (node's own left out), relative to the repository. */
function modulesOf(args: readonly string[]): string[] {
  const out = path.join(dir, 'modules.txt');
  rmSync(out, { force: true });
  const r = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ACTA_CACHE: '0', ACTA_WORKERS: '0', MODULES_OUT: out },
  });
  expect(r.status, r.stderr).not.toBe(2);
  return readFileSync(out, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((f) => path.relative(REPO_ROOT, f).split(path.sep).join('/'))
    .filter((f) => f !== 'bin/acta.js');
}

const under = (modules: readonly string[], prefix: string): string[] => modules.filter((m) => m.startsWith(prefix));

describe('modules loaded at start', () => {
  it('acta --help: the bundle and nothing else (no yaml library for acta.yaml\'s lang:, no ajv, no date-fns)', () => {
    const modules = modulesOf(['--help']);
    expect(under(modules, 'dist/bundle/').length).toBeGreaterThan(0);
    expect(modules.filter((m) => !m.startsWith('dist/bundle/'))).toEqual([]);
    expect(modules.length).toBeLessThanOrEqual(20);
  });

  it('acta validate: the bundle, the precompiled validators and ajv\'s runtime helpers only', () => {
    const modules = modulesOf(['validate', '--root', 'data', '--format', 'text']);
    // Not the modules tsc wrote (bin/acta.js runs the bundle), nor a library the bundle holds.
    expect(under(modules, 'dist/').filter((m) => !m.startsWith('dist/bundle/') && m !== 'dist/validators.cjs')).toEqual([]);
    const libraries = [...new Set(under(modules, 'node_modules/').map((m) => m.split('/').slice(1, m.startsWith('node_modules/@') ? 3 : 2).join('/')))].sort();
    // ajv: its runtime helpers, that dist/validators.cjs requires (ucs2length, equal → fast-deep-equal), not its compiler.
    expect(libraries).toEqual(['ajv', 'fast-deep-equal']);
    expect(under(modules, 'node_modules/ajv/').every((m) => m.startsWith('node_modules/ajv/dist/runtime/') || m === 'node_modules/ajv/package.json')).toBe(true);
    expect(modules.length).toBeLessThanOrEqual(40);
  });

  it('acta overdue: dates spelled from one file (dist/date-spelling.cjs), not date-fns\' 43 modules', () => {
    const modules = modulesOf(['overdue', '--root', 'data', '--as-of', '2018-01-01']);
    expect(modules).toContain('dist/date-spelling.cjs');
    expect(under(modules, 'node_modules/date-fns/')).toEqual([]);
    expect(modules.length).toBeLessThanOrEqual(50);
  });

  it('acta done: the yaml library from one file (dist/yaml.cjs, through the code cache), not its 72 modules', () => {
    const modules = modulesOf(['done', '2017-06-21-red-trata#2.b', '--by', 'MX', '--on', '2017-07-20', '--dry-run', '--root', 'data']);
    expect(modules).toContain('dist/yaml.cjs');
    expect(under(modules, 'node_modules/yaml/')).toEqual([]);
    expect(modules.length).toBeLessThanOrEqual(50);
  });
});

describe('the bundle carries the licences of what it holds', () => {
  it('dist/bundle/THIRD-PARTY-LICENSES.txt names each library a run loads from the bundle, with its licence text', () => {
    const notices = readFileSync(path.join(REPO_ROOT, 'dist/bundle/THIRD-PARTY-LICENSES.txt'), 'utf8');
    // Libraries runs load from the bundle or dist/yaml.cjs, not from node_modules (the tests above show they are not loaded there).
    for (const name of ['commander', 'js-yaml', 'chalk', 'intl-messageformat', 'date-fns', 'yaml']) {
      const version = JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')).version as string;
      expect(notices).toContain(`\n${name} ${version}\n`);
    }
    // Each entry holds the licence's text, not only its name.
    expect(notices.match(/Permission is hereby granted, free of charge/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
    // And a library left to node_modules is not claimed.
    expect(notices).not.toMatch(/\najv \d/);
  });
});

// The build's last step (after scripts/bundle.mjs and compile-validators.mjs): V8's code cache of the bundle, beside
// each file (dist/bundle/cli.js.v8, dist/validators.cjs.v8, …; src/io/code-cache.ts reads them at every start).
//
// The commands run once here, in this process, on the CRM's own records (data/, read only: cache off, no workers) and,
// for `validate --changed-since`, on a copy of them in a git repository made in a temporary folder; then every file
// compiled through the code cache has its cache written, with the bytecode of every function those runs compiled —
// what a later start does not compile again. No command that changes V8's flags (site) runs here: a cache holds the
// flags it was made under, and a start under other flags would refuse it.
//
// The parse worker's code is trained in a worker (below) as io/parse-pool.ts drives one.
//
// Then a new process loads the bundle through the cache: if V8 refuses any file's cache (or a file is not the one the
// cache was made from), every cache is removed and the build says so — acta then starts as it did without one.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist') + path.sep;
const CLI = path.join(DIST, 'bundle', 'cli.js');
const LOADER = path.join(DIST, 'bundle', 'code-cache.js');
const require = createRequire(import.meta.url);
const { requireCached, writeCodeCaches, cacheFileOf } = require(LOADER);

const DATA = path.join(ROOT, 'data');
const AS_OF = ['--as-of', '2019-06-30'];
/** What the build runs, on data/: every command a user runs most, in both languages where the words differ. */
const RUNS = [
  ['--help'],
  ['--version'],
  ['help', 'validate'],
  ['validate', '--format', 'text'],
  ['validate', '--format', 'json'],
  ['validate', '--format', 'github'],
  ['validate', '--format', 'pretty', '--lang', 'en'],
  ['validate', 'meetings/no-such-file.yaml'],
  ['validate', '--no-such-option'],
  ['overdue', ...AS_OF],
  ['overdue', '--by', 'actor', '--lang', 'en', ...AS_OF],
  ['upcoming', ...AS_OF],
  ['list', 'commitments', ...AS_OF],
  ['report', '-f', 'md', ...AS_OF],
  ['report', '-f', 'html', ...AS_OF],
  ['export', '-f', 'csv', ...AS_OF],
  ['export', '-f', 'ics', ...AS_OF],
  ['export', '-f', 'json', ...AS_OF],
  ['statement', 'MX', ...AS_OF],
  ['workplan', ...AS_OF],
  ['fmt', '--check'],
  // The follow-up writes (dry runs: data/ is not changed), which load the yaml library (dist/yaml.cjs) and format.
  ['done', '2017-06-21-red-trata#2.b', '--by', 'MX', '--on', '2017-07-20', '--dry-run'],
  ['extend', '2017-06-21-red-trata#4', '--to', '2017-09-30', '--on', '2017-08-01', '--dry-run'],
  ['status', '2017-06-21-red-trata#4', 'no-information', '--on', '2017-08-01', '--dry-run', '--lang', 'en'],
  [...AS_OF],
];

const { main } = requireCached(CLI, DIST, true);
const quiet = { write: () => undefined, isTTY: false };
const env = { ...process.env, NO_COLOR: '1', CI: 'true', ACTA_CACHE: '0', ACTA_WORKERS: '0', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '' };
for (const name of ['ACTA_LANG', 'ACTA_LOCALES', 'ACTA_CACHE_DIR', 'GIT_DIR', 'GIT_WORK_TREE']) delete env[name];
const run = (args, cwd, extra = {}) => main(['node', 'acta', ...args], { cwd, env: { ...env, ...extra }, stdout: quiet, stderr: quiet });

for (const args of RUNS) await run(args, DATA);

// validate with the cache on, and --changed-since as a pull request's CI job runs it: a git repository of data/'s
// records, a commit that edits one meeting, a cache primed on the commit before. (Without git, these are left out.)
const repo = mkdtempSync(path.join(os.tmpdir(), 'acta-code-cache-'));
try {
  for (const part of ['acta.yaml', 'meetings', 'plans', 'registries']) cpSync(path.join(DATA, part), path.join(repo, part), { recursive: true });
  const git = (...args) => execFileSync('git', ['-c', 'user.name=acta build', '-c', 'user.email=build@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'ignore' });
  let withGit = true;
  try {
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'records');
  } catch {
    withGit = false;
  }
  const cache = { ACTA_CACHE: '1', ACTA_CACHE_DIR: path.join(repo, '.cache') };
  await run(['validate', '--format', 'text'], repo, cache);
  await run(['validate', '--format', 'text'], repo, cache);
  if (withGit) {
    await run(['validate', '--format', 'text', '--changed-since', 'HEAD'], repo, cache);
    const meeting = path.join(repo, 'meetings', '2017-03-16-red-nna.yaml');
    writeFileSync(meeting, readFileSync(meeting, 'utf8').replace('\ntitle:\n  es: "', '\ntitle:\n  es: "Revisado: '));
    git('commit', '-q', '-a', '-m', 'a title edited');
    await run(['validate', '--format', 'text', '--changed-since', 'HEAD~1'], repo, { ...cache, ACTA_CACHE: undefined });
    await run(['diff', 'HEAD~1', 'HEAD', '--format', 'md'], repo);
  }
  // The commands that write a record, on the copy: a new meeting, then fmt over a record written as a person might.
  await run(['new', 'meeting', '--body', 'crm', '--date', '2019-07-01', '--place', 'Tegucigalpa', '--country', 'HN', '--ordinal', '9', '--session', 'ordinary'], repo);
  const edited = path.join(repo, 'meetings', '2016-06-08-red-consular.yaml');
  writeFileSync(edited, readFileSync(edited, 'utf8').replace(/\[([A-Z]{2})\]/g, "[ '$1' ]"));
  await run(['fmt'], repo);
} finally {
  rmSync(repo, { recursive: true, force: true });
}

// The parse worker (validate and the read commands from 600 files on start one or more): its code compiled in a worker
// of its own, given data/'s context and then each record to check and to read, as io/parse-pool.ts gives them.
const WORKER_CODE = path.join(DIST, 'bundle', 'parse-worker.code.js');
const workerWritten = await new Promise((resolve, reject) => {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(path.join(ROOT, 'scripts', 'code-cache-worker.cjs'), { workerData: { loader: LOADER, code: WORKER_CODE, dist: DIST, port: port2 }, transferList: [port2] });
  worker.on('error', reject);
  const bytes = (file) => new Uint8Array(readFileSync(path.join(DATA, file)));
  const inFolder = (folder) => readdirSync(path.join(DATA, folder)).filter((n) => n.endsWith('.yaml')).map((n) => `${folder}/${n}`);
  const context = ['acta.yaml', ...inFolder('registries')].map((file) => ({ file, bytes: bytes(file) }));
  const records = [...inFolder('meetings'), ...inFolder('plans')];
  worker.postMessage({ type: 'context', files: context, options: { rootFile: 'acta.yaml', asOf: AS_OF[1] }, done: new Int32Array(new SharedArrayBuffer(8)) });
  let id = 0;
  const requests = records.flatMap((file) => [
    { type: 'check', file },
    { type: 'read', file, checks: true },
    { type: 'read', file, checks: false },
  ]);
  let answered = 0;
  worker.on('message', () => {
    if (++answered < requests.length) return;
    port1.once('message', (files) => {
      port1.close();
      void worker.terminate().then(() => resolve(files));
    });
    port1.postMessage('write');
  });
  for (const r of requests) worker.postMessage({ ...r, id: id++, bytes: bytes(r.file) });
});

const written = [...writeCodeCaches(), ...workerWritten];

// A new process, as bin/acta.js starts: every cache taken?
const check = spawnSync(
  process.execPath,
  ['-e', `const c = require(${JSON.stringify(LOADER)}); c.requireCached(${JSON.stringify(CLI)}, ${JSON.stringify(DIST)}); for (const f of ${JSON.stringify(written)}) f.endsWith('.cjs') ? require(f) : c.requireCached(f, ${JSON.stringify(DIST)}); console.log(JSON.stringify([...c.codeCacheUses()]));`],
  { encoding: 'utf8' },
);
const uses = check.status === 0 ? new Map(JSON.parse(check.stdout)) : new Map();
const refused = written.filter((f) => uses.get(f) !== 'used');
if (refused.length) {
  for (const f of written) rmSync(cacheFileOf(f), { force: true });
  process.stderr.write(`code cache: left out, a new process did not take it (${refused.map((f) => `${path.relative(ROOT, f)}: ${uses.get(f) ?? check.stderr.trim().split('\n')[0]}`).join(', ')})\n`);
}

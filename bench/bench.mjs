// npm run bench: every command of acta timed on synthetic corpora of 250, 2,000 and 8,000 meetings, next to ajv-cli
// on the same files — wall time (node's start-up included), CPU time and peak memory — cold (cache off), warm (the
// cache primed by an earlier run) and as CI runs it (CI=true, a cache restored from a run on the base commit, every
// file's mtime new as in a fresh checkout); printed as tables, with a table of the goals of issue 24, and written to
// bench/results.md (the README's and docs/internals/performance.md's figures).
//
// Reproducible on a busy machine: the cases run in rounds, A B C … in one round and … C B A in the next, and every
// ratio (÷ ajv-cli, ÷ validate cold) is taken inside a round, then the median over the rounds is given, next to the
// load average at the start of each round. Growth across sizes is given in wall and in CPU time (CPU time moves far
// less with the machine's load).
//
// Options: --sizes 250,2000,8000 · --runs N (rounds, 3) · --runs-large N (2: rounds at sizes over 2,000)
// · --commands a,b (names below, validate always: the yardstick; validate-ci and changed-since-ci are the CI cases;
// forms: the peak memory of every output form, one cold run each, at --forms-at N meetings, 8000) · --markdown (print the tables as
// Markdown) · --no-write (leave results.md) · --corpus DIR (bench/.corpus) · --acta PATH (another build's
// bin/acta.js) · --baseline PATH (another build's bin/acta.js run cold beside this one in every round: a table of this
// build ÷ that one, taken inside each round, so that the machine's drift between runs is not read as the code's)
// · --agreements N (15) · --text-scale X (0.1).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatsFromHelp, renderResults, roundRatios, summarise } from './bench-table.mjs';
import { generateCorpus } from './generate-corpus.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED = 20170316;
const CHANGED = 10;
/** Bump when prepareCorpus changes what it makes (the generator's own source is hashed into the stamp). */
const CORPUS_FORMAT = 1;

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  return typeof fallback === 'number' ? Number(process.argv[i + 1]) : process.argv[i + 1];
}

const opts = {
  sizes: option('sizes', '250,2000,8000').split(',').map(Number),
  runs: option('runs', 3),
  runsLarge: option('runs-large', 2),
  only: option('commands', '').split(',').filter(Boolean),
  formsAt: option('forms-at', 8000),
  markdown: process.argv.includes('--markdown'),
  write: !process.argv.includes('--no-write'),
  base: path.resolve(option('corpus', path.join(ROOT, 'bench', '.corpus'))),
  acta: path.resolve(option('acta', path.join(ROOT, 'bin', 'acta.js'))),
  baseline: option('baseline', '') ? path.resolve(option('baseline', '')) : undefined,
  agreements: option('agreements', 15),
  scale: option('text-scale', 0.1),
};
const RSS_FILE = path.join(opts.base, 'max-rss.txt');
const CACHE = path.join(opts.base, 'cache');
const AJV = path.join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');

// The commands --commands names; validate cold is every ratio's yardstick: it runs whatever --commands names.
function commandsFor(size, site) {
  return everyCommand(size, site).filter((r) => opts.only.length === 0 || opts.only.includes(r.name) || r.name === 'validate');
}

// Every command timed, by the name --commands takes; args run in the corpus folder (a git repository, HEAD~1 → HEAD
// changes CHANGED files). site is added only when this build has it.
function everyCommand(size, site) {
  const asOf = ['--as-of', size.asOf];
  // Each row: its name, its label, its arguments, and the output form it runs (as the forms pass names it: that form is
  // not run again there).
  const list = [
    ['validate', 'acta validate', ['validate', '--format', 'text'], 'acta validate text'],
    ['overdue', 'acta overdue', ['overdue', ...asOf], 'acta overdue table'],
    ['upcoming', 'acta upcoming', ['upcoming', ...asOf], 'acta upcoming table'],
    ['list', 'acta list commitments', ['list', 'commitments', ...asOf], 'acta list commitments table'],
    ['report-md', 'acta report -f md', ['report', '-f', 'md', ...asOf], 'acta report md'],
    ['report-html', 'acta report -f html', ['report', '-f', 'html', ...asOf], 'acta report html'],
    ['export-csv', 'acta export -f csv', ['export', '-f', 'csv', ...asOf], 'acta export csv'],
    ['export-ics', 'acta export -f ics', ['export', '-f', 'ics', ...asOf], 'acta export ics'],
    ['export-json', 'acta export -f json', ['export', '-f', 'json', ...asOf], 'acta export json'],
    ['statement', 'acta statement MX', ['statement', 'MX', ...asOf], 'acta statement MX table'],
    ['workplan', 'acta workplan', ['workplan', ...asOf], 'acta workplan table'],
    ['fmt-check', 'acta fmt --check', ['fmt', '--check']],
    ['changed-since', `acta validate --changed-since HEAD~1 (${size.changed} files)`, ['validate', '--format', 'text', '--changed-since', 'HEAD~1']],
    ['diff', `acta diff HEAD~1 HEAD (${size.changed} files)`, ['diff', 'HEAD~1', 'HEAD', '--format', 'md'], 'acta diff HEAD~1 HEAD md'],
  ];
  const rows = list.map(([name, label, args, form]) => ({ name, label, args: [opts.acta, '--root', '.', ...args], ...(form ? { form } : {}) }));
  // CI with a restored cache: the same command lines, run in a copy of the corpus (a fresh checkout) under CI=true.
  rows.push(
    { name: 'validate-ci', label: 'acta validate — CI, restored cache', args: rows[0].args, ci: true },
    { name: 'changed-since-ci', label: `acta validate --changed-since HEAD~1 (${size.changed} files) — CI, restored cache`, args: rows.find((r) => r.name === 'changed-since').args, ci: true },
  );
  const out = path.join(opts.base, `site-${size.meetings}`);
  if (site.args) rows.push({ name: 'site', label: 'acta site', args: [opts.acta, '--root', '.', ...site.args(out), ...asOf], before: () => rmSync(out, { recursive: true, force: true }) });
  else rows.push({ name: 'site', label: 'acta site', skipped: site.reason });
  return rows;
}

// What primes the CI cache: every CI row's command line (a full `validate`, then `validate --changed-since HEAD~1`),
// whichever CI rows --commands names. Primed by `--changed-since` alone, the cache keeps no stat entry for the files
// git's index vouched for (that run reads none of them), and the CI row then asks git the size of every unchanged
// blob: another run than the full bench's, and than a CI job on a main branch that runs `validate`.
function ciPrimers(size, site) {
  return everyCommand(size, site).filter((c) => c.ci).map((c) => c.args);
}

const DEVNULL = openSync(os.devNull, 'w');

// One run of `node …` (the preload first): wall milliseconds, child start-up included, its CPU milliseconds and peak
// kB. mode: 'cold' (ACTA_CACHE=0), 'warm' (ACTA_CACHE=1, the bench's cache folder), 'ci' (CI=true and ACTA_CACHE_DIR
// = cacheDir, nothing else: what a CI job that restored the cache does).
function runOnce(args, { cwd, mode = 'cold', cacheDir = CACHE }) {
  rmSync(RSS_FILE, { force: true });
  const env = { ...process.env, NO_COLOR: '1', CI: '1', ACTA_BENCH_RSS_FILE: RSS_FILE, ACTA_CACHE: mode === 'warm' ? '1' : '0', ACTA_CACHE_DIR: cacheDir };
  if (mode === 'ci') {
    env.CI = 'true';
    delete env.ACTA_CACHE;
  }
  // Run in GitHub Actions, acta would pick the annotation format and write a step summary: not what is measured.
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_EXTERNAL_DIFF', 'GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY']) delete env[name];
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', path.join(ROOT, 'bench', 'max-rss.cjs'), ...args], { cwd, env, stdio: ['ignore', DEVNULL, 'pipe'], maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const [rss, cpu] = existsSync(RSS_FILE) ? readFileSync(RSS_FILE, 'utf8').trim().split(/\s+/).map(Number) : [];
  if (r.status !== 0) return { failed: `exit ${r.status ?? r.signal}: ${(r.stderr ?? r.error?.message ?? '').trim().split('\n')[0]?.slice(0, 120)}` };
  return { ms, rss, cpu: Number.isFinite(cpu) ? cpu / 1000 : undefined };
}

function git(cwd, args) {
  execFileSync('git', ['-c', 'user.name=acta bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'ignore' });
}

function dayAfter(meetings) {
  return new Date(Date.UTC(2000, 0, 3 + 3 * (meetings - 1) + 1)).toISOString().slice(0, 10);
}

// The corpus of one size, generated once and kept under --corpus with a stamp of what made it: a git repository
// whose second commit changes CHANGED meetings' titles (for --changed-since and diff).
function prepareCorpus(meetings) {
  const dir = path.join(opts.base, `m${meetings}`);
  const hash = createHash('sha256');
  for (const f of ['bench/generate-corpus.mjs', 'data/plans/2017-2022-red-nna.yaml', ...readdirSync(path.join(ROOT, 'data', 'registries')).map((n) => `data/registries/${n}`)]) hash.update(readFileSync(path.join(ROOT, f)));
  const stamp = JSON.stringify({ format: CORPUS_FORMAT, meetings, agreements: opts.agreements, scale: opts.scale, seed: SEED, source: hash.digest('hex') });
  const stampFile = `${dir}.json`;
  const changed = Math.min(CHANGED, meetings);
  if (!(existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(path.join(dir, '.git')))) {
    rmSync(stampFile, { force: true });
    generateCorpus(dir, { meetings, agreements: opts.agreements, scale: opts.scale, seed: SEED, registries: path.join(ROOT, 'data', 'registries') });
    git(dir, ['init', '-q']);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', 'corpus']);
    const names = readdirSync(path.join(dir, 'meetings')).sort();
    for (let i = 0; i < changed; i++) {
      const file = path.join(dir, 'meetings', names[Math.floor((i * names.length) / changed)]);
      const text = readFileSync(file, 'utf8');
      const edited = text.replace('\ntitle:\n  es: "', '\ntitle:\n  es: "Revisado: ');
      if (edited === text) throw new Error(`bench: no title to edit in ${file}`);
      writeFileSync(file, edited);
    }
    git(dir, ['commit', '-q', '-a', '-m', `${changed} titles edited`]);
    writeFileSync(stampFile, stamp);
  }
  const files = ['meetings', 'plans', 'registries'].flatMap((f) => readdirSync(path.join(dir, f)).map((n) => path.join(dir, f, n)));
  const bytes = files.reduce((sum, f) => sum + readFileSync(f).length, 0);
  return { dir, meetings, plans: readdirSync(path.join(dir, 'plans')).length, files: files.length + 1, bytes, asOf: dayAfter(meetings), changed };
}

// ajv-cli finds referenced schemas by $id and ours have none: copies with one, and a schema that sends a plan to
// plan.schema.json and anything else to meeting.schema.json, so it checks the same meetings and plans acta reads.
function writeAjvSchemas() {
  const dir = path.join(opts.base, 'ajv-schemas');
  mkdirSync(dir, { recursive: true });
  for (const name of ['common', 'meeting', 'plan']) {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', `${name}.schema.json`), 'utf8'));
    writeFileSync(path.join(dir, `${name}.schema.json`), JSON.stringify({ $id: `${name}.schema.json`, ...schema }));
  }
  const record = { $id: 'record.json', $schema: 'https://json-schema.org/draft/2020-12/schema', if: { properties: { record: { const: 'plan' } } }, then: { $ref: 'plan.schema.json' }, else: { $ref: 'meeting.schema.json' } };
  writeFileSync(path.join(dir, 'record.json'), JSON.stringify(record));
  const r = ['common', 'meeting', 'plan'].flatMap((n) => ['-r', path.join(dir, `${n}.schema.json`)]);
  return [AJV, 'validate', '--spec=draft2020', '-s', path.join(dir, 'record.json'), ...r, '-d', 'meetings/*.yaml', '-d', 'plans/*.yaml'];
}

// `acta site` exists in some builds: its help (asked in English: help follows the officer's language) says whether, and how it takes the output folder.
function detectSite() {
  const r = spawnSync(process.execPath, [opts.acta, 'site', '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ACTA_LANG: 'en' } });
  if (r.status !== 0 || !/Usage: acta site/.test(r.stdout)) return { reason: 'no `acta site` in this build' };
  if (/--out\b/.test(r.stdout)) return { args: (out) => ['site', '--out', out] };
  if (/Usage: acta site \[options\] [[<]/.test(r.stdout)) return { args: (out) => ['site', out] };
  return { reason: '`acta site --help` names no output folder' };
}

function progress(text) {
  process.stderr.write(`${text}\n`);
}

// A fresh checkout of the corpus for the CI cases (a copy, at its own path: the caches are kept per records root),
// and a cache primed there on the base commit (HEAD~1) by both CI cases' command lines, whichever are timed
// (`validate`, and `validate --changed-since HEAD~1`: ciPrimers), as the cache a pull
// request's job restores was saved by the last run on the main branch. Each CI run then gets a new copy of that
// cache and new mtimes on every file (git writes every file of a checkout), so a size+mtime stat cache misses and
// only content hashes can hit — and then `git update-index -q --refresh`, as a checkout records the times it wrote in
// git's index (without it the index is stale and every file must be read: not what a real checkout leaves). The new
// times are a second in the past, never in the future, so the index file is newer than every file (git's racily
// clean rule, which acta applies too).
function prepareCi(size, primers) {
  const dir = `${size.dir}-ci`;
  const caches = path.join(opts.base, `ci-cache-${size.meetings}`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(caches, { recursive: true, force: true });
  cpSync(size.dir, dir, { recursive: true });
  const primed = path.join(caches, 'primed');
  const restored = path.join(caches, 'restored');
  git(dir, ['checkout', '-q', 'HEAD~1', '--', '.']);
  const failed = primers.map((args) => runOnce(args, { cwd: dir, mode: 'warm', cacheDir: primed }).failed).find(Boolean);
  git(dir, ['checkout', '-q', 'HEAD', '--', '.']);
  if (failed) throw new Error(`bench: priming the CI cache failed (${failed})`);
  const files = ['acta.yaml', ...['meetings', 'plans', 'registries'].flatMap((f) => readdirSync(path.join(dir, f)).map((n) => `${f}/${n}`))].map((f) => path.join(dir, f));
  return {
    dir,
    restored,
    before() {
      rmSync(restored, { recursive: true, force: true });
      if (existsSync(primed)) cpSync(primed, restored, { recursive: true });
      const touch = Math.floor(Date.now() / 1000) - 1;
      for (const f of files) utimesSync(f, touch, touch);
      git(dir, ['update-index', '-q', '--refresh']);
    },
  };
}

// Whether this build uses ACTA_CACHE_DIR under CI=true (issue 24 point 2): a run there writes into that folder.
function ciUsesCache(dir) {
  const probe = path.join(opts.base, 'ci-cache-probe');
  rmSync(probe, { recursive: true, force: true });
  runOnce([opts.acta, '--root', '.', 'validate', '--format', 'text'], { cwd: dir, mode: 'ci', cacheDir: probe });
  const used = existsSync(probe) && readdirSync(probe).length > 0;
  rmSync(probe, { recursive: true, force: true });
  return used;
}

function measureSize(meetings, ajvArgs, site) {
  const size = prepareCorpus(meetings);
  const runs = meetings > 2000 ? opts.runsLarge : opts.runs;
  const commands = commandsFor(size, site);
  progress(`bench: ${meetings} meetings (${(size.bytes / 1e6).toFixed(1)} MB), ${commands.length} commands, ${runs} round(s)`);
  const ciCommands = commands.filter((c) => c.ci);
  const ci = ciCommands.length ? prepareCi(size, ciPrimers(size, site)) : undefined;
  // Every timed case: ajv-cli, each command cold and warm, the CI cases. Warm ones are primed (and each command
  // proved to run) before the first round.
  const cases = [{ key: 'ajv', args: ajvArgs, cwd: size.dir, mode: 'cold' }];
  for (const c of commands.filter((c) => !c.skipped)) {
    if (c.ci) {
      cases.push({ key: `${c.name}:ci`, command: c, args: c.args, cwd: ci.dir, mode: 'ci', cacheDir: ci.restored, before: () => ci.before() });
      continue;
    }
    c.before?.();
    const primed = runOnce(c.args, { cwd: size.dir, mode: 'warm' });
    if (primed.failed) {
      c.failed = primed.failed;
      continue;
    }
    for (const mode of ['cold', 'warm']) cases.push({ key: `${c.name}:${mode}`, command: c, args: c.args, cwd: size.dir, mode, before: c.before });
    // The baseline build's run of the same command line, cold (a failure there leaves this build's figures alone).
    if (opts.baseline) cases.push({ key: `${c.name}:base`, command: c, args: [opts.baseline, ...c.args.slice(1)], cwd: size.dir, mode: 'cold', before: c.before, baseline: true });
  }
  const samples = new Map(cases.map((k) => [k.key, []]));
  const loads = [];
  for (let round = 0; round < runs; round++) {
    loads.push(os.loadavg()[0]);
    const order = round % 2 ? [...cases].reverse() : cases;
    for (const k of order) {
      if (k.command?.failed || k.failed) continue;
      k.before?.();
      const r = runOnce(k.args, k);
      if (r.failed) {
        if (k.key === 'ajv') throw new Error(`bench: ajv-cli failed on the corpus (${r.failed})`);
        if (k.baseline) {
          k.failed = r.failed;
          continue;
        }
        k.command.failed = r.failed;
        continue;
      }
      samples.get(k.key)[round] = r;
    }
    progress(`bench: ${meetings} meetings, round ${round + 1} of ${runs} done (load average ${loads[round].toFixed(1)} at its start)`);
  }
  const figure = (key) => {
    const s = samples.get(key);
    if (!s || s.filter(Boolean).length === 0) return undefined;
    const done = s.filter(Boolean);
    return {
      ...summarise(done.map((r) => r.ms), done.map((r) => r.rss), done.map((r) => r.cpu)),
      perAjv: roundRatios(s, samples.get('ajv')),
      perValidate: roundRatios(s, samples.get('validate:cold')),
      perAjvCpu: roundRatios(s, samples.get('ajv'), 'cpu'),
      perValidateCpu: roundRatios(s, samples.get('validate:cold'), 'cpu'),
    };
  };
  const rows = commands.map((c) => {
    if (c.skipped || c.failed) return { name: c.name, label: c.label, skipped: c.skipped ?? `failed (${c.failed})` };
    if (c.ci) return { name: c.name, label: c.label, ci: figure(`${c.name}:ci`) };
    const cold = samples.get(`${c.name}:cold`);
    const base = opts.baseline ? samples.get(`${c.name}:base`) : undefined;
    const perBase = base ? { wall: roundRatios(cold, base), cpu: roundRatios(cold, base, 'cpu') } : undefined;
    return { name: c.name, label: c.label, cold: figure(`${c.name}:cold`), warm: figure(`${c.name}:warm`), ...(perBase?.wall ? { perBase } : {}) };
  });
  const timed = new Set(commands.filter((c) => c.form && !c.skipped && !c.failed).map((c) => c.form));
  const forms = meetings === opts.formsAt && (opts.only.length === 0 || opts.only.includes('forms')) ? measureForms(size, timed) : undefined;
  const baselineFailed = cases.filter((k) => k.baseline && k.failed).map((k) => `${k.command.label}: ${k.failed}`);
  return { ...size, runs, loads, ajv: figure('ajv'), rows, ...(baselineFailed.length ? { baselineFailed } : {}), ...(ci ? { ciCache: ciUsesCache(ci.dir) } : {}), ...(forms ? { forms } : {}) };
}

// Every output form of every command that prints records (each format its --help lists), one cold run each: the
// peak memory goal is for every command, and a form the timed table does not run (a JSON or CSV beside a default
// table) can hold the whole output as one string. Word documents go to a file (-o), the rest to /dev/null. The forms
// the timed table ran are left out (their peaks are in it, and the memory goal reads both).
function measureForms(size, timed) {
  const first = readdirSync(path.join(size.dir, 'meetings')).sort()[0].replace(/\.yaml$/, '');
  const plan = readdirSync(path.join(size.dir, 'plans')).sort()[0].replace(/\.yaml$/, '');
  const asOf = ['--as-of', size.asOf];
  const commands = [
    ['acta validate', ['validate']],
    ['acta overdue', ['overdue', ...asOf]],
    ['acta upcoming', ['upcoming', ...asOf]],
    ...['meetings', 'agreements', 'commitments', 'plans'].map((what) => [`acta list ${what}`, ['list', what, ...asOf]]),
    ['acta report', ['report', ...asOf]],
    ['acta export', ['export', ...asOf]],
    ['acta statement MX', ['statement', 'MX', ...asOf]],
    ['acta workplan', ['workplan', ...asOf]],
    ['acta dashboard', ['dashboard', ...asOf]],
    [`acta show ${first}`, ['show', first, ...asOf]],
    [`acta show ${plan}`, ['show', plan, ...asOf]],
    ['acta diff HEAD~1 HEAD', ['diff', 'HEAD~1', 'HEAD']],
  ];
  const out = path.join(opts.base, 'forms-out');
  mkdirSync(out, { recursive: true });
  const forms = [];
  for (const [label, args] of commands) {
    const help = spawnSync(process.execPath, [opts.acta, args[0], '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ACTA_LANG: 'en' } }).stdout ?? '';
    for (const format of formatsFromHelp(help)) {
      if (timed.has(`${label} ${format}`)) continue;
      const to = format === 'docx' ? ['-o', path.join(out, `${args[0]}.docx`)] : [];
      const r = runOnce([opts.acta, '--root', '.', ...args, '-f', format, ...to], { cwd: size.dir, mode: 'cold' });
      forms.push(r.failed ? { label, format, failed: r.failed } : { label, format, ms: r.ms, cpu: r.cpu, rss: r.rss });
    }
  }
  rmSync(out, { recursive: true, force: true });
  progress(`bench: ${size.meetings} meetings, ${forms.length} output forms measured once each`);
  return forms;
}

function measureHelp() {
  const ms = [];
  for (let i = 0; i < 10; i++) ms.push(runOnce([opts.acta, '--help'], { cwd: ROOT }).ms);
  return summarise(ms);
}

mkdirSync(opts.base, { recursive: true });
rmSync(CACHE, { recursive: true, force: true });
const ajvArgs = writeAjvSchemas();
const site = opts.only.length === 0 || opts.only.includes('site') ? detectSite() : { reason: 'not asked for' };
const results = { sizes: opts.sizes.map((n) => measureSize(n, ajvArgs, site)), notes: [] };
if (opts.only.length === 0 || opts.only.includes('help')) results.help = measureHelp();
closeSync(DEVNULL);
const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
results.notes.push(
  `Machine: ${os.availableParallelism()} CPUs (${cpu}), Node ${process.version}, ${os.platform()} ${os.arch()}; load average ${os.loadavg()[0].toFixed(1)} at the end of the run.`,
  `Corpus: bench/generate-corpus.mjs, seed ${SEED}, ${opts.agreements} points a meeting, text scale ${opts.scale}, plus acta.yaml and the registries of data/; every record valid and canonical.`,
  'Cold: ACTA_CACHE=0 (every file parsed); warm: the cache primed by an earlier run of the same command; CI, restored cache: CI=true and ACTA_CACHE_DIR pointing at a copy of a cache primed on HEAD~1 by the commands of both CI cases (validate, then validate --changed-since HEAD~1, whichever are timed), in a copy of the corpus whose files all have new mtimes, recorded in git\'s index (git update-index --refresh, as a checkout does). Peak memory: the largest resident set of the timed process (worker threads included).',
  `Rounds: every case once a round, in one order and then the reverse; each ratio is the median of the ratios taken inside each round, of wall time, and in brackets of CPU time (user + system, worker threads included). Growth: medians across sizes, wall and CPU.`,
);
if (opts.baseline) {
  results.notes.push(`Baseline: ${opts.baseline}, each command run cold with it in every round, beside this build's cold run.`);
  for (const s of results.sizes) for (const failed of s.baselineFailed ?? []) results.notes.push(`The baseline failed at ${s.meetings} meetings, ${failed}: no ratio for that command.`);
}
if (results.sizes.some((s) => s.ciCache === false)) results.notes.push('This build does not use ACTA_CACHE_DIR under CI=true (issue 24 point 2): its "CI, restored cache" rows are cold runs.');
const table = renderResults(results, { markdown: opts.markdown });
process.stdout.write(table);
if (opts.write) {
  const file = path.join(ROOT, 'bench', 'results.md');
  writeFileSync(file, `# Benchmark results\n\nWritten by \`npm run bench\` (bench/bench.mjs); the README's performance section is this table.\n\n${renderResults(results, { markdown: true })}`);
  progress(`bench: wrote ${path.relative(process.cwd(), file)}`);
}

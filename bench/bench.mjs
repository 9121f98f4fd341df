// npm run bench: every command of acta timed on synthetic corpora of 250, 2,000 and 8,000 meetings, next to ajv-cli
// on the same files — wall time (median of N runs, node's start-up included) and peak memory, with the parse cache
// off (cold) and primed (warm) — printed as tables and written to bench/results.md (the README's performance section).
//
// Options: --sizes 250,2000,8000 · --runs N (3) · --runs-large N (1: sizes over 2,000) · --commands a,b (names below)
// · --markdown (print the README's tables) · --no-write (leave results.md) · --corpus DIR (bench/.corpus) · --acta PATH
// (another build's bin/acta.js) · --agreements N (15) · --text-scale X (0.1).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderResults, summarise } from './bench-table.mjs';
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
  runsLarge: option('runs-large', 1),
  only: option('commands', '').split(',').filter(Boolean),
  markdown: process.argv.includes('--markdown'),
  write: !process.argv.includes('--no-write'),
  base: path.resolve(option('corpus', path.join(ROOT, 'bench', '.corpus'))),
  acta: path.resolve(option('acta', path.join(ROOT, 'bin', 'acta.js'))),
  agreements: option('agreements', 15),
  scale: option('text-scale', 0.1),
};
const RSS_FILE = path.join(opts.base, 'max-rss.txt');
const CACHE = path.join(opts.base, 'cache');
const AJV = path.join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');

// Every command timed, by the name --commands takes; args run in the corpus folder (a git repository, HEAD~1 → HEAD
// changes CHANGED files). site is added only when this build has it.
function commandsFor(size, site) {
  const asOf = ['--as-of', size.asOf];
  const list = [
    ['validate', 'acta validate', ['validate', '--format', 'text']],
    ['overdue', 'acta overdue', ['overdue', ...asOf]],
    ['upcoming', 'acta upcoming', ['upcoming', ...asOf]],
    ['list', 'acta list commitments', ['list', 'commitments', ...asOf]],
    ['report-md', 'acta report -f md', ['report', '-f', 'md', ...asOf]],
    ['report-html', 'acta report -f html', ['report', '-f', 'html', ...asOf]],
    ['export-csv', 'acta export -f csv', ['export', '-f', 'csv', ...asOf]],
    ['export-ics', 'acta export -f ics', ['export', '-f', 'ics', ...asOf]],
    ['export-json', 'acta export -f json', ['export', '-f', 'json', ...asOf]],
    ['statement', 'acta statement MX', ['statement', 'MX', ...asOf]],
    ['workplan', 'acta workplan', ['workplan', ...asOf]],
    ['fmt-check', 'acta fmt --check', ['fmt', '--check']],
    ['changed-since', `acta validate --changed-since HEAD~1 (${size.changed} files)`, ['validate', '--format', 'text', '--changed-since', 'HEAD~1']],
    ['diff', `acta diff HEAD~1 HEAD (${size.changed} files)`, ['diff', 'HEAD~1', 'HEAD', '--format', 'md']],
  ];
  const rows = list.map(([name, label, args]) => ({ name, label, args: [opts.acta, '--root', '.', ...args] }));
  const out = path.join(opts.base, `site-${size.meetings}`);
  if (site.args) rows.push({ name: 'site', label: 'acta site', args: [opts.acta, '--root', '.', ...site.args(out), ...asOf], before: () => rmSync(out, { recursive: true, force: true }) });
  else rows.push({ name: 'site', label: 'acta site', skipped: site.reason });
  return rows.filter((r) => opts.only.length === 0 || opts.only.includes(r.name));
}

const DEVNULL = openSync(os.devNull, 'w');

// One run of `node …` (the peak-memory preload first): wall milliseconds, child start-up included, and peak kB.
function runOnce(args, { cwd, cache }) {
  rmSync(RSS_FILE, { force: true });
  const env = { ...process.env, NO_COLOR: '1', CI: '1', ACTA_BENCH_RSS_FILE: RSS_FILE, ACTA_CACHE: cache ? '1' : '0', ACTA_CACHE_DIR: CACHE };
  // Run in GitHub Actions, acta would pick the annotation format and write a step summary: not what is measured.
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_EXTERNAL_DIFF', 'GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY']) delete env[name];
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', path.join(ROOT, 'bench', 'max-rss.cjs'), ...args], { cwd, env, stdio: ['ignore', DEVNULL, 'pipe'], maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = existsSync(RSS_FILE) ? Number(readFileSync(RSS_FILE, 'utf8')) : undefined;
  if (r.status !== 0) return { failed: `exit ${r.status ?? r.signal}: ${(r.stderr ?? r.error?.message ?? '').trim().split('\n')[0]?.slice(0, 120)}` };
  return { ms, rss };
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

// `acta site` exists in some builds: its help says whether, and how it takes the output folder.
function detectSite() {
  const r = spawnSync(process.execPath, [opts.acta, 'site', '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0 || !/Usage: acta site/.test(r.stdout)) return { reason: 'no `acta site` in this build' };
  if (/--out\b/.test(r.stdout)) return { args: (out) => ['site', '--out', out] };
  if (/Usage: acta site \[options\] [[<]/.test(r.stdout)) return { args: (out) => ['site', out] };
  return { reason: '`acta site --help` names no output folder' };
}

function progress(text) {
  process.stderr.write(`${text}\n`);
}

function measureSize(meetings, ajvArgs, site) {
  const size = prepareCorpus(meetings);
  const runs = meetings > 2000 ? opts.runsLarge : opts.runs;
  const commands = commandsFor(size, site);
  const at = { cwd: size.dir };
  progress(`bench: ${meetings} meetings (${(size.bytes / 1e6).toFixed(1)} MB), ${commands.length} commands, ${runs} run(s) each cold and warm`);
  const samples = new Map(commands.map((c) => [c.name, { cold: [], coldRss: [], warm: [], warmRss: [] }]));
  for (const c of commands.filter((c) => !c.skipped)) {
    c.before?.();
    const primed = runOnce(c.args, { ...at, cache: true }); // fills the parse cache (and the page cache); proves it runs
    if (primed.failed) c.failed = primed.failed;
  }
  const ajv = { ms: [], rss: [] };
  for (let i = 0; i < runs; i++) {
    const a = runOnce(ajvArgs, { ...at, cache: false });
    if (a.failed) throw new Error(`bench: ajv-cli failed on the corpus (${a.failed})`);
    ajv.ms.push(a.ms);
    ajv.rss.push(a.rss);
    for (const c of commands.filter((c) => !c.skipped && !c.failed)) {
      const s = samples.get(c.name);
      for (const cache of [false, true]) {
        c.before?.();
        const r = runOnce(c.args, { ...at, cache });
        if (r.failed) {
          c.failed = r.failed;
          break;
        }
        s[cache ? 'warm' : 'cold'].push(r.ms);
        s[cache ? 'warmRss' : 'coldRss'].push(r.rss);
      }
    }
    progress(`bench: ${meetings} meetings, run ${i + 1} of ${runs} done`);
  }
  const rows = commands.map((c) => {
    if (c.skipped || c.failed) return { name: c.name, label: c.label, skipped: c.skipped ?? `failed (${c.failed})` };
    const s = samples.get(c.name);
    return { name: c.name, label: c.label, cold: summarise(s.cold, s.coldRss), warm: summarise(s.warm, s.warmRss) };
  });
  return { ...size, runs, ajv: summarise(ajv.ms, ajv.rss), rows };
}

function measureHelp() {
  const ms = [];
  for (let i = 0; i < 10; i++) ms.push(runOnce([opts.acta, '--help'], { cwd: ROOT, cache: false }).ms);
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
  'Cold: ACTA_CACHE=0 (every file parsed); warm: the parse cache primed by an earlier run of the same command. Peak memory: the largest resident set of the timed process (worker threads included).',
);
const table = renderResults(results, { markdown: opts.markdown });
process.stdout.write(table);
if (opts.write) {
  const file = path.join(ROOT, 'bench', 'results.md');
  writeFileSync(file, `# Benchmark results\n\nWritten by \`npm run bench\` (bench/bench.mjs); the README's performance section is this table.\n\n${renderResults(results, { markdown: true })}`);
  progress(`bench: wrote ${path.relative(process.cwd(), file)}`);
}

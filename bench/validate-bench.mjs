// npm run bench: time `acta validate` next to ajv-cli on the same synthetic corpus, and `acta --help`; print a
// table and write it to bench/results.md (which the README cites).
// Options: --runs N (5) · --meetings N (2000) · --agreements N (15) · --text-scale X (0.1; 1 gives texts as long as
// those in data/, about twice the bytes) · --acta PATH (another build's bin/acta.js) · --no-write (leave results.md).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate-corpus.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = path.join(ROOT, 'bench', '.corpus');
const RESULTS = path.join(ROOT, 'bench', 'results.md');
const SEED = 20170316;

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  return typeof fallback === 'number' ? Number(process.argv[i + 1]) : process.argv[i + 1];
}

const runs = option('runs', 5);
const corpus = { meetings: option('meetings', 2000), agreements: option('agreements', 15), scale: option('text-scale', 0.1) };
const acta = path.resolve(option('acta', path.join(ROOT, 'bin', 'acta.js')));
const write = !process.argv.includes('--no-write');

const ACTA = [acta, 'validate', '--root', CORPUS, '--format', 'text'];
const AJV = [path.join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js'), 'validate', '--spec=draft2020', '-s', 'schemas/meeting.schema.json', '-r', 'bench/.corpus/schemas/common.schema.json', '-d', 'bench/.corpus/meetings/*.yaml'];
const HELP = [acta, '--help'];

// One run: wall-clock milliseconds of `node args…`, child start-up included. A run that fails stops the benchmark.
function time(args, { quiet = false } = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', CI: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 || (quiet && r.stdout !== '')) {
    process.stderr.write(`${args.slice(0, 3).join(' ')} … exited ${r.status}\n${(r.stdout ?? '').slice(0, 2000)}${(r.stderr ?? '').slice(0, 2000)}\n`);
    process.exit(1);
  }
  return ms;
}

// ajv-cli adds -r schemas by their $id, and ours have none: give it a copy of common.schema.json with one.
function writeAjvSchemas() {
  const common = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'common.schema.json'), 'utf8'));
  mkdirSync(path.join(CORPUS, 'schemas'), { recursive: true });
  writeFileSync(path.join(CORPUS, 'schemas', 'common.schema.json'), JSON.stringify({ $id: 'common.schema.json', ...common }, null, 2));
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], runs: sorted.length };
}

// The two validators take turns, run by run, so a busy moment on the machine costs both alike.
function measure() {
  time(ACTA, { quiet: true }); // warm-up (file cache), and proof that acta finds nothing to report
  time(AJV);
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    a.push(time(ACTA));
    b.push(time(AJV));
  }
  const help = [];
  for (let i = 0; i < 20; i++) help.push(time(HELP));
  return { acta: stats(a), ajv: stats(b), help: stats(help), load: os.loadavg()[0] };
}

function report(r, bytes) {
  const ms = (n) => `${Math.round(n)} ms`;
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return [
    `Corpus: ${corpus.meetings} meetings × ${corpus.agreements} points, ${(bytes / 1e6).toFixed(1)} MB of YAML, plus acta.yaml and the 4 registries of data/ (bench/generate-corpus.mjs, seed ${SEED}, text scale ${corpus.scale}); every record valid.`,
    `Machine: ${os.availableParallelism()} CPUs (${cpu}), Node ${process.version}, ${os.platform()} ${os.arch()}; load average ${r.load.toFixed(1)} at the end of the run.`,
    '',
    '| command | median | min | runs |',
    '| --- | ---: | ---: | ---: |',
    `| \`acta validate --format text\` (YAML with positions, schemas, cross-record checks) | ${ms(r.acta.median)} | ${ms(r.acta.min)} | ${r.acta.runs} |`,
    `| \`ajv validate --spec=draft2020\` (ajv-cli 5: js-yaml, meeting schema only) | ${ms(r.ajv.median)} | ${ms(r.ajv.min)} | ${r.ajv.runs} |`,
    `| \`acta --help\` | ${ms(r.help.median)} | ${ms(r.help.min)} | ${r.help.runs} |`,
    '',
    `acta / ajv-cli: **${(r.acta.median / r.ajv.median).toFixed(2)}** (medians; ${(r.acta.min / r.ajv.min).toFixed(2)} on the fastest runs). Target ≤ 1.00; \`acta --help\` target < 150 ms.`,
  ].join('\n');
}

const bytes = generateCorpus(CORPUS, { ...corpus, seed: SEED, registries: path.join(ROOT, 'data', 'registries') });
writeAjvSchemas();
const text = report(measure(), bytes);
process.stdout.write(text + '\n');
if (write) {
  writeFileSync(RESULTS, `# Benchmark results\n\nWritten by \`npm run bench\` (bench/validate-bench.mjs); the README's performance section cites them.\n\n${text}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), RESULTS)}\n`);
}

// The first week, as printed: the README's quick start and the guide's first-week path (docs/guide.md, its
// ```console replay blocks and the ```yaml PATH files they write) replayed in a clean temporary folder against acta
// packed as npm would publish it — no registry release: init from the tarball, the tarball vendored into the new
// repository, npm install from it (acta's dependencies from the registry npm is set to), then validate, a first
// meeting, done, overdue, site, each step printing exactly what the page shows. Then the workflow init wrote, its own
// `run:` steps (npm ci first) on a pull request, and a broken record annotated on its line.
//
// ACTA_README_UPDATE=1 writes the real outputs back into the pages (review the diff), as for test/readme.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, Command } from '../readme/readme-examples.js';
import { blockCommands, compare, matchKind, normalise, replayBlocks } from '../readme/readme-examples.js';
import { packedDir } from '../run-acta.js';
import { cleanEnv, ok, run, runnerEnvFile, runStep, type Run, type Step } from './runner.js';

const ROOT = path.resolve('.');
const OWN = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string> };
const UPDATE = process.env['ACTA_README_UPDATE'] === '1';

// A bare module specifier in shipped code: ES module `import … from 'x'`, `export … from 'x'`, `import 'x'`,
// `import('x')`; CommonJS (the bundle) `require('x')`, `require.resolve('x')`, and a require made by createRequire
// (esbuild writes `(0, m.createRequire)(url)('x')` and `….resolve('x')`; the sources name it require, require2, …).
const IMPORT = /(?:^(?:import|export)\s[^'"]*?\sfrom\s*|^import\s*|\bimport\(\s*|\brequire\d*(?:\.resolve)?\(\s*|\bcreateRequire\)?\([^()]*\)(?:\.resolve)?\(\s*)['"]([^'"./][^'"]*)['"]/gm;

/** The npm cache this machine's npm uses: after `npm ci` of acta it holds every dependency acta's tarball needs, so
 * the replay's installs read it (prefer-offline) instead of the network — through a cache folder of the replay's own
 * (cacheFolder below). And the registry npm is set to. One `npm config get` for both (npm's start-up is ~0.4 s of
 * CPU). */
const { NPM_CACHE, REGISTRY } = ((): { NPM_CACHE: string; REGISTRY: string } => {
  let config: Record<string, string> = {};
  try {
    config = Object.fromEntries(execFileSync('npm', ['config', 'get', 'cache', 'registry'], { encoding: 'utf8' }).trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  } catch {
    // npm's defaults below
  }
  return { NPM_CACHE: config['cache'] || path.join(os.homedir(), '.npm'), REGISTRY: /^https?:\/\//.test(config['registry'] ?? '') ? config['registry']! : 'https://registry.npmjs.org/' };
})();

let tmp = '';
let work = '';
let env: NodeJS.ProcessEnv = {};
let packed: { filename: string; files: { path: string }[] } = { filename: '', files: [] };
let packDir = '';
/** Each step's wall time and CPU (ms), printed at the end: the CPU is the worker's and that of the processes it waited
 * for (npm, npx, acta, git: nearly all of it), from /proc/self/stat on Linux (0 elsewhere). Wall time on a shared
 * machine measures the neighbours; the CPU is what the step costs the suite. */
const timings: Record<string, { ms: number; cpu: number }> = {};

/** This process's CPU and that of its waited-for children, in ms (utime, stime, cutime, cstime: ticks of 10 ms). */
function cpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}

async function timed<T>(label: string, job: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const cpu = cpuMs();
  try {
    return await job();
  } finally {
    const t = (timings[label] ??= { ms: 0, cpu: 0 });
    t.ms += Math.round(performance.now() - start);
    t.cpu += cpuMs() - cpu;
  }
}

/**
 * npm's cache folder for the replay, in its temporary folder (on the run's memory file system, test/global-setup.ts):
 * its `_cacache`, the packages themselves, is a link to the machine's (read as before; what npm adds to it is what it
 * would add there anyway), while what npm writes beside it stays in the run — npx's install of the tarball (`_npx/`,
 * ~8,100 files) and npm's logs. Written to the machine's cache on the disk (ext4), then removed, that install alone
 * took 13.6 s of CPU against 6.9 s on the memory file system, nine tenths of the difference in the kernel (farm-bench,
 * 5 pairs, load 4.5); in the whole suite the step read 6.0–12.7 s from run to run. Where npm keeps its cache is no
 * part of what the replay proves.
 */
function cacheFolder(dir: string): string {
  mkdirSync(path.join(NPM_CACHE, '_cacache'), { recursive: true });
  mkdirSync(dir);
  symlinkSync(path.join(NPM_CACHE, '_cacache'), path.join(dir, '_cacache'), 'dir');
  return dir;
}

/** Whether this checkout's dist/ was built after every file it is built from (scripts/build-if-stale.mjs). */
function distIsFresh(): boolean {
  const script = path.join(ROOT, 'scripts/build-if-stale.mjs');
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', `import(${JSON.stringify(script)}).then((m) => console.log(m.staleReason() ?? 'fresh'))`], { encoding: 'utf8' });
  return out.trim() === 'fresh';
}

// npm pack in a copy of the checkout (what git would clone), so the tests running beside this one never see their
// dist/ rewritten. Without dist/, prepack builds it from scratch; `npm test` has just built a fresh one (pretest),
// which the copy then takes instead of building it again (the same files: the build is deterministic).
async function packCopy(): Promise<void> {
  packDir = path.join(tmp, 'acta');
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0');
  for (const file of listed.filter((f) => f && !f.startsWith('test/'))) {
    try {
      cpSync(path.join(ROOT, file), path.join(packDir, file));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; // deleted but not yet committed
    }
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(packDir, 'node_modules'), 'dir');
  const fresh = distIsFresh();
  if (fresh) cpSync(path.join(ROOT, 'dist'), path.join(packDir, 'dist'), { recursive: true });
  const r = ok(await run('npm', ['pack', '--json', ...(fresh ? ['--ignore-scripts'] : []), '--pack-destination', work], packDir, env), 'npm pack');
  packed = (JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as (typeof packed)[])[0]!;
  // Packed from the checkout's files and its fresh dist/: the bytes `acta init` packs from the checkout itself (npm
  // pack's fixed dates; compared with cmp), so the in-process inits of the other test files take this one (the run's
  // ACTA_PACKED_DIR, test/run-acta.ts) instead of packing again (1.2 s of CPU). Not when prepack built a dist/ of its own.
  if (fresh) keepPacked(path.join(work, packed.filename));
}

/** Puts `tarball` where vendorTarball looks for the run's packed acta, unless one is there already (whole: a rename). */
function keepPacked(tarball: string): void {
  const kept = path.join(packedDir(), path.basename(tarball));
  if (existsSync(kept)) return;
  mkdirSync(packedDir(), { recursive: true });
  cpSync(tarball, `${kept}.${process.pid}.part`);
  renameSync(`${kept}.${process.pid}.part`, kept);
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'acta-week-'));
  const home = path.join(tmp, 'home');
  work = path.join(tmp, 'work');
  mkdirSync(home);
  mkdirSync(work);
  env = cleanEnv(home, REGISTRY, cacheFolder(path.join(tmp, 'npm-cache')));
  await timed('npm pack', packCopy);
}, 240_000);

afterAll(async () => {
  // npx's folder for this run's tarball goes with the replay's cache folder (the link to the machine's packages is
  // removed, not followed).
  if (tmp) await rm(tmp, { recursive: true, force: true });
  const total = Object.values(timings).reduce((sum, t) => sum + t.cpu, 0);
  console.log(`first-week timings (wall ms / CPU ms; CPU ${total} ms in all): ${Object.entries(timings).map(([label, t]) => `${label} ${t.ms}/${t.cpu}`).join(', ')}`);
}, 60_000);

/** The replay's pages: the README's quick start, then the guide (which starts with the same block). */
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const GUIDE = readFileSync(path.join(ROOT, 'docs/guide.md'), 'utf8');

const updates: { from: string; to: string }[] = [];
afterAll(() => {
  if (!updates.length) return;
  for (const file of ['README.md', 'docs/guide.md']) {
    let text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const u of updates) text = text.split(u.from).join(u.to);
    writeFileSync(path.join(ROOT, file), text);
  }
});

/**
 * npm's warning that docx's nanoid (6.x) wants Node 22, dropped from an output on an older Node: the guide is written
 * for Node 22, the Node the generated workflow runs; this test runs on the Node of the machine (20 here), where npm
 * says so on every install of acta-records (docx bundles its own copy of nanoid, so acta runs on Node 20 all the
 * same; the clone's own npm ci holds nanoid at 5.x through overrides, which do not reach a package's dependents).
 * Any other engine warning stays, and fails the comparison.
 */
function withoutNode22Notice(text: string, nodeMajor = Number(process.versions.node.split('.')[0])): string {
  if (nodeMajor >= 22) return text;
  return text.replace(/^npm warn EBADENGINE Unsupported engine \{\n(?:npm warn EBADENGINE .*\n)*?npm warn EBADENGINE \}\n/gm, (block) => (/package: 'nanoid@/.test(block) ? '' : block));
}

/** The acta `npx --no acta` runs from `cwd`: the `acta` of the nearest node_modules/.bin above it (npm exec's local
 * project), or undefined when there is none. */
function localActa(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const bin = path.join(dir, 'node_modules', '.bin', 'acta');
    if (existsSync(bin)) return bin;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** How many `npx --no acta` lines ran through npx itself. */
let npxRan = 0;

/**
 * Runs one command line as a terminal would (bash, stderr into the same stream); `cd` moves the replay's shell.
 * `npx --no acta …` goes through npx the first time (that it finds the acta npm installed and runs it is proved there);
 * after that the same installed bin runs directly, as npx runs it, without npm's start-up each time (~0.4 s of CPU a
 * line). The workflow's steps always run as written.
 */
async function replayLine(line: string, shell: { cwd: string }): Promise<Run> {
  const cd = /^cd (\S+)$/.exec(line);
  if (cd) {
    shell.cwd = path.resolve(shell.cwd, cd[1]!);
    return { code: existsSync(shell.cwd) ? 0 : 1, stdout: '', stderr: '' };
  }
  let command = line;
  const npx = /^npx --no acta(?= |$)/.exec(line);
  const bin = npx ? localActa(shell.cwd) : undefined;
  if (npx && npxRan > 0 && bin) command = `${JSON.stringify(bin)}${line.slice(npx[0].length)}`;
  else if (npx) npxRan++;
  const r = await run('bash', ['-c', `exec 2>&1\n${command}`], shell.cwd, env);
  return { ...r, stdout: withoutNode22Notice(r.stdout) };
}

describe('the first week, replayed against the packed tarball', () => {
  it('ships the program and its data, and nothing else; needs no devDependency at run time', () => {
    const files = packed.files.map((f) => f.path);
    expect(packed.filename).toBe(`acta-records-${OWN.version}.tgz`);
    for (const f of ['package.json', 'LICENSE', 'README.md', 'docs/guide.md', 'bin/acta.js', 'dist/bundle/cli.js', 'dist/bundle/THIRD-PARTY-LICENSES.txt', 'schemas/meeting.schema.json', 'templates/init/acta.yaml', 'templates/init/github/workflows/acta.yml', 'templates/report/report.html.hbs', 'data/acta.yaml', 'data/registries/countries.yaml']) expect(files, f).toContain(f);
    expect(files.filter((f) => /^(src|test|bench|node_modules|data\/(meetings|plans|sources))\/|\.(map|ts|tsbuildinfo)$/.test(f))).toEqual([]);
    // What runs is the bundle (bin/acta.js): tsc's modules, which import the libraries the bundle holds, stay home.
    expect(files.filter((f) => /^dist\/(?!bundle\/)[^/]+\//.test(f) && !f.startsWith('dist/catalogs/'))).toEqual([]);
    expect(files).not.toContain('dist/cli.js');
    // Every package the shipped code imports or requires is a dependency (or part of Node): the installed package has
    // no other.
    const imported = new Set<string>();
    for (const f of files.filter((name) => /\.[cm]?js$/.test(name))) {
      for (const m of readFileSync(path.join(packDir, f), 'utf8').matchAll(IMPORT)) imported.add(m[1]!.startsWith('@') ? m[1]!.split('/').slice(0, 2).join('/') : m[1]!.split('/')[0]!);
    }
    // The bundle's own: ajv required at run time, docx and handlebars and the rest on their commands; the yaml library
    // is dist/yaml.cjs (a devDependency: not required from node_modules, below).
    for (const m of ['ajv', 'docx', 'handlebars', 'mammoth', 'minisearch']) expect(imported, m).toContain(m);
    expect(files).toContain('dist/yaml.cjs');
    const builtins = new Set(builtinModules);
    expect([...imported].filter((m) => !m.startsWith('node:') && !builtins.has(m) && !(m in OWN.dependencies))).toEqual([]);
  });

  it("on an older Node, only npm's notice about docx's nanoid is dropped from outputs", () => {
    const notice = (pkg: string): string => `npm warn EBADENGINE Unsupported engine {\nnpm warn EBADENGINE   package: '${pkg}',\nnpm warn EBADENGINE   required: { node: '^22 || ^24 || >=26' },\nnpm warn EBADENGINE   current: { node: 'v20.20.2', npm: '11.19.1' }\nnpm warn EBADENGINE }\n`;
    expect(withoutNode22Notice(`${notice('nanoid@6.0.2')}created\n`, 20)).toBe('created\n');
    expect(withoutNode22Notice(`${notice('other@1.0.0')}created\n`, 20)).toBe(`${notice('other@1.0.0')}created\n`);
    expect(withoutNode22Notice(`${notice('nanoid@6.0.2')}created\n`, 22)).toBe(`${notice('nanoid@6.0.2')}created\n`);
  });

  it("the replay's runner reads GITHUB_ENV as GitHub's does: NAME=value lines and NAME<<END blocks", () => {
    expect(runnerEnvFile('A=1\nB=x=y\nC<<EOF\nline 1\nline 2\nEOF\n')).toEqual({ A: '1', B: 'x=y', C: 'line 1\nline 2' });
    expect(() => runnerEnvFile('C<<EOF\nno end\n')).toThrow(/no closing EOF/);
    expect(() => runnerEnvFile('just words\n')).toThrow(/sets nothing/);
  });

  it("the README's quick start is the guide's first step, word for word", () => {
    const readme = replayBlocks(README);
    const guide = replayBlocks(GUIDE);
    expect(readme).toHaveLength(1);
    expect(readme[0]!.lines).toEqual(guide[0]!.lines);
    // It names the tarball this version packs.
    expect(readme[0]!.lines[0]).toBe(`$ npx --yes --package ./${packed.filename} acta init records --from-crm`);
  });

  it('the guide, block by block: each command prints what the page shows, then the workflow passes on a pull request', async () => {
    const blocks: Block[] = replayBlocks(GUIDE);
    expect(blocks.filter((b) => b.lang === 'console').length).toBeGreaterThanOrEqual(6);
    const shell = { cwd: work };
    const seen: string[] = [];
    for (const block of blocks) {
      if (block.lang === 'yaml') {
        writeFileSync(path.join(shell.cwd, block.info), `${block.lines.join('\n')}\n`);
        continue;
      }
      for (const command of blockCommands(block) as Command[]) {
        const r = await timed(`$ ${command.line.split(' ').slice(0, 3).join(' ')}${/^npx --no acta/.test(command.line) && npxRan > 0 ? ' (bin)' : ''}`, () => replayLine(command.line, shell));
        seen.push(command.line);
        const actual = normalise(r.stdout);
        const difference = compare(command.output, actual);
        const where = `docs/guide.md:${block.at} \`${command.line}\``;
        if (UPDATE && difference !== undefined && matchKind(command.output) === 'exact') {
          updates.push({ from: [`$ ${command.line}`, ...command.output, ''].join('\n'), to: [`$ ${command.line}`, ...actual, ''].join('\n') });
          continue;
        }
        expect(difference, `${where} prints something else:\n${difference}`).toBeUndefined();
        expect(r.code, `${where}: exit status\n${r.stdout}`).toBe(command.exit);
      }
    }
    // The path the issue asks for, in this order.
    const order = [/acta init .*--from-crm/, /^npm install$/, /^npx --no acta validate$/, /^npx --no acta new meeting/, /^npx --no acta done /, /^npx --no acta overdue /, /^npx --no acta site /];
    const at = order.map((re) => seen.findIndex((l) => re.test(l)));
    expect(at.every((i) => i >= 0), `${JSON.stringify(at)} in ${JSON.stringify(seen)}`).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // The first `npx --no acta` line ran through npx; the later ones ran the bin it ran (replayLine).
    expect(npxRan).toBe(1);

    // The repository the guide made: acta vendored, the dependency on the file, the lock file committed.
    const repo = path.join(work, 'records');
    expect(existsSync(path.join(repo, 'vendor', packed.filename))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'))).toMatchObject({ devDependencies: { 'acta-records': `file:vendor/${packed.filename}` } });
    const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, env, encoding: 'utf8' });
    expect(git(repo, 'ls-files', 'package-lock.json', `vendor/${packed.filename}`).trim().split('\n')).toEqual(['package-lock.json', `vendor/${packed.filename}`]);
    expect(git(repo, 'status', '--porcelain')).toBe('');

    // A pull request: a deadline moved, on branch `change`; the runner checks it out with the base fetched.
    const meeting = 'meetings/2026-01-20-st.yaml';
    git(repo, 'checkout', '-q', '-b', 'change');
    writeFileSync(path.join(repo, meeting), readFileSync(path.join(repo, meeting), 'utf8').replace('due: "2026-03"', 'due: "2026-04"'));
    git(repo, 'commit', '-q', '-am', 'Deadline moved');
    const workspace = path.join(tmp, 'runner', 'records');
    git(tmp, 'clone', '-q', '--branch', 'change', repo, workspace);

    // The workflow's own run: steps, in order, every job's (the Pages job's build too, though it is off by default);
    // only the one that talks to GitHub's API is skipped, and a later job's repeat of a step already run here.
    const workflow = parse(readFileSync(path.join(workspace, '.github/workflows/acta.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    const withRun = steps.filter((s) => s.run !== undefined && !/\bgh pr comment\b/.test(s.run));
    const toRun = withRun.filter((s, i) => withRun.findIndex((t) => t.run === s.run) === i);
    expect(steps.filter((s) => s.uses?.startsWith('actions/setup-node')).map((s) => (s as { with?: Record<string, unknown> }).with?.['node-version'])).toEqual([22, 22]);
    const scripts = path.join(tmp, 'scripts');
    mkdirSync(scripts);
    const summary = path.join(tmp, 'step-summary.md');
    writeFileSync(summary, '');
    const envFile = path.join(tmp, 'github-env');
    const outputFile = path.join(tmp, 'github-output');
    writeFileSync(envFile, '');
    writeFileSync(outputFile, '');
    const runner: NodeJS.ProcessEnv = { ...env, CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main', GITHUB_HEAD_REF: 'change', GITHUB_REF: 'refs/pull/1/merge', GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summary, GITHUB_ENV: envFile, GITHUB_OUTPUT: outputFile, RUNNER_TEMP: scripts };
    delete runner['ACTA_CACHE']; // the test run's own setting (vitest.config.ts), not a runner's
    const results: Run[] = [];
    for (const step of toRun) results.push(ok(await timed(`step: ${step.name}`, () => runStep(step, workspace, runner, scripts)), `workflow step "${step.name}"`));
    // npm ci from the committed tarball and lock file first, the cache's folder, then acta: validate, the layout, the diff, the site.
    expect(toRun.map((s) => /^npm ci|ACTA_CACHE_DIR|acta (validate|fmt --check|diff|site --out _site)/.exec(s.run!)?.[0])).toEqual(['npm ci', 'ACTA_CACHE_DIR', 'acta validate', 'acta fmt --check', 'acta diff', 'acta site --out _site']);
    const installed = results[toRun.findIndex((s) => /^npm ci/.test(s.run!))]!;
    expect(withoutNode22Notice(installed.stdout + installed.stderr)).not.toMatch(/EBADENGINE|npm (warn|error)/i);
    const validated = results[toRun.findIndex((s) => /acta validate/.test(s.run!))]!;
    expect(validated.stdout).not.toContain('::error');
    expect(readFileSync(summary, 'utf8')).toContain('2026-01-20-st');
    // The cache step named a folder in RUNNER_TEMP for the steps after it, and acta kept its cache there under CI=true
    // (the folder actions/cache saves).
    expect(readFileSync(envFile, 'utf8')).toBe(`ACTA_CACHE_DIR=${scripts}/acta-cache\n`);
    expect(existsSync(path.join(scripts, 'acta-cache'))).toBe(true);
    // The step's output keys the cache on the acta the lock file installed.
    expect(readFileSync(outputFile, 'utf8')).toBe(`version=${OWN.version}\n`);

    // A broken record: an unknown country on a known line; the validate step fails with an annotation there.
    const text = readFileSync(path.join(workspace, meeting), 'utf8').replace('participants: [GT, MX, SV]', 'participants: [GT, MX, SV, ZZ]');
    writeFileSync(path.join(workspace, meeting), text);
    const line = text.split('\n').indexOf('participants: [GT, MX, SV, ZZ]') + 1;
    const broken = await timed('step: validate (broken)', () => runStep(toRun.find((s) => /acta validate/.test(s.run!))!, workspace, runner, scripts));
    expect(broken.code, broken.stdout + broken.stderr).not.toBe(0);
    expect(broken.stdout).toMatch(new RegExp(`^::error file=${meeting},line=${line},[^\\n]*ref/unknown-country`, 'm'));
  }, 300_000);
});

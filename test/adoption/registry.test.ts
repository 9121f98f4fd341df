// End to end, as a secretariat adopts acta: pack acta as npm would publish it, publish it to a real local registry
// (verdaccio), run the README's "Start a records repository" commands, then the generated workflow's own `run:`
// steps, read from the workflow file, as GitHub Actions would run them on a pull request.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRegistry, type LocalRegistry } from './local-registry.js';
import { cleanEnv, ok, run, runStep, type Run, type Step } from './runner.js';

const ROOT = path.resolve('.');
const OWN = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string> };

// A bare module specifier in compiled ESM: `import … from 'x'`, `export … from 'x'`, `import 'x'`, `import('x')`.
const IMPORT = /(?:^(?:import|export)\s[^'"]*?\sfrom\s*|^import\s*|\bimport\(\s*)['"]([^'"./][^'"]*)['"]/gm;

/** The first ```sh block of a README section, by its heading. */
function readmeBlock(heading: string): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf(`\n${heading}\n`);
  expect(at, `README has ${heading}`).toBeGreaterThan(0);
  const m = /```sh\n([\s\S]*?)```/.exec(readme.slice(at));
  expect(m, `a sh block under ${heading}`).not.toBeNull();
  return m![1]!;
}

/** The commands of a shell block, comments and blank lines left out. */
function commands(block: string): string[] {
  return block.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l && !l.startsWith('#'));
}

let tmp = '';
let registry: LocalRegistry | undefined;
let env: NodeJS.ProcessEnv = {};
let packed: { filename: string; files: { path: string }[] } = { filename: '', files: [] };
let packDir = '';
const timings: Record<string, number> = {};

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    timings[label] = Math.round(performance.now() - start);
  }
}

// npm pack in a copy of the checkout (what git would clone, without dist/), so prepack's build is really needed and
// the tests running beside this one never see their dist/ rewritten.
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
  const r = ok(await run('npm', ['pack', '--json', '--pack-destination', tmp], packDir, env), 'npm pack');
  packed = (JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as (typeof packed)[])[0]!;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'acta-e2e-'));
  const home = path.join(tmp, 'home');
  mkdirSync(home);
  env = cleanEnv(home, 'http://127.0.0.1:1/', path.join(tmp, 'npm-cache'));
  // Pack (a TypeScript build) while verdaccio starts and learns acta's dependencies.
  const warm = async (): Promise<void> => {
    registry = await timed('start verdaccio', () => startLocalRegistry(path.join(tmp, 'verdaccio'), env));
    env = { ...env, npm_config_registry: registry.url };
    const deps = Object.entries(OWN.dependencies).map(([name, range]) => `${name}@${range}`);
    // A dry run resolves the whole tree (verdaccio fetches and keeps every packument) without writing node_modules.
    await timed('warm the npm cache', async () => ok(await run('npm', ['install', '--dry-run', '--no-save', '--package-lock=false', '--ignore-scripts', ...deps], mkdtempSync(path.join(tmp, 'warm-')), env), 'npm install --dry-run (warm-up)'));
  };
  await Promise.all([warm(), timed('npm pack (prepack build)', packCopy)]);
  await timed('npm publish', async () => ok(await run('npm', ['publish', path.join(tmp, packed.filename), registry!.authFlag], tmp, env), 'npm publish'));
}, 240_000);

afterAll(async () => {
  await timed('stop verdaccio', async () => registry?.stop());
  if (tmp) await timed('remove the temp folder', () => rm(tmp, { recursive: true, force: true }));
  console.log(`e2e timings (ms): ${JSON.stringify(timings)}`);
}, 60_000);

describe('acta-records, packed, published and installed', () => {
  it('ships the program and its data, and nothing else; needs no devDependency at run time', () => {
    const files = packed.files.map((f) => f.path);
    expect(packed.filename).toBe(`acta-records-${OWN.version}.tgz`);
    for (const f of ['package.json', 'bin/acta.js', 'dist/cli.js', 'schemas/meeting.schema.json', 'templates/init/acta.yaml', 'templates/init/github/workflows/acta.yml', 'templates/report/report.html.hbs', 'data/acta.yaml', 'data/registries/countries.yaml']) expect(files, f).toContain(f);
    expect(files.filter((f) => /^(src|test|bench|node_modules|data\/(meetings|plans|sources))\/|\.(map|ts|tsbuildinfo)$/.test(f))).toEqual([]);
    // Every package imported by the built code is a dependency (or part of Node).
    const imported = new Set<string>();
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.js')) for (const m of readFileSync(p, 'utf8').matchAll(IMPORT)) imported.add(m[1]!.startsWith('@') ? m[1]!.split('/').slice(0, 2).join('/') : m[1]!.split('/')[0]!);
      }
    };
    walk(path.join(packDir, 'dist'));
    expect(imported.size).toBeGreaterThan(3);
    const builtins = new Set(builtinModules);
    expect([...imported].filter((m) => !m.startsWith('node:') && !builtins.has(m) && !(m in OWN.dependencies))).toEqual([]);
  });

  it("the README's first steps make a repository whose workflow passes, and flags a broken record on its line", async () => {
    const work = path.join(tmp, 'work');
    mkdirSync(work);
    // 1. The README, as written: init, git, npm install, validate, first commit.
    const block = readmeBlock('## Start a records repository');
    const started = await timed('README steps (npx init, npm install, validate, commit)', () => run('bash', ['-e', '-c', block], work, env));
    ok(started, 'the README block');
    const repo = path.join(work, 'records');
    // What init printed as next steps is what the README runs after it.
    const after = started.stdout.slice(started.stdout.indexOf('\nnext:\n') + 7).split('\n');
    const printed = after.slice(0, after.findIndex((l) => !l.startsWith('  '))).map((l) => l.trim()).filter((l) => !l.includes('YYYY') && !l.startsWith('#'));
    expect(commands(block).slice(1)).toEqual(printed);
    expect(JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'))).toMatchObject({ devDependencies: { 'acta-records': `^${OWN.version}` } });
    expect(execFileSync('git', ['ls-files', 'package-lock.json'], { cwd: repo, env, encoding: 'utf8' }).trim()).toBe('package-lock.json');

    // 2. A pull request: the deadline moved, on branch `change`; the runner checks it out with the base fetched.
    const meeting = 'meetings/2025-01-15-example.yaml';
    const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, env, encoding: 'utf8' });
    git(repo, 'checkout', '-q', '-b', 'change');
    writeFileSync(path.join(repo, meeting), readFileSync(path.join(repo, meeting), 'utf8').replace('due: "2025-02-28"', 'due: "2025-03-14"'));
    git(repo, 'commit', '-q', '-am', 'Deadline moved');
    const workspace = path.join(tmp, 'runner', 'records');
    git(tmp, 'clone', '-q', '--branch', 'change', repo, workspace);

    // 3. The workflow's own run: steps, in order, every job's (the Pages job's build too, though it is off by
    // default); only the one that talks to GitHub's API is skipped, and a later job's repeat of a step already run in
    // this one workspace (its `npm ci`).
    const workflow = parse(readFileSync(path.join(workspace, '.github/workflows/acta.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    const withRun = steps.filter((s) => s.run !== undefined && !/\bgh pr comment\b/.test(s.run));
    const toRun = withRun.filter((s, i) => withRun.findIndex((t) => t.run === s.run) === i);
    expect(steps.filter((s) => s.run !== undefined).length - withRun.length).toBe(1);
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))).toMatchObject({ with: { 'node-version': 20 } });
    const scripts = path.join(tmp, 'scripts');
    mkdirSync(scripts);
    const summary = path.join(tmp, 'step-summary.md');
    writeFileSync(summary, '');
    const runner: NodeJS.ProcessEnv = { ...env, CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main', GITHUB_HEAD_REF: 'change', GITHUB_REF: 'refs/pull/1/merge', GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summary, RUNNER_TEMP: scripts };
    const results: Run[] = [];
    for (const step of toRun) results.push(ok(await timed(`step: ${step.name}`, () => runStep(step, workspace, runner, scripts)), `workflow step "${step.name}"`));
    expect(toRun.map((s) => s.run)).toEqual(expect.arrayContaining([expect.stringMatching(/acta validate/), expect.stringMatching(/acta fmt --check/), expect.stringMatching(/acta diff/), expect.stringMatching(/acta site --out _site/)]));
    const validated = results[toRun.findIndex((s) => /acta validate/.test(s.run!))]!;
    expect(validated.stdout).not.toContain('::error');
    expect(readFileSync(summary, 'utf8')).toContain('2025-01-15-example');

    // 4. A broken record: an unknown country on a known line; the validate step fails with an annotation there.
    const text = readFileSync(path.join(workspace, meeting), 'utf8').replace(/^session: virtual$/m, 'session: virtual\nparticipants: [ZZ]');
    writeFileSync(path.join(workspace, meeting), text);
    const line = text.split('\n').indexOf('participants: [ZZ]') + 1;
    const broken = await timed('step: validate (broken)', () => runStep(toRun.find((s) => /acta validate/.test(s.run!))!, workspace, runner, scripts));
    expect(broken.code, broken.stdout + broken.stderr).not.toBe(0);
    expect(broken.stdout).toMatch(new RegExp(`^::error file=${meeting},line=${line},[^\\n]*ref/unknown-country`, 'm'));
  }, 240_000);
});

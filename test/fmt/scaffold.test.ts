// acta new and acta init: valid skeletons, modelines that resolve, a CI workflow that names real commands,
// and nothing ever overwritten.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActaRun } from '../run-acta.js';
import { runActa } from '../run-acta.js';
import { COMMANDS } from '../../src/commands/index.js';
import { actaOrigin } from '../../src/io/scaffold.js';

const dirs: string[] = [];

function temp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-scaffold-'));
  dirs.push(dir);
  return dir;
}

function acta(args: string[], cwd: string): Promise<ActaRun> {
  return runActa(args, { cwd });
}

/** acta in English (ACTA_LANG=en), whatever the new repository's acta.yaml says. */
function actaEn(args: string[], cwd: string): Promise<ActaRun> {
  return runActa(args, { cwd, env: { ACTA_LANG: 'en' } });
}

function modelineTarget(file: string): string {
  const m = /^# yaml-language-server: \$schema=(\S+)$/m.exec(readFileSync(file, 'utf8'));
  expect(m, `${file} has a modeline`).not.toBeNull();
  return path.resolve(path.dirname(file), m![1]!);
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('acta init', () => {
  it('in an empty folder: a repository that validates, with modelines that resolve and a workflow naming real commands', async () => {
    const dir = path.join(temp(), 'records');
    const r = await acta(['init', dir], os.tmpdir());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('repositorio de registros creado en');
    const v = await acta(['validate', '--format', 'json'], dir);
    expect(v.code, v.stdout).toBe(0);
    expect((JSON.parse(v.stdout) as { summary: { files: number; warnings: number } }).summary).toMatchObject({ files: 6, warnings: 0 });
    expect((await acta(['fmt', '--check'], dir)).code).toBe(0);
    for (const file of ['acta.yaml', 'registries/bodies.yaml', 'meetings/2025-01-15-example.yaml']) expect(existsSync(modelineTarget(path.join(dir, file)))).toBe(true);
    expect(readdirSync(path.join(dir, 'schemas')).sort()).toEqual(readdirSync('schemas').filter((f) => f.endsWith('.schema.json')).sort());
    const own = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
    expect(own.name).toBe('acta-records');
    // Run from this checkout, init vendors acta: the tarball npm pack makes of it, named by the package.json.
    const tarball = `vendor/acta-records-${own.version}.tgz`;
    expect(r.stdout).toContain(`  ${tarball} (acta misma`);
    expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))).toEqual(expect.objectContaining({ devDependencies: { 'acta-records': `file:${tarball}` } }));
    const listed = spawnSync('tar', ['-tzf', path.join(dir, tarball)], { encoding: 'utf8' }).stdout.split('\n');
    expect(listed).toEqual(expect.arrayContaining(['package/package.json', 'package/bin/acta.js', 'package/dist/bundle/cli.js', 'package/templates/init/package.json']));
    // Another init in the same process vendors the same bytes (npm pack runs once a process: src/io/scaffold.ts).
    const second = path.join(temp(), 'records');
    expect((await acta(['init', second], os.tmpdir())).code).toBe(0);
    expect(readFileSync(path.join(second, tarball)).equals(readFileSync(path.join(dir, tarball)))).toBe(true);
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toContain('node_modules/');
    checkWorkflow(path.join(dir, '.github/workflows/acta.yml'));
  });

  it('prints next steps that are true where it runs: git init only outside a repository, the workflow moved from a subfolder', async () => {
    const steps = (out: string): string[] => out.slice(out.indexOf('next:\n') + 6).split('\n').filter(Boolean).map((l) => l.trim());
    const outside = temp();
    const fresh = steps((await actaEn(['init', 'records', '--no-vendor'], outside)).stdout);
    expect(fresh.slice(0, 5)).toEqual(['cd records', 'git init -b main', 'npm install', 'npx --no acta validate', 'git add -A && git commit -m "A records repository"']);
    expect(fresh.join('\n')).not.toMatch(/working-directory|mkdir|vendor/);
    // Every acta command as `npx --no acta`: npx never downloads some other package named acta.
    expect(fresh.filter((l) => /\bnpx\b/.test(l)).every((l) => l.startsWith('npx --no acta '))).toBe(true);
    // The registries hold examples only: a word to fill them; --from-crm's are the CRM's own.
    expect(fresh).toContain('# registries/ holds examples only: add your member countries, organisations, bodies and groups before your first meeting');
    expect(steps((await actaEn(['init', 'crm', '--from-crm', '--no-vendor'], outside)).stdout).join('\n')).not.toContain('registries/');

    const repo = temp();
    spawnSync('git', ['init', '-q', repo]);
    const here = steps((await actaEn(['init', '--no-vendor'], repo)).stdout);
    expect(here[0]).toBe('npm install');
    expect(here.join('\n')).not.toMatch(/git init|mkdir|^cd /m);
    expect(readFileSync(path.join(repo, '.github/workflows/acta.yml'), 'utf8')).toBe(readFileSync('templates/init/github/workflows/acta.yml', 'utf8'));

    const sub = temp();
    spawnSync('git', ['init', '-q', sub]);
    const nested = steps((await actaEn(['init', 'secretariat records', '--no-vendor'], sub)).stdout);
    expect(nested.slice(0, 3)).toEqual(["cd 'secretariat records'", "mkdir -p ../.github/workflows && mv -n .github/workflows/acta.yml ../.github/workflows/   # GitHub runs workflows only from the repository's top; both jobs already run in secretariat records", 'npm install']);
    expect(nested.join('\n')).not.toContain('git init');
  });

  it('speaks the new repository\'s language (lang: es): the summary and next steps in Spanish, the commands as they are', async () => {
    const r = await acta(['init', 'records', '--no-vendor'], temp());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^repositorio de registros creado en records:\n/);
    expect(r.stdout).toMatch(/\n {2}schemas\/ \(\d+ esquemas JSON, para los editores\)\nsiguientes pasos:\n {2}cd records\n {2}git init -b main\n {2}npm install\n/);
    expect(r.stdout).toContain('  # registries/ solo contiene ejemplos: añada sus países miembros, organizaciones, instancias y grupos antes de su primera reunión\n');
    expect(r.stdout).toContain('  npx --no acta new meeting --body st --date AAAA-MM-DD   # su primera reunión; luego git rm meetings/2025-01-15-example.yaml\n');
    expect(r.stdout).not.toMatch(/\bnext:|created|holds examples/);
  });

  it('records in a subfolder of a repository: the workflow runs both jobs there, the site uploaded from there too', async () => {
    const top = temp();
    spawnSync('git', ['init', '-q', top]);
    expect((await acta(['init', 'docs/records', '--no-vendor'], top)).code).toBe(0);
    const text = readFileSync(path.join(top, 'docs/records/.github/workflows/acta.yml'), 'utf8');
    const workflow = parse(text) as { defaults?: unknown; jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }> };
    expect(workflow.defaults).toEqual({ run: { 'working-directory': 'docs/records' } });
    // hashFiles() reads from the top of the repository: the cache is keyed on the records folder's lock file.
    expect(text).toContain("hashFiles('docs/records/package-lock.json')");
    expect(text).not.toContain("hashFiles('package-lock.json')");
    const upload = workflow.jobs['site']!.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'));
    expect(upload?.with).toEqual({ path: 'docs/records/_site' });
    // Nothing else changed: the same jobs and steps as the template.
    const template = parse(readFileSync('templates/init/github/workflows/acta.yml', 'utf8')) as typeof workflow;
    expect(Object.keys(workflow.jobs)).toEqual(Object.keys(template.jobs));
    expect(text.split('\n').length).toBe(readFileSync('templates/init/github/workflows/acta.yml', 'utf8').split('\n').length + 5);
  });

  it('the command reference shows the workflow init writes', () => {
    const body = readFileSync('templates/init/github/workflows/acta.yml', 'utf8').replace(/^(#.*\n)+/, '');
    const readme = readFileSync('docs/reference/commands.md', 'utf8');
    const at = readme.indexOf('### The CI recipe');
    expect(/```yaml\n([\s\S]*?)```/.exec(readme.slice(at))?.[1]).toBe(body);
  });

  it('knows where this acta came from: a checkout, a file: install (npx or npm, from its hidden lock file), or the registry', () => {
    expect(actaOrigin()).toEqual({ kind: 'checkout' });
    const project = temp();
    const installed = path.join(project, 'node_modules', 'acta-records');
    mkdirSync(installed, { recursive: true });
    writeFileSync(path.join(installed, 'package.json'), '{"name":"acta-records","version":"0.1.0"}');
    const lock = (resolved: string): void => writeFileSync(path.join(project, 'node_modules/.package-lock.json'), JSON.stringify({ packages: { 'node_modules/acta-records': { version: '0.1.0', resolved } } }));
    // npx's folder names the tarball relative to itself, as npm writes it.
    writeFileSync(path.join(project, '..', `${path.basename(project)}.tgz`), 'tarball');
    lock(`file:../${path.basename(project)}.tgz`);
    expect(actaOrigin(installed, 'acta-records')).toEqual({ kind: 'file', tarball: `${project}.tgz` });
    rmSync(`${project}.tgz`);
    expect(actaOrigin(installed, 'acta-records')).toEqual({ kind: 'file' });
    lock('file:../acta');
    expect(actaOrigin(installed, 'acta-records')).toEqual({ kind: 'file' });
    lock('https://registry.npmjs.org/acta-records/-/acta-records-0.1.0.tgz');
    expect(actaOrigin(installed, 'acta-records')).toEqual({ kind: 'registry' });
    rmSync(path.join(project, 'node_modules/.package-lock.json'));
    expect(actaOrigin(installed, 'acta-records')).toEqual({ kind: 'registry' });
  });

  it('--from-crm: the CRM registries, and it still validates', async () => {
    const dir = path.join(temp(), 'crm');
    expect((await acta(['init', dir, '--from-crm', '--no-vendor'], os.tmpdir())).code).toBe(0);
    expect(readFileSync(path.join(dir, 'registries/countries.yaml'), 'utf8')).toContain('code: BZ');
    expect(existsSync(modelineTarget(path.join(dir, 'registries/countries.yaml')))).toBe(true);
    expect((await acta(['validate'], dir)).code).toBe(0);
  });

  it('refuses a repository that exists, and a folder in use unless --force; --force never overwrites', async () => {
    const dir = temp();
    writeFileSync(path.join(dir, 'notes.txt'), 'mine\n');
    const r = await acta(['init', dir], os.tmpdir());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no está vacía (notes.txt)');
    expect((await acta(['init', dir, '--lang', 'en'], os.tmpdir())).stderr).toContain('is not empty (notes.txt): use an empty folder, or --force');
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    mkdirSync(path.join(dir, 'registries'));
    writeFileSync(path.join(dir, 'registries/bodies.yaml'), 'mine\n');
    const forced = await acta(['init', dir, '--force'], os.tmpdir());
    expect(forced.code).toBe(2);
    expect(forced.stderr).toContain('registries/bodies.yaml');
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'registries']);
    rmSync(path.join(dir, 'registries'), { recursive: true });
    expect((await acta(['init', dir, '--force', '--no-vendor'], os.tmpdir())).code).toBe(0);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
    const again = await acta(['init', dir, '--force'], os.tmpdir());
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('ya es un repositorio de registros (tiene acta.yaml)');
    expect((await actaEn(['init', dir, '--force'], os.tmpdir())).stderr).toContain('is already a records repository (it has acta.yaml)');
  });
});

function checkWorkflow(file: string): void {
  const workflow = parse(readFileSync(file, 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, { steps: { run?: string; uses?: string; if?: string }[] }> };
  expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
  const runs = steps.flatMap((s) => (s.run ?? '').split('\n')).filter((l) => /\bnpx (--no )?acta /.test(l));
  // `npx --no`: only the acta that npm ci installed, never a download of a package of the same name.
  expect(runs.every((l) => l.includes('npx --no acta '))).toBe(true);
  const commands = runs.map((l) => /npx --no acta ([^>|&]*)/.exec(l)![1]!.trim());
  expect(commands.map((c) => c.split(' ')[0])).toEqual(['validate', 'fmt', 'diff', 'site']);
  for (const line of commands) {
    const [name, ...args] = line.replace(/"\$BASE_REF"|\$BASE_REF/, 'main').replace(/"/g, '').split(/\s+/);
    const entry = COMMANDS.find((c) => c.name === name);
    expect(entry, name).toBeDefined();
    // The arguments parse with the command's own definition (unknown options would throw).
    const cmd = entry!.define(new Command(name).exitOverride().action(() => {}));
    expect(() => cmd.parse(args, { from: 'user' }), line).not.toThrow();
  }
  expect(runs.find((l) => l.includes('acta diff'))).toContain('--format md');
  expect(steps.some((s) => (s.run ?? '').includes('gh pr comment') || (s.uses ?? '').startsWith('actions/github-script'))).toBe(true);
  expect(JSON.stringify(workflow)).not.toContain('pull_request_target');
  // acta's cache kept between runs (io/cache*.ts): ACTA_CACHE_DIR set (which turns the cache on under CI=true) to the
  // folder actions/cache restores and saves, keyed on acta's version and the lock file, restored from the latest of
  // the same version.
  const records = workflow.jobs['records']!.steps;
  const cacheAt = records.findIndex((s) => (s.uses ?? '').startsWith('actions/cache@'));
  const cache = records[cacheAt] as { with: { path: string; key: string; 'restore-keys': string } };
  const where = records.find((s) => (s.run ?? '').includes('ACTA_CACHE_DIR='))!;
  expect(where.run).toContain('ACTA_CACHE_DIR=$RUNNER_TEMP/acta-cache" >> "$GITHUB_ENV"');
  expect(cache.with.path).toBe('${{ runner.temp }}/acta-cache');
  expect(cache.with.key).toMatch(/^acta-\$\{\{ runner.os \}\}-\$\{\{ steps.acta.outputs.version \}\}-\$\{\{ hashFiles\('(.+\/)?package-lock.json'\) \}\}-\$\{\{ github.run_id \}\}$/);
  expect(cache.with['restore-keys'].trim().split('\n')).toEqual([cache.with.key.replace('${{ github.run_id }}', ''), cache.with.key.replace(/\$\{\{ hashFiles.*$/, '')]);
  // Restored before the first acta command, after the install that the version is read from.
  expect(cacheAt).toBeLessThan(records.findIndex((s) => (s.run ?? '').includes('acta validate')));
  expect(records.indexOf(where)).toBeGreaterThan(records.findIndex((s) => (s.run ?? '').startsWith('npm ci')));
  // The Pages job is there, and off until its one `if:` line says `true`.
  const site = (workflow.jobs as Record<string, { if?: string }>)['site'];
  expect(site?.if).toMatch(/^\$\{\{ false && /);
}

describe('acta new', () => {
  async function records(): Promise<string> {
    const root = path.join(temp(), 'records');
    expect((await acta(['init', root, '--no-vendor'], os.tmpdir())).code).toBe(0);
    cpSync(path.resolve('data/registries'), path.join(root, 'registries'), { recursive: true, force: true });
    return root;
  }

  it('meeting: a valid skeleton named by its id, its modeline pointing at the root\'s schemas', async () => {
    const root = await records();
    const r = await acta(['new', 'meeting', '--body', 'red-nna', '--date', '2018-03-01', '--end', '2018-03-02', '--place', 'Tegucigalpa', '--country', 'HN', '--ordinal', '2', '--session', 'ordinary', '--title', 'II Reunión'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('creado meetings/2018-03-01-red-nna.yaml\nsiguiente paso: complete los participantes, la fuente y los acuerdos a partir del informe adoptado; luego ejecute `acta validate`\n');
    const file = path.join(root, 'meetings/2018-03-01-red-nna.yaml');
    expect(modelineTarget(file)).toBe(path.join(root, 'schemas/meeting.schema.json'));
    expect(parse(readFileSync(file, 'utf8'))).toMatchObject({ record: 'meeting', id: '2018-03-01-red-nna', body: 'red-nna', ordinal: 2, title: { es: 'II Reunión' }, dates: { start: '2018-03-01', end: '2018-03-02' }, place: { city: 'Tegucigalpa', country: 'HN' }, agreements: [] });
    expect((await acta(['validate'], root)).code).toBe(0);
    expect((await acta(['fmt', '--check'], root)).code).toBe(0);
  });

  it('plan: a valid skeleton with a column per year', async () => {
    const root = await records();
    expect((await acta(['new', 'plan', '--body', 'red-nna', '--period', '2018-2020'], root)).code).toBe(0);
    const file = path.join(root, 'plans/2018-2020-red-nna.yaml');
    expect(parse(readFileSync(file, 'utf8'))).toMatchObject({ record: 'plan', id: '2018-2020-red-nna', columns: ['2018', '2019', '2020'], period: { start: '2018', end: '2020' } });
    expect((await acta(['validate'], root)).code).toBe(0);
  });

  it('refuses to overwrite (exit 2), and writes nothing that would not validate', async () => {
    const root = await records();
    expect((await acta(['new', 'meeting', '--body', 'red-nna', '--date', '2018-03-01'], root)).code).toBe(0);
    const first = readFileSync(path.join(root, 'meetings/2018-03-01-red-nna.yaml'), 'utf8');
    const again = await acta(['new', 'meeting', '--body', 'red-nna', '--date', '2018-03-01', '--place', 'Other'], root);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('meetings/2018-03-01-red-nna.yaml ya existe: acta new no sobrescribe un registro');
    expect((await acta(['new', 'meeting', '--body', 'red-nna', '--date', '2018-03-01', '--lang', 'en'], root)).stderr).toContain('meetings/2018-03-01-red-nna.yaml already exists: acta new does not overwrite a record');
    expect(readFileSync(path.join(root, 'meetings/2018-03-01-red-nna.yaml'), 'utf8')).toBe(first);
    const unknown = await acta(['new', 'meeting', '--body', 'red-nnaa', '--date', '2018-04-01', '--country', 'ZZ'], root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/instancia desconocida `red-nnaa`[\s\S]*país desconocido `ZZ`/);
    expect(existsSync(path.join(root, 'meetings/2018-04-01-red-nnaa.yaml'))).toBe(false);
  });

  it('an unknown body: names the registry file and the entry to add, which, pasted and named, makes it work', async () => {
    const root = await records();
    const r = await acta(['new', 'meeting', '--body', 'red-salud', '--date', '2026-02-03'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('instancia desconocida `red-salud`');
    expect(r.stderr).toContain('añádala a registries/bodies.yaml (o indique uno de sus ids en --body), por ejemplo:');
    const entry = r.stderr.split('\n').filter((l) => /^ {4}(-| )/.test(l)).map((l) => l.slice(2));
    expect(entry[0]).toBe('  - id: red-salud');
    const registry = path.join(root, 'registries/bodies.yaml');
    writeFileSync(registry, `${readFileSync(registry, 'utf8').trimEnd()}\n${entry.join('\n').replace('"…", en: "…"', '"Red de Salud", en: "Health Network"')}\n`);
    const again = await acta(['new', 'meeting', '--body', 'red-salud', '--date', '2026-02-03'], root);
    expect(again.code, again.stderr).toBe(0);
    expect((await acta(['validate', 'registries/bodies.yaml'], root)).code).toBe(0);
  });

  it('keeps what a user types as text: no YAML injection, no path tricks', async () => {
    const root = await records();
    const r = await acta(['new', 'meeting', '--body', 'red-nna', '--date', '2018-05-01', '--place', 'x\nrecord: plan\n# "quoted": [1]'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(parse(readFileSync(path.join(root, 'meetings/2018-05-01-red-nna.yaml'), 'utf8'))).toMatchObject({ record: 'meeting', place: { city: 'x\nrecord: plan\n# "quoted": [1]' } });
    for (const args of [['--id', '../../escape'], ['--body', '../x'], ['--date', '2018-02-30'], ['--ordinal', '0']]) {
      expect((await acta(['new', 'meeting', '--body', 'red-nna', '--date', '2018-06-01', ...args], root)).code, args.join(' ')).toBe(2);
    }
    expect(existsSync(path.join(root, '..', 'escape.yaml'))).toBe(false);
    expect((await acta(['new', 'minutes'], root)).code).toBe(2);
    expect((await acta(['new', 'meeting', '--date', '2018-06-01'], root)).code).toBe(2);
  });
});

// The parse cache (io/cache.ts): output is the same with and without it, a changed byte or a corrupt entry is parsed
// again, concurrent runs leave it whole, and a file at a git revision shares its entry with the same bytes on disk.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheEnabled, cacheFolder, openParseCache } from '../../src/io/cache.js';
import { parseRecordFile } from '../../src/core/read/parse.js';
import { withRuntime, processRuntime } from '../../src/io/runtime.js';
import { BIN, runActa } from '../run-acta.js';
import { TempRepo } from '../git/repo.js';
import { tempFolders } from './temp-folders.js';

const { temp, track, cleanup } = tempFolders();
afterEach(() => {
  cleanup();
});

const on = (dir: string): Record<string, string> => ({ ACTA_CACHE: '1', ACTA_CACHE_DIR: dir });
const off = { ACTA_CACHE: '0' };

function entries(dir: string): string[] {
  const parse = path.join(dir, 'parse');
  if (!existsSync(parse)) return [];
  return readdirSync(parse).flatMap((sub) => readdirSync(path.join(parse, sub)).map((f) => path.join(parse, sub, f)));
}

function copyRoot(from: string): string {
  const root = temp('acta-cache-root-');
  cpSync(path.resolve(from), root, { recursive: true });
  return root;
}

const COMMANDS: readonly (readonly string[])[] = [
  ['validate', '--root', 'test/fixtures/validate-errors', '--format', 'json'],
  ['validate', '--root', 'test/fixtures/validate-errors', '--format', 'pretty'],
  ['overdue', '--root', 'data', '--as-of', '2017-08-01', '--format', 'json'],
  ['report', '--root', 'data', '--as-of', '2017-08-01', '--format', 'md'],
];

describe('parse cache', () => {
  it('is on by default, off under CI=true unless ACTA_CACHE_DIR is set, and ACTA_CACHE wins over both', () => {
    expect(cacheEnabled({})).toBe(true);
    expect(cacheEnabled({ CI: 'true' })).toBe(false);
    expect(cacheEnabled({ CI: '1' })).toBe(false);
    expect(cacheEnabled({ CI: 'false' })).toBe(true);
    expect(cacheEnabled({ ACTA_CACHE: '0' })).toBe(false);
    expect(cacheEnabled({ CI: 'true', ACTA_CACHE: '1' })).toBe(true);
    expect(cacheEnabled({ CI: 'true', ACTA_CACHE_DIR: '/x/acta' })).toBe(true);
    expect(cacheEnabled({ CI: 'true', ACTA_CACHE_DIR: '' })).toBe(false);
    expect(cacheEnabled({ CI: 'true', ACTA_CACHE_DIR: '/x/acta', ACTA_CACHE: '0' })).toBe(false);
    expect(cacheEnabled({ ACTA_CACHE_DIR: '/x/acta', ACTA_CACHE: 'off' })).toBe(false);
    expect(cacheFolder({ XDG_CACHE_HOME: '/x/cache' })).toBe(path.join('/x/cache', 'acta'));
    expect(cacheFolder({ HOME: '/home/u' })).toBe(path.join('/home/u', '.cache', 'acta'));
  });

  it.each(COMMANDS.map((c) => [c.join(' '), c] as const))('gives byte-identical output cold, warm and without it: %s', async (_, args) => {
    const dir = temp('acta-cache-');
    const without = await runActa(args, { env: off });
    const cold = await runActa(args, { env: on(dir) });
    expect(entries(dir).length).toBeGreaterThan(2);
    const warm = await runActa(args, { env: on(dir) });
    const flag = await runActa(['--no-cache', ...args], { env: on(temp('acta-cache-unused-')) });
    for (const run of [cold, warm, flag]) expect(run).toEqual(without);
  });

  it('--no-cache neither reads nor writes it', async () => {
    const dir = temp('acta-cache-');
    await runActa(['--no-cache', ...COMMANDS[0]!], { env: on(dir) });
    expect(entries(dir)).toEqual([]);
  });

  it('uses an entry it holds (so a warm run parses nothing)', async () => {
    const dir = temp('acta-cache-');
    const root = copyRoot('test/fixtures/validate-errors');
    const file = 'meetings/2017-06-21-red-trata.yaml';
    const bytes = readFileSync(path.join(root, file));
    // Plant an entry whose parse problem the file does not have: a run that shows it read the entry.
    const fake = parseRecordFile(file, new TextEncoder().encode('a: 1\na: 2\n'));
    expect(fake.diagnostics.length).toBe(1);
    await withRuntime({ ...processRuntime(), env: on(dir) }, async () => {
      const cache = openParseCache()!;
      cache.put(file, bytes, { ...parseRecordFile(file, bytes), diagnostics: fake.diagnostics });
      await cache.flush();
    });
    const run = await runActa(['validate', '--root', root, '--format', 'json'], { env: on(dir) });
    expect(JSON.parse(run.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain(fake.diagnostics[0]!.code);
  });

  it('parses a file again when one byte of it changes', async () => {
    const dir = temp('acta-cache-');
    const root = copyRoot('test/fixtures/validate-errors');
    const args = ['validate', '--root', root, '--format', 'json'];
    await runActa(args, { env: on(dir) });
    const file = path.join(root, 'meetings/2017-03-16-red-nna.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('body: red-nna', 'body: red-nnb'));
    const warm = await runActa(args, { env: on(dir) });
    expect(warm).toEqual(await runActa(args, { env: off }));
    expect(warm.stdout).toContain('red-nnb');
  });

  it('parses again, without a crash, when entries are corrupt, truncated or empty', async () => {
    const dir = temp('acta-cache-');
    const args = COMMANDS[0]!;
    const without = await runActa(args, { env: off });
    await runActa(args, { env: on(dir) });
    const all = entries(dir);
    all.forEach((entry, i) => {
      const raw = readFileSync(entry);
      // One letter changed inside the text of a record: still a well-formed payload, with other data.
      if (i % 3 === 0) {
        const at = raw.indexOf('meetings', 32) >= 0 ? raw.indexOf('meetings', 32) : raw.indexOf('es', 32);
        raw[at + 1] = (raw[at + 1] ?? 0) + 1;
      }
      writeFileSync(entry, i % 3 === 0 ? raw : i % 3 === 1 ? raw.subarray(0, raw.length >> 1) : '');
    });
    // (Validate's results are kept too, io/cache-results.ts: removed, so that these runs parse through the entries.)
    const noResults = (): void => rmSync(path.join(dir, 'results'), { recursive: true, force: true });
    noResults();
    expect(await runActa(args, { env: on(dir) })).toEqual(without);
    // The bad entries were written again, whole.
    noResults();
    const again = await runActa(args, { env: on(dir) });
    expect(again).toEqual(without);
    expect(entries(dir).every((e) => readFileSync(e).length > 32)).toBe(true);
  });

  it('is left whole by several runs at once', async () => {
    const dir = temp('acta-cache-');
    const args = ['validate', '--root', 'data', '--format', 'json'];
    const without = await runActa(args, { env: off });
    const run = (): Promise<string> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, CI: '', NO_COLOR: '1', ...on(dir) } });
        let out = '';
        child.stdout.on('data', (b: Buffer) => (out += b.toString()));
        child.on('close', () => resolve(out));
      });
    const outs = await Promise.all([run(), run(), run()]);
    for (const out of outs) expect(out).toBe(without.stdout);
    expect(entries(dir).filter((e) => e.endsWith('.tmp'))).toEqual([]);
    // Every entry is intact: a warm run of the same build reads every file from it (none is written again).
    const before = entries(dir).map((e) => [e, readFileSync(e).length]);
    expect(await run()).toBe(without.stdout);
    expect(entries(dir).map((e) => [e, readFileSync(e).length])).toEqual(before);
  });

  it('shares entries between a git revision (--rev) and the same bytes on disk', async () => {
    const dir = temp('acta-cache-');
    const repo = new TempRepo('acta-cache-git-');
    track(repo.home);
    repo.withRegistries();
    repo.commit('registries');
    const git = await runActaIn(repo, ['validate', '--rev', 'HEAD', '--format', 'json'], dir);
    const count = entries(dir).length;
    expect(git.code).toBe(0);
    expect(count).toBeGreaterThan(2);
    const disk = await runActaIn(repo, ['validate', '--format', 'json'], dir);
    expect(entries(dir).length).toBe(count);
    expect(disk.stdout).toBe(git.stdout);
  });
});

describe('parse cache and diff', () => {
  it('gives the same diff without it, cold and warm, and a warm diff parses no blob again', async () => {
    const dir = temp('acta-cache-');
    const repo = new TempRepo('acta-cache-diff-');
    track(repo.home);
    repo.withRegistries();
    cpSync(path.resolve('data/meetings'), path.join(repo.dir, 'meetings'), { recursive: true });
    repo.commit('records');
    const file = path.join(repo.dir, 'meetings', '2017-06-21-red-trata.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('city: San Salvador', 'city: Santa Tecla'));
    repo.commit('the place changed');
    const args = ['diff', 'HEAD~1', 'HEAD', '--format', 'json'];
    const without = await runActa(args, { cwd: repo.dir, env: { ...gitEnvOf(repo), ...off } });
    expect(without.stdout).toContain('Santa Tecla');
    const cold = await runActaIn(repo, args, dir);
    const count = entries(dir).length;
    // A diff parses only what differs: the changed meeting at both revisions, and acta.yaml (one entry: same bytes).
    expect(count).toBe(3);
    const warm = await runActaIn(repo, args, dir);
    expect([cold, warm]).toEqual([without, without]);
    expect(entries(dir).length).toBe(count);
  });
});

function runActaIn(repo: TempRepo, args: string[], dir: string): ReturnType<typeof runActa> {
  return runActa(args, { cwd: repo.dir, env: { ...gitEnvOf(repo), ...on(dir) } });
}

function gitEnvOf(repo: TempRepo): Record<string, string | undefined> {
  return { HOME: repo.home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(repo.home, 'gitconfig') };
}

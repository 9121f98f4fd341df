// Root discovery never guesses: --root, or the nearest acta.yaml upwards (which may point at the records folder), else exit 2.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ActaRun } from '../run-acta.js';
import { runActa } from '../run-acta.js';

const CLONE = path.resolve('.');
const temp = mkdtempSync(path.join(os.tmpdir(), 'acta-root-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function acta(args: string[], cwd: string): Promise<ActaRun> {
  return runActa(args, { cwd });
}

/** Every command but init, with arguments that would otherwise be fine. */
const COMMANDS: string[][] = [
  [],
  ['dashboard'],
  ['validate'],
  ['validate', '--changed-since', 'HEAD'],
  ['diff', 'HEAD'],
  ['fmt'],
  ['fmt', '--check'],
  ['new', 'meeting', '--body', 'st', '--date', '2020-01-01'],
  ['overdue', '--fail-on-overdue'],
  ['upcoming'],
  ['list', 'meetings'],
  ['show', '2017-03-16'],
  ['export'],
  ['report'],
  ['workplan'],
  ['--rev', 'HEAD', 'overdue'],
];

describe('with no acta.yaml in the working folder or above it', () => {
  const empty = path.join(temp, 'empty');
  mkdirSync(empty);

  it('says so in English too, for an officer who reads English', async () => {
    const r = await runActa(['overdue'], { cwd: empty, env: { ACTA_LANG: 'en' } });
    expect([r.code, r.stderr]).toEqual([2, `acta: no acta.yaml in ${empty} or any folder above it: pass --root DIR, or create one with acta init\n`]);
  });

  it('the test runs where nothing above has acta.yaml', async () => {
    for (let d = empty; ; d = path.dirname(d)) {
      expect(existsSync(path.join(d, 'acta.yaml'))).toBe(false);
      if (path.dirname(d) === d) break;
    }
  });

  it.each(COMMANDS.map((c) => [c.join(' ') || '(no command)', c] as const))('acta %s exits 2 with the message', async (_, args) => {
    const r = (await acta(['--as-of', '2020-01-01', ...args], empty));
    expect(r.stderr).toBe(`acta: no hay acta.yaml en ${empty} ni en ninguna carpeta superior: indique --root CARPETA, o cree uno con acta init\n`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('--help and --version still work, and init still creates a repository', async () => {
    expect((await acta(['--help'], empty)).code).toBe(0);
    expect((await acta(['--version'], empty)).code).toBe(0);
    expect((await acta(['overdue', '--help'], empty)).code).toBe(0);
    const init = (await acta(['init', 'records'], empty));
    expect(init.code).toBe(0);
    expect((await acta(['validate'], path.join(empty, 'records'))).code).toBe(0);
  });
});

describe("the clone's root", () => {
  const json = async (args: string[], cwd: string): Promise<unknown> => JSON.parse((await acta(['--as-of', '2025-06-01', ...args], cwd)).stdout);

  it('points at data/: the dashboard from the clone root (or a folder below it) equals the one with --root data', async () => {
    const withRoot = (await json(['--root', 'data', 'dashboard', '-f', 'json'], CLONE));
    expect(await json(['dashboard', '-f', 'json'], CLONE)).toEqual(withRoot);
    expect(await json(['dashboard', '-f', 'json'], path.join(CLONE, 'test'))).toEqual(withRoot);
    expect(await json(['--root', '.', 'dashboard', '-f', 'json'], CLONE)).toEqual(withRoot);
    expect(JSON.stringify(withRoot)).not.toContain('Fixture');
  });

  it('validate from the clone root reads data/ and nothing else (the fixtures with errors are not read)', async () => {
    const r = (await acta(['validate', '-f', 'json'], CLONE));
    const fromClone = JSON.parse(r.stdout) as { summary: { files: number; errors: number } };
    const fromData = JSON.parse((await acta(['--root', 'data', 'validate', '-f', 'json'], CLONE)).stdout) as { summary: { files: number } };
    expect(fromClone.summary).toEqual(fromData.summary);
    expect(fromClone.summary.errors).toBe(0);
    expect(r.code).toBe(0);
  });

  it('--root still reaches a fixture', async () => {
    const r = (await acta(['--root', 'test/fixtures/report', '--as-of', '2018-03-15', 'report', '-f', 'json'], CLONE));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Secretaría de Prueba');
  });
});

describe('an acta.yaml that points at the records (records: DIR)', () => {
  const make = (name: string, files: Record<string, string>): string => {
    const dir = path.join(temp, name);
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), text);
    }
    return dir;
  };
  const MEETING = 'record: meeting\nid: 2020-01-01-st\nbody: st\ndates: { start: "2020-01-01" }\nsource: { document: d }\nagreements: []\n';

  it("reads the folder it names, whose own acta.yaml is the configuration", async () => {
    const dir = make('pointer', { 'acta.yaml': 'records: recs\n', 'recs/acta.yaml': 'lang: en\n', 'recs/meetings/2020-01-01-st.yaml': MEETING, 'other/meetings/x.yaml': 'not: a record\n' });
    const r = (await acta(['list', 'meetings', '-f', 'json'], dir));
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ lang: 'en' });
  });

  it('refuses a pointer that leads out of its folder, to nothing, on again, or that also holds settings', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ 'acta.yaml': 'records: ../x\n' }, /records: \.\.\/x: nombre una carpeta dentro de/],
      [{ 'acta.yaml': 'records: nowhere\n' }, /records: nowhere: no existe esa carpeta/],
      [{ 'acta.yaml': 'records: a\n', 'a/acta.yaml': 'records: b\n', 'a/b/acta.yaml': '' }, /`records:` vuelve a apuntar a otra carpeta/],
      // This acta.yaml says lang: en, so its refusal is in English.
      [{ 'acta.yaml': 'records: a\nlang: en\n', 'a/acta.yaml': '' }, /points to the records in a\/, so it holds nothing else: move lang to a\/acta.yaml/],
    ];
    for (const [i, [files, message]] of cases.entries()) {
      const r = (await acta(['overdue'], make(`bad-${i}`, files)));
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(2);
    }
    const english = await runActa(['overdue'], { cwd: make('bad-en', { 'acta.yaml': 'records: nowhere\n' }), env: { ACTA_LANG: 'en' } });
    expect([english.code, english.stderr]).toEqual([2, `acta: ${path.join(temp, 'bad-en', 'acta.yaml')}: records: nowhere: no such folder\n`]);
  });
});

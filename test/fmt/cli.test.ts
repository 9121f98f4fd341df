// acta fmt as a user runs it: atomic writes that keep the mode, --check, files left alone when they must be.
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActaRun } from '../run-acta.js';
import { runActa } from '../run-acta.js';
import { firstChange } from '../../src/commands/fmt.js';
import type { SaidError } from '../../src/io/files.js';
import { writeFileAtomic } from '../../src/io/write.js';
import { saidText } from '../../src/render/diagnostic-text.js';

const dirs: string[] = [];

function tempRoot(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-fmt-'));
  dirs.push(dir);
  const root = path.join(dir, 'root');
  cpSync(path.resolve('data/registries'), path.join(root, 'registries'), { recursive: true });
  writeFileSync(path.join(root, 'acta.yaml'), 'lang: en\n');
  mkdirSync(path.join(root, 'meetings'));
  cpSync(path.resolve('test/fixtures/fmt/messy-meeting.yaml'), path.join(root, 'meetings/2017-03-16-red-nna.yaml'));
  return root;
}

function acta(args: string[], cwd: string): Promise<ActaRun> {
  return runActa(args, { cwd });
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('acta fmt', () => {
  it('speaks the records\' language: summary, hints and refusals in Spanish under lang: es, English with --lang en', async () => {
    const root = tempRoot();
    writeFileSync(path.join(root, 'acta.yaml'), 'lang: es\n');
    writeFileSync(path.join(root, 'meetings/2017-03-17-alias.yaml'), 'id: &x 2017-03-17-alias\nother: *x\n');
    const check = await acta(['fmt', '--check'], root);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('se reformatearía meetings/2017-03-16-red-nna.yaml');
    expect(check.stdout).toContain('sin formatear meetings/2017-03-17-alias.yaml: 1 problema, el primero en la línea 1: ancla `&x` — los registros no usan anclas ni alias');
    expect(check.stdout).toMatch(/\n1 archivo se reformatearía, 5 ya canónicos, 1 sin formatear \(corríjalos primero: acta validate\)\n/);
    expect(check.stdout.trimEnd().split('\n').at(-1)).toBe('ejecute `acta fmt` para reescribirlo (se conservan los comentarios; los datos no cambian)');
    const english = await acta(['fmt', '--check', '--lang', 'en'], root);
    expect(english.stdout).toMatch(/not formatted meetings\/2017-03-17-alias\.yaml: 1 problem, first at line 1: .*anchors or aliases/);
    expect(english.stdout).toMatch(/\n1 file would be reformatted, 5 already canonical, 1 not formatted/);
    const run = await acta(['fmt'], root);
    expect(run.stdout).toContain('formateado meetings/2017-03-16-red-nna.yaml');
    expect(run.stdout).toMatch(/\n1 archivo reformateado, 5 sin cambios, 1 sin formatear/);
  });

  it('--check shows where each file would change (the first hunk, a few lines) and says how to fix it', async () => {
    const root = tempRoot();
    const check = await acta(['fmt', '--check'], root);
    const lines = check.stdout.split('\n');
    const at = lines.indexOf('would reformat meetings/2017-03-16-red-nna.yaml');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toMatch(/^ {2}@@ line \d+ @@$/);
    const hunk = lines.slice(at + 2, lines.findIndex((l, i) => i > at && !l.startsWith('  ')));
    expect(hunk.length).toBeLessThanOrEqual(9);
    expect(hunk.some((l) => l.startsWith('  -')) || hunk.some((l) => l.startsWith('  +'))).toBe(true);
    expect(check.stdout.trimEnd().split('\n').at(-1)).toBe('run `acta fmt` to rewrite it (comments kept, data unchanged)');
    // A change no line shows is said in words.
    expect(firstChange('\uFEFFa: 1\n', 'a: 1\n', 'en')).toEqual(['(a byte-order mark to drop)']);
    expect(firstChange('a: 1\r\n', 'a: 1\n', 'en')).toEqual(['(CRLF line ends to make LF)']);
    expect(firstChange('a: 1\nb: 2\n', "a: 1\nb: '2'\n", 'en')).toEqual(['@@ line 1 @@', ' a: 1', '-b: 2', "+b: '2'"]);
    // In the officer's language, as every other word of acta fmt --check.
    expect(firstChange('\uFEFFa: 1\n', 'a: 1\n', 'es')).toEqual(['(una marca de orden de bytes que quitar)']);
    expect(firstChange('a: 1\nb: 2\n', "a: 1\nb: '2'\n", 'es')[0]).toBe('@@ línea 1 @@');
  });

  it('--check lists what would change and exits 1, changing nothing; fmt rewrites it; then --check passes', async () => {
    const root = tempRoot();
    const file = path.join(root, 'meetings/2017-03-16-red-nna.yaml');
    const before = readFileSync(file);
    const check = await acta(['fmt', '--check'], root);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('would reformat meetings/2017-03-16-red-nna.yaml');
    expect(check.stdout).toMatch(/1 file would be reformatted, \d+ already canonical/);
    expect(readFileSync(file).equals(before)).toBe(true);
    const run = await acta(['fmt'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('formatted meetings/2017-03-16-red-nna.yaml');
    expect(readFileSync(file, 'utf8')).toBe(readFileSync('test/golden/fmt/messy-meeting.yaml', 'utf8'));
    expect((await acta(['fmt', '--check'], root)).code).toBe(0);
    expect((await acta(['validate'], root)).code).toBe(0);
  });

  it('keeps the file mode and leaves no temp file behind', async () => {
    const root = tempRoot();
    const file = path.join(root, 'meetings/2017-03-16-red-nna.yaml');
    chmodSync(file, 0o640);
    expect((await acta(['fmt', 'meetings'], root)).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(path.dirname(file))).toEqual(['2017-03-16-red-nna.yaml']);
  });

  it('fixes CRLF line ends and a BOM', async () => {
    const root = tempRoot();
    const file = path.join(root, 'registries/groups.yaml');
    const lf = readFileSync(file, 'utf8');
    writeFileSync(file, '\uFEFF' + lf.replace(/\n/g, '\r\n'));
    expect((await acta(['fmt', 'registries/groups.yaml'], root)).stdout).toContain('formatted registries/groups.yaml');
    expect(readFileSync(file, 'utf8')).toBe(lf);
  });

  it('does not touch a file with parse errors: reports it and exits 1', async () => {
    const root = tempRoot();
    const bad = path.join(root, 'meetings/2018-01-01-red-nna.yaml');
    writeFileSync(bad, 'record: meeting\nid: x\nid: y\nagreements: [\n');
    const r = await acta(['fmt'], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/not formatted meetings\/2018-01-01-red-nna\.yaml: \d+ problems?, first at line/);
    expect(readFileSync(bad, 'utf8')).toBe('record: meeting\nid: x\nid: y\nagreements: [\n');
    expect(readFileSync(path.join(root, 'meetings/2017-03-16-red-nna.yaml'), 'utf8')).toBe(readFileSync('test/golden/fmt/messy-meeting.yaml', 'utf8'));
  });

  it('does not write through a link that leaves the records root', async () => {
    const root = tempRoot();
    const outside = path.join(path.dirname(root), 'outside.yaml');
    writeFileSync(outside, 'record: countries\ncountries:   []\n');
    symlinkSync(outside, path.join(root, 'registries/linked.yaml'));
    const r = await acta(['fmt'], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('not formatted registries/linked.yaml: it is a symbolic link that leads out of the records root');
    expect(readFileSync(outside, 'utf8')).toBe('record: countries\ncountries:   []\n');
    expect(lstatSync(path.join(root, 'registries/linked.yaml')).isSymbolicLink()).toBe(true);
  });

  it('refuses --rev (it writes files) and paths outside the root', async () => {
    const root = tempRoot();
    expect((await acta(['--rev', 'HEAD', 'fmt'], root)).code).toBe(2);
    // A folder outside the root is refused before it is walked, even with no record file in it (validate too); a
    // folder that holds the root is walked, and refused for the record files it has outside the root. (This test
    // named os.tmpdir(), which holds the root: it walked all of /tmp, seconds of a shared machine's files.)
    const outside = mkdtempSync(path.join(os.tmpdir(), 'acta-outside-'));
    dirs.push(outside);
    for (const command of ['fmt', 'validate']) {
      const r = await acta([command, '--root', root, outside], root);
      expect([r.code, r.stderr]).toEqual([2, `acta: paths must be inside the records root ${root}\n`]);
    }
    const holder = await acta(['fmt', '--check', '--root', root, path.dirname(root)], root);
    expect([holder.code, holder.stderr]).toEqual([1, '']); // its one record file (inside the root) needs formatting
    writeFileSync(path.join(path.dirname(root), 'stray.yaml'), 'id: x\n');
    const stray = await acta(['fmt', '--check', '--root', root, path.dirname(root)], root);
    expect([stray.code, stray.stderr]).toEqual([2, `acta: paths must be inside the records root ${root}\n`]);
  });
});

describe('atomic writes', () => {
  it('replaces a file, keeping its mode', async () => {
    const root = tempRoot();
    const file = path.join(root, 'acta.yaml');
    chmodSync(file, 0o600);
    await writeFileAtomic(root, 'acta.yaml', 'lang: es\n');
    expect(readFileSync(file, 'utf8')).toBe('lang: es\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('writes through a link that stays inside the root, and keeps the link', async () => {
    const root = tempRoot();
    symlinkSync('acta.yaml', path.join(root, 'alias.yaml'));
    await writeFileAtomic(root, 'alias.yaml', 'lang: es\n');
    expect(readlinkSync(path.join(root, 'alias.yaml'))).toBe('acta.yaml');
    expect(readFileSync(path.join(root, 'acta.yaml'), 'utf8')).toBe('lang: es\n');
  });

  it('refuses links and folders that lead out of the root, and existing files when exclusive', async () => {
    const root = tempRoot();
    const outside = mkdtempSync(path.join(os.tmpdir(), 'acta-outside-'));
    dirs.push(outside);
    writeFileSync(path.join(outside, 'target.yaml'), 'untouched\n');
    symlinkSync(path.join(outside, 'target.yaml'), path.join(root, 'out.yaml'));
    symlinkSync(outside, path.join(root, 'outdir'));
    // The refusal is a catalog key with its parameters, said in the run's language at the edge.
    const said = (p: Promise<unknown>): Promise<string> => p.then(() => 'written', (e: unknown) => saidText((e as SaidError).said, 'en'));
    expect(await said(writeFileAtomic(root, 'out.yaml', 'x'))).toMatch(/leads out of the records root/);
    expect(await said(writeFileAtomic(root, 'outdir/new.yaml', 'x'))).toMatch(/leads out of the records root/);
    expect(await said(writeFileAtomic(root, '../escape.yaml', 'x'))).toMatch(/outside the records root/);
    expect(await said(writeFileAtomic(root, 'acta.yaml', 'x', { exclusive: true }))).toMatch(/already exists/);
    expect(readFileSync(path.join(outside, 'target.yaml'), 'utf8')).toBe('untouched\n');
    expect(readdirSync(outside)).toEqual(['target.yaml']);
    expect(readFileSync(path.join(root, 'acta.yaml'), 'utf8')).toBe('lang: en\n');
  });
});

// acta fmt leaves alone what replacing would damage: read-only files, files it may not write, files with hard links.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = path.resolve('bin/acta.js');
const M = 'meetings/2017-03-16-red-nna.yaml';
const dirs: string[] = [];
const isRoot = process.getuid?.() === 0;
const setpriv = isRoot ? spawnSync('sh', ['-c', 'command -v setpriv'], { encoding: 'utf8' }).stdout.trim() : '';

function tempRoot(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-fmt-refuse-'));
  dirs.push(dir);
  const root = path.join(dir, 'root');
  cpSync(path.resolve('data/registries'), path.join(root, 'registries'), { recursive: true });
  writeFileSync(path.join(root, 'acta.yaml'), 'lang: en\n');
  mkdirSync(path.join(root, 'meetings'));
  cpSync(path.resolve('test/fixtures/fmt/messy-meeting.yaml'), path.join(root, M));
  return root;
}

function acta(args: string[], cwd: string, asNobody = false): { stdout: string; stderr: string; code: number } {
  const argv = [BIN, ...args];
  const r = asNobody
    ? spawnSync(setpriv, ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...argv], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
    : spawnSync(process.execPath, argv, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('acta fmt refuses to replace', () => {
  it('a read-only file: it says so and leaves the file, its mode and its inode as they were', () => {
    const root = tempRoot();
    const file = path.join(root, M);
    chmodSync(file, 0o444);
    const before = statSync(file);
    const bytes = readFileSync(file);
    const r = acta(['fmt'], root);
    expect(r.stdout).toContain(`not formatted ${M}: it is read-only (mode 444)`);
    expect(r.code).toBe(1);
    const after = statSync(file);
    expect(readFileSync(file)).toEqual(bytes);
    expect([after.ino, after.mode, after.uid]).toEqual([before.ino, before.mode, before.uid]);
    expect(acta(['fmt', '--check'], root).stdout).toContain(`would reformat ${M}`);
  });

  it('a file with another hard link: both names keep the same, unformatted contents', () => {
    const root = tempRoot();
    const file = path.join(root, M);
    const other = path.join(path.dirname(root), 'elsewhere.yaml');
    linkSync(file, other);
    const bytes = readFileSync(file);
    const r = acta(['fmt'], root);
    expect(r.stdout).toContain(`not formatted ${M}: it has 2 hard links`);
    expect(r.code).toBe(1);
    expect(readFileSync(file)).toEqual(bytes);
    expect(statSync(file).ino).toBe(statSync(other).ino);
  });

  it.skipIf(!isRoot || !setpriv)('a file another user owns, though the folder lets this user rename it', () => {
    const root = tempRoot();
    const file = path.join(root, M);
    execFileSync('chmod', ['-R', 'a+rX', path.dirname(root)]);
    chmodSync(path.join(root, 'meetings'), 0o777);
    chmodSync(file, 0o644);
    const r = acta(['fmt'], root, true);
    expect(r.stdout).toContain(`not formatted ${M}: you may not write to it (mode 644, owner 0)`);
    expect(statSync(file).uid).toBe(0);
  });

  it('report -o onto a read-only file exits 2 and leaves it', () => {
    const root = tempRoot();
    const out = path.join(root, 'report.md');
    writeFileSync(out, 'kept\n');
    chmodSync(out, 0o444);
    const r = acta(['report', '--as-of', '2018-01-01', '-o', out], root);
    expect(r.stderr).toContain('it is read-only');
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('kept\n');
  });
});

// Issue 26 point 17 and issue 23 points 1–2: a record left out for an error elsewhere in its file, an id defined in
// two files, and --root without an acta.yaml.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runActa } from '../run-acta.js';

const ID = '2020-01-15-red-x';
let tmp: string;
let root: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'acta-left-out-'));
  root = path.join(tmp, 'r');
  cpSync(path.join(REPO_ROOT, 'test/fixtures/within'), root, { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const file = (): string => path.join(root, `meetings/${ID}.yaml`);

describe('show and the write commands name a record left out, and why', () => {
  it('a schema error elsewhere in the file: "left out", the file, its first error, and the left-out note', async () => {
    const original = readFileSync(file(), 'utf8');
    writeFileSync(file(), original.replace('source:\n', 'colour: blue\nsource:\n'));
    try {
      for (const ref of [ID, `${ID}#1`, '2020-01']) {
        const r = await runActa(['--root', root, 'show', ref, '--as-of', '2020-03-01', '--lang', 'en']);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toContain(`acta: left out 1 file with errors: meetings/${ID}.yaml (schema/unknown-property)`);
        expect(r.stderr).toContain(`\`${ID}\` was left out: its file meetings/${ID}.yaml has errors (schema/unknown-property); run \`acta validate meetings/${ID}.yaml\`, fix them, and try again`);
        expect(r.stderr).not.toMatch(/no meeting or plan|nearest/);
      }
      const done = await runActa(['--root', root, 'done', `${ID}#1`, '--by', 'MX', '--on', '2020-02-01', '--lang', 'en']);
      expect(done.code).toBe(2);
      expect(done.stderr).toContain('was left out');
      expect(readFileSync(file(), 'utf8')).toBe(original.replace('source:\n', 'colour: blue\nsource:\n'));
    } finally {
      writeFileSync(file(), original);
    }
  });

  it('a file that is not even YAML is matched by its name', async () => {
    const original = readFileSync(file(), 'utf8');
    writeFileSync(file(), `${original}\n  bad: [\n`);
    try {
      const r = await runActa(['--root', root, 'show', ID, '--as-of', '2020-03-01', '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`\`${ID}\` was left out: its file meetings/${ID}.yaml has errors (yaml/`);
    } finally {
      writeFileSync(file(), original);
    }
  });

  it('an id defined in two files: "defined 2 times", and where', async () => {
    const copy = path.join(root, 'meetings/copia.yaml');
    writeFileSync(copy, readFileSync(file(), 'utf8'));
    try {
      const r = await runActa(['--root', root, 'show', ID, '--as-of', '2020-03-01', '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`\`${ID}\` is defined 2 times: in meetings/${ID}.yaml and meetings/copia.yaml`);
      expect(r.stderr).not.toContain('ambiguous');
    } finally {
      rmSync(copy);
    }
  });

  it('the record itself, once fixed, shows as before', async () => {
    const r = await runActa(['--root', root, 'show', ID, '--as-of', '2020-03-01', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('--root DIR without acta.yaml is refused as when none is found upwards (issue 23 point 1)', () => {
  it.each([['overdue'], ['validate'], ['show', ID]])('acta --root EMPTY %s', async (...args) => {
    const empty = mkdtempSync(path.join(tmp, 'empty-'));
    writeFileSync(path.join(empty, 'stray.yaml'), 'record: meeting\nid: x\n');
    const r = await runActa(['--root', empty, ...args]);
    const upward = await runActa([...args], { cwd: empty });
    expect(r.code).toBe(2);
    expect(upward.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`acta: --root ${empty}: no hay acta.yaml en ${empty}: dé a --root la carpeta que contiene acta.yaml, o cree uno con acta init\n`);
    expect(upward.stderr).toMatch(/^acta: no hay acta\.yaml en /);
    const english = await runActa(['--root', empty, ...args], { env: { ACTA_LANG: 'en' } });
    expect(english.stderr).toBe(`acta: --root ${empty}: no acta.yaml in ${empty}: pass --root the folder that holds acta.yaml, or create one with acta init\n`);
  });

  it('at a revision too: --rev HEAD --root a folder whose revision holds no acta.yaml', async () => {
    const r = await runActa(['--rev', 'HEAD', '--root', 'src', 'overdue', '--as-of', '2017-08-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^acta: --root src: no hay acta\.yaml en .*src: dé a --root la carpeta que contiene acta\.yaml, o cree uno con acta init \(en HEAD\)\n$/);
    const english = await runActa(['--rev', 'HEAD', '--root', 'src', 'overdue', '--as-of', '2017-08-01'], { env: { ACTA_LANG: 'en' } });
    expect(english.stderr).toMatch(/^acta: --root src: no acta\.yaml in .*src: pass --root the folder that holds acta\.yaml, or create one with acta init \(at HEAD\)\n$/);
    const ok = await runActa(['--rev', 'HEAD', '--root', 'data', 'overdue', '--as-of', '2017-08-01']);
    expect(ok.code, ok.stderr).toBe(0);
  });
});

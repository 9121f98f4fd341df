// Inputs that used to crash every command or print a stack trace: each must end in a clear message and exit 0/1/2.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acta, AS_OF, BIN, FIXTURE } from './run.js';

function tempCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-crash-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

const NOT_FORMATS = ['constructor', 'valueOf', '__proto__', 'toString', 'hasOwnProperty'];

describe('crashes turned into answers', () => {
  it('`record: { toString: 1 }` is a diagnostic, and every command still runs', { timeout: 120_000 }, async () => {
    const root = tempCopy();
    writeFileSync(path.join(root, 'meetings', '2018-01-01-odd.yaml'), 'record: { toString: 1 }\nid: 2018-01-01-odd\n');
    const v = await acta(['validate', '--root', root, '--as-of', AS_OF, '-f', 'text', '--lang', 'en']);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/2018-01-01-odd\.yaml:1:\d+: error: `record:` is \{"toString":1\}, not a kind of record \[record\/unknown-kind\]/);
    for (const args of [['overdue'], ['list', 'meetings'], ['export'], ['report'], ['workplan'], ['dashboard']]) {
      const r = await acta([...args, '--root', root, '--as-of', AS_OF]);
      expect(r.stderr, args.join(' ')).not.toMatch(/internal error/);
      expect(r.code, args.join(' ')).toBeLessThan(2);
    }
  });

  it('--format names an Object.prototype member: a usage error listing the formats, exit 2', { timeout: 120_000 }, async () => {
    const runs = [
      ...NOT_FORMATS.flatMap((f) => [['validate', '--format', f], ['diff', 'HEAD', '--format', f]]),
      ...['constructor', '__proto__'].flatMap((f) => [['overdue', '-f', f], ['list', 'meetings', '-f', f], ['export', '-f', f], ['show', 'x', '-f', f], ['report', '-f', f], ['workplan', '-f', f], ['dashboard', '-f', f]]),
    ];
    for (const args of runs) {
      const r = await acta([...args, '--root', FIXTURE, '--as-of', AS_OF]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr, args.join(' ')).toMatch(/^acta: --format [\w]+: se esperaba uno de \w+(, \w+)+(\n\(¿quiso decir \w+\?\))?\n$/);
    }
  });

  it.skipIf(!existsSync('/dev/full'))('output to a full disk: one line naming ENOSPC, exit 2, no stack trace', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'validate', '--root', FIXTURE, '-f', 'json'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' } });
      expect(r.stderr).toMatch(/^acta: cannot write output: ENOSPC: no space left on device, write\n$/);
      expect(r.status).toBe(2);
    } finally {
      closeSync(full);
    }
  });

  it('a --template that is not UTF-8 is a usage error naming it, exit 2', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-template-'));
    const file = path.join(dir, 'latin1.md.hbs');
    writeFileSync(file, Buffer.from([0x23, 0x20, 0x49, 0x6e, 0x66, 0x6f, 0x72, 0x6d, 0xe9, 0x0a])); // "# Informé" in Latin-1
    for (const command of ['report', 'workplan']) {
      const r = await acta([command, '--root', FIXTURE, '--as-of', AS_OF, '-f', 'md', '--template', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`acta: plantilla ${file}: no es texto UTF-8; guárdela como UTF-8\n`);
    }
    const en = await acta(['report', '--root', FIXTURE, '--as-of', AS_OF, '-f', 'md', '--template', file, '--lang', 'en']);
    expect(en.stderr).toBe(`acta: template ${file}: not UTF-8 text; save it as UTF-8\n`);
  });
});

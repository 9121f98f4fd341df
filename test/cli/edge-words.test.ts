// The last English words at the edge, now in the officer's language (--lang, ACTA_LANG, acta.yaml's lang:, Spanish):
// a command that writes refuses --rev, and the confirmations of what was written.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runActa } from '../run-acta.js';

const DATA = path.resolve('data');
const out = mkdtempSync(path.join(os.tmpdir(), 'acta-edge-words-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('refusals and confirmations in both languages', () => {
  it.each([
    [['fmt'], 'fmt'],
    [['new', 'meeting', '--body', 'st', '--date', '2025-01-01'], 'new'],
    [['done', 'X#1'], 'done'],
    [['import', 'x.txt'], 'import'],
    [['init', path.join(out, 'never')], 'init'],
  ])('%j refuses --rev, in Spanish by default and in English with --lang en', async (args, command) => {
    const es = await runActa([...args, '--root', DATA, '--rev', 'HEAD']);
    expect(es.code).toBe(2);
    expect(es.stderr).toBe(`acta: acta ${command} escribe en los archivos del disco: --rev es para las órdenes que solo leen\n`);
    const en = await runActa([...args, '--root', DATA, '--rev', 'HEAD', '--lang', 'en']);
    expect(en.stderr).toBe(`acta: acta ${command} writes to the files on disk: --rev is for read-only commands\n`);
  });

  it('says what it wrote in the language asked for (report, statement, workplan)', async () => {
    for (const [args, file] of [[['report', '-f', 'html'], 'r.html'], [['statement', 'MX', '-f', 'md'], 's.md'], [['workplan', '-f', 'md'], 'w.md']] as const) {
      const target = path.join(out, file);
      const es = await runActa([...args, '--root', DATA, '--as-of', '2017-08-01', '-o', target]);
      expect(es.stderr).toBe(`acta: se escribió ${target}\n`);
      const en = await runActa([...args, '--root', DATA, '--as-of', '2017-08-01', '-o', target], { env: { ACTA_LANG: 'en' } });
      expect(en.stderr).toBe(`acta: wrote ${target}\n`);
    }
  });
});

// Every read command says which files it left out, whatever the reason, and uses none of a file with a parse-level error.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ActaRun } from '../run-acta.js';
import { runActa } from '../run-acta.js';

const home = mkdtempSync(path.join(os.tmpdir(), 'acta-left-out-'));
const root = path.join(home, 'root');
afterAll(() => rmSync(home, { recursive: true, force: true }));

cpSync(path.resolve('test/fixtures/followup'), root, { recursive: true });
const red = readFileSync(path.join(root, 'meetings/2020-01-15-red-x.yaml'), 'utf8');
// The meeting's own file now holds a second document: none of it may be used.
writeFileSync(path.join(root, 'meetings/2020-01-15-red-x.yaml'), red + '---\nrecord: meeting\n');
writeFileSync(path.join(root, 'meetings/2020-02-01-syntax.yaml'), 'record: meeting\nparticipants: [GT, HN\nbody: x\n');
writeFileSync(path.join(root, 'meetings/2020-03-01-schema.yaml'), 'record: meeting\nid: 2020-03-01-schema\n');
writeFileSync(path.join(root, 'meetings/2020-06-01-multi.yaml'), 'record: meeting\nid: 2020-06-01-multi\n---\nrecord: meeting\n');
writeFileSync(path.join(home, 'outside.yaml'), red);
symlinkSync(path.join(home, 'outside.yaml'), path.join(root, 'meetings/2020-05-01-link.yaml'));

const LEFT_OUT = ['meetings/2020-01-15-red-x.yaml (yaml/multiple-documents)', 'meetings/2020-02-01-syntax.yaml (yaml/syntax)', 'meetings/2020-03-01-schema.yaml (schema/required)', 'meetings/2020-05-01-link.yaml (file/unreadable)', 'meetings/2020-06-01-multi.yaml (yaml/multiple-documents)'];

function acta(args: string[]): Promise<ActaRun> {
  return runActa(['--root', root, '--as-of', '2021-06-01', ...args]);
}

const COMMANDS = [['overdue'], ['upcoming'], ['list', 'meetings'], ['list', 'commitments', '-f', 'json'], ['export', '-f', 'json'], ['export', '-f', 'csv'], ['report', '-f', 'json'], ['dashboard'], ['workplan'], ['show', '2020-04-20-grcm']];

describe('files left out', () => {
  it.each(COMMANDS.map((c) => [c.join(' '), c] as const))('acta %s names every file it left out, in one note', async (_, args) => {
    const r = (await acta(args));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`acta: quedaron fuera 5 archivos con errores: ${LEFT_OUT.join(', ')}; ejecute \`acta validate\` para verlos\n`);
  });

  // The records' language (lang: es here) or --lang: the note was English whatever the language (nineteenth session).
  it('says it in the language of the run', async () => {
    expect((await acta(['--lang', 'en', 'overdue'])).stderr).toBe(`acta: left out 5 files with errors: ${LEFT_OUT.join(', ')}; run \`acta validate\` to see them\n`);
  });

  it('uses nothing of a file with several documents (not even the first)', async () => {
    for (const args of [['export', '-f', 'json'], ['list', 'meetings', '-f', 'json'], ['overdue', '-f', 'json']]) {
      expect((await acta(args)).stdout).not.toContain('2020-01-15-red-x');
    }
  });

  it('validate reports the parse error only, not schema errors of a first document', async () => {
    const r = (await acta(['validate', '-f', 'json']));
    const codes = (JSON.parse(r.stdout) as { diagnostics: { file: string; code: string }[] }).diagnostics.filter((d) => d.file.endsWith('-multi.yaml')).map((d) => d.code);
    expect(codes).toEqual(['yaml/multiple-documents']);
  });
});

describe('a nested acta.yaml', () => {
  it('does not replace the root configuration: it is config/nested, and is left out', async () => {
    const dir = path.join(home, 'nested');
    cpSync(path.resolve('test/fixtures/followup'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'acta.yaml'), 'lang: es\n');
    writeFileSync(path.join(dir, 'meetings/acta.yaml'), 'lang: en\nwarn_days: 1\n');
    const run = (args: string[]): Promise<ActaRun> => runActa(['--root', dir, '--as-of', '2021-06-01', ...args]);
    const list = await run(['list', 'meetings', '-f', 'json']);
    expect(JSON.parse(String(list.stdout))).toMatchObject({ lang: 'es' });
    expect(String(list.stderr)).toContain('meetings/acta.yaml (config/nested)');
    const validate = JSON.parse((await run(['validate', '-f', 'json'])).stdout) as { diagnostics: { file: string; code: string }[] };
    expect(validate.diagnostics.filter((d) => d.file.endsWith('acta.yaml')).map((d) => d.code)).toEqual(['config/nested']);
  });
});

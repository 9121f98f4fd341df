// Whole-CLI runs of `acta validate` over fixture roots: golden outputs and exit codes.
import { mkdirSync, mkdtempSync, readFileSync, cpSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActaRun } from '../run-acta.js';
import { runActa } from '../run-acta.js';

const ERRORS = path.resolve('test/fixtures/validate-errors');

// These tests read English wording (ACTA_LANG=en); the language itself is tested in `the officer's language` below.
function acta(args: string[], env: Record<string, string> = {}, cwd = process.cwd()): Promise<ActaRun> {
  return runActa(args, { cwd, env: { ACTA_LANG: 'en', ...env } });
}

function tempRoot(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-validate-'));
  cpSync(path.join(ERRORS, 'registries'), path.join(dir, 'registries'), { recursive: true });
  writeFileSync(path.join(dir, 'acta.yaml'), 'name: { es: Prueba }\n');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const WARNING_ONLY = `record: meeting
id: 2017-03-16-red-nna
body: red-nna
dates: { start: 2017-03-16 }
source: { document: informe.txt }
agreements:
  - number: "1"
    action: request
    text: { es: Solicitar. }
    commitment: { owners: [iom], deadline: { due: "2016-12" } }
`;

describe('acta validate', () => {
  it('passes the bundled CRM records (exit 0)', async () => {
    const r = await acta(['validate', '--root', 'data', '--format', 'pretty']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✔ no problems in \d+ files\n$/);
  });

  it('the text format says so in one line when there is nothing to report (a CI log shows what was checked)', async () => {
    const r = await acta(['validate', '--root', 'data', '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^no problems in \d+ files\n$/);
  });

  it.each(['text', 'json', 'github', 'pretty'])('reports every problem of the errors fixture (%s) and exits 1', async (format) => {
    const r = await acta(['validate', '--root', ERRORS, '--format', format]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    // The github format's stop-commands token is random per run: the golden file holds a placeholder.
    await expect(r.stdout.replace(/acta-[0-9a-f]{32}/g, 'acta-TOKEN')).toMatchFileSnapshot(`../golden/validate/errors.${format}.txt`);
  });

  it.each(['text', 'json', 'github', 'pretty'])('speaks Spanish by default (the fixture sets no lang): the errors fixture (%s)', async (format) => {
    const r = await acta(['validate', '--root', ERRORS, '--format', format], { ACTA_LANG: '' });
    expect(r.code).toBe(1);
    await expect(r.stdout.replace(/acta-[0-9a-f]{32}/g, 'acta-TOKEN')).toMatchFileSnapshot(`../golden/validate/errors.es.${format}.txt`);
  });

  it('emits one GitHub annotation per problem, and the full list in the log', async () => {
    const json = JSON.parse((await acta(['validate', '--root', ERRORS, '--format', 'json'])).stdout) as { diagnostics: unknown[] };
    const out = (await acta(['validate', '--root', ERRORS], { GITHUB_ACTIONS: 'true' })).stdout;
    expect(out.split('\n').filter((l) => l.startsWith('::error ')).length).toBe(json.diagnostics.length);
    expect(out).toContain('::group::');
  });

  it('writes the full list to the job summary when GITHUB_STEP_SUMMARY is set', async () => {
    const summary = path.join(mkdtempSync(path.join(os.tmpdir(), 'acta-summary-')), 'summary.md');
    await acta(['validate', '--root', ERRORS], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('| where | severity | code | problem |');
    expect(text).toContain('ref/unknown-actor');
  });

  it('exits 0 on warnings alone, 1 with --strict; an explained warning never fails', async () => {
    const root = tempRoot({ 'meetings/2017-03-16-red-nna.yaml': WARNING_ONLY });
    expect((await acta(['validate', '--root', root])).code).toBe(0);
    expect((await acta(['validate', '--root', root, '--strict'])).code).toBe(1);
    const explained = tempRoot({ 'meetings/2017-03-16-red-nna.yaml': WARNING_ONLY + 'notes:\n  - text: { en: The source says so. }\n    explains: [deadline/before-meeting]\n' });
    const r = await acta(['validate', '--root', explained, '--strict', '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('explained: the deadline 2016-12 ends before the meeting');
  });

  it('reports only the files named, but checks them against the whole root', async () => {
    const r = await acta(['validate', path.join(ERRORS, 'meetings/2017-06-21-red-trata.yaml'), '--format', 'text']);
    expect(r.stdout.trim().split('\n')).toEqual(['test/fixtures/validate-errors/meetings/2017-06-21-red-trata.yaml:6:1: error: key `source` appears twice in this mapping [yaml/duplicate-key]']);
    expect(r.code).toBe(1);
  });

  it('finds the root upwards from the working directory', async () => {
    const r = await acta(['validate', '--format', 'text'], {}, path.join(ERRORS, 'meetings'));
    expect(r.stdout).toContain('2017-03-16-red-nna.yaml:4:17');
  });

  it('a directory with no records is an error (exit 1)', async () => {
    // An acta.yaml and nothing else (a folder without acta.yaml is no records root at all: exit 2, issue 23 point 1).
    const empty = mkdtempSync(path.join(os.tmpdir(), 'acta-empty-'));
    writeFileSync(path.join(empty, 'acta.yaml'), 'lang: es\n');
    const r = await acta(['validate', '--root', empty, '--format', 'text']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[root/no-records]');
  });

  it('a dangling symlink is reported as unreadable, not a crash', async () => {
    const root = tempRoot({});
    symlinkSync(path.join(root, 'nowhere.yaml'), path.join(root, 'dangling.yaml'));
    const r = await acta(['validate', '--root', root, '--format', 'text']);
    expect(r.stdout).toContain('/dangling.yaml:1:1: error: cannot read the file (ENOENT) [file/unreadable]');
    expect(r.code).toBe(1);
  });

  it('usage errors exit 2 with a message, never a stack trace', async () => {
    for (const args of [['validate', '--format', 'xml', '--root', ERRORS], ['validate', '--root', '/no/such/dir'], ['validate', '--as-of', '2017-02-30'], ['nonsense']]) {
      const r = await acta(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('prints record text safely: no terminal escapes, no workflow commands smuggled in', async () => {
    const root = tempRoot({ 'meetings/2017-03-16-red-nna.yaml': WARNING_ONLY.replace('owners: [iom]', 'owners: ["x\\e[31m\\n::error::pwned"]') });
    for (const format of ['text', 'pretty', 'github']) {
      const out = (await acta(['validate', '--root', root, '--format', format])).stdout;
      expect(out).not.toContain('\x1b');
      expect(out.split('\n').filter((l) => l.startsWith('::error::'))).toEqual([]);
    }
  });

  it('honours NO_COLOR on a forced-colour terminal', async () => {
    const coloured = (await acta(['validate', '--root', ERRORS, '--format', 'pretty'], { NO_COLOR: '', FORCE_COLOR: '1' })).stdout;
    expect(coloured).toContain('\x1b[');
    expect((await acta(['validate', '--root', ERRORS, '--format', 'pretty'], { NO_COLOR: '1', FORCE_COLOR: '1' })).stdout).not.toContain('\x1b[');
  });
});

// The same program on other Nodes (ACTA_OTHER_NODE: node binaries, ':' between them). .ci/run fetches Node 22 (what the
// workflow `acta init` writes sets up) and Node 24 (the current LTS) from the npm registry and runs this file with
// them. The machines here and CI run Node 20, whose support ended in April 2026: an officer installing acta today gets
// Node 22 or 24, and runs the package as built, its V8 code caches made for another V8. What differs between Nodes is not acta's code but what it stands on — V8's
// heap (Node 24's young generation is 192 MB where Node 20's is 48: the heap guard stopped nothing on Node 24 and V8
// aborted), ICU's dates and collation, the engine's string and number printing. So: every command's bytes, on the
// bundled records and a generated set of 250 meetings, exit code and both streams, are the same on both Nodes; the
// site and the Word document too; and a run out of heap ends with the catalog's message on the other Node as well.
// Without ACTA_OTHER_NODE the file skips (npm test runs on one Node).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types (the benchmark's corpus generator)
import { generateCorpus } from '../../bench/generate-corpus.mjs';
import { BIN, REPO_ROOT } from '../run-acta.js';

// One or more node binaries, separated as PATH is (':').
const OTHERS = (process.env['ACTA_OTHER_NODE'] ?? '').split(path.delimiter).filter(Boolean);

let base = '';
let corpus = '';
beforeAll(() => {
  if (OTHERS.length === 0) return;
  base = mkdtempSync(path.join(os.tmpdir(), 'acta-other-node-'));
  corpus = path.join(base, 'records');
  generateCorpus(corpus, { meetings: 250, agreements: 15, scale: 0.1, seed: 20170316, registries: path.join(REPO_ROOT, 'data/registries') });
});
afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

function run(node: string, args: readonly string[], nodeFlags: readonly string[] = []) {
  const r = spawnSync(node, [...nodeFlags, BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, ACTA_CACHE: '0', NO_COLOR: '1', TZ: 'America/Guatemala' }, timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

// Every file under `dir` (its path in it → its bytes as base64); git's own folder left out (object names hold times).
function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.git') walk(p);
      } else out.set(path.relative(dir, p), readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

const FORMS: readonly (readonly string[])[] = [
  ['validate'],
  ['validate', '-f', 'json'],
  ['overdue'],
  ['overdue', '--lang', 'en', '-f', 'json'],
  ['upcoming'],
  ['list', 'commitments'],
  ['list', 'commitments', '-f', 'csv'],
  ['list', 'meetings', '--lang', 'en'],
  ['report', '-f', 'md'],
  ['report', '-f', 'html', '--lang', 'en'],
  ['report', '-f', 'json'],
  ['report', '-f', 'md', '--annex', '--texts', '--quality'],
  ['statement', 'MX'],
  ['statement', 'MX', '--lang', 'en', '-f', 'json'],
  ['workplan'],
  ['dashboard'],
  ['export', '-f', 'json'],
  ['export', '-f', 'csv'],
  ['export', '-f', 'ics'],
  ['overdue', '--as-of', '2026-02-30'],
  ['nonsense'],
];

describe.each(OTHERS.length ? OTHERS : [''])('the same program on another Node (%s)', (OTHER) => {
  if (!OTHER) {
    it.skip('needs ACTA_OTHER_NODE (.ci/run sets it)', () => {});
    return;
  }

  it('is another Node than this one', () => {
    const v = spawnSync(OTHER, ['-p', 'process.versions.v8'], { encoding: 'utf8' });
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).not.toBe(process.versions.v8);
  });

  it.each([
    ['the bundled records', 'data', '2026-12-08'],
    ['250 generated meetings', 'corpus', '2002-01-20'],
  ])('every command prints the same bytes, on both streams, with the same exit code: %s', (_what, which, asOf) => {
    const root = which === 'data' ? path.join(REPO_ROOT, 'data') : corpus;
    for (const form of FORMS) {
      const args = ['--root', root, '--as-of', asOf, ...form];
      const here = run(process.execPath, args);
      const there = run(OTHER, args);
      expect(there, form.join(' ')).toEqual(here);
    }
  }, 300_000);

  it('writes the same site and the same Word documents', () => {
    const args = ['--root', path.join(REPO_ROOT, 'data'), '--as-of', '2026-12-08'];
    const made = ['here', 'there'].map((side, i) => {
      const node = i === 0 ? process.execPath : OTHER;
      const dir = mkdtempSync(path.join(base, `${side}-`));
      const site = run(node, [...args, 'site', '-o', path.join(dir, 'site')]);
      const report = run(node, [...args, 'report', '-f', 'docx', '--annex', '-o', path.join(dir, 'informe.docx')]);
      const statement = run(node, [...args, 'statement', 'MX', '--lang', 'en', '-f', 'docx', '-o', path.join(dir, 'mx.docx')]);
      for (const r of [site, report, statement]) expect(r.status, r.stderr).toBe(0);
      return files(dir);
    });
    expect(made[0]!.size).toBeGreaterThan(20);
    expect([...made[1]!.keys()].sort()).toEqual([...made[0]!.keys()].sort());
    for (const [file, bytes] of made[0]!) expect(made[1]!.get(file), file).toBe(bytes);
  }, 120_000);

  it('writes the same records: follow-up entries, a new meeting, fmt, an import, init', () => {
    const steps: readonly (readonly string[])[] = [
      ['done', '2017-06-21-red-trata#2.b', '--by', 'MX', '--on', '2017-07-20', '--evidence', 'https://example.org/informe-mx'],
      ['extend', '2017-06-21-red-trata#2.b', '--to', '2018-06-30', '--reason', 'plazo ampliado', '--on', '2017-08-01'],
      ['status', '2017-06-21-red-trata#2.b', 'cancelled', '--note', 'sin seguimiento', '--on', '2017-09-01', '--dry-run'],
      ['new', 'meeting', '--body', 'st', '--date', '2025-03-04', '--title', 'Reunión de prueba'],
      ['fmt'],
      ['import', path.join(REPO_ROOT, 'test/fixtures/import-corpus/docs/01-crm-vi-2001.es.txt'), '--stdout'],
      ['import', path.join(REPO_ROOT, 'test/fixtures/import-corpus/docs/05-rcm-vii-2002.en.txt')],
      ['validate'],
    ];
    const trees = ['here', 'there'].map((side, i) => {
      const node = i === 0 ? process.execPath : OTHER;
      const root = path.join(mkdtempSync(path.join(base, `${side}-writes-`)), 'records');
      cpSync(path.join(REPO_ROOT, 'data'), root, { recursive: true });
      const said = steps.map((step) => run(node, ['--root', root, '--as-of', '2026-12-08', ...step]));
      const init = run(node, ['--as-of', '2026-12-08', 'init', path.join(root, '..', 'fresh')]);
      return { said: [...said, init].map((r) => ({ ...r, stdout: r.stdout.replaceAll(root, 'ROOT').replaceAll(path.dirname(root), 'TMP'), stderr: r.stderr.replaceAll(root, 'ROOT').replaceAll(path.dirname(root), 'TMP') })), files: files(path.dirname(root)) };
    });
    expect(trees[1]!.said).toEqual(trees[0]!.said);
    expect(trees[0]!.said.filter((r) => r.status === 0).length).toBeGreaterThan(5);
    expect([...trees[1]!.files.keys()].sort()).toEqual([...trees[0]!.files.keys()].sort());
    for (const [file, bytes] of trees[0]!.files) expect(trees[1]!.files.get(file), file).toBe(bytes);
  }, 180_000);

  it('a run out of heap ends with the catalog message, exit 2, no file written', () => {
    const out = mkdtempSync(path.join(base, 'heap-'));
    const r = run(OTHER, ['--root', corpus, '--as-of', '2002-01-20', 'report', '-f', 'docx', '-o', path.join(out, 'informe.docx')], ['--max-old-space-size=20']);
    expect(r.signal, r.stderr.slice(0, 400)).toBeNull();
    expect(r.status, r.stderr.slice(0, 400)).toBe(2);
    expect(r.stderr).toContain('acta: sin memoria: el montículo de Node (20 MB)');
    expect(r.stderr).not.toMatch(/FATAL ERROR|heap out of memory|^\s+at |Native stack/m);
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);
});

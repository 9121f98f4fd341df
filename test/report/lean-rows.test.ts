// The report's commitment rows (overdue, due next, delivered) are, for the package's own templates, the members those
// templates print (core/queries/view.ts CommitmentLine), not whole views. The package's main template named with
// --template is not the package's set (a user's templates get whole views), so its output is the same text rendered
// from whole views: the two must be the same bytes, in both formats and languages, over rows of every kind.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types (the benchmark's corpus generator)
import { generateCorpus } from '../../bench/generate-corpus.mjs';
import { loadTemplateSet } from '../../src/io/templates.js';
import { viewCommitment, viewCommitmentLine } from '../../src/core/queries/view.js';
import { loadReportInputs } from '../../src/commands/report-input.js';
import { REPO_ROOT, runActa } from '../run-acta.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/report');
const DATA = path.join(REPO_ROOT, 'data');

let corpus = '';
beforeAll(() => {
  corpus = path.join(mkdtempSync(path.join(os.tmpdir(), 'acta-lean-corpus-')), 'r');
  generateCorpus(corpus, { meetings: 60, agreements: 6, seed: 11, registries: path.join(REPO_ROOT, 'data/registries') });
});

// Each root with a period that starts after some of what is overdue (rows marked `earlier`).
const roots = (): [string, string, string, string][] => [
  ['the fixture', FIXTURE, '2018-06-30', '2017-09-01'],
  ['data/', DATA, '2026-12-07', '2017-01-01'],
  ['a generated set', corpus, '2099-01-01', '2000-06-01'],
];

describe('report: the package templates read lean rows', () => {
  for (const format of ['md', 'html'] as const) {
    it(`${format}: the same bytes as the package's template given as a user's (whole views)`, async () => {
      for (const [, root, asOf, from] of roots()) {
        for (const extra of [[], ['--lang', 'en', '--annex', '--texts', '--quality', '--from', from]]) {
          const args = ['report', '--root', root, '--as-of', asOf, '-f', format, ...extra];
          const lean = await runActa(args);
          const whole = await runActa([...args, '--template', path.join(REPO_ROOT, `templates/report/report.${format}.hbs`)]);
          expect(lean.code).toBe(0);
          expect(lean.stdout.length).toBeGreaterThan(1000);
          expect(lean.stdout).toBe(whole.stdout);
          expect(lean.stderr).toBe(whole.stderr);
        }
      }
    });
  }

  it('the rows compared above are of every kind, and a lean row is a whole view\'s members with its values', async () => {
    const overdue = [];
    for (const [, root, asOf] of roots()) {
      const input = await loadReportInputs({ root, asOf });
      for (const c of input.commitments) {
        const line = viewCommitmentLine(c, input.ctx);
        const whole = viewCommitment(c, input.ctx);
        for (const [key, value] of Object.entries(line)) expect(value).toEqual(whole[key as keyof typeof whole]);
        for (const key of ['kind', 'ref', 'record', 'state', 'owed', 'owing', 'extensions']) expect(key in line).toBe(false);
      }
      overdue.push(...input.commitments.filter((c) => c.state === 'overdue'));
    }
    // Rows with deliveries, the deadline's wording, inferred owners, from plans.
    expect(overdue.some((c) => c.delivered.length > 0)).toBe(true);
    expect(overdue.some((c) => c.deadline?.text !== undefined)).toBe(true);
    expect(overdue.some((c) => c.inferred)).toBe(true);
    expect(overdue.some((c) => c.origin.recordKind === 'plan')).toBe(true);
    const earlier = await runActa(['report', '--root', FIXTURE, '--as-of', '2018-06-30', '-f', 'md', '--from', '2017-09-01']);
    expect(earlier.stdout).toContain('(anterior)');
  });

  it('a user\'s template, or a partial under the records\' templates/, gets whole views', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-lean-tpl-'));
    writeFileSync(path.join(dir, 'states.hbs'), '{{#each overdue}}{{state}}:{{recordKind}}:{{#each owing}}{{id}}{{/each}}\n{{/each}}');
    const run = await runActa(['report', '--root', corpus, '--as-of', '2099-01-01', '-f', 'md', '--template', path.join(dir, 'states.hbs')]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line).toMatch(/^overdue:(meeting|plan):\S+$/);
    expect(await loadTemplateSet('report', 'md', { root: corpus })).toMatchObject({ packaged: true });
    expect((await loadTemplateSet('report', 'md', { root: corpus, explicit: path.join(dir, 'states.hbs') })).packaged).toBeUndefined();
    const own = path.join(dir, 'records');
    mkdirSync(path.join(own, 'templates/report/partials/html'), { recursive: true });
    writeFileSync(path.join(own, 'templates/report/partials/html/style.hbs'), '<style></style>');
    expect((await loadTemplateSet('report', 'html', { root: own })).packaged).toBeUndefined();
    expect((await loadTemplateSet('report', 'md', { root: own })).packaged).toBeUndefined();
  });
});

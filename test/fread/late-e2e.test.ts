// Late, end to end on a copy of data/: Mexico's share of 2017-06-21-red-trata#2.b delivered on 3 Aug 2017 (13 days
// after 21 July) leaves overdue --actor MX, shows as delivered late with its evidence in Mexico's statement, and reads
// "13 days late" in the report; a point closed as done after its deadline is counted as done late.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Statement } from '../../src/core/queries/statement.js';
import { runActa } from '../run-acta.js';

let root: string;
const AT = (): string[] => ['--root', root, '--as-of', '2017-08-10', '--lang', 'en'];

beforeAll(() => {
  root = path.join(mkdtempSync(path.join(os.tmpdir(), 'acta-late-')), 'data');
  cpSync(path.resolve('data'), root, { recursive: true });
  const file = path.join(root, 'meetings/2017-06-21-red-trata.yaml');
  const text = readFileSync(file, 'utf8');
  const anchor = '              es: "a más tardar el 21 de julio de 2017"\n          inferred: true\n';
  expect(text.split(anchor).length).toBe(2);
  // Point 3 holds two steps (the member countries' dated one, the TS's undated one): closed as a whole.
  const point3 = '  - number: "4"\n';
  expect(text.split(point3).length).toBe(2);
  writeFileSync(file, text
    .replace(anchor, `${anchor}        followup:\n          - date: "2017-08-03"\n            status: partial\n            delivered_by: [MX]\n            evidence: { url: "https://example.org/mx-matrices" }\n`)
    .replace(point3, `    followup:\n      - { date: "2017-08-05", status: done }\n${point3}`));
});

afterAll(() => rmSync(path.dirname(root), { recursive: true, force: true }));

describe('Mexico delivers its share of #2.b 13 days late', () => {
  it('the records still validate', async () => {
    expect((await runActa(['validate', '--root', root])).code).toBe(0);
  });

  it('overdue --actor MX no longer lists it; other members still owe it', async () => {
    const mx = await runActa(['overdue', '--actor', 'MX', '-f', 'json', ...AT()]);
    const ids = (JSON.parse(mx.stdout) as { groups: { rows: { id: string }[] }[] }).groups.flatMap((g) => g.rows.map((r) => r.id));
    expect(ids).not.toContain('2017-06-21-red-trata#2.b');
    const gt = await runActa(['overdue', '--actor', 'GT', '-f', 'json', ...AT()]);
    expect(gt.stdout).toContain('2017-06-21-red-trata#2.b');
  });

  it('Mexico statement: delivered, 13 days late, with the evidence', async () => {
    const st = JSON.parse((await runActa(['statement', 'MX', '-f', 'json', ...AT()])).stdout) as Statement;
    const delivered = st.sections.find((s) => s.section === 'delivered')!.groups.flatMap((g) => g.rows);
    expect(delivered.map((r) => [r.commitment.id, r.deliveredOn, r.deliveredLate, r.evidence])).toEqual([
      // Point 3 as a whole has no date (its TS step has none): closed, not late; its dated step was due 21 July.
      ['2017-06-21-red-trata#3', '2017-08-05', undefined, []],
      ['2017-06-21-red-trata#3/1', '2017-08-05', 15, []],
      ['2017-06-21-red-trata#2.b', '2017-08-03', 13, [{ url: 'https://example.org/mx-matrices' }]],
    ]);
    const table = (await runActa(['statement', 'MX', ...AT()])).stdout;
    expect(table).toContain('13 days late');
    expect(table).toContain('https://example.org/mx-matrices');
  });

  it('a point closed as done 15 days after its deadline: done late everywhere, counted in the report', async () => {
    const show = (await runActa(['show', '2017-06-21-red-trata#3/1', ...AT()])).stdout;
    expect(show).toMatch(/│ done late +│[^\n]*\n[^\n]*│ \(15 days\) +│/);
    const json = JSON.parse((await runActa(['export', '-f', 'json', '--meeting', '2017-06-21', ...AT()])).stdout) as { commitments: { id: string; state: string; doneOn?: string; daysLateDelivered?: number }[] };
    expect(json.commitments.find((c) => c.id === '2017-06-21-red-trata#3/1')).toMatchObject({ state: 'done', doneOn: '2017-08-05', daysLateDelivered: 15 });
    const report = JSON.parse((await runActa(['report', '--year', '2017', '-f', 'json', ...AT()])).stdout) as { summary: { doneLate: number } };
    expect(report.summary.doneLate).toBe(1);
    expect((await runActa(['report', '--year', '2017', '-f', 'md', ...AT()])).stdout).toContain('| Done late | 1 |');
  });

  it('the report names the late share; the table of commitments too', async () => {
    const html = (await runActa(['report', '--year', '2017', '-f', 'html', ...AT()])).stdout;
    expect(html).toContain('Mexico (3 Aug 2017, 13 days late)');
    const list = (await runActa(['list', 'commitments', '--meeting', '2017-06-21', ...AT()])).stdout;
    expect(list.replace(/[│\s]+/g, ' ')).toContain('Mexico (3 Aug 2017, 13 days late)');
  });
});

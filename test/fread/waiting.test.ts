// Waiting deadlines are not invisible: a meeting expected in a period now past, with no record, puts the commitment in
// its own section of `acta overdue` and in the dashboard's count.
import { describe, expect, it } from 'vitest';
import { buildActorDirectory } from '../../src/core/actors.js';
import { buildFollowupReport } from '../../src/core/queries/followup-report.js';
import { REPORT_FORMATTERS } from '../../src/render/followup-report.js';
import { PLAIN } from '../../src/render/style.js';
import { runActa } from '../run-acta.js';
import { byId, derive, meeting, records } from '../followup/harness.js';

const files = meeting(`  - number: "1"
    action: send
    text: { es: Presentar el informe al GRCM }
    commitment:
      owners: [st]
      deadline: { event: { body: grcm, relation: before, expected: "2020-03" } }
`);

describe('waiting for a meeting past its expected period', () => {
  it('is still waiting, with the days since the expected period ended; not before it ends', () => {
    expect(byId(derive(files, '2020-03-31'), '2020-01-15-red-x#1')).toMatchObject({ state: 'waiting' });
    expect(byId(derive(files, '2020-03-31'), '2020-01-15-red-x#1').daysPastExpected).toBeUndefined();
    expect(byId(derive(files, '2020-04-10'), '2020-01-15-red-x#1')).toMatchObject({ state: 'waiting', daysPastExpected: 10 });
  });

  it('acta overdue lists it in its own section, with what to do, in every format but CSV', () => {
    const dir = buildActorDirectory(records(files).registries);
    const report = buildFollowupReport(derive(files, '2020-04-10'), {}, { dir, lang: 'en' }, { kind: 'overdue', asOf: '2020-04-10' });
    expect(report.count).toBe(0);
    expect(report.waiting?.map((c) => c.id)).toEqual(['2020-01-15-red-x#1']);
    const table = REPORT_FORMATTERS.table(report, { style: PLAIN });
    expect(table).toContain('Waiting for a meeting that is not on record');
    expect(table.replace(/[│\s]+/g, ' ')).toContain('waiting for the RCGM meeting expected in March 2020 — record that meeting or set a date');
    expect(REPORT_FORMATTERS.md(report, { style: PLAIN })).toContain('_waiting for the RCGM meeting expected in March 2020 — record that meeting or set a date_');
    const es = buildFollowupReport(derive(files, '2020-04-10'), {}, { dir, lang: 'es' }, { kind: 'overdue', asOf: '2020-04-10' });
    expect(REPORT_FORMATTERS.table(es, { style: PLAIN }).replace(/[│\s]+/g, ' ')).toContain('en espera de la reunión (GRCM), prevista para marzo 2020 — registre esa reunión o fije una fecha');
  });

  it('the dashboard counts them on data/', async () => {
    const r = await runActa(['dashboard', '--root', 'data', '--as-of', '2017-08-01', '--format', 'json']);
    expect((JSON.parse(r.stdout) as { waitingPastExpected: number }).waitingPastExpected).toBe(2);
    const t = await runActa(['dashboard', '--root', 'data', '--as-of', '2017-08-01', '--lang', 'en']);
    expect(t.stdout).toContain('and 2 waiting for a meeting that was expected and is not on record (acta overdue)');
  });
});

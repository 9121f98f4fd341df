// Whole-CLI runs over test/fixtures/followup at a fixed --as-of, compared with golden files; exit codes; the bundled data/.
import { describe, expect, it } from 'vitest';
import type { Run } from './harness.js';
import { acta, actaProcess } from './harness.js';

const AT = ['--root', 'test/fixtures/followup', '--as-of', '2020-07-15'];

const GOLDEN: [string, string[]][] = [
  ['overdue.es.txt', ['overdue']],
  ['overdue.en.by-actor.txt', ['overdue', '--lang', 'en', '--by', 'actor']],
  ['overdue.en.by-body.md', ['overdue', '--lang', 'en', '--by', 'body', '-f', 'md']],
  ['overdue.json', ['overdue', '-f', 'json']],
  ['overdue.csv', ['overdue', '-f', 'csv', '--lang', 'en']],
  ['upcoming.en.within-30d.txt', ['upcoming', '--within', '30d', '--lang', 'en']],
  ['upcoming.es.md', ['upcoming', '-f', 'md']],
  ['upcoming.by-meeting.json', ['upcoming', '--within', '4w', '--by', 'meeting', '-f', 'json']],
  ['list-meetings.en.txt', ['list', 'meetings', '--lang', 'en']],
  ['list-agreements.es.txt', ['list', 'agreements']],
  ['list-commitments.en.txt', ['list', 'commitments', '--lang', 'en']],
  ['list-commitments.csv', ['list', 'commitments', '-f', 'csv']],
  ['list-plans.en.txt', ['list', 'plans', '--lang', 'en']],
  ['list-agreements.json', ['list', 'agreements', '--state', 'overdue', '-f', 'json', '--lang', 'en']],
  ['show-meeting.en.txt', ['show', '2020-01', '--lang', 'en']],
  ['show-agreement.es.txt', ['show', '2020-01-15-red-x#3']],
  ['show-agreement.json', ['show', '2020-01-15-red-x#2', '-f', 'json', '--lang', 'en']],
  ['show-plan.es.txt', ['show', '2020-2021-red-x']],
  ['show-activity.en.txt', ['show', '2020-2021-red-x#1/I/1/1.2', '--lang', 'en']],
  ['export.csv', ['export', '-f', 'csv', '--lang', 'en']],
  ['export.ics', ['export', '-f', 'ics', '--lang', 'en']],
  ['export.json', ['export', '-f', 'json']],
];

describe('golden outputs on the fixture records at --as-of 2020-07-15', () => {
  for (const [file, args] of GOLDEN) {
    it(`acta ${args.join(' ')}`, async () => {
      const r = await acta([...args, ...AT]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      await expect(r.stdout).toMatchFileSnapshot(`../golden/followup/${file}`);
    });
  }
});

describe('the same bytes in every time zone', () => {
  // West of UTC, the furthest east (UTC+14), and one with a DST change (Santiago: April and September).
  const zones = ['America/Tegucigalpa', 'Pacific/Kiritimati', 'America/Santiago'];
  const runs: string[][] = [['overdue', '--lang', 'en'], ['export', '-f', 'ics'], ['export', '-f', 'json']];
  // Node reads TZ again whenever process.env.TZ is assigned: in-process runs switch zones without a new process.
  async function inZone(TZ: string, args: string[]): Promise<Run> {
    const before = process.env['TZ'];
    process.env['TZ'] = TZ;
    try {
      expect(new Date(Date.UTC(2020, 0, 1, 12)).getHours(), `zone ${TZ} in effect`).toBe(TZ === 'UTC' ? 12 : TZ === 'Pacific/Kiritimati' ? 2 : TZ === 'America/Santiago' ? 9 : 6);
      return await acta(args);
    } finally {
      if (before === undefined) delete process.env['TZ'];
      else process.env['TZ'] = before;
    }
  }
  for (const args of runs) {
    it(`acta ${args.join(' ')}`, { timeout: 120_000 }, async () => {
      const utc = (await inZone('UTC', [...args, ...AT])).stdout;
      expect(utc.length).toBeGreaterThan(100);
      for (const TZ of zones) {
        const r = await inZone(TZ, [...args, ...AT]);
        expect(r.stderr, TZ).toBe('');
        expect(r.stdout, TZ).toBe(utc);
      }
    });
  }
  it('around a year end and a DST change, as-of days are the same', { timeout: 120_000 }, async () => {
    for (const asOf of ['2021-01-01', '2020-04-05']) {
      const args = ['list', 'commitments', '-f', 'csv', '--root', 'test/fixtures/followup', '--as-of', asOf];
      const utc = (await inZone('UTC', args)).stdout;
      for (const TZ of zones) expect((await inZone(TZ, args)).stdout, `${TZ} ${asOf}`).toBe(utc);
    }
  });
  it('the binary started in UTC+14 prints what an in-process run in UTC does', { timeout: 60_000 }, async () => {
    const args = ['export', '-f', 'ics', ...AT];
    expect(actaProcess(args, { TZ: 'Pacific/Kiritimati' }).stdout).toBe((await inZone('UTC', args)).stdout);
  });
});

describe('exit codes and filters', () => {
  it('--fail-on-overdue exits 1 when anything is overdue, 0 when nothing is', { timeout: 60_000 }, async () => {
    expect((await acta(['overdue', '--fail-on-overdue', ...AT])).status).toBe(1);
    expect((await acta(['overdue', ...AT])).status).toBe(0);
    expect((await acta(['overdue', '--fail-on-overdue', '--root', 'test/fixtures/followup', '--as-of', '2020-01-16'])).status).toBe(0);
    expect((await acta(['upcoming', '--fail-on-overdue', ...AT])).status).toBe(2);
  });

  it('usage problems exit 2 with a clear message', { timeout: 120_000 }, async () => {
    const cases: [string[], RegExp][] = [
      [['show', 'nope'], /ninguna reunión ni plan `nope`; los más parecidos: /],
      [['show', '2020'], /ambiguo/],
      [['show', 'nope', '--lang', 'en'], /no meeting or plan `nope`; nearest: /],
      [['upcoming', '--within', 'soon'], /--within soon: se esperaba un número de días/],
      [['upcoming', '--within', 'soon', '--lang', 'en'], /--within soon: expected a number of days/],
      // A number of days past the cap: the message says the cap (nineteenth session's review).
      [['upcoming', '--within', '9999d', '--lang', 'en'], /--within 9999d: expected .*, at most 3660 days/],
      [['report', '--next', '0'], /--next 0: se esperaba .*, de 1 a 3660 días/],
      [['overdue', '--by', 'country'], /--by country: se esperaba uno de actor, body, meeting/],
      [['overdue', '--by', 'country', '--lang', 'en'], /--by country: expected one of actor, body, meeting/],
      [['overdue', '-f', 'xml'], /--format xml: se esperaba uno de table, json, csv, md/],
      [['overdue', '--actor', 'OMI'], /--actor OMI: no se conoce \(¿quiso decir/],
      [['overdue', '--actor', 'OMI', '--lang', 'en'], /--actor OMI: not known \(did you mean/],
      [['list', 'people'], /meetings \| agreements \| commitments \| plans/],
      [['overdue', '--root', 'test/fixtures/followup', '--as-of', '2020-02-30'], /--as-of 2020-02-30/],
    ];
    for (const [args, message] of cases) {
      const r = await acta([...args, ...(args.includes('--root') ? [] : AT)]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('filters by actor acronym in either language, body, meeting prefix and state', { timeout: 120_000 }, async () => {
    const ids = async (args: string[]): Promise<string[]> => (JSON.parse((await acta([...args, '-f', 'json', ...AT])).stdout) as { rows: { id: string }[] }).rows.map((r) => r.id);
    expect(await ids(['list', 'commitments', '--actor', 'OIM'])).toEqual(await ids(['list', 'commitments', '--actor', 'IOM']));
    expect((await ids(['list', 'commitments', '--actor', 'IOM'])).length).toBe(5);
    expect(await ids(['list', 'commitments', '--meeting', '2020-04'])).toEqual(['2020-04-20-grcm#2']);
    expect(await ids(['list', 'commitments', '--body', 'RCGM'])).toEqual(['2020-04-20-grcm#2']);
    expect((await ids(['list', 'commitments', '--state', 'closed'])).length).toBe(7);
    expect(await ids(['list', 'commitments', '--status', 'no-information'])).toEqual(['2020-01-15-red-x#8']);
    expect(await ids(['list', 'commitments', '--from', '2020-07', '--to', '2020-08'])).toEqual(['2020-01-15-red-x#15', '2020-04-20-grcm#2']);
  });
});

describe('the bundled CRM records', () => {
  it('acta overdue --as-of 2017-08-01 lists the ad hoc group\'s, the consular network\'s and the 2017 networks\' undelivered commitments', async () => {
    const r = await acta(['overdue', '--as-of', '2017-08-01', '--root', 'data', '--lang', 'en', '-f', 'json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { count: number; groups: { rows: { id: string; due: { day: string }; daysLate: number; pending: unknown[] }[] }[] };
    const rows = report.groups.flatMap((g) => g.rows);
    const ids = rows.map((x) => x.id);
    for (const id of ['2015-08-18-ad-hoc-nna#5', '2015-08-18-ad-hoc-nna#6/1', '2017-03-16-red-nna#6/1', '2017-03-16-red-nna#6/2', '2017-03-16-red-nna#6/3', '2017-03-16-red-nna#6/4', '2017-06-21-red-trata#2.b', '2017-06-21-red-trata#3/1']) expect(ids).toContain(id);
    for (const row of rows) {
      expect(row.due.day < '2017-08-01').toBe(true);
      expect(row.daysLate).toBeGreaterThan(0);
    }
    expect(ids).not.toContain('2015-08-18-ad-hoc-nna#A'); // no deadline and no owner named
    expect(ids).not.toContain('2016-06-08-red-consular#10'); // the member countries asked SG-SICA: not SG-SICA's commitment
    expect(ids).not.toContain('2017-06-21-red-trata#3/2'); // the TS's report has no date in the source
    expect(ids).not.toContain('2017-06-21-red-trata#7.b'); // August 2017: not yet due
    expect(rows.find((x) => x.id === '2017-06-21-red-trata#2.b')!.pending).toHaveLength(11);
    const table = await acta(['overdue', '--as-of', '2017-08-01', '--root', 'data', '--lang', 'en']);
    expect(table.stdout).toMatch(/^Overdue commitments as of 1 Aug 2017\n/);
    expect(table.stdout).toContain('21 Jul 2017');
  });
});

// Whole-CLI runs over test/fixtures/followup at a fixed --as-of, compared with golden files; exit codes; the bundled data/.
import { beforeAll, describe, expect, it } from 'vitest';
import { acta, ensureBuilt } from './harness.js';

const AT = ['--root', 'test/fixtures/followup', '--as-of', '2020-07-15'];

beforeAll(() => ensureBuilt(), 120_000);

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
      const r = acta([...args, ...AT]);
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
  for (const args of runs) {
    it(`acta ${args.join(' ')}`, { timeout: 120_000 }, () => {
      const utc = acta([...args, ...AT], { TZ: 'UTC' }).stdout;
      expect(utc.length).toBeGreaterThan(100);
      for (const TZ of zones) {
        const r = acta([...args, ...AT], { TZ });
        expect(r.stderr, TZ).toBe('');
        expect(r.stdout, TZ).toBe(utc);
      }
    });
  }
  it('around a year end and a DST change, as-of days are the same', { timeout: 120_000 }, () => {
    for (const asOf of ['2021-01-01', '2020-04-05']) {
      const args = ['list', 'commitments', '-f', 'csv', '--root', 'test/fixtures/followup', '--as-of', asOf];
      const utc = acta(args, { TZ: 'UTC' }).stdout;
      for (const TZ of zones) expect(acta(args, { TZ }).stdout, `${TZ} ${asOf}`).toBe(utc);
    }
  });
});

describe('exit codes and filters', () => {
  it('--fail-on-overdue exits 1 when anything is overdue, 0 when nothing is', { timeout: 60_000 }, () => {
    expect(acta(['overdue', '--fail-on-overdue', ...AT]).status).toBe(1);
    expect(acta(['overdue', ...AT]).status).toBe(0);
    expect(acta(['overdue', '--fail-on-overdue', '--root', 'test/fixtures/followup', '--as-of', '2020-01-16']).status).toBe(0);
    expect(acta(['upcoming', '--fail-on-overdue', ...AT]).status).toBe(1);
  });

  it('usage problems exit 2 with a clear message', { timeout: 120_000 }, () => {
    const cases: [string[], RegExp][] = [
      [['show', 'nope'], /no meeting or plan `nope`; nearest: /],
      [['show', '2020'], /ambiguous/],
      [['upcoming', '--within', 'soon'], /--within soon: expected a number of days/],
      [['overdue', '--by', 'country'], /--by country: expected one of actor, body, meeting/],
      [['overdue', '-f', 'xml'], /--format xml: expected one of table, json, csv, md/],
      [['overdue', '--actor', 'OMI'], /--actor OMI: not known \(did you mean/],
      [['list', 'people'], /meetings \| agreements \| commitments \| plans/],
      [['overdue', '--root', 'test/fixtures/followup', '--as-of', '2020-02-30'], /--as-of 2020-02-30/],
    ];
    for (const [args, message] of cases) {
      const r = acta([...args, ...(args.includes('--root') ? [] : AT)]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('filters by actor acronym in either language, body, meeting prefix and state', { timeout: 120_000 }, () => {
    const ids = (args: string[]): string[] => (JSON.parse(acta([...args, '-f', 'json', ...AT]).stdout) as { rows: { id: string }[] }).rows.map((r) => r.id);
    expect(ids(['list', 'commitments', '--actor', 'OIM'])).toEqual(ids(['list', 'commitments', '--actor', 'IOM']));
    expect(ids(['list', 'commitments', '--actor', 'IOM']).length).toBe(5);
    expect(ids(['list', 'commitments', '--meeting', '2020-04'])).toEqual(['2020-04-20-grcm#2']);
    expect(ids(['list', 'commitments', '--body', 'RCGM'])).toEqual(['2020-04-20-grcm#2']);
    expect(ids(['list', 'commitments', '--state', 'closed']).length).toBe(7);
    expect(ids(['list', 'commitments', '--status', 'no-information'])).toEqual(['2020-01-15-red-x#8']);
    expect(ids(['list', 'commitments', '--from', '2020-07', '--to', '2020-08'])).toEqual(['2020-01-15-red-x#15', '2020-04-20-grcm#2']);
  });
});

describe('the bundled CRM records', () => {
  it('acta overdue --as-of 2017-08-01 lists the ad hoc group\'s, the consular network\'s and the 2017 networks\' undelivered commitments', () => {
    const r = acta(['overdue', '--as-of', '2017-08-01', '--root', 'data', '--lang', 'en', '-f', 'json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { count: number; groups: { rows: { id: string; due: { day: string }; daysLate: number; pending: unknown[] }[] }[] };
    const rows = report.groups.flatMap((g) => g.rows);
    const ids = rows.map((x) => x.id);
    for (const id of ['2015-08-18-ad-hoc-nna#5', '2015-08-18-ad-hoc-nna#6/1', '2016-06-08-red-consular#10', '2017-03-16-red-nna#6/1', '2017-03-16-red-nna#6/2', '2017-03-16-red-nna#6/3', '2017-03-16-red-nna#6/4', '2017-06-21-red-trata#2.b', '2017-06-21-red-trata#3']) expect(ids).toContain(id);
    for (const row of rows) {
      expect(row.due.day < '2017-08-01').toBe(true);
      expect(row.daysLate).toBeGreaterThan(0);
    }
    expect(ids).not.toContain('2015-08-18-ad-hoc-nna#A'); // done: the network was constituted
    expect(ids).not.toContain('2017-06-21-red-trata#7.b'); // August 2017: not yet due
    expect(rows.find((x) => x.id === '2017-06-21-red-trata#2.b')!.pending).toHaveLength(11);
    const table = acta(['overdue', '--as-of', '2017-08-01', '--root', 'data', '--lang', 'en']);
    expect(table.stdout).toMatch(/^Overdue commitments as of 1 Aug 2017\n/);
    expect(table.stdout).toContain('21 Jul 2017');
  });
});

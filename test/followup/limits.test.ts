// The limits on dates: years 1900–2200, twice-a-year expanded into at most 40 half-years; records past them are
// reported by validate and never crash a read command (9999-12-31, 9999-H2: "not a day: 10000-01-01" before).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveCommitments } from '../../src/core/followup/index.js';
import { parseRecordFile } from '../../src/core/read/parse.js';
import { checkRecords } from '../../src/core/pipeline.js';
import { acta, actaProcess, meeting, REGISTRIES, ROOT } from './harness.js';
import { validator } from '../schema-validator.js';


function load(files: Record<string, string>): ReturnType<typeof checkRecords> {
  const parsed = Object.entries({ ...REGISTRIES, ...files }).map(([name, text]) => parseRecordFile(name, new TextEncoder().encode(text)));
  return checkRecords(parsed, validator, { rootFile: 'acta.yaml' });
}

const point = (n: number, deadline: string, followup = ''): string =>
  `  - number: "${n}"\n    action: request\n    text: { es: Punto ${n} }\n    commitment: { owners: [GT], deadline: ${deadline} }\n${followup}`;

describe('twice a year over a long range', () => {
  it('expands into every half-year up to 40 (20 years)', () => {
    const { records, diagnostics } = load(meeting(point(1, '{ due: twice-a-year, until: "2039" }')));
    expect(diagnostics).toEqual([]);
    const list = deriveCommitments(records, '2020-04-10');
    expect(list).toHaveLength(40);
    expect([list[0]!.id, list[39]!.id]).toEqual(['2020-01-15-red-x#1@2020-H1', '2020-01-15-red-x#1@2039-H2']);
  });

  it('past 40 half-years is reported and followed as a rolling twice-a-year (one commitment, not 162)', () => {
    const { records, diagnostics } = load(meeting(point(1, '{ due: twice-a-year, until: "2100" }')));
    expect(diagnostics.map((d) => d.code)).toEqual(['deadline/too-many-occurrences']);
    const list = deriveCommitments(records, '2020-08-10');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ due: { kind: 'recurring', since: '2020-01-15', day: '2020-07-15' }, state: 'overdue' });
  });

  it('from year 1000 to 9999: out of range, reported, not expanded (18,000 occurrences and out of memory before)', () => {
    const { records, diagnostics } = load(meeting(point(1, '{ due: twice-a-year, from: "1000", until: "9999" }')));
    expect(diagnostics.map((d) => d.code)).toEqual(['date/out-of-range', 'date/out-of-range']);
    expect(deriveCommitments(records, '2020-08-10')).toHaveLength(1);
  });
});

describe('records past the limits, through the CLI', () => {
  const root = path.join(ROOT, 'test/.tmp/dates-limits');
  const files: Record<string, string> = {
    'acta.yaml': 'name: { es: Prueba }\n',
    ...REGISTRIES,
    ...meeting(
      point(1, '{ due: "9999-12-31" }') +
        point(2, '{ due: "9999-H2" }') +
        point(3, '{ due: "0050-03" }') +
        point(4, '{ due: "2011-12-30" }') +
        point(5, '{ due: twice-a-year, from: "1000", until: "9999" }') +
        point(6, '{ due: twice-a-year }', '    followup: [{ date: "9999-12-31", status: partial }]\n') +
        point(7, '{ event: { body: grcm, relation: before } }'),
    ),
    'meetings/9999-12-31-grcm.yaml': 'record: meeting\nid: 9999-12-31-grcm\nbody: grcm\ndates: { start: "9999-12-31" }\nsource: { document: x.txt }\n',
  };

  beforeAll(() => {
    rmSync(root, { recursive: true, force: true });
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
  }, 120_000);

  it('validate reports each year out of range, at its line', async () => {
    const r = await acta(['validate', '--root', root, '-f', 'json']);
    expect(r.status).toBe(1);
    const codes = (JSON.parse(r.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c === 'date/out-of-range')).toHaveLength(7);
    expect(codes).not.toContain('date/invalid');
  });

  // The last day acta reads as today, and the widest window after it, too.
  const READS = [['overdue'], ['list', 'commitments'], ['show', '2020-01-15-red-x'], ['export', '-f', 'csv'], ['export', '-f', 'ics', '2200-12-31'], ['upcoming', '--within', '3660', '2200-12-31'], ['report', '--year', '2020', '-f', 'json', '2200-12-31']];
  it.each(READS.map((a) => [a.join(' '), a] as const))('acta %s does not crash', async (_, args) => {
    for (const asOf of ['2020-02-01', ...args.filter((a) => a.startsWith('2200'))]) {
      const r = await acta([...args.filter((a) => !a.startsWith('2200')), '--root', root, '--as-of', asOf]);
      expect(r.stderr).not.toMatch(/internal error|not a day/);
      expect(r.status, r.stderr).toBe(0);
    }
  });

  it('a year out of range is no deadline: 0050-03 is not overdue since March 1950', async () => {
    const r = await acta(['export', '-f', 'json', '--root', root, '--as-of', '2020-02-01']);
    const rows = (JSON.parse(r.stdout) as { commitments: { id: string; state: string; due: { kind: string } }[] }).commitments;
    const state = (id: string): string | undefined => rows.find((c) => c.id === `2020-01-15-red-x#${id}`)?.state;
    expect([state('1'), state('2'), state('3'), state('4'), state('7')]).toEqual(['no-date', 'no-date', 'no-date', 'overdue', 'waiting']);
  });

  it('the same bytes in every time zone, Samoa\'s skipped 2011-12-30 included', () => {
    const args = ['overdue', '-f', 'json', '--root', root, '--as-of', '2020-02-01'];
    const utc = actaProcess(args, { TZ: 'UTC' });
    expect(utc.stdout).toContain('2011-12-30');
    for (const TZ of ['Pacific/Apia', 'America/Los_Angeles', 'Asia/Kolkata']) expect(actaProcess(args, { TZ }).stdout, TZ).toBe(utc.stdout);
    expect(actaProcess(['validate', '--root', root], { TZ: 'Pacific/Apia' }).stdout).not.toContain('date/invalid');
  });
});

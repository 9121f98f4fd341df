// Dates are calendar dates: no time zone moves a deadline by a day. Runs the engine in-process under several TZ values
// (Node applies a change to process.env.TZ at once); the CLI's byte-for-byte comparison is in cli.test.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { formatDay, formatDue, parsePeriod, shiftDays, shiftMonths, daysBetween } from '../../src/core/dates.js';
import { deriveCommitments } from '../../src/core/followup/index.js';
import { loadRepository } from '../../src/io/load.js';
import { FIXTURE } from './harness.js';

const ZONES = ['UTC', 'America/Tegucigalpa', 'Pacific/Kiritimati', 'America/Santiago', 'Asia/Kathmandu'];
const original = process.env['TZ'];
afterAll(() => {
  if (original === undefined) delete process.env['TZ'];
  else process.env['TZ'] = original;
});

function inZone<T>(tz: string, f: () => T): T {
  process.env['TZ'] = tz;
  return f();
}

describe('time zones', () => {
  it('really switch in this process (or the test would prove nothing)', () => {
    const offsets = ZONES.map((tz) => inZone(tz, () => new Date(2020, 0, 1).getTimezoneOffset()));
    expect(offsets).toEqual([0, 360, -840, 180, -345]);
  });

  it('do not move date arithmetic or formatting', () => {
    const sample = (): unknown => [
      shiftDays('2020-12-31', 1), shiftDays('2020-04-05', 1), shiftDays('2020-09-06', -1), shiftMonths('2020-08-31', 6),
      daysBetween('2020-03-31', '2020-04-01'), daysBetween('2020-04-04', '2020-04-06'), daysBetween('2020-09-05', '2020-09-07'),
      parsePeriod('2020-H2'), formatDay('2020-07-21', 'es'), formatDay('2020-01-01', 'en'), formatDue(parsePeriod('2020-Q4')!, 'es'), formatDue(parsePeriod('2020-H1')!, 'en'),
    ];
    const utc = inZone('UTC', sample);
    expect(utc).toEqual(['2021-01-01', '2020-04-06', '2020-09-05', '2021-02-28', 1, 2, 2, { precision: 'semester', start: '2020-07-01', end: '2020-12-31', label: '2020-H2' }, '21 jul 2020', '1 Jan 2020', '4.º trimestre de 2020', 'first half of 2020']);
    for (const tz of ZONES) expect(inZone(tz, sample), tz).toEqual(utc);
  });

  it('do not change any commitment\'s state, due day or days late, at a period\'s end or the day after', async () => {
    const { records } = await loadRepository(FIXTURE);
    for (const asOf of ['2020-06-30', '2020-07-01', '2020-12-31', '2021-01-01']) {
      const utc = inZone('UTC', () => JSON.stringify(deriveCommitments(records, asOf)));
      for (const tz of ZONES) expect(inZone(tz, () => JSON.stringify(deriveCommitments(records, asOf))), `${tz} ${asOf}`).toBe(utc);
    }
  });
});

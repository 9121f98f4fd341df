// "Within N days of the meeting": due on the meeting's last day + N days, in the engine, the schema and every view.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseRecordFile } from '../../src/core/read/parse.js';
import { diffRecordSets } from '../../src/core/diff/diff.js';
import { deadlineName } from '../../src/render/diff-phrases.js';
import { buildRecordSet } from '../../src/core/records.js';
import { acta, byId, derive, meeting } from './harness.js';
import { validator } from '../schema-validator.js';

const within = (days: string, extra = ''): Record<string, string> =>
  meeting(`  - number: "1"
    action: send
    text: { es: Enviar los informes en un plazo no mayor de sesenta días }
    commitment:
      owners: [MX]
      deadline: { within: { days: ${days} }, text: { es: en un plazo no mayor de sesenta días } }
${extra}`, '2020-01-15-red-x', 'red-x', '2020-01-15", end: "2020-01-16');

describe('the engine', () => {
  it('falls due N calendar days after the meeting last day, at day precision', () => {
    const c = byId(derive(within('60'), '2020-03-01'), '2020-01-15-red-x#1');
    expect(c.due).toEqual({ kind: 'dated', day: '2020-03-16', period: { precision: 'day', start: '2020-03-16', end: '2020-03-16', label: '2020-03-16' }, within: { days: 60, from: '2020-01-16' } });
    expect(c.state).toBe('upcoming');
    expect(c.daysLeft).toBe(15);
  });

  it('is overdue from the next day, across a leap day', () => {
    expect(byId(derive(within('60'), '2020-03-16'), '2020-01-15-red-x#1').state).toBe('upcoming');
    const late = byId(derive(within('60'), '2020-03-17'), '2020-01-15-red-x#1');
    expect([late.state, late.daysLate]).toEqual(['overdue', 1]);
  });

  it('counts an extension from the meeting that decided it', () => {
    const files = {
      ...within('60', `    followup:
      - { date: "2020-03-10", status: in-progress, deadline: { within: { days: 30 } }, decided_by: 2020-03-05-grcm }
`),
      ...meeting(`  - { number: "1", action: thank, text: { es: Gracias } }\n`, '2020-03-05-grcm', 'grcm', '2020-03-05", end: "2020-03-06'),
    };
    const c = byId(derive(files, '2020-03-20'), '2020-01-15-red-x#1');
    expect(c.due).toMatchObject({ kind: 'dated', day: '2020-04-05', within: { days: 30, from: '2020-03-06' } });
    expect(c.extensions).toHaveLength(1);
  });
});

describe('the schema', () => {
  const codes = (files: Record<string, string>): string[] => buildRecordSet(Object.entries(files).map(([f, t]) => parseRecordFile(f, Buffer.from(t))), validator).diagnostics.map((d) => d.code);
  it('takes 1–3660 days, and not beside due or event', () => {
    expect(codes(within('60'))).toEqual([]);
    expect(codes(within('0'))).toEqual(['schema/limit']);
    expect(codes(within('3661'))).toEqual(['schema/limit']);
    expect(codes(within('"60"'))).not.toEqual([]);
    const both = Object.fromEntries(Object.entries(within('60')).map(([f, t]) => [f, t.replace('within: { days: 60 }', 'within: { days: 60 }, due: "2020-03"')]));
    expect(codes(both)).toEqual(['schema/invalid']);
  });
});

const AT = ['--root', 'test/fixtures/within'];

describe('every view', () => {
  it('overdue and upcoming', async () => {
    const over = await acta(['overdue', '--lang', 'en', '--as-of', '2020-03-20', ...AT]);
    expect(over.status).toBe(0);
    expect(over.stdout).toMatch(/16 Mar 2020 +│ 4 +│ 2020-01-15-red-x +│ Send their reports/);
    expect(over.stdout).toMatch(/^1 overdue commitment/m);
    const md = await acta(['overdue', '-f', 'md', '--lang', 'en', '--as-of', '2020-03-20', ...AT]);
    expect(md.stdout).toMatch(/16 Mar 2020 \(60 days from 16 Jan 2020\)/);
    const json = JSON.parse((await acta(['upcoming', '-f', 'json', '--within', '30d', '--as-of', '2020-07-10', ...AT])).stdout);
    expect(JSON.stringify(json)).toMatch(/"within":\{"days":200,"from":"2020-01-16"\}/);
    expect(JSON.stringify(json)).toMatch(/2020-08-03/);
  });

  it('the consolidated report', async () => {
    const r = await acta(['report', '--lang', 'en', '--as-of', '2020-03-20', ...AT]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/16 Mar 2020/);
  });

  it('the iCalendar export: an all-day event on the computed day', async () => {
    const r = await acta(['export', '-f', 'ics', '--as-of', '2020-03-01', ...AT]);
    const events = new ICAL.Component(ICAL.parse(r.stdout)).getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('dtstart')));
    expect(events.sort()).toEqual(['2020-03-16', '2020-08-03']);
  });

  it('show gives the computed day', async () => {
    const r = await acta(['show', '2020-01-15-red-x#1', '--lang', 'es', '--as-of', '2020-03-01', ...AT]);
    expect(r.stdout).toMatch(/16 mar 2020 +│ upcoming|16 mar 2020/);
  });
});

describe('diff', () => {
  const set = (files: Record<string, string>) => buildRecordSet(Object.entries(files).map(([f, t]) => parseRecordFile(f, Buffer.from(t))), validator).records;
  it('says how many days the period changed to', () => {
    const r = diffRecordSets(set(within('60')), set(within('90')), { base: { label: 'base' }, head: { label: 'head' } });
    expect(r.changes[0]).toMatchObject({ kind: 'deadline-moved', before: { within: 60 }, after: { within: 90 }, flagged: true });
    expect(deadlineName({ within: 90 }, 'en')).toBe('within 90 days of the meeting');
    expect(deadlineName({ within: 90 }, 'es')).toBe('en un plazo de 90 días desde la reunión');
  });
});

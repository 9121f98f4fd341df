// Each precision falls due at the END of its period: the day before the end and the end itself are not overdue, the next day is.
import { describe, expect, it } from 'vitest';
import { byId, derive, meeting } from './harness.js';

const point = (n: string, due: string, extra = ''): string => `  - number: "${n}"
    action: request
    text: { es: Punto ${n} }
    commitment:
      owners: [st]
      deadline: { due: "${due}"${extra} }
`;

const files = meeting([point('1', '2020-03-10'), point('2', '2020-02'), point('3', '2020-Q1'), point('4', '2020-H1'), point('5', '2020'), point('6', '2024-02')].join(''));

const cases: [string, string, string][] = [
  // [agreement, last day of the period, first day after it]
  ['1', '2020-03-10', '2020-03-11'],
  ['2', '2020-02-29', '2020-03-01'], // leap year
  ['3', '2020-03-31', '2020-04-01'],
  ['4', '2020-06-30', '2020-07-01'],
  ['5', '2020-12-31', '2021-01-01'],
  ['6', '2024-02-29', '2024-03-01'],
];

const dayBefore = (d: string): string => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return day > 1 ? `${y}-${String(m).padStart(2, '0')}-${String(day - 1).padStart(2, '0')}` : d;
};

describe('deadline precision boundaries', () => {
  for (const [n, end, after] of cases) {
    it(`point ${n}: open the day before ${end}, due on it, overdue from ${after}`, () => {
      const before = byId(derive(files, dayBefore(end), { warnDays: 0 }), `2020-01-15-red-x#${n}`);
      expect(before.state).toBe('open');
      expect(before.daysLeft).toBe(1);
      const on = byId(derive(files, end, { warnDays: 0 }), `2020-01-15-red-x#${n}`);
      expect(on.state).toBe('upcoming');
      expect(on.daysLeft).toBe(0);
      expect(on.daysLate).toBeUndefined();
      const late = byId(derive(files, after, { warnDays: 0 }), `2020-01-15-red-x#${n}`);
      expect(late.state).toBe('overdue');
      expect(late.daysLate).toBe(1);
    });
  }

  it('counts days late in calendar days across a year end', () => {
    expect(byId(derive(files, '2021-03-10'), '2020-01-15-red-x#1').daysLate).toBe(365);
  });

  it('keeps the period and its precision', () => {
    const c = byId(derive(files, '2020-01-20'), '2020-01-15-red-x#3');
    expect(c.due).toMatchObject({ kind: 'dated', day: '2020-03-31', period: { precision: 'quarter', start: '2020-01-01', label: '2020-Q1' } });
  });
});

describe('the warning window', () => {
  const warned = meeting(point('1', '2020-03-31') + point('2', '2020-03-31', ', warn: 5'));

  it('is 30 days by default: upcoming at 30 days left, open at 31', () => {
    expect(byId(derive(warned, '2020-03-01'), '2020-01-15-red-x#1').state).toBe('upcoming');
    expect(byId(derive(warned, '2020-02-29'), '2020-01-15-red-x#1').state).toBe('open');
  });

  it('takes the records\' warn_days, then each deadline\'s warn, then --within over both', () => {
    expect(byId(derive(warned, '2020-03-21', { warnDays: 10 }), '2020-01-15-red-x#1').state).toBe('upcoming');
    expect(byId(derive(warned, '2020-03-20', { warnDays: 10 }), '2020-01-15-red-x#1').state).toBe('open');
    expect(byId(derive(warned, '2020-03-25', { warnDays: 10 }), '2020-01-15-red-x#2').state).toBe('open');
    expect(byId(derive(warned, '2020-03-26', { warnDays: 10 }), '2020-01-15-red-x#2').state).toBe('upcoming');
    expect(byId(derive(warned, '2020-03-01', { within: 60 }), '2020-01-15-red-x#2').state).toBe('upcoming');
    expect(byId(derive(warned, '2020-03-01', { within: 60 }), '2020-01-15-red-x#2').warnDays).toBe(60);
  });
});

describe('forms without a date', () => {
  const forms = meeting(point('1', 'continuous') + point('2', 'tbd') + `  - number: "3"
    action: send
    text: { es: Enviar algo }
    actors: [iom]
`);

  it('continuous is never overdue, tbd and operational points without a block have no date', () => {
    const list = derive(forms, '2099-01-01');
    expect(byId(list, '2020-01-15-red-x#1').state).toBe('continuous');
    expect(byId(list, '2020-01-15-red-x#2')).toMatchObject({ state: 'no-date', due: { kind: 'none', tbd: true } });
    expect(byId(list, '2020-01-15-red-x#3')).toMatchObject({ state: 'no-date', owners: ['iom'], due: { kind: 'none', tbd: false } });
  });
});

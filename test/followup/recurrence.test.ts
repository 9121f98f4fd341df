// "Dos veces al año": plan cells expand into half-year occurrences, each closed by its own entry; a twice-a-year agreement
// with no end recurs, overdue when no follow-up is recorded within the last half year.
import { describe, expect, it } from 'vitest';
import { byId, derive, meeting } from './harness.js';

const plan = (schedule: string, followup = ''): Record<string, string> => ({
  'plans/2020-2021-red-x.yaml': `record: plan
id: 2020-2021-red-x
body: red-x
title: { es: Plan }
period: { start: "2020", end: "2021" }
columns: ["2020", "2021"]
source: { document: plan.txt }
axes:
  - number: "1"
    title: { es: Eje }
    objectives:
      - number: I
        results:
          - number: "1"
            activities:
              - number: "1.1"
                text: { es: Informar }
                responsible: [st]
                schedule: ${schedule}
${followup}`,
});

const A = '2020-2021-red-x#1/I/1/1.1';

describe('work-plan schedule cells', () => {
  it('twice a year: two occurrences per year, each closed by a follow-up naming it', () => {
    const files = plan('{ "2020": twice-a-year, "2021": twice-a-year }', `                followup:
                  - { date: "2020-06-20", status: done, occurrence: "2020-H1" }
`);
    const list = derive(files, '2021-01-05');
    expect(list.filter((c) => c.origin.ref === A).map((c) => c.id)).toEqual([`${A}@2020-H1`, `${A}@2020-H2`, `${A}@2021-H1`, `${A}@2021-H2`]);
    expect(byId(list, `${A}@2020-H1`).state).toBe('done');
    expect(byId(list, `${A}@2020-H2`)).toMatchObject({ state: 'overdue', daysLate: 5 });
    expect(byId(list, `${A}@2021-H1`).state).toBe('open');
  });

  it('semester, quarter and year cells are dated periods of their column; continuous and tbd are not', () => {
    const list = derive(plan('{ "2020": Q2, "2021": year }'), '2020-07-01');
    expect(byId(list, `${A}@2020-Q2`)).toMatchObject({ state: 'overdue', daysLate: 1, due: { day: '2020-06-30' } });
    expect(byId(list, `${A}@2021`)).toMatchObject({ state: 'open', due: { day: '2021-12-31' } });
    const forms = derive(plan('{ "2020": continuous, "2021": tbd }'), '2030-01-01');
    expect(byId(forms, `${A}@2020`).state).toBe('continuous');
    expect(byId(forms, `${A}@2021`).state).toBe('no-date');
  });

  it('an entry naming the column year closes every occurrence of that year; one with no occurrence, all', () => {
    const year = derive(plan('{ "2020": twice-a-year, "2021": H1 }', `                followup:
                  - { date: "2020-12-01", status: done, occurrence: "2020" }
`), '2021-08-01');
    expect([`${A}@2020-H1`, `${A}@2020-H2`].map((id) => byId(year, id).state)).toEqual(['done', 'done']);
    expect(byId(year, `${A}@2021-H1`).state).toBe('overdue');
    const all = derive(plan('{ "2020": H1, "2021": H1 }', `                followup:
                  - { date: "2020-03-01", status: cancelled }
`), '2021-08-01');
    expect(all.filter((c) => c.origin.ref === A).map((c) => c.state)).toEqual(['cancelled', 'cancelled']);
  });
});

const rolling = (followup: string): Record<string, string> =>
  meeting(`  - number: "1"
    action: request
    text: { es: Informar dos veces al año }
    commitment:
      owners: [iom]
      deadline: { due: twice-a-year }
${followup}`);

describe('twice-a-year agreements', () => {
  it('with no follow-up: due six months after the meeting, overdue from the next day', () => {
    expect(byId(derive(rolling(''), '2020-07-15'), '2020-01-15-red-x#1')).toMatchObject({ state: 'upcoming', daysLeft: 0, due: { kind: 'recurring', since: '2020-01-15', day: '2020-07-15' } });
    expect(byId(derive(rolling(''), '2020-07-16'), '2020-01-15-red-x#1')).toMatchObject({ state: 'overdue', daysLate: 1 });
  });

  it('a report within the last half year keeps it open; done does not close a recurring duty', () => {
    const files = rolling(`    followup:
      - { date: "2020-06-01", status: done }
`);
    expect(byId(derive(files, '2020-11-30'), '2020-01-15-red-x#1')).toMatchObject({ state: 'upcoming', due: { since: '2020-06-01', day: '2020-12-01' } });
    expect(byId(derive(files, '2020-12-02'), '2020-01-15-red-x#1')).toMatchObject({ state: 'overdue', daysLate: 1 });
  });

  it('no-information is not a report: the clock is not reset', () => {
    const files = rolling(`    followup:
      - { date: "2020-06-01", status: no-information }
`);
    expect(byId(derive(files, '2020-08-01'), '2020-01-15-red-x#1')).toMatchObject({ state: 'overdue', status: 'no-information' });
  });

  it('with from and until: explicit half-year occurrences', () => {
    const files = meeting(`  - number: "1"
    action: request
    text: { es: Informar }
    commitment:
      owners: [iom]
      deadline: { due: twice-a-year, from: "2020-H2", until: "2021" }
    followup:
      - { date: "2020-12-20", status: done, occurrence: "2020-H2" }
`);
    const list = derive(files, '2021-07-01');
    expect(list.map((c) => `${c.id} ${c.state}`)).toEqual(['2020-01-15-red-x#1@2020-H2 done', '2020-01-15-red-x#1@2021-H1 overdue', '2020-01-15-red-x#1@2021-H2 open']);
  });
});

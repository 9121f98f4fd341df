// Which points are commitments, what closes them, and what a recorded status shows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATES, stateCounter, summariseStates } from '../../src/core/followup/index.js';
import { byId, derive, meeting } from './harness.js';

const agreements = meeting(`  - { number: "1", action: thank, text: { es: Agradecer }, actors: [MX] }
  - number: "2"
    action: take-note
    text: { es: Tomar nota; la ST enviará un resumen }
    commitment: { owners: [st], deadline: { due: "2020-02-01" } }
  - { number: "3", action: request, text: { es: Solicitar a la OIM }, actors: [iom] }
  - number: "4"
    text: { es: "Encabezado:" }
    items:
      - { number: a, action: send, text: { es: Enviar }, actors: [GT] }
      - { number: b, action: welcome, text: { es: Acoger } }
  - number: "5"
    action: request
    text: { es: Cinco }
    commitment: { owners: [st], deadline: { due: "2020-02-01" } }
    followup: [{ date: "2020-01-20", status: not-applicable }]
  - number: "6"
    action: request
    text: { es: Seis }
    commitment: { owners: [st], deadline: { due: "2020-02-01" } }
    followup: [{ date: "2020-01-20", status: cancelled }]
  - number: "7"
    action: request
    text: { es: Siete }
    commitment: { owners: [st], deadline: { due: "2020-02-01" } }
    followup: [{ date: "2020-01-20", status: superseded, superseded_by: "2020-01-15-red-x#8" }, { date: "2020-01-21", status: pending }]
  - number: "8"
    action: request
    text: { es: Ocho }
    commitment: { owners: [st], deadline: { due: "2020-02-01" } }
    followup: [{ date: "2020-01-20", status: no-information }]
  - number: "9"
    action: entrust
    text: { es: Nueve }
    commitment:
      owners: [st]
      schedule:
        - { task: { es: Paso uno }, deadline: { due: "2020-02-01" } }
        - { task: { es: Paso dos }, owners: [iom], deadline: { due: "2020-03-01" } }
    followup: [{ date: "2020-02-15", status: done, step: 1 }, { date: "2020-04-01", status: done }]
  - number: "10"
    action: request
    text: { es: Diez }
    commitment: { owners: [st], deadline: { due: "2020-02-01" } }
    followup:
      - { date: "2020-01-25", status: pending, deadline: { due: "2020-03-15" }, decided_by: 2020-01-15-red-x }
      - { date: "2020-03-10", status: pending, deadline: { due: "2020-05" } }
`);

describe('what is a commitment', () => {
  it('an agreement with a commitment block (whatever its action), or an operational action without one', () => {
    const ids = derive(agreements, '2020-01-16').map((c) => c.id);
    expect(ids).not.toContain('2020-01-15-red-x#1');
    expect(ids).toContain('2020-01-15-red-x#2');
    expect(ids).toContain('2020-01-15-red-x#3');
    expect(ids).toContain('2020-01-15-red-x#4.a');
    expect(ids).not.toContain('2020-01-15-red-x#4');
    expect(ids).not.toContain('2020-01-15-red-x#4.b');
    expect(ids.filter((id) => id.startsWith('2020-01-15-red-x#9'))).toEqual(['2020-01-15-red-x#9', '2020-01-15-red-x#9/1', '2020-01-15-red-x#9/2']);
  });

  it('a step is owed by its own owners, else by the commitment\'s', () => {
    const list = derive(agreements, '2020-01-16');
    expect(byId(list, '2020-01-15-red-x#9/1').owners).toEqual(['st']);
    expect(byId(list, '2020-01-15-red-x#9/2').owners).toEqual(['iom']);
  });
});

describe('statuses', () => {
  const list = derive(agreements, '2020-03-12');

  it('not-applicable, cancelled and superseded close; a later entry does not reopen', () => {
    expect(byId(list, '2020-01-15-red-x#5').state).toBe('not-applicable');
    expect(byId(list, '2020-01-15-red-x#6').state).toBe('cancelled');
    expect(byId(list, '2020-01-15-red-x#7')).toMatchObject({ state: 'superseded', supersededBy: '2020-01-15-red-x#8', status: 'pending' });
  });

  it('no-information is kept as the reported status, never turned into "not done"', () => {
    expect(byId(list, '2020-01-15-red-x#8')).toMatchObject({ state: 'overdue', status: 'no-information' });
  });

  it('a step\'s entry closes that step alone; a done on the point closes its steps', () => {
    expect(byId(list, '2020-01-15-red-x#9/1').state).toBe('done');
    expect(byId(list, '2020-01-15-red-x#9/2').state).toBe('overdue');
    const later = derive(agreements, '2020-04-02');
    expect(['#9', '#9/1', '#9/2'].map((k) => byId(later, `2020-01-15-red-x${k}`).state)).toEqual(['done', 'done', 'done']);
  });

  it('a follow-up with a deadline moves it, keeping the history', () => {
    const c = byId(list, '2020-01-15-red-x#10');
    expect(c.due).toMatchObject({ day: '2020-05-31', period: { precision: 'month' } });
    expect(c.state).toBe('open');
    expect(c.extensions.map((e) => [e.date, e.from.kind === 'dated' ? e.from.day : '', e.to.kind === 'dated' ? e.to.day : '', e.decidedBy])).toEqual([
      ['2020-01-25', '2020-02-01', '2020-03-15', '2020-01-15-red-x'],
      ['2020-03-10', '2020-03-15', '2020-05-31', undefined],
    ]);
  });

  it('as of a date, later follow-up is not known yet', () => {
    const early = derive(agreements, '2020-01-19');
    expect(byId(early, '2020-01-15-red-x#5').state).toBe('upcoming');
    expect(byId(early, '2020-01-15-red-x#5').status).toBeUndefined();
    expect(byId(derive(agreements, '2020-03-01'), '2020-01-15-red-x#10').due).toMatchObject({ day: '2020-03-15' });
  });

  it('a later point that says it supersedes one closes it once adopted', () => {
    const files = { ...meeting(`  - number: "1"\n    action: request\n    text: { es: Uno }\n    commitment: { owners: [st], deadline: { due: "2020-06-30" } }\n`), ...meeting(`  - number: "1"\n    action: request\n    supersedes: "2020-01-15-red-x#1"\n    text: { es: Otro }\n    commitment: { owners: [st], deadline: { due: "2020-09-30" } }\n`, '2020-04-20-grcm', 'grcm', '2020-04-20') };
    expect(byId(derive(files, '2020-04-19'), '2020-01-15-red-x#1').state).toBe('open');
    expect(byId(derive(files, '2020-04-20'), '2020-01-15-red-x#1')).toMatchObject({ state: 'superseded', supersededBy: '2020-04-20-grcm#1' });
  });

  it('summariseStates counts every state', () => {
    const summary = summariseStates(list);
    expect(Object.keys(summary)).toEqual([...STATES, 'total']);
    expect(summary.total).toBe(list.length);
    expect(STATES.reduce((n, s) => n + summary[s], 0)).toBe(list.length);
  });

  it('stateCounter, fed the states one by one, gives summariseStates\' summary (same keys, same order)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STATES), { maxLength: 40 }), (states) => {
        const counter = stateCounter();
        for (const state of states) counter.add(state);
        expect(JSON.stringify(counter.summary())).toBe(JSON.stringify(summariseStates(states.map((state) => ({ state })))));
      }),
    );
  });
});

describe('one shape', () => {
  // Every commitment has every member the type lists, in one order (the absent ones undefined): the readers' property
  // accesses see one object shape, not one per combination of optional members (docs/internals/performance.md).
  it('every commitment, whatever its kind and state, has the same keys in the same order', () => {
    const list = [...derive(agreements, '2020-01-16'), ...derive(agreements, '2020-03-12'), ...derive(agreements, '2020-04-02')];
    expect(new Set(list.map((c) => c.state)).size).toBeGreaterThan(3);
    const keys = new Set(list.map((c) => Object.keys(c).join(',')));
    expect([...keys]).toHaveLength(1);
    expect([...keys][0]!.split(',')).toContain('supersededBy');
  });
});

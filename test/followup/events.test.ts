// "Before the next GRCM meeting": resolved against the first GRCM meeting on record that starts after the setting meeting.
import { describe, expect, it } from 'vitest';
import { byId, derive, meeting } from './harness.js';

const setter = meeting(`  - number: "1"
    action: send
    text: { es: Enviar comentarios antes de la próxima reunión del GRCM }
    commitment:
      owners: [st]
      deadline: { event: { body: grcm, relation: before, expected: "2020-11" } }
  - number: "2"
    action: send
    text: { es: Presentar en la próxima reunión del GRCM }
    commitment:
      owners: [st]
      deadline: { event: { body: grcm, relation: at } }
`, '2020-06-08-red-x', 'red-x', '2020-06-08');

const grcm = (start: string, end?: string): Record<string, string> =>
  meeting(`  - { number: "1", action: thank, text: { es: Gracias } }\n`, `${start}-grcm`, 'grcm', start + (end ? `", end: "${end}` : ''));

describe('event-relative deadlines', () => {
  it('wait for a date while the body has no meeting on record after the setting one', () => {
    const list = derive({ ...setter, ...grcm('2020-06-01') }, '2021-01-01');
    const c = byId(list, '2020-06-08-red-x#1');
    expect(c.state).toBe('waiting');
    expect(c.due).toMatchObject({ kind: 'waiting', body: 'grcm', relation: 'before', expected: { label: '2020-11' } });
  });

  it('take the first meeting after it: the day before it starts (before) or its first day (at)', () => {
    const list = derive({ ...setter, ...grcm('2020-06-01'), ...grcm('2020-11-19', '2020-11-20'), ...grcm('2021-05-04') }, '2020-11-18');
    const before = byId(list, '2020-06-08-red-x#1');
    expect(before.due).toMatchObject({ kind: 'dated', day: '2020-11-18', event: { meeting: '2020-11-19-grcm', relation: 'before' } });
    expect(before.state).toBe('upcoming');
    expect(before.daysLeft).toBe(0);
    const at = byId(list, '2020-06-08-red-x#2');
    expect(at.due).toMatchObject({ kind: 'dated', day: '2020-11-19', period: { precision: 'day' } });
  });

  it('become overdue the day the meeting starts (before) or the day after it starts (at)', () => {
    const files = { ...setter, ...grcm('2020-11-19', '2020-11-20') };
    expect(byId(derive(files, '2020-11-19'), '2020-06-08-red-x#1').daysLate).toBe(1);
    expect(byId(derive(files, '2020-11-19'), '2020-06-08-red-x#2').state).toBe('upcoming');
    expect(byId(derive(files, '2020-11-20'), '2020-06-08-red-x#2').daysLate).toBe(1);
  });

  it('with an expected period, skip meetings of the body held before it', () => {
    const list = derive({ ...setter, ...grcm('2020-06-09'), ...grcm('2020-11-19') }, '2020-12-01');
    expect(byId(list, '2020-06-08-red-x#1').due).toMatchObject({ kind: 'dated', day: '2020-11-18', event: { meeting: '2020-11-19-grcm' } });
    expect(byId(list, '2020-06-08-red-x#2').due).toMatchObject({ kind: 'dated', day: '2020-06-09', event: { meeting: '2020-06-09-grcm' } });
  });

  it('do not take a meeting of the body that starts on the setting meeting\'s own last day or before', () => {
    const files = { ...setter, ...grcm('2020-06-08') };
    expect(byId(derive(files, '2020-12-01'), '2020-06-08-red-x#1').state).toBe('waiting');
  });

  it('set by an extension count from the deciding meeting', () => {
    const moved = meeting(`  - number: "1"
    action: send
    text: { es: Enviar }
    commitment:
      owners: [st]
      deadline: { due: "2020-03-31" }
    followup:
      - date: "2020-04-20"
        status: pending
        decided_by: 2020-04-20-grcm
        deadline: { event: { body: grcm, relation: before } }
`);
    const early = derive({ ...moved, ...grcm('2020-04-20') }, '2020-05-01');
    expect(byId(early, '2020-01-15-red-x#1').state).toBe('waiting');
    const later = derive({ ...moved, ...grcm('2020-04-20'), ...grcm('2020-10-01') }, '2020-05-01');
    const c = byId(later, '2020-01-15-red-x#1');
    expect(c.due).toMatchObject({ kind: 'dated', day: '2020-09-30' });
    expect(c.extensions).toEqual([expect.objectContaining({ date: '2020-04-20', decidedBy: '2020-04-20-grcm', from: expect.objectContaining({ day: '2020-03-31' }), to: expect.objectContaining({ day: '2020-09-30' }) })]);
  });
});

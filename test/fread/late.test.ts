// Late is visible: a commitment, a member's share or an occurrence delivered after its due day says by how many days.
import { describe, expect, it } from 'vitest';
import { buildActorDirectory } from '../../src/core/actors.js';
import { viewCommitment } from '../../src/core/queries/view.js';
import { labels } from '../../src/render/i18n.js';
import { commitmentStateCell } from '../../src/render/commitment-cells.js';
import { PLAIN } from '../../src/render/style.js';
import { byId, derive, meeting, records } from '../followup/harness.js';

const point = (owners: string, due: string, followup: string): Record<string, string> =>
  meeting(`  - number: "1"
    action: send
    text: { es: Enviar informes }
    commitment:
      owners: [${owners}]
      deadline: { due: "${due}" }
    followup:
${followup}`);

describe('done late', () => {
  it('a point closed by done after its due day: state done, doneOn, daysLateDelivered', () => {
    const c = byId(derive(point('iom', '2020-03-31', '      - { date: "2020-04-13", status: done }'), '2020-07-15'), '2020-01-15-red-x#1');
    expect(c).toMatchObject({ state: 'done', doneOn: '2020-04-13', daysLateDelivered: 13 });
  });

  it('on time says nothing more', () => {
    const c = byId(derive(point('iom', '2020-03-31', '      - { date: "2020-03-31", status: done }'), '2020-07-15'), '2020-01-15-red-x#1');
    expect(c.state).toBe('done');
    expect(c.daysLateDelivered).toBeUndefined();
  });

  it('a group is done late when its last member delivered late; each late share says its days', () => {
    const c = byId(derive(point('member-countries', '2020-03-31', '      - { date: "2020-03-20", status: partial, delivered_by: [GT, HN] }\n      - { date: "2020-04-05", status: done, delivered_by: [MX, SV] }'), '2020-07-15'), '2020-01-15-red-x#1');
    expect(c).toMatchObject({ state: 'done', doneOn: '2020-04-05', daysLateDelivered: 5 });
    expect(c.delivered.map((d) => d.daysLate)).toEqual([undefined, undefined, 5, 5]);
  });

  it('reads "done late (N days)" in tables, in both languages', () => {
    const files = point('iom', '2020-03-31', '      - { date: "2020-04-01", status: done }');
    const c = byId(derive(files, '2020-07-15'), '2020-01-15-red-x#1');
    const dir = buildActorDirectory(records(files).registries);
    expect(commitmentStateCell(viewCommitment(c, { dir, lang: 'en' }), labels('en'), PLAIN)).toBe('done late (1 day)');
    expect(commitmentStateCell(viewCommitment(c, { dir, lang: 'es' }), labels('es'), PLAIN)).toBe('cumplido con retraso (1 día)');
  });
});

// A commitment owed by a group is owed by each member: delivered_by closes it for those alone; done with no delivered_by, for all.
import { describe, expect, it } from 'vitest';
import { buildActorDirectory } from '../../src/core/actors.js';
import { buildFollowupReport } from '../../src/core/queries/followup-report.js';
import { byId, derive, meeting, records } from './harness.js';

const owed = (followup: string): Record<string, string> =>
  meeting(`  - number: "1"
    action: send
    text: { es: Los Países Miembros enviarán sus informes }
    commitment:
      owners: [member-countries]
      deadline: { due: "2020-03-31" }
${followup}`);

describe('group-owed commitments', () => {
  it('are owed by each member until each delivers', () => {
    const c = byId(derive(owed(''), '2020-04-10'), '2020-01-15-red-x#1');
    expect(c.owed).toEqual(['GT', 'HN', 'MX', 'SV']);
    expect(c.pending).toEqual(['GT', 'HN', 'MX', 'SV']);
    expect(c.state).toBe('overdue');
  });

  it('name only those who have not delivered', () => {
    const files = owed(`    followup:
      - { date: "2020-03-20", status: partial, delivered_by: [GT] }
      - { date: "2020-04-02", status: done, delivered_by: [MX, HN] }
`);
    const c = byId(derive(files, '2020-04-10'), '2020-01-15-red-x#1');
    expect(c.pending).toEqual(['SV']);
    expect(c.delivered).toEqual([{ actor: 'GT', date: '2020-03-20' }, { actor: 'MX', date: '2020-04-02', daysLate: 2 }, { actor: 'HN', date: '2020-04-02', daysLate: 2 }]);
    expect(c).toMatchObject({ state: 'overdue', daysLate: 10, status: 'done' });
  });

  it('are done once every member has delivered, even if no entry says done', () => {
    const files = owed(`    followup:
      - { date: "2020-03-20", status: partial, delivered_by: [GT, HN] }
      - { date: "2020-03-25", status: partial, delivered_by: [member-countries] }
`);
    expect(byId(derive(files, '2020-04-10'), '2020-01-15-red-x#1')).toMatchObject({ state: 'done', pending: [] });
  });

  it('are closed for all by done with no delivered_by', () => {
    const files = owed(`    followup:
      - { date: "2020-03-20", status: partial, delivered_by: [GT] }
      - { date: "2020-04-05", status: done }
`);
    expect(byId(derive(files, '2020-04-10'), '2020-01-15-red-x#1')).toMatchObject({ state: 'done', pending: [] });
  });

  it('appear under each member still owing in the overdue list by actor, and only them', () => {
    const recs = records(owed(`    followup:
      - { date: "2020-03-20", status: partial, delivered_by: [GT, MX] }
`));
    const dir = buildActorDirectory(recs.registries);
    const { deriveCommitments } = require_();
    const report = buildFollowupReport(deriveCommitments(recs, '2020-04-10'), {}, { dir, lang: 'es' }, { kind: 'overdue', asOf: '2020-04-10', by: 'actor' });
    expect(report.groups.map((g) => g.key)).toEqual(['SV', 'HN']); // by name: El Salvador, Honduras
    expect(report.count).toBe(1);
    const onlyMx = buildFollowupReport(deriveCommitments(recs, '2020-04-10'), { actors: new Set(['MX']) }, { dir, lang: 'es' }, { kind: 'overdue', asOf: '2020-04-10' });
    expect(onlyMx.count).toBe(0);
    const onlySv = buildFollowupReport(deriveCommitments(recs, '2020-04-10'), { actors: new Set(['SV']) }, { dir, lang: 'es' }, { kind: 'overdue', asOf: '2020-04-10', by: 'actor' });
    expect(onlySv.groups.map((g) => g.key)).toEqual(['SV']);
  });

  it('show the group while no member has delivered, the members left once some have', () => {
    const recs = records(owed(`    followup:
      - { date: "2020-03-20", status: partial, delivered_by: [GT] }
`));
    const dir = buildActorDirectory(recs.registries);
    const { deriveCommitments } = require_();
    const before = buildFollowupReport(deriveCommitments(recs, '2020-03-10'), {}, { dir, lang: 'es' }, { kind: 'upcoming', asOf: '2020-03-10' });
    expect(before.groups[0]!.rows[0]!.owing.map((a) => a.id)).toEqual(['member-countries']);
    const after = buildFollowupReport(deriveCommitments(recs, '2020-04-10'), {}, { dir, lang: 'es' }, { kind: 'overdue', asOf: '2020-04-10' });
    expect(after.groups[0]!.rows[0]!.owing.map((a) => a.label)).toEqual(['Honduras', 'México', 'El Salvador']);
  });
});

import * as followup from '../../src/core/followup/index.js';
function require_(): typeof followup {
  return followup;
}

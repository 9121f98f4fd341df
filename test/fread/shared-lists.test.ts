// A commitment view's lists of actors (owners, owed, pending, owing) are shared between views that name the same
// actors, and frozen: the same contents as each view's own lists, in every language, whatever was delivered.
import { describe, expect, it } from 'vitest';
import { buildActorDirectory } from '../../src/core/actors.js';
import type { Commitment } from '../../src/core/followup/index.js';
import type { ViewContext } from '../../src/core/queries/view.js';
import { actorRefs, viewCommitment } from '../../src/core/queries/view.js';
import { byId, derive, meeting, records } from '../followup/harness.js';

const FILES = {
  'registries/groups.yaml': `record: groups
groups:
  - { id: member-countries, name: { es: Países Miembros }, members: [GT, HN, MX, SV] }
  - { id: northern, name: { es: Norte }, members: [GT, MX] }
`,
  ...meeting(['member-countries', 'member-countries', 'member-countries, northern', 'northern', 'MX, iom', 'member-countries']
    .map((owners, i) => `  - number: "${i + 1}"
    action: send
    text: { es: Enviar informes }
    commitment:
      owners: [${owners}]
      deadline: { due: "2020-03-31" }${i === 5 ? '\n    followup:\n      - { date: "2020-03-20", status: partial, delivered_by: [GT, HN] }' : ''}`)
    .join('\n')),
};

function setUp(): { list: Commitment[]; es: ViewContext; en: ViewContext } {
  const list = derive(FILES, '2020-07-15');
  const dir = buildActorDirectory(records(FILES).registries);
  return { list, es: { dir, lang: 'es' }, en: { dir, lang: 'en' } };
}

const point = (list: readonly Commitment[], n: number): Commitment => byId(list, `2020-01-15-red-x#${n}`);

describe('a commitment view’s lists of actors', () => {
  it('are what each view would make for itself, for every commitment, in both languages', () => {
    const { list, es, en } = setUp();
    for (const ctx of [es, en]) {
      for (const c of list) {
        const v = viewCommitment(c, ctx);
        expect(v.owners).toEqual(actorRefs(c.owners, ctx));
        expect(v.owed).toEqual(actorRefs(c.owed, ctx));
        expect(v.pending).toEqual(actorRefs(c.pending, ctx));
      }
    }
    expect(viewCommitment(point(list, 6), es).owing.map((a) => a.id)).toEqual(['MX', 'SV']);
    expect(viewCommitment(point(list, 3), es).owing.map((a) => a.id)).toEqual(['member-countries', 'northern']);
  });

  it('are one frozen list for the views that name the same actors', () => {
    const { list, es } = setUp();
    const [a, b] = [viewCommitment(point(list, 1), es), viewCommitment(point(list, 2), es)];
    for (const key of ['owners', 'owed', 'pending', 'owing'] as const) {
      expect(a[key]).toBe(b[key]);
      expect(Object.isFrozen(a[key])).toBe(true);
    }
    expect(a.pending).toBe(a.owed);
    // Another list of owners, or what is left once some delivered, is its own.
    const partial = viewCommitment(point(list, 6), es);
    expect(partial.owners).toBe(a.owners);
    expect(partial.pending).not.toBe(a.pending);
    expect(viewCommitment(point(list, 4), es).owners).not.toBe(a.owners);
  });

  it('keep each language’s labels apart', () => {
    const { list, es, en } = setUp();
    const c = point(list, 5);
    expect(viewCommitment(c, es).owners.map((r) => r.label)).toEqual(['México', 'OIM']);
    expect(viewCommitment(c, en).owners.map((r) => r.label)).toEqual(['Mexico', 'IOM']);
  });

  it('name who still owes by the owners too, not only by what they owe', () => {
    // Two commitments owing the same expanded list under other owners: a group, or its members named one by one.
    const { list, es } = setUp();
    const group = point(list, 1);
    const named: Commitment = { ...group, owners: ['GT', 'HN', 'MX', 'SV'] };
    expect(viewCommitment(group, es).owing.map((a) => a.id)).toEqual(['member-countries']);
    expect(viewCommitment(named, es).owing.map((a) => a.id)).toEqual(['GT', 'HN', 'MX', 'SV']);
  });
});

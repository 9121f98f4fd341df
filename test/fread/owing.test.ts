// Who still owes a commitment, as its view names them (`owing`): a group while none of its members has delivered, the
// members left once some have, each actor once however many owners name it, in the owners' order.
import { describe, expect, it } from 'vitest';
import { buildActorDirectory } from '../../src/core/actors.js';
import { viewCommitment } from '../../src/core/queries/view.js';
import { byId, derive, meeting, records } from '../followup/harness.js';

const GROUPS = {
  'registries/groups.yaml': `record: groups
groups:
  - { id: member-countries, name: { es: Países Miembros }, members: [GT, HN, MX, SV] }
  - { id: northern, name: { es: Norte }, members: [GT, MX] }
`,
};

function owing(owners: string, followup = ''): string[] {
  const files = {
    ...GROUPS,
    ...meeting(`  - number: "1"
    action: send
    text: { es: Enviar informes }
    commitment:
      owners: [${owners}]
      deadline: { due: "2020-03-31" }${followup ? `\n    followup:\n${followup}` : ''}`),
  };
  const c = byId(derive(files, '2020-07-15'), '2020-01-15-red-x#1');
  const dir = buildActorDirectory(records(files).registries);
  return viewCommitment(c, { dir, lang: 'es' }).owing.map((a) => a.id);
}

describe('who still owes (a commitment view’s owing)', () => {
  it('a group none of whose members has delivered is named as the group', () => {
    expect(owing('member-countries')).toEqual(['member-countries']);
  });

  it('once some members delivered, the members left, in the group’s order, then the other owners', () => {
    expect(owing('member-countries, iom', '      - { date: "2020-03-20", status: partial, delivered_by: [GT, HN] }')).toEqual(['MX', 'SV', 'iom']);
  });

  it('a group whose members all still owe stays a group beside another group’s members left', () => {
    expect(owing('member-countries, northern', '      - { date: "2020-03-20", status: partial, delivered_by: [HN] }')).toEqual(['GT', 'MX', 'SV', 'northern']);
  });

  it('an actor two owners name is named once, where it is first met', () => {
    expect(owing('member-countries, northern', '      - { date: "2020-03-20", status: partial, delivered_by: [GT] }')).toEqual(['HN', 'MX', 'SV']);
  });

  it('an owner that delivered is not named; nobody once the commitment is done', () => {
    expect(owing('iom, MX', '      - { date: "2020-03-20", status: partial, delivered_by: [iom] }')).toEqual(['MX']);
    expect(owing('member-countries', '      - { date: "2020-03-20", status: done }')).toEqual([]);
  });
});

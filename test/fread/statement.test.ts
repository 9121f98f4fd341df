// acta statement: one actor's commitments as of a date, on the bundled data/ (goldens in Spanish and English, md and
// json), and the group rule: what a group owes appears in each member's statement, until that member delivers.
import { describe, expect, it } from 'vitest';
import { buildActorDirectory } from '../../src/core/actors.js';
import type { Statement } from '../../src/core/queries/statement.js';
import { buildStatement } from '../../src/core/queries/statement.js';
import { runActa } from '../run-acta.js';
import { derive, meeting, records } from '../followup/harness.js';

const GOLDEN: [string, string[]][] = [
  ['mx.es.md', ['-f', 'md']],
  ['mx.en.md', ['-f', 'md', '--lang', 'en']],
  ['mx.es.json', ['-f', 'json']],
  ['mx.en.json', ['-f', 'json', '--lang', 'en']],
  ['mx.en.txt', ['--lang', 'en']],
];

describe('acta statement MX --as-of 2017-08-01 --root data', () => {
  for (const [file, extra] of GOLDEN) {
    it(extra.join(' ') || 'table', async () => {
      const r = await runActa(['statement', 'MX', '--as-of', '2017-08-01', '--root', 'data', ...extra]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      await expect(r.stdout).toMatchFileSnapshot(`../golden/statement/${file}`);
    });
  }

  it('lists what the sources make Mexico owe: the four overdue points of overdue --actor MX', async () => {
    const st = JSON.parse((await runActa(['statement', 'MX', '--as-of', '2017-08-01', '--root', 'data', '-f', 'json'])).stdout) as Statement;
    const overdue = JSON.parse((await runActa(['overdue', '--actor', 'MX', '--as-of', '2017-08-01', '--root', 'data', '-f', 'json'])).stdout) as { groups: { rows: { id: string }[] }[] };
    const ids = (s: Statement, section: string): string[] => s.sections.find((x) => x.section === section)!.groups.flatMap((g) => g.rows.map((r) => r.commitment.id));
    expect(ids(st, 'overdue').sort()).toEqual(overdue.groups.flatMap((g) => g.rows.map((r) => r.id)).sort());
    expect(st.counts.overdue).toBe(4);
  });

  // "— 1 compromisos en total" / "1 commitments in all" (exploratory review, nineteenth session).
  it('counts one commitment in the singular, in every format that prints the summary line', async () => {
    const one = (args: string[]) => runActa(['statement', 'unicef', '--as-of', '2021-06-01', '--root', 'test/fixtures/followup', ...args]);
    expect((await one([])).stdout).toContain(' — 1 compromiso en total\n');
    expect((await one(['--lang', 'en', '-f', 'md'])).stdout).toContain(' — 1 commitment in all\n');
    expect((await one(['-f', 'html'])).stdout).toContain(' — 1 compromiso en total');
  });

  it('refuses a group and an unknown actor (exit 2, with a suggestion)', async () => {
    const group = await runActa(['statement', 'member-countries', '--root', 'data', '--as-of', '2017-08-01']);
    expect(group.code).toBe(2);
    expect(group.stderr).toContain('member-countries: es un grupo; un estado es para uno de sus miembros');
    expect((await runActa(['statement', 'member-countries', '--root', 'data', '--as-of', '2017-08-01', '--lang', 'en'])).stderr).toContain('member-countries: a group; a statement is for one of its members');
    const typo = await runActa(['statement', 'MXX', '--root', 'data', '--as-of', '2017-08-01']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^acta: MXX: no es un país, una organización ni un órgano conocido \(¿quiso decir `MX`/);
    expect((await runActa(['statement', 'MXX', '--root', 'data', '--as-of', '2017-08-01', '--lang', 'en'])).stderr).toMatch(/^acta: MXX: not a known country, organisation or organ \(did you mean `MX`/);
  });
});

describe('a group-owed commitment in each member statement', () => {
  const files = meeting(`  - number: "1"
    action: send
    text: { es: Los Países Miembros enviarán sus informes }
    commitment:
      owners: [member-countries]
      deadline: { due: "2020-03-31" }
    followup:
      - { date: "2020-03-20", status: partial, delivered_by: [GT], evidence: { url: "https://example.org/gt" } }
      - { date: "2020-04-05", status: partial, delivered_by: [MX] }
`);
  const dir = buildActorDirectory(records(files).registries);
  const statement = (actor: string): Statement => buildStatement(derive(files, '2020-04-10'), { dir, lang: 'en' }, { actor, asOf: '2020-04-10' });
  const section = (s: Statement, name: string) => s.sections.find((x) => x.section === name)!.groups.flatMap((g) => g.rows);

  it('overdue for those who have not delivered', () => {
    for (const actor of ['HN', 'SV']) expect(section(statement(actor), 'overdue').map((r) => [r.commitment.id, r.daysLate])).toEqual([['2020-01-15-red-x#1', 10]]);
  });

  it('delivered on time with its evidence, or late by its days', () => {
    expect(section(statement('GT'), 'delivered').map((r) => [r.deliveredOn, r.deliveredLate, r.evidence])).toEqual([['2020-03-20', undefined, [{ url: 'https://example.org/gt' }]]]);
    expect(section(statement('MX'), 'delivered').map((r) => [r.deliveredOn, r.deliveredLate])).toEqual([['2020-04-05', 5]]);
    expect(statement('GT').counts.overdue).toBe(0);
  });

  it('a rolling twice-a-year duty stays owed after a report: not listed as delivered', () => {
    const rolling = meeting(`  - number: "1"
    action: send
    text: { es: Informar dos veces al año }
    commitment:
      owners: [MX]
      deadline: { due: twice-a-year }
    followup:
      - { date: "2020-03-01", status: partial, delivered_by: [MX] }
`);
    const s = buildStatement(derive(rolling, '2020-04-10'), { dir, lang: 'en' }, { actor: 'MX', asOf: '2020-04-10' });
    expect(s.counts.delivered).toBe(0);
    expect(s.counts['due-next']).toBe(1);
  });

  it('not in the statement of an actor who owes nothing', () => {
    expect(statement('iom').counts.total).toBe(0);
  });
});

// acta diff over a real temporary git repository with one commit per kind of change.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempRepo } from './repo.js';

const AGREEMENT_1 = `  - number: "1"
    action: thank
    text:
      es: "Agradecer a las delegaciones por sus informes."
`;
const AGREEMENT_2 = `  - number: "2"
    action: take-note
    text:
      es: "Tomar nota de las propuestas de acciones para el Plan de Trabajo de la Red."
`;
const agreement3 = (n: string, day: string, words: string): string => `  - number: "${n}"
    action: request
    text:
      es: "Solicitar a los Países Miembros enviar sus comentarios ${words}."
    commitment:
      owners: [member-countries]
      deadline:
        due: "${day}"
        text:
          es: "${words}"
`;
const agreement6 = (followup: string): string => `  - number: "6"
    action: entrust
    text:
      es: "Encomendar a la Presidencia Pro Tempore y a la Secretaría Técnica la sistematización de la propuesta de Plan de Trabajo."
    commitment:
      owners: [ppt, st]
${followup}`;
const FOLLOWUP = (status: string): string => `    followup:
      - date: "2017-04-10"
        status: ${status}
        note:
          es: "Borrador enviado."
`;

function meeting(opts: { header?: string; agreements: string }): string {
  return `record: meeting
id: 2017-03-16-red-nna
body: red-nna
ordinal: 1
dates:
${opts.header ?? '  start: "2017-03-16"\n  end: "2017-03-17"\nplace:\n  city: Tegucigalpa\n  country: HN\nparticipants: [CR, GT, HN]'}
source:
  document: informe.txt
agreements:
${opts.agreements}`;
}

function plan(cell: string, extra = ''): string {
  return `record: plan
id: 2017-2022-red-nna
body: red-nna
title:
  es: "Plan Estratégico"
period:
  start: "2017"
  end: "2022"
columns: ["2017", "2018"]
source:
  document: plan.txt
axes:
  - number: "1"
    title:
      es: "Prevención"
    objectives:
      - number: I
        results:
          - number: "1"
            activities:
              - number: "1.1"
                text:
                  es: "Fortalecer las campañas existentes."
                responsible: [st]
                schedule:
                  "2017": ${cell}
${extra}`;
}

const ACTIVITY_12 = `              - number: "1.2"
                text:
                  es: "Impulsar un sistema de información."
`;

const M = 'meetings/2017-03-16-red-nna.yaml';
const P = 'plans/2017-2022-red-nna.yaml';
const A3 = agreement3('3', '2017-07-21', 'a más tardar el 21 de julio de 2017');
const A3_MOVED = agreement3('3', '2017-08-15', 'a más tardar el 15 de agosto de 2017');
const NEW_2 = `  - number: "2"
    action: welcome
    text:
      es: "Dar la bienvenida a la <b>RROCM</b> @everyone."
`;
const renumbered = (a: string, n: string): string => a.replace(/number: "\d"/, `number: "${n}"`);

let repo: TempRepo;

beforeAll(() => {
  repo = new TempRepo();
  repo.withRegistries().commit('registries', 'v0');
  repo.write({ [M]: meeting({ agreements: AGREEMENT_1 + AGREEMENT_2 + A3 + agreement6('') }), [P]: plan('H1') }).commit('records', 'v1');
  repo.write({ [M]: meeting({ agreements: AGREEMENT_1 + AGREEMENT_2 + A3 + agreement6(FOLLOWUP('done')) }) }).commit('follow-up', 'v2');
  repo.write({ [M]: meeting({ agreements: AGREEMENT_1 + AGREEMENT_2 + A3_MOVED + agreement6(FOLLOWUP('done')) }), [P]: plan('H2') }).commit('edits in place', 'v3');
  repo.write({ [M]: meeting({ agreements: AGREEMENT_1 + NEW_2 + renumbered(AGREEMENT_2, '3') + renumbered(A3_MOVED, '4') + agreement6(FOLLOWUP('done')) }), [P]: plan('H2', ACTIVITY_12) }).commit('a point inserted', 'v4');
  repo.write({ [M]: meeting({ header: '  start: "2017-03-16"\nplace:\n  city: San José\n  country: HN\nparticipants: [CR, GT, HN, MX]', agreements: AGREEMENT_1 + NEW_2 + renumbered(AGREEMENT_2, '3') + renumbered(A3_MOVED, '4') + agreement6(FOLLOWUP('partial')) }) }).commit('header and follow-up rewritten', 'v5');
  repo.write({ [M]: meeting({ header: '  start: "2017-03-16"\nplace:\n  city: San José\n  country: HN\nparticipants: [CR, GT, HN, MX]', agreements: NEW_2 + renumbered(AGREEMENT_2, '3') + renumbered(A3_MOVED, '4') + agreement6(FOLLOWUP('partial')) }) }).remove(P).commit('removals', 'v6');
});

afterAll(() => repo.cleanup());

async function diff(...args: string[]): Promise<{ stdout: string; code: number; stderr: string }> {
  return repo.acta(['diff', '--lang', 'en', ...args]);
}

describe('acta diff: each kind of change', () => {
  it('records added', async () => {
    const r = await diff('v0', 'v1');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+ meeting 2017-03-16-red-nna: added (4 agreements)');
    expect(r.stdout).toContain('+ plan 2017-2022-red-nna: added (1 axis, 1 activity)');
    expect(r.stdout).toContain('2 changes in 2 records');
  });

  it('a follow-up entry added: the normal case, not flagged', async () => {
    const r = await diff('v1', 'v2', '--fail-on', 'flagged');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+ agreement 6 of the 2017-03-16-red-nna meeting: status pending → done (follow-up of 2017-04-10)');
    expect(r.stdout).not.toContain('flagged');
  });

  it('adopted text edited, a deadline moved and a schedule cell changed: flagged, and --fail-on flagged exits 1', async () => {
    const r = await diff('v2', 'v3', '--fail-on', 'flagged');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('⚑ agreement 3 of the 2017-03-16-red-nna meeting: adopted text (Spanish) was edited');
    expect(r.stdout).toContain('[-21-]{+15+} de [-julio-]{+agosto+}');
    expect(r.stdout).toContain('⚑ agreement 3 of the 2017-03-16-red-nna meeting: deadline moved 2017-07-21 → 2017-08-15');
    expect(r.stdout).toContain('⚑ activity 1/I/1/1.1 of plan 2017-2022-red-nna: schedule 2017 moved H1 → H2');
    expect(r.stdout).toContain('~ agreement 3 of the 2017-03-16-red-nna meeting: commitment.deadline.text.es a más tardar el 21 de julio de 2017 → a más tardar el 15 de agosto de 2017');
    expect(r.stdout).toMatch(/3 flagged\n/);
  });

  it('a point inserted: added, and the points after it renumbered (not removed and re-added)', async () => {
    const r = await diff('v3', 'v4');
    expect(r.stdout).toContain('+ agreement 2 of the 2017-03-16-red-nna meeting: added');
    expect(r.stdout).toContain('~ agreement 3 of the 2017-03-16-red-nna meeting: renumbered 2 → 3');
    expect(r.stdout).toContain('~ agreement 4 of the 2017-03-16-red-nna meeting: renumbered 3 → 4');
    expect(r.stdout).toContain('+ activity 1/I/1/1.2 of plan 2017-2022-red-nna: added');
    expect(r.stdout).not.toContain('⚑');
  });

  it('meeting header changes, and a follow-up entry rewritten (flagged)', async () => {
    const r = await diff('v4', 'v5');
    expect(r.stdout).toContain('~ meeting 2017-03-16-red-nna: dates.end removed (was 2017-03-17)');
    expect(r.stdout).toContain('~ meeting 2017-03-16-red-nna: place.city Tegucigalpa → San José');
    expect(r.stdout).toContain('~ meeting 2017-03-16-red-nna: participants +MX');
    expect(r.stdout).toContain('⚑ agreement 6 of the 2017-03-16-red-nna meeting: follow-up of 2017-04-10 was changed (status done → partial)');
  });

  it('a point and a record removed: flagged', async () => {
    const r = await diff('v5', 'v6');
    expect(r.stdout).toContain('⚑ agreement 1 of the 2017-03-16-red-nna meeting: removed');
    expect(r.stdout).toContain('⚑ plan 2017-2022-red-nna: removed (1 axis, 2 activities)');
  });

  it('compares with the working tree by default, and with --rev when given', async () => {
    repo.write({ [M]: meeting({ agreements: AGREEMENT_1 + AGREEMENT_2 + A3 + agreement6(FOLLOWUP('done')) }), [P]: plan('H1') });
    try {
      expect((await repo.acta(['diff', 'v2', '--lang', 'en'])).stdout).toContain('no changes to the records');
      expect((await repo.acta(['diff', 'v1', '--lang', 'en'])).stdout).toContain('status pending → done');
      expect((await repo.acta(['--rev', 'v1', 'diff', 'v0', '--lang', 'en'])).stdout).toContain('2 changes in 2 records');
    } finally {
      repo.git('checkout', '-q', '--', '.');
      repo.remove(P);
    }
  });

  it('speaks Spanish with --lang es', async () => {
    expect((await repo.acta(['diff', 'v1', 'v2', '--lang', 'es'])).stdout).toContain('acuerdo 6 de la reunión 2017-03-16-red-nna: estado pendiente → cumplido (seguimiento del 2017-04-10)');
  });
});

describe('acta diff formats', () => {
  it('pretty: the whole history, golden', async () => {
    await expect((await diff('v1', 'v6')).stdout).toMatchFileSnapshot('../golden/diff/v1-v6.pretty.txt');
  });

  it('md: ready for a pull-request comment — marker, flagged first, long texts folded, record text escaped', async () => {
    const r = await diff('--format', 'md', 'v2', 'v4');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!-- acta-diff -->\n### acta diff: ')).toBe(true);
    expect(r.stdout).toContain('<details><summary>wording</summary>');
    expect(r.stdout).toContain('Dar la bienvenida a la &lt;b&gt;RROCM&lt;/b&gt; @&#8203;everyone.');
    expect(r.stdout).not.toContain('<b>');
    await expect(r.stdout).toMatchFileSnapshot('../golden/diff/v2-v4.md');
  });

  it('json: the result object itself', async () => {
    const r = JSON.parse((await diff('--format', 'json', 'v2', 'v3')).stdout) as { counts: { flagged: number }; changes: { kind: string; flagged: boolean; part?: string; before?: unknown; after?: unknown }[] };
    expect(r.counts.flagged).toBe(3);
    const moved = r.changes.find((c) => c.kind === 'deadline-moved' && c.part === '3');
    expect(moved).toMatchObject({ flagged: true, before: { due: '2017-07-21' }, after: { due: '2017-08-15' } });
  });

  it('refuses a bad format, a missing base and an unknown revision (exit 2)', async () => {
    expect((await diff('--format', 'xml', 'v1')).code).toBe(2);
    expect((await diff()).code).toBe(2);
    const r = await diff('no-such-branch');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such commit');
  });
});

describe('read-only commands at a revision (--rev)', () => {
  it('validate reads the records as they were, not the working tree', async () => {
    repo.write({ [M]: 'not: [valid' });
    try {
      expect((await repo.acta(['validate'])).code).toBe(1);
      expect((await repo.acta(['--rev', 'v2', 'validate'])).code).toBe(0);
      expect(readFileSync(path.join(repo.dir, M), 'utf8')).toBe('not: [valid');
    } finally {
      repo.git('checkout', '-q', '--', '.');
    }
  });
});

// Issue 19's done-when, on every output acta prints from data/: inferred owners are marked wherever owners are named;
// every group member has a membership source or is marked as having none; a country whose attendance the record does
// not state is never shown absent.
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { attendanceOfCountry } from '../../src/core/attendance.js';
import { unsourcedMembers } from '../../src/core/actors.js';
import type { Meeting } from '../../src/core/model.js';
import type { Repository } from '../../src/io/load.js';
import { loadRepository } from '../../src/io/load.js';
import { runActa } from '../run-acta.js';
import { dataSite, readTree } from '../site/site-files.js';

const AS_OF = '2017-08-01';
const INFERRED = { es: '(inferido: ver notas)', en: '(inferred: see notes)' } as const;
// A terminal table may wrap the mark after its colon: count its first word.
const MARK_HEAD = { es: '(inferido:', en: '(inferred:' } as const;
let repo: Repository;
beforeAll(async () => {
  repo = await loadRepository(path.resolve('data'));
});
const acta = async (...args: string[]): Promise<string> => {
  const r = await runActa([...args, '--root', 'data', '--as-of', AS_OF]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};
/** The lines of a Markdown table that name a commitment id. */
const rowsOf = (md: string, id: string): string[] => md.split('\n').filter((l) => l.startsWith('|') && (l.includes(`\`${id}\``) || l.includes(`| ${id} `) || l.includes(`| ${id}`)));

describe('every owner is named by the source or marked inferred, in every output format', () => {
  // As of 2017-08-01 the overdue list holds one inferred commitment (2017-06-21 #2.b) and several named ones.
  it.each(['es', 'en'] as const)('overdue, %s: table, md, csv and json mark 2.b and no other row', async (lang) => {
    const md = await acta('overdue', '--lang', lang, '-f', 'md');
    expect(rowsOf(md, '2017-06-21-red-trata#2.b').join('\n')).toContain(INFERRED[lang]);
    const marked = md.split('\n').filter((l) => l.includes(INFERRED[lang]));
    const json = JSON.parse(await acta('overdue', '--lang', lang, '-f', 'json')) as { groups: { rows: { id: string; inferred?: true }[] }[]; waiting?: { id: string; inferred?: true }[] };
    const rows = [...json.groups.flatMap((g) => g.rows), ...(json.waiting ?? [])];
    expect(marked.length).toBe(rows.filter((r) => r.inferred).length);
    // 2017-03-16 #6 steps 1 and 4 name no sender or organiser; 2015 #6 step 2 names no one who submits the draft.
    expect(rows.filter((r) => r.inferred).map((r) => r.id)).toEqual(['2017-03-16-red-nna#6/1', '2017-03-16-red-nna#6/4', '2017-06-21-red-trata#2.b', '2015-08-18-ad-hoc-nna#6/2']);
    expect(rows.filter((r) => !r.inferred).length).toBeGreaterThan(4);
    const table = await acta('overdue', '--lang', lang);
    expect(table.split(MARK_HEAD[lang]).length - 1).toBe(4);
    const csv = (await acta('overdue', '--lang', lang, '-f', 'csv')).split('\n');
    const col = csv[0]!.split(',').indexOf('owners_inferred');
    expect(col).toBeGreaterThan(0);
    expect(csv.filter((l) => l.startsWith('2017-06-21-red-trata#2.b,')).every((l) => l.split(',')[col] === 'true')).toBe(true);
    expect(csv.filter((l) => l.startsWith('2017-06-21-red-trata#3/1,')).every((l) => l.split(',')[col] === '')).toBe(true);
  });

  it('list commitments, show, statement, report (md, html, json) and the site mark inferred owners', async () => {
    const list = await acta('list', 'commitments', '--meeting', '2017-06-21-red-trata', '-f', 'json');
    const inferred = (JSON.parse(list) as { rows: { id: string; inferred?: true }[] }).rows.filter((r) => r.inferred).map((r) => r.id);
    expect(inferred).toEqual(['2017-06-21-red-trata#2.b', '2017-06-21-red-trata#2.e', '2017-06-21-red-trata#4']);
    expect((await acta('list', 'commitments', '--meeting', '2017-06-21-red-trata')).split(MARK_HEAD.es).length - 1).toBe(3);
    expect(await acta('show', '2016-06-08-red-consular#4')).toContain(MARK_HEAD.es);
    expect((await acta('show', '2017-03-16-red-nna#6', '--lang', 'en')).split(MARK_HEAD.en).length - 1).toBe(3);
    expect(await acta('statement', 'CR', '-f', 'md')).toContain(INFERRED.es);
    const report = await acta('report', '--year', '2017');
    expect(rowsOf(report, '2017-06-21-red-trata#2.b').join('\n')).toContain('inferido');
    expect(await acta('report', '--year', '2017', '-f', 'html')).toContain('inferido');
    const site = readTree(await dataSite());
    const page = site.get('es/reuniones/2017-06-21-red-trata.html') ?? [...site.entries()].find(([f]) => f.includes('2017-06-21-red-trata') && f.startsWith('es/'))?.[1];
    expect(page).toContain(INFERRED.es);
  });
});

describe('every registry member has a membership source, or is marked as having none', () => {
  it('only Belize has no source (named in none of the five documents), and each sourced country is named in the document cited', async () => {
    const fs = await import('node:fs/promises');
    const { groups, countries } = repo.records.registries;
    expect(groups.map((g) => [g.id, unsourcedMembers(g)])).toEqual([['member-countries', ['BZ']], ['foreign-ministries', ['BZ']]]);
    for (const g of groups) {
      for (const m of g.membership ?? []) {
        const text = await fs.readFile(path.resolve('data/sources', m.document!), 'utf8');
        for (const code of m.members) {
          const c = countries.find((x) => x.code === code)!;
          expect([c.name.es!, ...(c.aliases ?? [])].some((n) => text.includes(n)), `${g.id}: ${code} in ${m.document}`).toBe(true);
        }
      }
    }
    const all = (await Promise.all((await fs.readdir(path.resolve('data/sources'))).map((f) => fs.readFile(path.resolve('data/sources', f), 'utf8')))).join('\n');
    expect(all.includes('Belice') || all.includes('Belize')).toBe(false);
  });

  it.each(['es', 'en'] as const)('the report (md, html, json) and the statement say so, %s', async (lang) => {
    const md = await acta('report', '--year', '2017', '--lang', lang);
    expect(md).toContain(lang === 'es' ? '**† Pertenencia sin fuente:** Belice' : '**† Membership without a source:** Belize');
    expect(md).toContain(lang === 'es' ? '| Belice† |' : '| Belize† |');
    expect(await acta('report', '--year', '2017', '--lang', lang, '-f', 'html')).toContain(lang === 'es' ? 'Pertenencia sin fuente' : 'Membership without a source');
    const json = JSON.parse(await acta('report', '--year', '2017', '--lang', lang, '-f', 'json')) as { unsourcedMembership: { member: { id: string }; groups: { id: string }[] }[] };
    expect(json.unsourcedMembership.map((u) => [u.member.id, u.groups.map((g) => g.id)])).toEqual([['BZ', ['member-countries', 'foreign-ministries']]]);
    expect(await acta('statement', 'BZ', '--lang', lang)).toContain(lang === 'es' ? 'ninguna fuente de los registros lo nombra miembro' : 'no source on record names it a member');
  });
});

describe('unknown is not absent', () => {
  const meeting = (attendance: Meeting['attendance'], participants: string[] | undefined, observers: string[] | undefined): Pick<Meeting, 'participants' | 'observers' | 'attendance'> => ({
    ...(attendance ? { attendance } : {}),
    ...(participants ? { participants } : {}),
    ...(observers ? { observers } : {}),
  });
  const codes = fc.subarray(['BZ', 'CA', 'CR', 'MX', 'SV', 'iom', 'unhcr']);

  it('a country is absent only from a meeting whose record lists the participants (fixed seed)', () => {
    fc.assert(
      fc.property(fc.constantFrom(undefined, 'listed', 'partial', 'not-recorded'), fc.option(codes, { nil: undefined }), fc.option(codes, { nil: undefined }), fc.constantFrom('BZ', 'CA', 'CR', 'MX', 'SV'), (attendance, participants, observers, code) => {
        const m = meeting(attendance as Meeting['attendance'], participants, observers);
        const cell = attendanceOfCountry(m, code);
        const listed = attendance === 'listed' || (attendance === undefined && participants !== undefined);
        if (cell === 'absent') expect(listed).toBe(true);
        if (participants?.includes(code)) expect(cell).toBe('present');
        if (!listed && !participants?.includes(code) && !observers?.includes(code)) expect(cell).toBe('unknown');
      }),
      { numRuns: 300, seed: 19 },
    );
  });

  it.each(['es', 'en'] as const)('2015-08-18 (attendance partial): no output shows a country absent from it, %s', async (lang) => {
    const json = JSON.parse(await acta('report', '--lang', lang, '-f', 'json')) as { meetings: { id: string; absent: unknown[]; attendance: string }[]; participation: { columns: { id: string }[]; rows: { country: { id: string }; cells: string[] }[] } };
    expect(json.meetings.find((m) => m.id === '2015-08-18-ad-hoc-nna')).toMatchObject({ absent: [], attendance: 'partial' });
    const col = json.participation.columns.findIndex((c) => c.id === '2015-08-18-ad-hoc-nna');
    expect(json.participation.rows.map((r) => `${r.country.id} ${r.cells[col]}`)).toEqual(['BZ', 'CA', 'CR', 'SV', 'US', 'GT', 'HN', 'MX', 'NI', 'PA', 'DO'].map((c) => `${c} ${c === 'SV' || c === 'MX' ? 'present' : 'unknown'}`).sort((a, b) => json.participation.rows.findIndex((r) => r.country.id === a.slice(0, 2)) - json.participation.rows.findIndex((r) => r.country.id === b.slice(0, 2))));
    const md = await acta('report', '--lang', lang);
    const row = md.split('\n').find((l) => l.includes('2015-08-18-ad-hoc-nna') && l.startsWith('|'))!;
    expect(row).not.toMatch(lang === 'es' ? /ausentes|0\/11/ : /absent|0\/11/);
    expect(row).toContain(lang === 'es' ? 'los demás países: no consta' : 'other countries: not recorded');
    const html = await acta('report', '--lang', lang, '-f', 'html');
    const grid = html.slice(html.indexOf('<table class="matrix">'), html.indexOf('</table>', html.indexOf('<table class="matrix">')));
    // The first column is 2015's: its cells are present or unknown, never absent.
    const first = [...grid.matchAll(/<tr><th scope="row">[^<]*<\/th><td class="center att-(\w+)"/g)].map((m) => m[1]);
    expect(first.length).toBe(11);
    expect(first.filter((c) => c === 'absent')).toEqual([]);
    const show = await acta('show', '2015-08-18-ad-hoc-nna', '--lang', lang);
    expect(show).toContain(lang === 'es' ? 'El Salvador, México (los demás países: no consta)' : 'El Salvador, Mexico (other countries: not recorded)');
  });
});

describe("acta's own numbering says so where a point is shown", () => {
  it.each(['es', 'en'] as const)('show and the site name the printed number of a restored point (2017-06-21 #3 prints "1"), %s', async (lang) => {
    const show = await acta('show', '2017-06-21-red-trata#3', '--lang', lang);
    expect(show).toContain(lang === 'es' ? '(la fuente imprime «1»: numeración restaurada por acta)' : '(the source prints "1": numbering restored by acta)');
    expect(await acta('show', '2017-06-21-red-trata#2.b', '--lang', lang)).not.toContain(lang === 'es' ? 'la fuente imprime' : 'the source prints');
  });
});

describe('periods acta inferred are tentative unless the plan is adopted or acta.yaml says inferred_periods: due', () => {
  // A copy of data/ with one change each, in a temporary folder (the records of data/ stay as they are).
  const copyWith = async (change: (dir: string) => Promise<void>): Promise<string> => {
    const fs = await import('node:fs/promises');
    const os = await import('node:os');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'acta-tentative-'));
    await fs.cp(path.resolve('data'), dir, { recursive: true });
    await change(dir);
    return dir;
  };
  const planOverdue = async (root: string): Promise<string[]> => {
    const r = await runActa(['overdue', '--root', root, '--as-of', '2018-12-31', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as { groups: { rows: { id: string }[] }[] }).groups.flatMap((g) => g.rows.map((x) => x.id)).filter((id) => id.startsWith('2017-2022-red-nna#'));
  };

  it('the proposed plan of data/ (inferred columns) puts nothing overdue; its occurrences are open and marked tentative', async () => {
    expect(await planOverdue('data')).toEqual([]);
    const show = await runActa(['show', '2017-2022-red-nna#1/I/1/1.3', '--root', 'data', '--as-of', '2018-12-31', '-f', 'json']);
    const json = JSON.parse(show.stdout) as { commitments: { id: string; state: string; tentative?: true; daysLate?: number }[] };
    expect(json.commitments.map((c) => [c.id.split('@')[1], c.state, c.tentative, c.daysLate])).toEqual(['2017-H1', '2017-H2', '2018-H1', '2018-H2', '2019-H1', '2019-H2', '2020-H1', '2020-H2', '2021-H1', '2021-H2'].map((o) => [o, 'open', true, undefined]));
    // The narrow due column wraps the mark after its first word: one per occurrence.
    const text = (await runActa(['show', '2017-2022-red-nna#1/I/1/1.3', '--root', 'data', '--as-of', '2018-12-31'])).stdout;
    expect(text.split('│ (periodo ').length - 1).toBe(10);
  });

  it('stage: adopted makes the inferred columns binding, but not a cell of uncertain mapping (inferred: [schedule])', async () => {
    const fs = await import('node:fs/promises');
    const root = await copyWith(async (dir) => {
      const file = path.join(dir, 'plans/2017-2022-red-nna.yaml');
      await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('stage: proposed', 'stage: adopted'));
    });
    const ids = await planOverdue(root);
    expect(ids).toContain('2017-2022-red-nna#2/IV/1/1.3@2017-H2');
    expect(ids.some((id) => id.startsWith('2017-2022-red-nna#1/I/1/1.3@'))).toBe(false); // inferred: [schedule]
    await fs.rm(root, { recursive: true, force: true });
  });

  it('inferred_periods: due in acta.yaml treats every inferred period as a deadline', async () => {
    const fs = await import('node:fs/promises');
    const root = await copyWith(async (dir) => fs.appendFile(path.join(dir, 'acta.yaml'), 'inferred_periods: due\n'));
    const ids = await planOverdue(root);
    expect(ids).toContain('2017-2022-red-nna#1/I/1/1.3@2017-H1');
    expect(ids).toContain('2017-2022-red-nna#2/IV/1/1.3@2017-H2');
    await fs.rm(root, { recursive: true, force: true });
  });
});

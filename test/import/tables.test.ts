// Markdown tables in a report: a table of agreements or of steps gives points with owners and deadlines from its
// columns; a table that is not about agreements stays text, with a note. Each layout on its own fixture.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftMeeting } from '../../src/core/import/draft-meeting.js';
import { readPoints } from '../../src/core/import/read-points.js';
import { readTables, tableColumns } from '../../src/core/import/read-table.js';
import type { Registries } from '../../src/core/model.js';
import { ROOT } from '../followup/harness.js';
import { runActa } from '../run-acta.js';

const REGISTRIES: Registries = {
  countries: [
    { code: 'HN', name: { es: 'Honduras' } },
    { code: 'SV', name: { es: 'El Salvador' } },
    { code: 'US', name: { es: 'Estados Unidos de América', en: 'United States of America' } },
  ],
  organisations: [{ id: 'iom', acronym: { es: 'OIM', en: 'IOM' }, name: { es: 'Organización Internacional para las Migraciones' } }],
  bodies: [
    { id: 'st', type: 'organ', acronym: { es: 'ST', en: 'TS' }, name: { es: 'Secretaría Técnica', en: 'Technical Secretariat' } },
    { id: 'grcm', type: 'organ', acronym: { es: 'GRCM', en: 'RCGM' }, name: { es: 'Grupo Regional de Consulta sobre Migración', en: 'Regional Consultation Group on Migration' } },
    { id: 'red-x', type: 'network', name: { es: 'Red de Funcionarios de Enlace sobre Asuntos X' } },
  ],
  groups: [],
};

const fixture = (name: string): string => readFileSync(path.join(ROOT, 'test/fixtures/import-tables', name), 'utf8');
const draft = (name: string) => draftMeeting(fixture(name), name, REGISTRIES).draft;
const notesAt = (d: ReturnType<typeof draft>, at: string): string[] => d.notes.filter((n) => n.at === at).map((n) => n.text.en ?? '');

describe('which table is about agreements', () => {
  it.each([
    [['Punto', 'Acción', 'Responsable', 'Plazo'], [['1', 'a', 'b', 'c']], { number: 0, action: 1, responsible: 2, deadline: 3 }],
    [['Acuerdo', 'Fecha límite'], [['x', 'y']], { action: 0, deadline: 1 }],
    [['Step', 'Responsible', 'Deadline'], [['x', 'y', 'z']], { action: 0, responsible: 1, deadline: 2 }],
    [['N.°', 'Actividad', 'A cargo de'], [['1', 'x', 'y']], { number: 0, action: 1, responsible: 2 }],
    // "Punto" holding text, not numbers, is the action column.
    [['Punto', 'Responsable'], [['Informar a la ST.', 'OIM']], { action: 0, responsible: 1 }],
    [['País', '2015', '2016'], [['Honduras', '1', '2']], undefined],
    // An action column alone, with nobody and no date, is a list, not a table of commitments.
    [['Acción', 'Observaciones'], [['x', 'y']], undefined],
  ])('%j', (header, rows, expected) => expect(tableColumns(header, rows)).toEqual(expected));

  it('a row-like line without the "| --- |" line under it is no table', () => {
    const r = readTables(['| Acción | Responsable |', '| x | y |']);
    expect([r.agreementTables, r.textTables, r.lines]).toEqual([0, [], ['| Acción | Responsable |', '| x | y |']]);
  });
});

describe('a table of agreements', () => {
  it('gives a point per row: text from the action column, printed number from its number column', () => {
    const { points, tables } = readPoints(fixture('acuerdos.md').split('\n').filter((l) => l.trim() !== ''));
    expect(tables).toEqual({ agreements: 1, text: [] });
    expect(points.map((p) => [p.number, p.text, p.cells])).toEqual([
      ['1', 'Presentar un informe sobre los avances de la Red.', { number: '1', responsible: 'OIM', deadline: '21 de julio de 2017' }],
      ['2', 'Circular el documento revisado a los Países Miembros.', { number: '2', responsible: 'Secretaría Técnica', deadline: 'a más tardar el 30 de agosto de 2017' }],
      ['3', 'Informar sobre los retornos asistidos.', { number: '3', responsible: 'Honduras y El Salvador', deadline: 'dos veces al año' }],
      ['4', 'Organizar un taller regional.', { number: '4', responsible: 'Comité Organizador', deadline: 'cuando haya fondos' }],
    ]);
    expect(points.every((p) => p.uncertainEnd === undefined && p.printed === undefined)).toBe(true);
  });

  it('owners and deadlines come from the columns; what cannot be read is noted, never dropped', () => {
    const d = draft('acuerdos.md');
    expect(d.body).toBe('red-x');
    expect(d.agreements.map((a) => [a.number, a.action, a.actors, a.commitment])).toEqual([
      ['1', undefined, ['iom'], { owners: ['iom'], deadline: { due: '2017-07-21', text: { es: '21 de julio de 2017' } } }],
      ['2', 'circulate', ['st'], { owners: ['st'], deadline: { due: '2017-08-30', text: { es: 'a más tardar el 30 de agosto de 2017' } } }],
      ['3', 'inform', ['HN', 'SV'], { owners: ['HN', 'SV'], deadline: { due: 'twice-a-year', text: { es: 'dos veces al año' } } }],
      ['4', 'organise', undefined, { owners: ['red-x'], inferred: true }],
    ]);
    expect(notesAt(d, '/agreements/3/commitment/owners').join()).toMatch(/"Comité Organizador" is not in the registries/);
    expect(notesAt(d, '/agreements/3/commitment').join()).toMatch(/deadline "cuando haya fondos" was not read/);
    expect(notesAt(d, '/agreements').join()).toMatch(/1 table\(s\) of agreements or steps/);
  });
});

describe('a table of steps under a point', () => {
  it('its rows are the sub-items of the point that leads into it, with owners and deadlines', () => {
    const d = draft('steps.md');
    expect(d.authentic).toBe('en');
    const plan = d.agreements[1]!;
    expect(plan.text).toEqual({ en: 'Adopt the following work plan:' });
    expect(plan.items?.map((x) => [x.number, x.printed, x.text.en, x.commitment])).toEqual([
      ['a', undefined, 'Send inputs to the Technical Secretariat.', { owners: ['HN'], deadline: { due: '2017-05', text: { en: 'by the end of May 2017' } } }],
      ['b', undefined, 'Circulate a consolidated draft.', { owners: ['st'], deadline: { due: 'twice-a-year', text: { en: 'twice a year' } } }],
      ['c', undefined, 'Review the draft.', { owners: ['grcm'], inferred: true, deadline: { within: { days: 30 } , text: { en: 'within 30 days' } } }],
    ]);
    expect(notesAt(d, '/agreements/1/items/2/commitment/owners').join()).toMatch(/the row names no owner/);
  });
});

describe('a table that is not about agreements', () => {
  it('stays text in the point it follows, and the draft says so; the points after it are read as before', () => {
    const d = draft('sin-acuerdos.md');
    expect(d.agreements.map((a) => a.number)).toEqual(['1', '2']);
    expect(d.agreements[0]?.text.es).toBe('Tomar nota de las cifras de retornos presentadas por Honduras: | País | 2015 | 2016 | | Honduras | 1200 | 1500 | | El Salvador | 900 | 1100 |');
    expect(d.agreements[0]?.items).toBeUndefined();
    expect(d.agreements[1]?.commitment).toEqual({ owners: ['iom'], deadline: { due: '2017-07-21', text: { es: 'a más tardar el 21 de julio de 2017' } } });
    expect(d.notes.some((n) => /the table "País \| 2015 \| 2016" is not one of agreements/.test(n.text.en ?? ''))).toBe(true);
  });
});

describe('acta import of a report with tables', () => {
  it('writes drafts (a recurring deadline among them) that validate with import warnings only', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-tables-'));
    cpSync(path.join(ROOT, 'data/registries'), path.join(dir, 'registries'), { recursive: true });
    cpSync(path.join(ROOT, 'data/acta.yaml'), path.join(dir, 'acta.yaml'));
    for (const f of ['steps.md', 'acuerdos.md']) cpSync(path.join(ROOT, 'test/fixtures/import-tables', f), path.join(dir, f));
    expect((await runActa(['import', 'steps.md'], { cwd: dir })).code).toBe(0);
    expect((await runActa(['import', 'acuerdos.md', '--body', 'st'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'meetings/2017-03-16-grcm.yaml'), 'utf8')).toMatch(/due: twice-a-year\n\s+text:\n\s+en: twice a year/);
    const v = await runActa(['validate', '-f', 'json'], { cwd: dir });
    expect(v.code).toBe(0);
    expect([...new Set((JSON.parse(v.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code))]).toEqual(['import/unchecked']);
  });
});

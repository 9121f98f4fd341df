// Meeting reports in styles the seeds do not use (nineteenth session's exploratory review): the importer reads their
// points, or says it found none — never invents a point, a title or a body.
import { describe, expect, it } from 'vitest';
import { cleanSource } from '../../src/core/import/clean-source.js';
import { readAction } from '../../src/core/import/actions.js';
import { actorNames } from '../../src/core/import/match-actors.js';
import { readPlace } from '../../src/core/import/read-header.js';
import { readPoints } from '../../src/core/import/read-points.js';
import { draftMeeting } from '../../src/core/import/draft-meeting.js';
import type { Registries } from '../../src/core/model.js';

const pointsOf = (text: string) => {
  const clean = cleanSource(text);
  return readPoints(clean.lines, clean.afterBlank);
};

describe('a list lettered a), b), c) with no numbered point', () => {
  // Found no point at all, and the whole document became the header: the draft's title was the point "b) Solicitar a
  // la ST …", and the body matched from it (the ST).
  const report = ['Informe de la Reunión de la Red de Protección', '', 'Fecha: 8 de marzo de 2026', '', 'Acuerdos', '', 'a) Agradecer a Guatemala por su hospitalidad.', 'b) Solicitar a la ST que prepare una nota conceptual a más tardar el 15 de abril de 2026.', 'c) Solicitar a UNICEF apoyo técnico para el taller regional.', ''].join('\n');
  it('its letters are the points, numbered 1, 2, 3 with the printed letter kept; the header stops before them', () => {
    const { header, points } = pointsOf(report);
    expect(points.map((p) => [p.number, p.printed, p.items.length])).toEqual([['1', 'a', 0], ['2', 'b', 0], ['3', 'c', 0]]);
    expect(points[1]!.text).toMatch(/^Solicitar a la ST/);
    expect(header.join(' ')).not.toMatch(/Solicitar/);
  });

  it('a lone "a)" in running text is no list', () => {
    expect(pointsOf('Informe\n\nSe habló de dos temas: a) la trata y otros.\n').points).toEqual([]);
  });

  it('letters under a numbered point stay its sub-items', () => {
    const { points } = pointsOf('Acuerdos\n\n1. Solicitar a la ST:\na) un informe.\nb) una nota.\n2. Agradecer a todos.\n');
    expect(points.map((p) => [p.number, p.items.map((i) => i.number).join('')])).toEqual([['1', 'ab'], ['2', '']]);
  });
});

// "Solicitar a la Secretaría Técnica: a) circular … a más tardar …; b) preparar …": the items were owed by the network
// that met (inferred), not by the ST the point asks.
describe('the items of a request name no owner of their own', () => {
  const REGISTRIES: Registries = {
    countries: [{ code: 'GT', name: { es: 'Guatemala' } }],
    organisations: [{ id: 'iom', acronym: { es: 'OIM', en: 'IOM' }, name: { es: 'Organización Internacional para las Migraciones' } }],
    bodies: [
      { id: 'st', type: 'organ', acronym: { es: 'ST', en: 'TS' }, name: { es: 'Secretaría Técnica' } },
      { id: 'red-consular', type: 'network', name: { es: 'Red de Funcionarios de Enlace en materia de Protección Consular' } },
    ],
    groups: [],
  };
  const report = ['INFORME DE LA IV REUNIÓN DE LA RED DE FUNCIONARIOS DE ENLACE EN MATERIA DE PROTECCIÓN CONSULAR', 'Ciudad de Guatemala, Guatemala, 14 y 15 de octubre de 2026', '', 'ACUERDOS', '', '1. Agradecer al Gobierno de Guatemala por la hospitalidad brindada.', '2. Solicitar a la Secretaría Técnica:', 'a) circular el directorio consular actualizado a más tardar el 30 de noviembre de 2026;', 'b) preparar una propuesta de protocolo durante el primer trimestre de 2027.', '3. Tomar nota de la presentación de la OIM.', ''].join('\n');
  it('they are owed by whom the point names, as an inference, with a note saying so', () => {
    const outcome = draftMeeting(report, 'informe.txt', REGISTRIES);
    const items = outcome.draft.agreements[1]!.items!;
    expect(outcome.draft.body).toBe('red-consular');
    expect(items.map((i) => [i.number, i.commitment?.owners, i.commitment?.inferred, i.commitment?.deadline?.due])).toEqual([['a', ['st'], true, '2026-11-30'], ['b', ['st'], true, '2027-Q1']]);
    expect(outcome.draft.notes.some((n) => n.at === '/agreements/1/items/0/commitment/owners' && /those of the point that introduces it \(st\)/.test(n.text.en ?? ''))).toBe(true);
  });
});

// A declaration numbers its preamble: "CONSIDERANDO: 1. … 2. …", then "ACUERDAN: 1. … 2. … 3. …". The considerandos
// were drafted as agreements 1 and 2, "ACUERDAN:" glued to the second, and the three agreements made its sub-items.
describe('a numbered preamble before the operative part', () => {
  const declaration = ['DECLARACIÓN DE LA XXX REUNIÓN VICEMINISTERIAL', 'Ciudad de Panamá, Panamá, 20 y 21 de junio de 2026', '', 'CONSIDERANDO:', '', '1. La importancia de la cooperación regional para una migración segura, ordenada y regular.', '', '2. Que los flujos migratorios en la región han aumentado en los últimos años.', '', 'ACUERDAN:', '', '1. Agradecer al Gobierno de Panamá por la organización de la reunión.', '', '2. Encomendar a la Secretaría Técnica un informe regional a más tardar el 31 de diciembre de 2026.', '', '3. Solicitar a la OIM apoyo técnico.', ''].join('\n');
  it('the points start after "ACUERDAN:"; the preamble stays in the header', () => {
    const { header, points, preamble } = pointsOf(declaration);
    expect(points.map((p) => [p.number, p.items.length, p.text.slice(0, 12)])).toEqual([['1', 0, 'Agradecer al'], ['2', 0, 'Encomendar a'], ['3', 0, 'Solicitar a ']]);
    expect(header.join('\n')).toContain('Que los flujos');
    expect(preamble).toEqual({ heading: 'ACUERDAN:', skipped: 2 });
  });

  it('the draft says so in a note', () => {
    const outcome = draftMeeting(declaration, 'declaracion.txt', { countries: [{ code: 'PA', name: { es: 'Panamá' } }], organisations: [], bodies: [{ id: 'rvm', type: 'organ', name: { es: 'Reunión Viceministerial' } }], groups: [] });
    expect(outcome.draft.agreements).toHaveLength(3);
    expect(outcome.draft.notes.some((n) => n.at === '/agreements' && /2 numbered paragraphs before "ACUERDAN:" were read as a preamble/.test(n.text.en ?? ''))).toBe(true);
  });

  it('a report whose agreements follow a heading and nothing numbered before: unchanged', () => {
    const { points, preamble } = pointsOf('Informe\n\nACUERDOS\n\n1. Agradecer a todos.\n2. Solicitar a la ST un informe.\n');
    expect(points).toHaveLength(2);
    expect(preamble).toBeUndefined();
  });
});

// In a repository whose reports are adopted in English (acta.yaml `authentic: en`), a Spanish report's draft had an
// error on every text (each read as a translation with no original): only an English report was marked as its own.
describe('a report in the other language than the records\' authentic one', () => {
  const REGISTRIES: Registries = { countries: [{ code: 'GT', name: { es: 'Guatemala', en: 'Guatemala' } }], organisations: [], bodies: [{ id: 'st', type: 'organ', acronym: { es: 'ST', en: 'TS' }, name: { es: 'Secretaría Técnica', en: 'Technical Secretariat' } }], groups: [] };
  const es = 'INFORME DE LA REUNIÓN DE LA SECRETARÍA TÉCNICA\nCiudad de Guatemala, Guatemala, 4 de mayo de 2026\n\nACUERDOS\n\n1. Agradecer a Guatemala por la hospitalidad.\n2. Solicitar a la ST un informe a más tardar el 30 de junio de 2026.\n';
  const en = 'REPORT OF THE MEETING OF THE TECHNICAL SECRETARIAT\nGuatemala City, Guatemala, 4 May 2026\n\nAGREEMENTS\n\n1. To thank Guatemala for its hospitality.\n2. To request the TS to send a report by 30 June 2026.\n';
  it('a Spanish report where authentic is en: authentic: es, with a note', () => {
    const d = draftMeeting(es, 'informe.txt', REGISTRIES, [], { recordsAuthentic: 'en' }).draft;
    expect(d.authentic).toBe('es');
    expect(d.notes.some((n) => n.at === '/authentic' && /the report is in Spanish/.test(n.text.en ?? ''))).toBe(true);
  });
  it('an English report where authentic is en: nothing to say; where it is es (the default): authentic: en, as before', () => {
    expect(draftMeeting(en, 'report.txt', REGISTRIES, [], { recordsAuthentic: 'en' }).draft.authentic).toBeUndefined();
    expect(draftMeeting(en, 'report.txt', REGISTRIES).draft.authentic).toBe('en');
    expect(draftMeeting(es, 'informe.txt', REGISTRIES).draft.authentic).toBeUndefined();
  });
});

// "Lugar: San José, Costa Rica" — a header that labels its fields — gave no place: the label was read as the city.
describe('a labelled place line', () => {
  const names = actorNames({ countries: [{ code: 'CR', name: { es: 'Costa Rica' } }, { code: 'HN', name: { es: 'Honduras' } }], organisations: [], bodies: [], groups: [] });
  it.each([
    ['Lugar: San José, Costa Rica', 'San José', 'CR'],
    ['Lugar y fecha: San José, Costa Rica, 8 de marzo de 2026', 'San José', 'CR'],
    ['Venue: Tegucigalpa, Honduras', 'Tegucigalpa', 'HN'],
  ])('%s', (line, city, country) => {
    expect(readPlace(['Acta de la reunión', line], names)).toEqual({ city, country });
  });
});

// "To ask IOM to organise a workshop …", "Invitar a los Países Miembros a …": no action was read (a note said so).
describe('requests worded as asking or inviting', () => {
  it.each([
    ['To ask IOM to organise a workshop in the first half of 2027.', 'request'],
    ['To invite the Member Countries to share their protocols.', 'request'],
    ['To call upon the Member Countries to designate focal points.', 'request'],
    ['Invitar a los Países Miembros a compartir sus protocolos.', 'request'],
  ])('%s', (text, action) => {
    expect(readAction(text)).toBe(action);
  });
});

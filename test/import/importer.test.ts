// The importer's rules, each on its own small input, and the command end to end on a temporary records root.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAction } from '../../src/core/import/actions.js';
import { cleanSource } from '../../src/core/import/clean-source.js';
import { draftMeeting, findRunTogether } from '../../src/core/import/draft-meeting.js';
import { actorNames, findActors } from '../../src/core/import/match-actors.js';
import { readMeetingDates, readOrdinal, readParticipants, readPlace } from '../../src/core/import/read-header.js';
import { readPoints } from '../../src/core/import/read-points.js';
import type { Registries } from '../../src/core/model.js';
import { runActa } from '../run-acta.js';
import { ROOT } from '../followup/harness.js';

const REGISTRIES: Registries = {
  countries: [
    { code: 'HN', name: { es: 'Honduras' } },
    { code: 'SV', name: { es: 'El Salvador' } },
    { code: 'US', name: { es: 'Estados Unidos de América', en: 'United States of America' } },
    { code: 'MX', name: { es: 'México', en: 'Mexico' }, aliases: ['Estados Unidos Mexicanos'] },
  ],
  organisations: [
    { id: 'iom', acronym: { es: 'OIM', en: 'IOM' }, name: { es: 'Organización Internacional para las Migraciones' } },
    { id: 'sica-sg', acronym: { es: 'SG-SICA' }, name: { es: 'Secretaría General del SICA' }, aliases: ['Secretaria General del SICA'] },
  ],
  bodies: [
    { id: 'st', type: 'organ', acronym: { es: 'ST', en: 'TS' }, name: { es: 'Secretaría Técnica' } },
    { id: 'grcm', type: 'organ', acronym: { es: 'GRCM', en: 'RCGM' }, name: { es: 'Grupo Regional de Consulta sobre Migración' } },
    { id: 'crm', type: 'organ', acronym: { es: 'CRM', en: 'RCM' }, name: { es: 'Conferencia Regional sobre Migración' } },
    { id: 'red-x', type: 'network', name: { es: 'Red de Funcionarios de Enlace sobre Asuntos X' } },
  ],
  groups: [{ id: 'member-countries', name: { es: 'Países Miembros' }, members: ['HN', 'SV', 'US'] }],
};
const names = actorNames(REGISTRIES);

describe('rules', () => {
  it('removes extraction debris and keeps footnotes aside', () => {
    const c = cleanSource('[bookmark: OLE_LINK3][bookmark: OLE_LINK4]INFORME\tDE  LA RED [footnoteRef:1] [1:  Con base\nen insumos.]\n\n1. Punto.');
    expect(c.lines).toEqual(['INFORME DE LA RED', '1. Punto.']);
    expect([c.removed, c.footnotes]).toEqual([4, ['Con base en insumos.']]);
  });

  it('restores a numbering that prints "1." for every point, and reads repeated numbers after a colon as sub-items', () => {
    const { header, points } = readPoints(['Título', '1. Agradecer a todos.', '1. Sugerimos:', '3. Primera cosa.', '3. Segunda cosa.', '1. Solicitar algo.', 'continúa aquí.']);
    expect(header).toEqual(['Título']);
    expect(points.map((p) => [p.number, p.printed, p.items.map((i) => [i.number, i.printed])])).toEqual([
      ['1', undefined, []],
      ['2', '1', [['a', '3'], ['b', '3']]],
      ['3', '1', []],
    ]);
    expect(points[2]?.text).toBe('Solicitar algo. continúa aquí.');
  });

  it('a heading ends the point before it; capital letters after it are points of their own, numbered as printed', () => {
    const { points } = readPoints(['· Primero.', '· Segundo.', 'Conclusiones de la Reunión', 'Después de haber identificado los avances, se acordó:', 'A. Que se constituya una Red.', 'B. Solicitar a la ST.']);
    expect(points.map((p) => [p.number, p.printed, p.text])).toEqual([['1', '·', 'Primero.'], ['2', '·', 'Segundo.'], ['A', undefined, 'Que se constituya una Red.'], ['B', undefined, 'Solicitar a la ST.']]);
  });

  it('keeps letters as sub-items and a sound numbering as printed', () => {
    const { points } = readPoints(['1. Uno:', 'a. A.', 'b. B.', '2. Dos.']);
    expect(points.map((p) => [p.number, p.printed, p.items.map((i) => i.number)])).toEqual([['1', undefined, ['a', 'b']], ['2', undefined, []]]);
  });

  it.each([
    ['16-17 de marzo, 2017', '2017-03-16', '2017-03-17'],
    ['08 de junio de 2016', '2016-06-08', undefined],
    ['San Salvador, 18-19 de agosto de 2015', '2015-08-18', '2015-08-19'],
    ['se reunió los días 22 y 23 de marzo del año 2001', '2001-03-22', '2001-03-23'],
    ['March 22-23, 2001', '2001-03-22', '2001-03-23'],
  ])('meeting dates: %s', (line, start, end) => {
    expect(readMeetingDates([line])).toMatchObject({ start, ...(end ? { end } : {}) });
  });

  it('ordinals, places and participants', () => {
    expect(readOrdinal(['I REUNIÓN DE LA RED'])?.value).toBe(1);
    expect(readOrdinal(['Informe Tercera Reunión del Grupo'])?.value).toBe(3);
    expect(readOrdinal(['XXI REUNIÓN VICEMINISTERIAL'])?.value).toBe(21);
    expect(readPlace(['Tegucigalpa, Honduras'], names)).toEqual({ city: 'Tegucigalpa', country: 'HN' });
    expect(readPlace(['San Salvador, 18-19 de agosto de 2015'], names)).toEqual({ city: 'San Salvador' });
    expect(readParticipants(['La Red se reunió con la participación de Honduras, Estados Unidos y El Salvador.'], names)?.codes).toEqual(['HN', 'US', 'SV']);
    expect(readParticipants(['con la participación de Honduras y Estados Unidos de América.'], names)?.codes).toEqual(['HN', 'US']);
  });

  it('lists words the extraction ran together, keeping them as printed', () => {
    expect(findRunTogether(['celebró su reunión el día 08 de junio de 2016,enTegucigalpa, Honduras', 'el 21 dejuniode 2017 enSan Salvador; la OIM y la ST-CRM, McAllen'])).toEqual(['enTegucigalpa', 'enSan']);
  });

  it('actors by name and acronym, each once, groups included', () => {
    expect(findActors('Solicitar a la OIM y a los Países Miembros que informen a la ST; la OIM', names).map((a) => a.actor)).toEqual(['iom', 'member-countries', 'st']);
    expect(findActors('la Secretaría Técnica (ST)', names).map((a) => a.actor)).toEqual(['st']);
    expect(findActors('una reunión entre la ST-CRM y la OIM en Ciudad de Honduras', names).map((a) => a.actor)).toEqual(['st', 'iom']);
  });

  it('a body named as a frame ("de la CRM", "en el marco de la CRM") is marked framed; "a través de la ST" is not; aliases match', () => {
    const found = findActors('Los Países Miembros de la CRM, a través de la ST, en el marco de la CRM; la Secretaria General del SICA', names);
    expect(found.map((a) => [a.actor, a.framed])).toEqual([['member-countries', false], ['crm', true], ['st', false], ['sica-sg', false]]);
    expect(findActors('invitar a la CRM y a la OIM', names).map((a) => [a.actor, a.framed])).toEqual([['crm', false], ['iom', false]]);
  });

  it("a country's alias is matched, longest name first: «los Estados Unidos Mexicanos» is Mexico, not the United States", () => {
    expect(findActors('una Red de Protección Consular en los Estados Unidos Mexicanos', names).map((a) => a.actor)).toEqual(['MX']);
    expect(findActors('los Estados Unidos de América y los Estados Unidos', names).map((a) => a.actor)).toEqual(['US']);
  });

  it.each([
    ['Agradecer a las delegaciones', 'thank'],
    ['Tomar nota de', 'take-note'],
    ['Recibir con beneplácito la propuesta', 'welcome'],
    ['Solicitar a la ST', 'request'],
    ['Encomendar a la PPT', 'entrust'],
    ['Sugerir al GRCM', 'recommend'],
    ['Sugerir una revisión', 'suggest'],
    ['Los Países Miembros solicitaron a la ST realizar una presentación', 'inform'],
    ['Se solicita a los Países Miembros que remitan', 'request'],
    ['Reafirmar el compromiso', 'reaffirm'],
    ['Considerar la propuesta', 'consider'],
    ['Costa Rica informó que', 'inform'],
    ['Los delegados debatieron', undefined],
    ['La Secretaría Técnica circulará una versión revisada', 'circulate'],
    ['Los Países Miembros enviarán insumos', 'send'],
    ['Sobre la propuesta de Costa Rica para un acuerdo, Costa Rica informó que', 'inform'],
    ['En relación con el diálogo sobre flujos, México profundizará en el GRCM.', 'undertake'],
    ['Concertar una reunión entre la ST y OIM', 'organise'],
    ['Que se constituya una Red Permanente', 'establish'],
  ])('action of "%s"', (text, action) => expect(readAction(text)).toBe(action));
});

const REPORT = `[bookmark: X]INFORME DE LA REUNIÓN DE LA RED DE FUNCIONARIOS DE ENLACE SOBRE ASUNTOS X
Tegucigalpa, Honduras
16-17 de marzo, 2017
La Red celebró su primera reunión con la participación de los siguientes países: Honduras, Estados Unidos y El Salvador.
1. Agradecer a Honduras por su hospitalidad.
2. Solicitar a la OIM presentar un informe de la Red de Funcionarios de Enlace sobre Asuntos X a la ST, a más tardar el 21 de julio.
3. Encomendar a la ST circular el documento en un plazo no mayor de sesenta días.
`;

describe('draftMeeting', () => {
  it('drafts a record with every guess noted', () => {
    const outcome = draftMeeting(REPORT, 'informe.txt', REGISTRIES);
    expect(outcome.missing).toEqual([]);
    const d = outcome.draft;
    expect([d.id, d.body, d.ordinal, d.dates, d.place, d.participants]).toEqual(['2017-03-16-red-x', 'red-x', 1, { start: '2017-03-16', end: '2017-03-17' }, { city: 'Tegucigalpa', country: 'HN' }, ['HN', 'US', 'SV']]);
    expect(d.agreements.map((a) => [a.number, a.action, a.actors])).toEqual([['1', 'thank', ['HN']], ['2', 'request', ['iom', 'st']], ['3', 'entrust', ['st']]]);
    expect(d.agreements[1]?.commitment).toEqual({ owners: ['iom'], deadline: { due: '2017-07-21', text: { es: 'a más tardar el 21 de julio' } } });
    expect(d.agreements[2]?.commitment?.deadline).toEqual({ within: { days: 60 }, text: { es: 'en un plazo no mayor de sesenta días' } });
    expect(d.notes.every((n) => n.text.es?.startsWith('import:') && n.text.en?.startsWith('import:'))).toBe(true);
    expect(d.notes.some((n) => n.at === '/agreements/1/commitment' && /year \(2017\) is taken from the meeting/.test(n.text.en ?? ''))).toBe(true);
  });

  it('a city the report names without its country takes the country another meeting on record gives it', () => {
    const report = REPORT.replace('Tegucigalpa, Honduras\n16-17 de marzo, 2017', 'San Pedro Sula, 16-17 de marzo, 2017');
    const without = draftMeeting(report, 'informe.txt', REGISTRIES);
    const known = draftMeeting(report, 'informe.txt', REGISTRIES, [{ city: 'San Pedro Sula', country: 'HN', meeting: '2016-11-10-rvm' }]);
    expect([without.ok && without.draft.place, known.ok && known.draft.place]).toEqual([{ city: 'San Pedro Sula' }, { city: 'San Pedro Sula', country: 'HN' }]);
    expect(known.ok && known.draft.notes.some((n) => n.at === '/place/country' && /2016-11-10-rvm/.test(n.text.en ?? ''))).toBe(true);
  });

  it('"dos veces al año" / "semestralmente" / "twice a year" give the schema\'s recurring twice-a-year deadline, wording kept and noted', () => {
    for (const phrase of ['dos veces al año', 'semestralmente']) {
      const outcome = draftMeeting(REPORT.replace('en un plazo no mayor de sesenta días', phrase), 'informe.txt', REGISTRIES);
      expect(outcome.draft.agreements[2]?.commitment).toEqual({ owners: ['st'], deadline: { due: 'twice-a-year', text: { es: phrase } } });
      expect(outcome.draft.notes.some((n) => n.at === '/agreements/2/commitment' && /recurring deadline \(twice-a-year/.test(n.text.en ?? ''))).toBe(true);
    }
  });

  it('a point with several deadlines gets a step for each', () => {
    const outcome = draftMeeting(REPORT.replace('en un plazo no mayor de sesenta días.', 'a finales de noviembre 2017, para su aprobación durante la próxima reunión del GRCM.'), 'informe.txt', REGISTRIES);
    if (!outcome.ok) throw new Error(outcome.missing.join());
    expect(outcome.draft.agreements[2]?.commitment?.schedule?.map((s) => s.deadline)).toEqual([
      { due: '2017-11', text: { es: 'a finales de noviembre 2017' } },
      { event: { body: 'grcm', relation: 'at' }, text: { es: 'durante la próxima reunión del GRCM' } },
    ]);
  });

  const drafted = (points: string) => {
    const outcome = draftMeeting(REPORT.replace(/1\. Agradecer[\s\S]*$/, points), 'informe.txt', REGISTRIES);
    if (!outcome.ok) throw new Error(outcome.missing.join());
    return outcome.draft.agreements;
  };

  it('"Sugerir al <body>" is a recommendation to it, without commitment; its sub-items too (a dated one as well: a suggested activity), unless they thank', () => {
    const [p1, p2] = drafted('1. Sugerir al GRCM la aprobación de las siguientes actividades en el marco de la CRM:\na. Taller dirigido al personal de Honduras.\nb. Agradecer a la OIM.\nc. Taller presencial a realizarse en Honduras en el mes de agosto de 2017.\n2. Reconocer la necesidad. En ese sentido, se sugiere al GRCM impulsar las siguientes líneas de acción:\na. Capacitar a los cónsules.\n');
    expect([p1?.action, p1?.addressee, p1?.actors, p1?.commitment]).toEqual(['recommend', 'grcm', ['grcm'], undefined]);
    expect(p1?.items?.map((i) => [i.action, i.addressee, i.actors])).toEqual([['recommend', 'grcm', undefined], ['thank', undefined, ['iom']], ['recommend', 'grcm', ['HN']]]);
    expect([p2?.action, p2?.addressee]).toEqual(['acknowledge', undefined]);
    expect(p2?.items?.map((i) => [i.action, i.addressee, i.commitment])).toEqual([['recommend', 'grcm', undefined]]);
  });

  it('"a la brevedad" is due asap with its wording', () => {
    const [p] = drafted('1. Agradecer a los Países Miembros. La ST enviará, a la brevedad, un recordatorio.\n');
    expect(p?.commitment).toEqual({ owners: ['st'], deadline: { due: 'asap', text: { es: 'a la brevedad' } } });
  });

  it('a schedule gains the meeting it leads to ("durante la próxima reunión del GRCM") as its last step', () => {
    const [p] = drafted('1. Encomendar a la ST la propuesta, para que sea aprobada durante la próxima reunión del GRCM. Se estableció el siguiente cronograma: envío del borrador el 24 de marzo; recepción de insumos el 31 de marzo.\n');
    expect(p?.commitment?.schedule?.map((s) => s.deadline)).toEqual([
      { due: '2017-03-24', text: { es: 'envío del borrador el 24 de marzo' } },
      { due: '2017-03-31', text: { es: 'recepción de insumos el 31 de marzo' } },
      { event: { body: 'grcm', relation: 'at' }, text: { es: 'durante la próxima reunión del GRCM' } },
    ]);
  });

  it('a later sentence where another actor will act, without a date, is an undated second step', () => {
    const [p] = drafted('1. Reconocer la oportunidad. Los Países Miembros compartirán con la ST sus informes, a más tardar el 21 de julio. Con base en ellos, la ST elaborará una propuesta de informe regional.\n');
    expect(p?.commitment?.owners).toEqual(['member-countries', 'st']);
    expect(p?.commitment?.schedule?.map((s) => [s.owners, s.deadline?.due])).toEqual([[['member-countries'], '2017-07-21'], [['st'], undefined]]);
  });

  it('never refuses: what it cannot find is a placeholder with a note saying what to put there', () => {
    const outcome = draftMeeting('Un texto sin fecha ni puntos.', 'x.txt', REGISTRIES);
    expect(outcome.missing).toEqual(['the body', 'the meeting dates', 'the points']);
    expect([outcome.draft.id, outcome.draft.body, outcome.draft.dates, outcome.draft.agreements]).toEqual(['undated-unknown-body', 'unknown-body', { start: '0000-00-00' }, []]);
    const at = outcome.draft.notes.map((n) => n.at);
    expect(at).toEqual(expect.arrayContaining(['/body', '/dates/start', '/agreements']));
    expect(outcome.draft.notes.find((n) => n.at === '/body')?.text.en).toMatch(/add it to registries\/bodies\.yaml/);
  });

  it('what the user says (--body, --date, --end, --place, --source-lang) replaces the guess, with a note', () => {
    const outcome = draftMeeting(REPORT, 'informe.txt', REGISTRIES, [], { body: 'grcm', start: '2017-03-20', end: '2017-03-21', place: { city: 'Panamá', country: 'PA' }, lang: 'en' });
    const d = outcome.draft;
    expect([d.id, d.body, d.dates, d.place, d.authentic, Object.keys(d.agreements[0]!.text)]).toEqual(['2017-03-20-grcm', 'grcm', { start: '2017-03-20', end: '2017-03-21' }, { city: 'Panamá', country: 'PA' }, 'en', ['en']]);
    expect(d.notes.filter((n) => /given with --/.test(n.text.en ?? '')).map((n) => n.at)).toEqual(['/body', '/dates', '/place']);
  });
});

describe('acta import', () => {
  const setup = (): string => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-import-'));
    cpSync(path.join(ROOT, 'data/registries'), path.join(dir, 'registries'), { recursive: true });
    cpSync(path.join(ROOT, 'data/acta.yaml'), path.join(dir, 'acta.yaml'));
    writeFileSync(path.join(dir, 'informe.txt'), REPORT.replace('SOBRE ASUNTOS X', 'PARA EL COMBATE AL TRÁFICO ILÍCITO DE MIGRANTES Y LA TRATA DE PERSONAS'));
    return dir;
  };

  it('writes the draft named by its id, which validates with import warnings only, and never overwrites it', async () => {
    const dir = setup();
    const first = await runActa(['import', 'informe.txt'], { cwd: dir });
    expect([first.code, first.stderr]).toEqual([0, '']);
    const file = path.join(dir, 'meetings/2017-03-16-red-trata.yaml');
    expect(existsSync(file)).toBe(true);
    const v = await runActa(['validate', '-f', 'json'], { cwd: dir });
    expect(v.code).toBe(0);
    const codes = new Set((JSON.parse(v.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code));
    expect([...codes]).toEqual(['import/unchecked']);
    const before = readFileSync(file, 'utf8');
    const again = await runActa(['import', 'informe.txt'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/ya existe: acta import no sobrescribe un registro \(use --stdout para comparar\)/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('--stdout prints the same draft and writes nothing; a .md report reads like its text', async () => {
    const dir = setup();
    const txt = await runActa(['import', 'informe.txt', '--stdout'], { cwd: dir });
    expect(txt.code).toBe(0);
    expect(existsSync(path.join(dir, 'meetings'))).toBe(false);
    writeFileSync(path.join(dir, 'informe.md'), readFileSync(path.join(dir, 'informe.txt'), 'utf8').replace(/^/, '# ').replace('Tegucigalpa', '**Tegucigalpa**'));
    const md = await runActa(['import', 'informe.md', '--stdout'], { cwd: dir });
    expect(md.stdout.replace(/informe\.md/g, 'informe.txt')).toBe(txt.stdout);
  });

  it('refuses what it cannot read', async () => {
    const dir = setup();
    expect((await runActa(['import', 'informe.pdf'], { cwd: dir })).stderr).toMatch(/lee informes \.docx, \.txt y \.md/);
    expect((await runActa(['import', 'nada.txt'], { cwd: dir })).code).toBe(2);
  });
});

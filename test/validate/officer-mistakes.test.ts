// Mistakes an officer makes writing records by hand (nineteenth session's exploratory review): each message says,
// in the officer's language, what is wrong and how to fix it.
import { describe, expect, it } from 'vitest';
import { diagnosticText } from '../../src/render/diagnostic-text.js';
import { check, MEETING } from './harness.js';
import { formatPretty } from '../../src/render/diagnostics.js';
import { PLAIN } from '../../src/render/style.js';
import { countDiagnostics } from '../../src/core/diagnostics.js';

const M = 'meetings/2017-03-16-red-nna.yaml';
const said = (files: Record<string, string>, code: string, lang: string) => {
  const d = check(files).find((x) => x.code === code);
  expect(d, code).toBeDefined();
  return diagnosticText(d!, lang);
};

describe('a schema description as a hint', () => {
  // The deadline's description has dashes of its own in the English half: the Spanish half is after the last one.
  it('a deadline phrase the schema does not know: the hint is the whole description, each in its language', () => {
    const files = { [M]: MEETING.replace('due: 2017-07-21', 'due: junio 2017') };
    const es = said(files, 'schema/pattern', 'es');
    const en = said(files, 'schema/pattern', 'en');
    expect(es.hint).toMatch(/^Vencimiento: día \(2017-07-21\), mes \(2017-08\)/);
    expect(en.hint).toMatch(/^When it falls due: .* — due at the end of that period — or continuous/);
    expect(en.hint).not.toMatch(/Vencimiento/);
  });

  it('a meeting id in the wrong format: the Spanish hint shows the form, as the English one does', () => {
    const es = said({ 'meetings/2017-3-16-red-nna.yaml': MEETING.replace('id: 2017-03-16-red-nna', 'id: 2017-3-16-red-nna') }, 'schema/pattern', 'es');
    expect(es.hint).toContain('2017-03-16-red-nna');
  });
});

// The yaml library's messages are English: a Spanish officer read "YAML no válido: Implicit keys need to be on a single
// line" for a missing colon. The usual mistakes are now said in the catalog's words, in both languages.
describe('YAML mistakes said in the officer\'s language', () => {
  const cases: readonly (readonly [string, string, string, string, RegExp, RegExp])[] = [
    ['a missing colon', 'body: red-nna', 'body red-nna', 'missingColon', /falta `:` tras una clave/, /missing its `:`/],
    ['a key with no value', 'agreements:', 'agreements:\nnotes', 'missingColon', /falta `:`/, /missing its `:`/],
    ['a colon inside a value without quotes', 'text: { es: Agradecer a las delegaciones. }', 'text:\n      es: Agradecer: a las delegaciones.', 'colonInValue', /contiene `: `/, /holds `: `/],
    ['a key indented off by one', '  start: 2017-03-16', '   start: 2017-03-16', 'indent', /este mapeo no empiezan en la misma columna/, /this mapping do not start/],
    ['a quote never closed', 'source: { document: informe.txt }', 'source:\n  document: "informe.txt', 'unclosedQuote', /comilla " abierta más arriba/, /a " quote opened above/],
    ['a bracket never closed', 'participants: [GT, HN, MX]', 'participants: [GT, HN, MX', 'unclosedFlow', /no se cierra con `\]`/, /not closed with `\]`/],
    ['a value starting with @', 'city: Tegucigalpa', 'city: @Tegucigalpa', 'reservedStart', /no puede empezar con `@`/, /cannot start with `@`/],
    ['text after a closing quote', 'text: { es: Agradecer a las delegaciones. }', 'text:\n      es: "Agradecer" a las delegaciones.', 'afterClosing', /texto después de la comilla/, /text after the quote/],
  ];
  it.each(cases)('%s', (_name, from, to, variant, es, en) => {
    expect(MEETING).toContain(from);
    const files = { [M]: MEETING.replace(from, to) };
    const d = check(files).find((x) => x.code === 'yaml/syntax');
    expect(d?.variant).toBe(variant);
    const [said, saidEn] = [diagnosticText(d!, 'es'), diagnosticText(d!, 'en')];
    expect(said.message).toMatch(es);
    expect(saidEn.message).toMatch(en);
    for (const t of [said, saidEn]) expect(`${t.message} ${t.hint}`).not.toMatch(/Implicit|Nested|must start|Missing|Plain value|Unexpected/);
    expect(said.hint).not.toBe('corrija la sintaxis YAML en esta posición');
  });

  it('a tab: no English words in the Spanish message', () => {
    const d = check({ [M]: MEETING.replace('  end: 2017-03-17', '\tend: 2017-03-17') }).find((x) => x.code === 'yaml/tab');
    expect(diagnosticText(d!, 'es').message).not.toMatch(/Tabs/);
  });

  it('another syntax error keeps the library\'s own words', () => {
    const d = check({ [M]: MEETING.replace('participants: [GT, HN, MX]', 'participants: [GT,, HN]') }).find((x) => x.code === 'yaml/syntax');
    expect(d?.variant).toBeUndefined();
    expect(diagnosticText(d!, 'en').message).toMatch(/Unexpected ,/);
  });
});

describe('a required field left out', () => {
  // "a el registro le falta `agreements`": Spanish contracts "a el" to "al"; the sentence now needs no contraction.
  it.each([
    ['agreements:', 'agreemnts:', 'falta `agreements` en el registro'],
    ['  start: 2017-03-16\n', '', 'falta `start` en `dates`'],
  ])('%s → said in good Spanish', (from, to, want) => {
    const d = check({ [M]: MEETING.replace(from, to) }).find((x) => x.code === 'schema/required');
    expect(diagnosticText(d!, 'es').message).toBe(want);
  });
});

describe('a file saved in Latin-1', () => {
  // "el byte 105 no es UTF-8 válido" read as a byte whose value is 105 (the letter i): it was the byte's position.
  it('names the byte by its value, and says where it is', () => {
    const enc = new TextEncoder();
    const bytes = Uint8Array.from([...enc.encode('record: meeting\nid: caf'), 0xe9, ...enc.encode('\n')]);
    const d = check({ [M]: bytes }).find((x) => x.code === 'file/encoding')!;
    expect(diagnosticText(d, 'es').message).toBe('el byte 0xE9 (el 24.º del archivo) no es UTF-8 válido');
    expect(diagnosticText(d, 'en').message).toBe('byte 0xE9 (byte 24 of the file) is not valid UTF-8');
  });
});

describe('a file saved as UTF-16 (Windows Notepad\'s "Unicode")', () => {
  // It read as "el byte 0xFF (el 1.º del archivo) no es UTF-8 válido" with a byte-order mark, and as a NUL byte
  // without one: neither says what the file is, nor how to save it.
  const utf16 = (text: string, order: 'LE' | 'BE', mark: boolean): Uint8Array => {
    const units = [...(mark ? [0xfeff] : []), ...[...text].map((c) => c.charCodeAt(0))];
    return Uint8Array.from(units.flatMap((u) => (order === 'LE' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff])));
  };
  it.each([
    ['little-endian, with its mark', 'LE', true],
    ['big-endian, with its mark', 'BE', true],
    ['little-endian, without a mark', 'LE', false],
    ['big-endian, without a mark', 'BE', false],
  ] as const)('%s: named as UTF-16, with how to save it as UTF-8, and nothing else said of the file', (_what, order, mark) => {
    const found = check({ [M]: utf16(MEETING, order, mark) }).filter((x) => x.file === M);
    expect(found.map((x) => x.code)).toEqual(['file/encoding']);
    const es = diagnosticText(found[0]!, 'es');
    expect(es.message).toBe(`el archivo está en UTF-16${order}, no en UTF-8`);
    expect(es.hint).toContain('Codificación: UTF-8');
    expect(diagnosticText(found[0]!, 'en').message).toBe(`the file is UTF-16${order}, not UTF-8`);
    expect(found[0]!.line).toBe(1);
  });

  it('UTF-8 text that starts like UTF-16 does not exist; a file of two bytes or a short one is read as it is', () => {
    expect(check({ [M]: MEETING }).filter((x) => x.code === 'file/encoding')).toEqual([]);
    expect(check({ [M]: Uint8Array.from([0x61, 0]) }).map((x) => x.code)).not.toContain('file/encoding');
  });
});

describe('a draft\'s import notes', () => {
  // The Spanish warning quoted the note's English text ("… sigue sin revisar en /body: import: the body (red-nna) …").
  it('are quoted in the officer\'s language', () => {
    const files = { [M]: `${MEETING}notes:\n  - text:\n      es: "import: fechas leídas de «16-17 de marzo»."\n      en: "import: dates read from \\"16-17 March\\"."\n    at: /dates\n` };
    const d = check(files).find((x) => x.code === 'import/unchecked')!;
    expect(diagnosticText(d, 'es').message).toBe('una suposición de la importación sigue sin revisar en /dates: import: fechas leídas de «16-17 de marzo».');
    expect(diagnosticText(d, 'en').message).toBe('an import guess is still unchecked at /dates: import: dates read from "16-17 March".');
  });
});

describe('an id written in the wrong form', () => {
  // "2017-3-16-red-nna": besides schema/pattern, id/file-name advised renaming the file to 2017-3-16-red-nna.yaml.
  it('is the schema\'s to report: no advice to name the file after it', () => {
    const codes = check({ [M]: MEETING.replace('id: 2017-03-16-red-nna', 'id: 2017-3-16-red-nna') }).map((d) => d.code);
    expect(codes).toContain('schema/pattern');
    expect(codes).not.toContain('id/file-name');
  });

  it('a well-formed id in a file named otherwise is still reported', () => {
    expect(check({ 'meetings/otra.yaml': MEETING }).map((d) => d.code)).toContain('id/file-name');
  });
});

describe('a code written in the wrong case', () => {
  // `country: cr` was answered "(¿quiso decir `CA`, `CR`?)": the one that differs only in case is what was meant.
  it('is suggested alone', () => {
    const countries = 'record: countries\ncountries:\n  - code: CA\n    name: { es: Canadá }\n  - code: CR\n    name: { es: Costa Rica }\n  - code: GT\n    name: { es: Guatemala }\n  - code: HN\n    name: { es: Honduras }\n  - code: MX\n    name: { es: México }\n';
    const d = check({ 'registries/countries.yaml': countries, [M]: MEETING.replace('country: HN', 'country: cr') }).find((x) => x.code === 'ref/unknown-country')!;
    expect(diagnosticText(d, 'es').message).toBe('país desconocido `cr` (¿quiso decir `CR`?)');
  });
});

// A text of thousands of characters is one line of a record: the code frame printed it whole (40,000 columns), once for
// every problem near it.
describe('the code frame of a very long line', () => {
  const frame = (files: Record<string, string>, code: string): string[] => {
    const d = check(files).filter((x) => x.code === code);
    const out = formatPretty({ root: '.', files: [M], diagnostics: d, counts: countDiagnostics(d) }, { style: PLAIN, lang: 'en', sources: new Map([[M, files[M]!]]) });
    return out.split('\n');
  };
  it('shows a window of the line around the column, the caret still under the value', () => {
    const long = `Agradecer ${'a las delegaciones '.repeat(400)}presentes.`;
    const files = { [M]: MEETING.replace('{ es: Solicitar a la OIM la publicación. }', `{ es: "${long}" }`).replace('actors: [iom]', `actors: [${'iom, '.repeat(80)}${'x'.repeat(10)}, ${'iom, '.repeat(600)}iom]`) };
    const lines = frame(files, 'ref/unknown-actor');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(260);
    const at = lines.findIndex((l) => l.startsWith('  > '));
    const caret = lines[at + 1]!.indexOf('^');
    expect(lines[at]!.slice(caret, caret + 10)).toBe('xxxxxxxxxx');
    expect(lines.some((l) => l.endsWith('…'))).toBe(true);
  });

  it('a short line is shown as it is', () => {
    const lines = frame({ [M]: MEETING.replace('actors: [iom]', 'actors: [oim]') }, 'ref/unknown-actor');
    expect(lines).toContain('  > 17 |     actors: [oim]');
  });
});

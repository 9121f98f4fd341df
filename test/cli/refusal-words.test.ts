// Commander's own refusals (a mistyped command or option, an argument missing or too many) in the officer's language,
// as acta's own are: the catalog's words, acta's prefix, the nearest name, the hint to --help; exit 2.
import { describe, expect, it } from 'vitest';
import { commanderRefusal } from '../../src/render/usage-words.js';
import { runActa } from '../run-acta.js';

const HINT = { es: '(ejecute `acta --help` para ver el uso)', en: '(run `acta --help` for usage)' } as const;

describe("commander's refusals in both languages", () => {
  it.each([
    [['overdue', '--actr', 'MX'], 'opción desconocida: --actr\n(¿quiso decir --actor?)', "unknown option '--actr'\n(Did you mean --actor?)"],
    [['overdue', '--zzzz'], 'opción desconocida: --zzzz', "unknown option '--zzzz'"],
    [['shwo'], 'orden desconocida: shwo\n(¿quiso decir show?)', "unknown command 'shwo'\n(Did you mean show?)"],
    [['show'], 'falta el argumento id', "missing required argument 'id'"],
    [['show', 'a', 'b'], 'demasiados argumentos para acta show: se esperaba 1 y se dieron 2', "too many arguments for 'show'. Expected 1 argument but got 2."],
    [['overdue', 'x'], 'demasiados argumentos para acta overdue: se esperaba ninguno y se dio 1', "too many arguments for 'overdue'. Expected no arguments but got 1."],
    [['overdue', '--actor'], 'a la opción --actor <actor> le falta su valor', "option '--actor <actor>' argument missing"],
  ])('acta %j', async (args, es, en) => {
    const spanish = await runActa(['--root', 'data', '--as-of', '2017-08-01', ...args]);
    expect([spanish.code, spanish.stdout, spanish.stderr]).toEqual([2, '', `acta: ${es}\n${HINT.es}\n`]);
    const english = await runActa(['--root', 'data', '--as-of', '2017-08-01', ...args], { env: { ACTA_LANG: 'en' } });
    expect([english.code, english.stdout, english.stderr]).toEqual([2, '', `acta: ${en}\n${HINT.en}\n`]);
  });

  it("a refusal it has no words for is shown as commander worded it, never lost; several near names are offered", () => {
    expect(commanderRefusal({ code: 'commander.conflictingOption', message: "error: option '--a' cannot be used with option '--b'" }, 'es')).toBe("option '--a' cannot be used with option '--b'");
    expect(commanderRefusal({ code: 'commander.unknownOption', message: "error: unknown option '--ac'\n(Did you mean one of --actor, --as-of?)" }, 'es')).toBe('opción desconocida: --ac\n(¿quiso decir uno de --actor, --as-of?)');
    expect(commanderRefusal({ code: 'commander.unknownOption', message: 'error: something commander may say one day' }, 'en')).toBe('something commander may say one day');
  });
});

describe("acta new's refusals of its own options, in both languages (nothing is written)", () => {
  it.each([
    [['new', 'meeting', '--date', '2018-03-01'], 'falta --body: la instancia que se reunió, p. ej. --body red-nna', '--body is required: the body that met, e.g. --body red-nna'],
    [['new', 'meeting', '--body', 'red-nna'], 'falta --date: el primer día de la reunión, p. ej. --date 2018-03-01', '--date is required: the first day of the meeting, e.g. --date 2018-03-01'],
    [['new', 'plan', '--period', '2018-2022'], 'falta --body: la instancia de la que es el plan, p. ej. --body red-nna', '--body is required: the body whose plan it is, e.g. --body red-nna'],
    [['new', 'plan', '--body', 'red-nna'], 'falta --period: los años que abarca, p. ej. --period 2018-2022', '--period is required: the years it covers, e.g. --period 2018-2022'],
    [['new', 'meeting', '--body', 'Red NNA', '--date', '2018-03-01'], '--body "Red NNA": se esperaba el id de una instancia (minúsculas, dígitos y guiones)', '--body "Red NNA": expected a body id (lowercase letters, digits, hyphens)'],
    [['new', 'meeting', '--body', 'red-nna', '--date', '2018-03-01', '--id', 'reunion'], '--id "reunion": el id de una reunión es su primer día y un nombre corto, p. ej. 2018-03-01-red-nna', '--id "reunion": a meeting id is its first day and a short name, e.g. 2018-03-01-red-nna'],
    [['new', 'meeting', '--body', 'red-nna', '--date', '2018-03-01', '--ordinal', '0'], '--ordinal "0": se esperaba un número entero desde 1', '--ordinal "0": expected a whole number from 1'],
    [['new', 'plan', '--body', 'red-nna', '--period', '2022-2018'], '--period "2022-2018": se esperaban dos años, p. ej. 2018-2022 (20 columnas como mucho)', '--period "2022-2018": expected two years, e.g. 2018-2022 (at most 20 columns)'],
    [['new', 'plan', '--body', 'red-nna', '--period', '2018-2022', '--id', 'Plan_1'], '--id "Plan_1": se esperaban minúsculas, dígitos y guiones, p. ej. 2018-2022-red-nna', '--id "Plan_1": expected lowercase letters, digits and hyphens, e.g. 2018-2022-red-nna'],
  ])('acta %j', async (args, es, en) => {
    const spanish = await runActa(['--root', 'data', ...args]);
    expect([spanish.code, spanish.stdout, spanish.stderr]).toEqual([2, '', `acta: ${es}\n`]);
    const english = await runActa(['--root', 'data', ...args], { env: { ACTA_LANG: 'en' } });
    expect([english.code, english.stdout, english.stderr]).toEqual([2, '', `acta: ${en}\n`]);
  });
});

describe("acta import's refusals of its options and of the report named, in both languages (nothing is written)", () => {
  it.each([
    [['import', 'informe.pdf'], 'informe.pdf: acta import lee informes .docx, .txt y .md (guarde antes un PDF como texto)', 'informe.pdf: acta import reads .docx, .txt and .md reports (save a PDF as text first)'],
    [['import', 'nota.txt', '--end', '2018-03-02'], '--end necesita --date (el primer día)', '--end needs --date (the first day)'],
    [['import', 'nota.txt', '--date', '2018-03-02', '--end', '2018-03-01'], '--end 2018-03-01 es anterior a --date 2018-03-02', '--end 2018-03-01 is before --date 2018-03-02'],
    [['import', 'nota.txt', '--source-lang', 'fr'], '--source-lang fr: es o en', '--source-lang fr: es or en'],
    [['import', 'no-such-report.txt'], 'no-such-report.txt: no existe ese archivo', 'no-such-report.txt: no such file'],
    [['import', '--accept', 'nota.txt'], 'nota.txt: --accept toma un registro (.yaml), no un informe', 'nota.txt: --accept takes a record (.yaml), not a report'],
    [['import', 'nota.txt', '--only', '/body'], '--only va con --accept REGISTRO', '--only goes with --accept RECORD'],
  ])('acta %j', async (args, es, en) => {
    const spanish = await runActa(['--root', 'data', ...args]);
    expect([spanish.code, spanish.stdout, spanish.stderr]).toEqual([2, '', `acta: ${es}\n`]);
    const english = await runActa(['--root', 'data', ...args], { env: { ACTA_LANG: 'en' } });
    expect([english.code, english.stdout, english.stderr]).toEqual([2, '', `acta: ${en}\n`]);
  });
});

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

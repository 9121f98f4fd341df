// Help a person can work from: examples and global options in every command's --help (and each example runs against
// a records repository acta init made), "did you mean" for a mistyped command, option or choice, tables fitted to a terminal's width.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.js';
import { fitColumns } from '../../src/render/commitment-cells.js';
import { TempRepo } from '../git/repo.js';
import { runActa } from '../run-acta.js';

describe('--help', () => {
  it('overdue --help (golden): in Spanish by default, in English with --lang en or ACTA_LANG=en', async () => {
    const r = await runActa(['overdue', '--help']);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('../golden/help/overdue.txt');
    const en = await runActa(['overdue', '--help', '--lang', 'en']);
    await expect(en.stdout).toMatchFileSnapshot('../golden/help/overdue.en.txt');
    expect((await runActa(['help', 'overdue'], { env: { ACTA_LANG: 'en' } })).stdout).toBe(en.stdout);
  });

  it('acta --help in Spanish by default: headings, summaries, options, examples; no word of the English left', async () => {
    const es = (await runActa(['--help'])).stdout;
    expect(es).toMatch(/^Uso: acta \[opciones\] \[orden\]\n/);
    for (const heading of ['Opciones:', 'Órdenes:', 'Ejemplos:']) expect(es).toContain(`\n${heading}\n`);
    expect(es).toContain('la fecha que se toma como hoy (AAAA-MM-DD)');
    expect(es).toMatch(/help \[orden\] +muestra las opciones y ejemplos de una orden/);
    const en = (await runActa(['--help', '--lang', 'en'])).stdout;
    expect(en).toMatch(/^Usage: acta \[options\] \[command\]\n/);
    // Each command's summary and each option's description differ from the English (the registry's): none was missed.
    for (const c of COMMANDS) expect(es, c.name).not.toContain(c.summary.slice(0, 40));
    for (const name of COMMANDS.map((c) => c.name)) {
      const help = (await runActa([name, '--help'])).stdout;
      for (const line of help.split('\n').filter((l) => /^ {2}-/.test(l))) expect(line, `${name}: ${line}`).not.toMatch(/ {2}(only|the|write|exit|add|use|print|with|record|what|who|where|group|due|first|end|how|start|depend|docx: the|html: the|md and html)\b/);
    }
  });

  it('every summary, argument, option and example of the registry has its words in both catalogs', async () => {
    const { Command } = await import('commander');
    const { message } = await import('../../src/render/catalog.js');
    const missing: string[] = [];
    for (const lang of ['es', 'en']) {
      for (const entry of COMMANDS) {
        const cmd = entry.define(new Command(entry.name));
        const keys = [`commands.${entry.name}.summary`, ...cmd.options.map((o) => `commands.${entry.name}.options.${o.attributeName()}`), ...cmd.registeredArguments.map((a) => `commands.${entry.name}.arguments.${a.name()}`), ...entry.examples.map((_, i) => `commands.${entry.name}.examples.${i + 1}`)];
        for (const key of keys) if (message(lang, `help.${key}`) === undefined) missing.push(`${lang}: help.${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(COMMANDS.map((c) => c.name).filter((n) => n !== 'init'))('%s --help shows the global options and two or three examples', async (name) => {
    const r = await runActa([name, '--help']);
    expect(r.code).toBe(0);
    const global = r.stdout.slice(r.stdout.indexOf('Opciones globales:'));
    for (const option of ['--root <dir>', '--lang <lang>', '--as-of <date>', '--rev <rev>']) expect(global).toContain(option);
    const examples = r.stdout.slice(r.stdout.indexOf('Ejemplos:')).split('\n').filter((l) => /^ {2}acta\b/.test(l));
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(examples.length).toBeLessThanOrEqual(3);
  });

  it('init --help leaves out the global options that mean nothing there (it makes a repository, reads none)', async () => {
    const r = await runActa(['init', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/Opciones globales|--as-of|--lang|--rev/);
    expect(r.stdout).toContain('--from-crm');
    expect(r.stdout).toContain('Ejemplos:');
  });

  it('acta help COMMAND is acta COMMAND --help; -v and --version print the version', async () => {
    const viaHelp = await runActa(['help', 'overdue']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe((await runActa(['overdue', '--help'])).stdout);
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const flag of ['-v', '--version']) expect(await runActa([flag])).toEqual({ stdout: `${version}\n`, stderr: '', code: 0 });
  });

  it("acta --help's examples work in any records repository (one acta init made, no CRM id)", async () => {
    const help = (await runActa(['--help'])).stdout;
    const lines = help.slice(help.indexOf('Ejemplos:')).split('\n').filter((l) => /^ {2}acta\b/.test(l)).map((l) => l.trim());
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const home = mkdtempSync(path.join(os.tmpdir(), 'acta-help-any-'));
    try {
      const root = path.join(home, 'records');
      expect((await runActa(['init', root, '--no-vendor'])).code).toBe(0);
      for (const line of lines) {
        const r = await runActa([...line.split(' ').slice(1), '--as-of', '2025-06-01'], { cwd: root });
        expect(r.stderr, line).toBe('');
        expect([0, 1], `${line}: exit ${r.code}`).toContain(r.code);
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it("commander's refusals carry acta's prefix, as acta's own do", async () => {
    for (const args of [['overdue', '--actr', 'MX'], ['bogus'], ['show'], ['--lang', 'fr', 'overdue']]) {
      const r = await runActa([...args, '--root', 'data']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^acta: /);
      expect(r.stderr).not.toMatch(/^error:/m);
    }
  });

  it('upcoming does not offer --fail-on-overdue, and says where it is', async () => {
    const help = (await runActa(['upcoming', '--help'])).stdout;
    expect(help).not.toMatch(/^\s+--fail-on-overdue/m);
    expect(help).toContain('acta overdue --fail-on-overdue');
    const r = await runActa(['upcoming', '--fail-on-overdue', '--root', 'data', '--as-of', '2017-08-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('opción desconocida: --fail-on-overdue');
  });
});

describe("every example in every command's help runs in a records repository acta init made (no CRM id)", () => {
  // Each command gets its own fresh repository, twice: `acta init` and `acta init --from-crm`, committed on main (diff and
  // --changed-since need one), plus report.txt, the meeting report a secretariat would have for `acta import`. The
  // command's examples run in it in order (import's third example accepts the draft its second wrote), at a fixed date
  // when they name none. Exit 1 is "problems found" (overdue, would reformat), fine; nothing goes to standard error but
  // the one line a command that writes a file says it wrote.
  const REPORT = [
    'INFORME DE LA REUNIÓN DE LA SECRETARÍA TÉCNICA',
    '10 de marzo de 2025',
    '1. Agradecer a los Países Miembros por la presentación de sus informes.',
    '2. Solicitar a la Secretaría Técnica que circule el informe de la reunión a más tardar el 31 de marzo de 2025.',
    '',
  ].join('\n');
  const repos: TempRepo[] = [];
  afterAll(() => {
    for (const repo of repos) repo.cleanup();
  });
  const words = (line: string): string[] => [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
  it('no example names a record of the CRM', () => {
    for (const entry of COMMANDS) for (const [line] of entry.examples) expect(line, line).not.toMatch(/red-|2017-|MX|OIM|sources\//);
  });
  // Both kinds init makes: its own example registries, and the CRM's (--from-crm); both have body st and the example meeting.
  // init's own examples run once: each gets a fresh empty folder (below), so the repository around it changes nothing
  // but the time of its `npm pack` (the tarball init vendors).
  const cases = COMMANDS.flatMap((c) => (c.name === 'init' ? [[]] : [[], ['--from-crm']]).map((flags) => [c.name, ['init', ...flags].join(' '), flags, c] as const));
  // Each kind is made once; every command gets its own copy of it (the examples write files).
  const made = new Map<string, Promise<TempRepo>>();
  const madeBy = (flags: readonly string[]): Promise<TempRepo> => {
    const key = flags.join(' ');
    if (!made.has(key)) {
      made.set(key, (async () => {
        const repo = new TempRepo('acta-help-');
        repos.push(repo);
        expect((await repo.acta(['init', repo.dir, '--force', '--no-vendor', ...flags])).code).toBe(0);
        repo.write({ 'report.txt': REPORT }).commit('a records repository, as acta init makes it');
        return repo;
      })());
    }
    return made.get(key)!;
  };
  it.each(cases)('%s (in a repository made by acta %s)', async (_name, _made, flags, entry) => {
    const repo = new TempRepo('acta-help-', await madeBy(flags));
    try {
      await runExamples(repo, entry);
    } finally {
      repo.cleanup();
    }
  });
  async function runExamples(repo: TempRepo, entry: (typeof COMMANDS)[number]): Promise<void> {
    for (const [line] of entry.examples) {
      const args = words(line).slice(1);
      if (!args.includes('--as-of')) args.push('--as-of', '2025-06-01');
      // Each init example gets a fresh empty folder (init refuses one in use).
      const cwd = line.startsWith('acta init') ? mkdtempSync(path.join(repo.home, 'init-')) : repo.dir;
      const r = await repo.acta(args, cwd);
      const wrote = line.includes(' -o ') ? `acta: se escribió ${args[args.indexOf('-o') + 1]}\n` : line.startsWith('acta statement --all') ? expect.stringMatching(/^acta: se escribieron \d+ estados y index\.csv en \S+\n$/) : line.startsWith('acta site') ? expect.stringMatching(/^acta: se escribió \S+\/ \(\d+ páginas, \d+ archivos\); abra \S+\/index\.html\n$/) : '';
      expect(r.stderr, line).toEqual(wrote);
      expect([0, 1], `${line}: exit ${r.code}`).toContain(r.code);
      // It shows something, or writes the file or folder it names (site: site/ of the records root by default).
      const out = args.includes('-o') ? args[args.indexOf('-o') + 1]! : args.includes('--out') ? args[args.indexOf('--out') + 1]! : line.startsWith('acta site') ? 'site' : undefined;
      if (out === undefined) expect(r.stdout, line).not.toBe('');
      else expect(existsSync(path.join(cwd, out)), line).toBe(true);
    }
  }
});

describe('did you mean', () => {
  it.each([
    [['shwo', '2017-03'], 'orden desconocida: shwo\n(¿quiso decir show?)', "unknown command 'shwo'\n(Did you mean show?)"],
    [['overdu'], 'orden desconocida: overdu\n(¿quiso decir overdue?)', "unknown command 'overdu'\n(Did you mean overdue?)"],
    [['list', 'meeting'], 'list meeting: diga qué listar: meetings | agreements | commitments | plans\n(¿quiso decir meetings?)', 'list meeting: say what to list: meetings | agreements | commitments | plans\n(Did you mean meetings?)'],
    [['list', 'comitments'], '(¿quiso decir commitments?)', '(Did you mean commitments?)'],
    [['overdue', '--actr', 'MX'], 'opción desconocida: --actr\n(¿quiso decir --actor?)', "unknown option '--actr'\n(Did you mean --actor?)"],
    [['overdue', '--by', 'actors'], '--by actors: se esperaba uno de actor, body, meeting\n(¿quiso decir actor?)', '--by actors: expected one of actor, body, meeting\n(Did you mean actor?)'],
    [['show', '2017-03', '-f', 'jsno'], '--format jsno: se esperaba uno de text, json\n(¿quiso decir json?)', '--format jsno: expected one of text, json\n(Did you mean json?)'],
    [['new', 'meetin'], '(¿quiso decir meeting?)', '(Did you mean meeting?)'],
  ])('acta %j, in Spanish and in English', async (args, es, en) => {
    const r = await runActa([...args, '--root', 'data', '--as-of', '2017-08-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(es);
    expect((await runActa([...args, '--root', 'data', '--as-of', '2017-08-01', '--lang', 'en'])).stderr).toContain(en);
  });

  it('a word far from every choice gets no guess', async () => {
    const r = await runActa(['list', 'xyzzy', '--root', 'data']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('quiso decir');
  });
});

describe('tables fit the terminal', () => {
  const longest = (text: string): number => Math.max(...text.split('\n').filter((l) => /^[┌│├└]/.test(l)).map((l) => [...l].length));
  it.each([
    ['list', 'commitments', '--actor', 'MX'],
    ['overdue', '--by', 'actor'],
    ['show', '2017-06-21-red-trata'],
  ])('acta %s %s: at 60 and 120 columns, and piped', async (...command) => {
    const args = [...command, '--root', 'data', '--as-of', '2017-08-01'];
    const piped = (await runActa(args)).stdout;
    const at60 = (await runActa(args, { columns: 60 })).stdout;
    const at120 = (await runActa(args, { columns: 120 })).stdout;
    // Piped: the fixed layout (wider than 120), the same bytes on every machine.
    expect(longest(piped)).toBeGreaterThan(120);
    expect(longest(at60)).toBeLessThanOrEqual(60);
    expect(longest(at120)).toBeLessThanOrEqual(120);
    expect(longest(at120)).toBeGreaterThan(100);
  });

  it('the work-plan matrix gives its activity column what the terminal leaves', async () => {
    const args = ['workplan', '2017-2022-red-nna', '--axis', '2', '--root', 'data', '--as-of', '2018-01-01'];
    expect(longest((await runActa(args)).stdout)).toBe(100);
    expect(longest((await runActa(args, { columns: 160 })).stdout)).toBe(160);
  });

  it('at 120 columns ids stay whole; the long text wraps instead', async () => {
    const at120 = (await runActa(['list', 'commitments', '--root', 'data', '--as-of', '2017-08-01'], { columns: 120 })).stdout;
    expect(at120).toContain('2016-06-08-red-consular ');
    expect(at120).not.toMatch(/red-consu…/);
  });

  it('fitColumns: natural widths when they fit, never wider than the terminal when it can be helped', () => {
    expect(fitColumns(['a', 'b'], [10, 10], [['xx', 'yyy']], 80)).toEqual([4, 5]);
    expect(fitColumns(['a', 'b'], [10, 10], [['xx', 'yyy']])).toEqual([10, 10]);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 4, max: 40 }), fc.integer({ min: 0, max: 300 })), { minLength: 1, maxLength: 8 }), fc.integer({ min: 40, max: 250 }), (columns, width) => {
        const head = columns.map(() => 'h');
        const rows = [columns.map(([, n]) => 'x'.repeat(n))];
        const fitted = fitColumns(head, columns.map(([p]) => p), rows, width);
        const total = fitted.reduce((a, b) => a + b, 0) + columns.length + 1;
        const floors = fitted.map((_, i) => Math.min(2 + Math.max(1, columns[i]![1]), 6)).reduce((a, b) => a + b, 0) + columns.length + 1;
        return total <= Math.max(width, floors);
      }),
    );
  });
});

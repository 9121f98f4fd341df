// The shell: builds the commander program from the command registry, prints an Outcome and returns its exit code.
import path from 'node:path';
import type { Argument, Help } from 'commander';
import { Command, CommanderError, Option } from 'commander';
import type { Example } from './commands/index.js';
import { COMMANDS } from './commands/index.js';
import type { Outcome } from './commands/outcome.js';
import { terminalLines } from './render/escape.js';
import type { Runtime } from './io/runtime.js';
import type { HelpWords } from './render/help-words.js';
import { notedLang, processRuntime, takeNotes, withRuntime } from './io/runtime.js';
import { guardHeap, heapRefusal, noteRunStart } from './io/heap.js';

export const VERSION = '0.1.0';

/** The "Examples:" block of a help text: each command line under a comment saying what it shows (`key`: where the
 * catalog has the explanations, help.<key>.N, in the language of `words`). */
export function formatExamples(examples: readonly Example[], words?: HelpWords, key?: string): string {
  const what = (text: string, i: number): string => (words && key ? (words.say(`${key}.${i + 1}`) ?? text) : text);
  return `\n${words ? words.title('Examples:') : 'Examples:'}\n${examples.map(([command, text], i) => `  # ${what(text, i)}\n  ${command}\n`).join('')}`;
}

// --help in the officer's language: commander asks these for every word it shows, only when it shows help, so a run
// that shows none never loads the catalog for it. `keys` names each option's and argument's message (help.<key>).
function helpConfiguration(words: HelpWords | undefined, keys: WeakMap<object, string>): Partial<Help> {
  if (!words) return {};
  const said = (thing: object, fallback: string): string => {
    const key = keys.get(thing);
    return (key !== undefined ? words.say(key) : undefined) ?? fallback;
  };
  const usageWords = (usage: string): string => usage.replace('[options]', `[${words.say('titles.optionsUsage') ?? 'options'}]`).replace('[command]', `[${words.say('titles.commandUsage') ?? 'command'}]`);
  const withDefault = (text: string, value: unknown): string => (value === undefined ? text : `${text} (${words.say('titles.default') ?? 'default'}: ${JSON.stringify(value)})`);
  return {
    styleTitle: (heading: string) => words.title(heading),
    styleUsage: usageWords,
    styleSubcommandTerm: usageWords,
    commandDescription: (cmd: Command) => said(cmd, cmd.description()),
    subcommandDescription: (cmd: Command) => said(cmd, cmd.summary() || cmd.description()),
    optionDescription: (option: Option) => {
      const text = option.long === '--help' ? (words.say('program.help') ?? option.description) : option.long === '--version' ? (words.say('program.version') ?? option.description) : said(option, option.description);
      return withDefault(text, option.required || option.optional ? option.defaultValue : undefined);
    },
    argumentDescription: (argument: Argument) => withDefault(said(argument, argument.description), argument.defaultValue),
  };
}

function buildProgram(rt: Runtime, onOutcome: (o: Outcome) => void, words?: HelpWords): Command {
  const keys = new WeakMap<object, string>();
  const helpConfig = helpConfiguration(words, keys);
  const program = new Command('acta')
    .description('Keeps a secretariat\'s records honest: validates meetings, agreements and work plans, tells who owes what and what is late.')
    .version(VERSION, '-v, --version', 'print the version')
    .option('--root <dir>', 'records root (default: nearest folder upwards with acta.yaml)')
    .option('--lang <lang>', 'language of output: es or en (also: ACTA_LANG; default: lang: in acta.yaml, else es)')
    .option('--as-of <date>', 'the date to treat as today (YYYY-MM-DD)')
    .option('--rev <rev>', 'read the records as they were at this git revision (read-only commands)')
    .option('--no-color', 'no colour in output (also: NO_COLOR=1)')
    .option('--no-cache', 'do not reuse parsed files (also: ACTA_CACHE=0)')
    // `acta help COMMAND` as well as `acta COMMAND --help`.
    .helpCommand('help [command]', 'show the options and examples of a command')
    // Set before the commands are made, so each inherits it: a command's help lists --root, --lang, --as-of, --rev too.
    .configureHelp({ showGlobalOptions: true, ...helpConfig })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => rt.stdout.write(s),
      writeErr: (s) => writeErr(rt, s),
      // Commander's own refusals ("error: unknown option …") are said in failed(), as acta's are: in the run's
      // language, with acta's prefix and the hint to its help after them.
      outputError: () => undefined,
      getOutHelpWidth: () => (rt.stdout.isTTY && rt.stdout.columns ? rt.stdout.columns : 80),
      getErrHelpWidth: () => (rt.stderr.isTTY && rt.stderr.columns ? rt.stderr.columns : 80),
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    });
  keys.set(program, 'program.description');
  for (const option of program.options) keys.set(option, `program.options.${option.attributeName()}`);
  for (const entry of COMMANDS) {
    const cmd = entry.define(program.command(entry.name).description(entry.summary));
    keys.set(cmd, `commands.${entry.name}.summary`);
    for (const option of cmd.options) keys.set(option, `commands.${entry.name}.options.${option.attributeName()}`);
    for (const argument of cmd.registeredArguments) keys.set(argument, `commands.${entry.name}.arguments.${argument.name()}`);
    // init makes a repository: --lang, --as-of, --rev and the others are about reading one, and mean nothing there.
    if (entry.name === 'init') cmd.configureHelp({ showGlobalOptions: false, ...helpConfig });
    cmd.addHelpText('after', () => formatExamples(entry.examples, words, `commands.${entry.name}.examples`));
    cmd.action(async (...params: unknown[]) => {
      const self = params[params.length - 1] as Command;
      const args = self.processedArgs.flatMap((a) => (Array.isArray(a) ? (a as string[]) : a === undefined ? [] : [String(a)]));
      const options = { ...program.opts(), ...self.opts() };
      if (options['asOf'] !== undefined) (await import('./commands/context.js')).resolveAsOf(options);
      onOutcome(await withoutCacheIfAsked(rt, options, () => entry.run(args, options)));
    });
  }
  // `acta` alone shows the dashboard (what `npm start` runs); a word that is no command is still an error.
  const dashboard = COMMANDS.find((e) => e.name === 'dashboard');
  if (dashboard) {
    program.allowExcessArguments(true).action(async () => {
      const [word] = program.args;
      if (word !== undefined) {
        const { closestChoice } = await import('./commands/choices.js');
        const near = closestChoice(word, COMMANDS.map((e) => e.name));
        // Worded as commander words its own (failed() says it again in the run's language).
        program.error(`error: unknown command '${word}'${near === undefined ? '' : `\n(Did you mean ${near}?)`}`, { code: 'commander.unknownCommand' });
      }
      onOutcome(await withoutCacheIfAsked(rt, program.opts(), () => dashboard.run([], program.opts())));
    });
  }
  program.addHelpText('after', () => `${formatExamples(PROGRAM_EXAMPLES, words, 'program.examples')}\n${words?.say('program.footer') ?? "Each command's --help (or acta help COMMAND) shows its options and examples."}\n`);
  // The implicit `help` command's line in the list of commands.
  const helpCommand = (program as unknown as { _getHelpCommand?: () => Command | null })._getHelpCommand?.();
  if (helpCommand) keys.set(helpCommand, 'program.helpCommand');
  return program;
}

// --no-cache is ACTA_CACHE=0 for this run: the parse cache (io/cache.ts) reads only the run's environment.
function withoutCacheIfAsked<T>(rt: Runtime, options: Record<string, unknown>, work: () => Promise<T>): Promise<T> {
  return options['cache'] === false ? withRuntime({ ...rt, env: { ...rt.env, ACTA_CACHE: '0' } }, work) : work();
}

// Examples that work in any records repository (no id of the CRM's records): each command's own --help has examples
// run against those.
const PROGRAM_EXAMPLES: readonly Example[] = [
  ['acta', 'one screen of the records: counts, states, most overdue, next deadlines'],
  ['acta validate', 'check every record, each problem at its file and line'],
  ['acta overdue --by actor', 'what is late, grouped by who still owes it'],
  ['acta help overdue', "a command's options, and examples"],
];

/** Run acta with these arguments (argv[0] and argv[1] are node and the script, as in process.argv) and return the
 * exit code. `io` replaces the process's working folder, environment and output streams (tests run in-process so). */
export async function main(argv: readonly string[], io: Partial<Runtime> = {}): Promise<number> {
  const rt: Runtime = { ...processRuntime(), ...io };
  noteRunStart();
  // `acta … | head` closes the pipe early: that is the reader's choice, not an error. Any other write failure (a full
  // disk: ENOSPC, EIO) is an I/O failure: one line and exit 2, not a stack trace.
  if (io.stdout === undefined && io.stderr === undefined) {
    for (const stream of [process.stdout, process.stderr]) {
      const isStdout = stream.fd === 1;
      stream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(0);
        if (isStdout) rt.stderr.write(`acta: cannot write output: ${terminalLines(e.message)}\n`);
        process.exit(2);
      });
    }
  }
  return withRuntime(rt, () => run(argv, rt));
}

// stderr carries acta's notes and usage errors, which may quote file names and record text: the terminal policy, here once.
function writeErr(rt: Runtime, text: string): void {
  rt.stderr.write(terminalLines(text));
}

// Help is asked for (`--help`, `-h`, `acta help …`): its words are loaded, in the language of every other message.
async function helpWordsFor(rt: Runtime, argv: readonly string[]): Promise<HelpWords | undefined> {
  const args = argv.slice(2);
  if (!args.some((a) => a === '--help' || a === '-h' || a === 'help')) return undefined;
  const { helpWords } = await import('./render/help-words.js');
  return helpWords(await edgeLang(rt, argv));
}

async function run(argv: readonly string[], rt: Runtime): Promise<number> {
  let outcome: Outcome | undefined;
  const program = buildProgram(rt, (o) => (outcome = o), await helpWordsFor(rt, argv));
  try {
    await program.parseAsync(argv as string[]);
    if (!outcome) return 0;
    // Parts are made as they are written, so a failure while making one lands here too.
    if (typeof outcome.stdout === 'string') {
      if (outcome.stdout) rt.stdout.write(outcome.stdout);
    } else {
      for (const part of outcome.stdout) {
        guardHeap();
        if (part) rt.stdout.write(part);
        await rt.stdout.ready?.();
      }
    }
  } catch (e) {
    return failed(e, rt, argv);
  }
  await writeNotes(rt, argv);
  if (outcome.stderr) writeErr(rt, outcome.stderr);
  return outcome.exitCode;
}

// The language of words said at the edge: the one the command chose; before it chose (a refusal of the lock, of the
// output folder), --lang, ACTA_LANG, acta.yaml's lang: in --root or the working folder, Spanish — as resolveLang.
async function edgeLang(rt: Runtime, argv: readonly string[]): Promise<string> {
  const noted = notedLang();
  if (noted) return noted;
  const { hasCatalog } = await import('./render/catalog.js');
  const { configuredLang } = await import('./io/locales.js');
  const option = (name: string): string | undefined => {
    for (let i = 0; i < argv.length; i++) {
      if (argv[i] === name) return argv[i + 1];
      if (argv[i]!.startsWith(`${name}=`)) return argv[i]!.slice(name.length + 1);
    }
    return undefined;
  };
  const root = option('--root');
  const candidates = [option('--lang'), rt.env['ACTA_LANG'], configuredLang(root !== undefined ? path.resolve(rt.cwd, root) : rt.cwd)];
  return candidates.find((l): l is string => l !== undefined && l !== '' && hasCatalog(l)) ?? 'es';
}

// The notes said once in a run (the cache warnings), in its language.
async function writeNotes(rt: Runtime, argv: readonly string[]): Promise<void> {
  const notes = takeNotes();
  if (!notes.length) return;
  const { saidText } = await import('./render/diagnostic-text.js');
  const lang = await edgeLang(rt, argv);
  writeErr(rt, notes.map((n) => `${saidText(n, lang)}\n`).join(''));
}

async function failed(e: unknown, rt: Runtime, argv: readonly string[]): Promise<number> {
  await writeNotes(rt, argv);
  // A worker thread that ran out of heap (the site's writer): said as the main thread's heap guard says it (io/heap.ts).
  if ((e as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') e = heapRefusal('worker');
  if (e instanceof CommanderError) {
    if (e.exitCode === 0) return 0;
    if (e.code === 'commander.help') return 2; // help shown in place of a refusal: nothing more to say
    const { commanderRefusal } = await import('./render/usage-words.js');
    const { t } = await import('./render/catalog.js');
    const lang = await edgeLang(rt, argv);
    writeErr(rt, `acta: ${commanderRefusal(e, lang)}\n${t(lang, 'usage.seeHelp')}\n`);
    return 2;
  }
  const { SaidError, UsageError } = await import('./io/files.js');
  if (e instanceof SaidError) {
    const { saidText } = await import('./render/diagnostic-text.js');
    writeErr(rt, `acta: ${saidText(e.said, await edgeLang(rt, argv))}\n`);
    return 2;
  }
  if (e instanceof UsageError) {
    writeErr(rt, `acta: ${e.message}\n`);
    return 2;
  }
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code)) {
    writeErr(rt, `acta: ${err.message}\n`);
    return 2;
  }
  writeErr(rt, `acta: internal error: ${err?.message ?? String(e)}\n(this is a bug in acta; set ACTA_DEBUG=1 to see where)\n`);
  if (rt.env['ACTA_DEBUG']) rt.stderr.write(`${err?.stack ?? ''}\n`);
  return 2;
}

// The shell: builds the commander program from the command registry, prints an Outcome and returns its exit code.
import { Command, CommanderError, Option } from 'commander';
import { COMMANDS } from './commands/index.js';
import type { Outcome } from './commands/outcome.js';
import { terminalLines } from './render/escape.js';

export const VERSION = '0.1.0';

function buildProgram(onOutcome: (o: Outcome) => void): Command {
  const program = new Command('acta')
    .description('Keeps a secretariat\'s records honest: validates meetings, agreements and work plans, tells who owes what and what is late.')
    .version(VERSION)
    .option('--root <dir>', 'records root (default: nearest folder upwards with acta.yaml)')
    .addOption(new Option('--lang <lang>', 'language of output').choices(['es', 'en']))
    .option('--as-of <date>', 'the date to treat as today (YYYY-MM-DD)')
    .option('--rev <rev>', 'read the records as they were at this git revision (read-only commands)')
    .option('--no-color', 'no colour in output (also: NO_COLOR=1)')
    .showHelpAfterError('(run `acta --help` for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => writeErr(s) });
  for (const entry of COMMANDS) {
    const cmd = entry.define(program.command(entry.name).description(entry.summary));
    cmd.action(async (...params: unknown[]) => {
      const self = params[params.length - 1] as Command;
      const args = self.processedArgs.flatMap((a) => (Array.isArray(a) ? (a as string[]) : a === undefined ? [] : [String(a)]));
      const options = { ...program.opts(), ...self.opts() };
      if (options['asOf'] !== undefined) (await import('./commands/context.js')).resolveAsOf(options);
      onOutcome(await entry.run(args, options));
    });
  }
  // `acta` alone shows the dashboard (what `npm start` runs); a word that is no command is still an error.
  const dashboard = COMMANDS.find((e) => e.name === 'dashboard');
  if (dashboard) {
    program.allowExcessArguments(true).action(async () => {
      if (program.args.length > 0) program.error(`error: unknown command '${program.args[0]}'`, { code: 'commander.unknownCommand' });
      onOutcome(await dashboard.run([], program.opts()));
    });
  }
  return program;
}

// stderr carries acta's notes and usage errors, which may quote file names and record text: the terminal policy, here once.
function writeErr(text: string): void {
  process.stderr.write(terminalLines(text));
}

export async function main(argv: readonly string[]): Promise<number> {
  // `acta … | head` closes the pipe early: that is the reader's choice, not an error. Any other write failure (a full
  // disk: ENOSPC, EIO) is an I/O failure: one line and exit 2, not a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      if (stream === process.stdout) process.stderr.write(`acta: cannot write output: ${terminalLines(e.message)}\n`);
      process.exit(2);
    });
  }
  let outcome: Outcome | undefined;
  const program = buildProgram((o) => (outcome = o));
  try {
    await program.parseAsync(argv as string[]);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    const { UsageError } = await import('./io/files.js');
    if (e instanceof UsageError) {
      writeErr(`acta: ${e.message}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code)) {
      writeErr(`acta: ${err.message}\n`);
      return 2;
    }
    writeErr(`acta: internal error: ${err?.message ?? String(e)}\n(this is a bug in acta; set ACTA_DEBUG=1 to see where)\n`);
    if (process.env['ACTA_DEBUG']) process.stderr.write(`${err?.stack ?? ''}\n`);
    return 2;
  }
  if (!outcome) return 0;
  if (outcome.stdout) process.stdout.write(outcome.stdout);
  if (outcome.stderr) writeErr(outcome.stderr);
  return outcome.exitCode;
}

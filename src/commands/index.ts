// The registry: every command, one entry each. Modules are imported only when their command runs (fast --help).
import type { Command } from 'commander';
import type { GlobalOptions, Outcome } from './outcome.js';

export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  /** Declare arguments and options (cheap: no imports). */
  readonly define: (cmd: Command) => Command;
  readonly run: (args: string[], options: GlobalOptions & Record<string, unknown>) => Promise<Outcome>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'validate',
    summary: 'check every record: schema and cross-record rules, each problem at its line',
    define: (c) =>
      c
        .argument('[paths...]', 'files or directories to report on (default: the whole records root)')
        .option('-f, --format <format>', 'pretty | text | json | github (default: github under GitHub Actions, pretty on a terminal, else text)')
        .option('--strict', 'exit 1 on warnings too'),
    run: async (args, o) => (await import('./validate.js')).runValidate(args, o),
  },
];

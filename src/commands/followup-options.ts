// Option declarations shared by the follow-up commands (cheap: commander only, so `acta --help` stays fast).
import type { Command } from 'commander';

/** --body, --actor, --meeting, --plan, --state/--status, --from, --to. */
export function withFilters(c: Command): Command {
  return c
    .option('--body <body>', 'only this body (id or acronym, either language; several: comma-separated)')
    .option('--actor <actor>', 'only what this actor owes: country code, organisation or organ id or acronym (OIM/IOM, ST/TS), or group')
    .option('--meeting <id>', 'only commitments from this meeting (an id or its start: 2017-03)')
    .option('--plan <id>', 'only commitments from this work plan (an id or its start)')
    .option('--state <state>', 'only this state (overdue, upcoming, open, waiting, no-date, continuous, done, closed, …) or recorded status (no-information, partial, …)')
    .option('--status <status>', 'the same as --state')
    .option('--from <period>', 'due (or held) on or after the start of this day, month, quarter, half-year or year')
    .option('--to <period>', 'due (or held) on or before the end of this period');
}

/** --body, --actor, --meeting, --plan and --by, --format for overdue/upcoming (only overdue has --fail-on-overdue). */
export function withReportOptions(c: Command): Command {
  return c
    .option('--body <body>', 'only this body (id or acronym, either language; several: comma-separated)')
    .option('--actor <actor>', 'only what this actor still owes: country code, organisation or organ id or acronym (OIM/IOM, ST/TS), or group')
    .option('--meeting <id>', 'only commitments from this meeting (an id or its start: 2017-03)')
    .option('--plan <id>', 'only commitments from this work plan (an id or its start)')
    .option('--by <grouping>', 'group by actor | body | meeting')
    .option('-f, --format <format>', 'table | json | csv | md', 'table');
}

/** --on and --dry-run for the commands that write follow-up (done, extend, status). */
export function withWriteOptions(c: Command): Command {
  return c
    .option('--on <date>', 'the date of the entry, YYYY-MM-DD (default: --as-of, else today)')
    .option('--dry-run', 'write nothing: print the change as a unified diff');
}

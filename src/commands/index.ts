// The registry: every command, one entry each. Modules are imported only when their command runs (fast --help).
import type { Command } from 'commander';
import type { GlobalOptions, Outcome } from './outcome.js';
import { withFilters, withReportOptions, withWriteOptions } from './followup-options.js';

export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  /** Declare arguments and options (cheap: no imports). */
  readonly define: (cmd: Command) => Command;
  readonly run: (args: string[], options: GlobalOptions & Record<string, unknown>) => Promise<Outcome>;
  /** Two or three real runs for --help, each [command line, what it shows], that work in any records repository (ids
   * only of what `acta init` writes: body st, the example meeting 2025-01-15-example); test/cli/help.test.ts runs every
   * one in a repository acta init made. */
  readonly examples: readonly Example[];
}

export type Example = readonly [command: string, what: string];

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'validate',
    summary: 'check every record: schema and cross-record rules, each problem at its line',
    define: (c) =>
      c
        .argument('[paths...]', 'files or directories to report on (default: the whole records root)')
        .option('-f, --format <format>', 'pretty | text | json | github (default: github under GitHub Actions, pretty on a terminal, else text)')
        .option('--strict', 'exit 1 on warnings too')
        .option('--changed-since <rev>', 'validate only the files changed since this git revision, and the records that refer to them'),
    run: async (args, o) => (await import('./validate.js')).runValidate(args, o),
    examples: [
      ['acta validate', 'check every record under the records root'],
      ['acta validate meetings/2025-01-15-example.yaml', 'report on one file (here the example meeting acta init writes), checked against all the others'],
      ['acta validate --changed-since main --format github', 'in CI: the files a pull request changed, as annotations'],
    ],
  },
  {
    name: 'diff',
    summary: 'semantic diff of the records between two git revisions (HEAD: the working tree)',
    define: (c) =>
      c
        .argument('<base>', 'the git revision to compare from (a branch, tag or commit)')
        .argument('[head]', 'the git revision to compare to (default: the working tree, or --rev)')
        .option('-f, --format <format>', 'pretty | md | json', 'pretty')
        .option('--fail-on <what>', 'exit 1 when a change of this kind is present: flagged | any | none', 'none'),
    run: async (args, o) => (await import('./diff.js')).runDiff(args, o),
    examples: [
      ['acta diff main', 'what the working tree changes in the records, against main'],
      ['acta diff main HEAD --format md --fail-on flagged', 'a pull-request comment; exit 1 if adopted text was edited'],
    ],
  },
  {
    name: 'fmt',
    summary: 'rewrite record files in the canonical layout (comments kept, data unchanged); --check only lists them',
    define: (c) =>
      c
        .argument('[paths...]', 'files or directories to format (default: every record file under the records root)')
        .option('--check', 'change nothing: list the files that would change and exit 1 if any would'),
    run: async (args, o) => (await import('./fmt.js')).runFmt(args, o),
    examples: [
      ['acta fmt --check', 'list the files that are not in the canonical layout (exit 1 if any)'],
      ['acta fmt meetings', 'rewrite every meeting record in place'],
    ],
  },
  {
    name: 'new',
    summary: 'write a valid skeleton record (meeting or plan) named by its id, ready to fill in',
    define: (c) =>
      c
        .argument('<kind>', 'meeting | plan')
        .option('--body <id>', 'the body that met, or whose plan it is (an id from registries/bodies.yaml)')
        .option('--date <date>', 'meeting: first day (YYYY-MM-DD)')
        .option('--end <date>', 'meeting: last day, if it lasted more than one')
        .option('--place <city>', 'meeting: the city it met in')
        .option('--country <code>', 'meeting: the host country (ISO code, e.g. HN)')
        .option('--ordinal <n>', 'meeting: which meeting of that body it was (1 = first)')
        .option('--session <kind>', 'meeting: ordinary | extraordinary | virtual | workshop')
        .option('--period <years>', 'plan: the years it covers, e.g. 2018-2022')
        .option('--title <text>', 'the title, in the output language (--lang)')
        .option('--source <document>', 'the source document (file name or reference)')
        .option('--id <id>', 'the record id (default: DATE-BODY for a meeting, START-END-BODY for a plan)'),
    run: async (args, o) => (await import('./new.js')).runNew(args, o),
    examples: [
      ['acta new meeting --body st --date 2025-06-20 --place \'San Salvador\'', 'a meeting of the Technical Secretariat (body st, as acta init registers it) to fill in from its report'],
      ['acta new plan --body st --period 2025-2027', 'a work plan record'],
    ],
  },
  {
    name: 'import',
    summary: 'turn a meeting report (.docx, .txt, .md) into a draft meeting record, every guess marked by an "import:" note',
    define: (c) =>
      c
        .argument('<file>', 'the adopted meeting report: Word (.docx), plain text (.txt) or Markdown (.md); with --accept, the draft record')
        .option('--stdout', 'print the draft instead of writing meetings/ID.yaml')
        .option('--body <id>', 'the body that met (an id from registries/bodies.yaml), instead of the guess from the title')
        .option('--date <day>', 'the first day of the meeting (YYYY-MM-DD), instead of the guess')
        .option('--end <day>', 'the last day of the meeting (YYYY-MM-DD), with --date')
        .option('--place <place>', 'where it met: "City" or "City, Country" (a registered country)')
        .option('--source-lang <lang>', "the report's language (es or en), instead of the guess; --lang stays the output's language")
        .option('--accept', 'with a record instead of a report: remove its import notes once checked (all, or those --only names)')
        .option('--only <pointers>', 'with --accept: the notes to remove, by the pointer they are about (e.g. /body,/agreements/0), comma-separated'),
    run: async (args, o) => (await import('./import.js')).runImport(args, o),
    examples: [
      ['acta import report.txt --stdout', 'print the draft of a report, every guess marked by an import note'],
      ['acta import report.txt --body st --date 2025-03-10', 'say the body and the first day yourself; write meetings/2025-03-10-st.yaml (never over a record)'],
      ['acta import --accept meetings/2025-03-10-st.yaml --only /body', "after checking the draft: remove its import notes (here those about the body) through the formatter"],
    ],
  },
  {
    name: 'init',
    summary: 'create a records repository: acta.yaml, registries, an example meeting, schemas, a CI workflow and a package.json that installs acta-records',
    define: (c) =>
      c
        .argument('[dir]', 'the folder to create it in (default: the current folder)')
        .option('--from-crm', "start from the CRM's registries (countries, organisations, bodies, groups)")
        .option('--force', 'add acta\'s files to a folder that is not empty (never overwrites a file)')
        .option('--no-vendor', 'depend on acta-records from the npm registry even when this acta runs from a checkout or a tarball (default: such an acta copies its tarball into vendor/)'),
    run: async (args, o) => (await import('./init.js')).runInit(args, o),
    examples: [
      ['acta init my-records --from-crm', 'a records repository that starts from the CRM\'s registries'],
      ['acta init', 'make the current (empty) folder a records repository'],
    ],
  },
  {
    name: 'done',
    summary: 'record that a point (MEETING#N), step (#N/STEP) or activity was delivered: appends one follow-up entry, checked before it is written',
    define: (c) =>
      withWriteOptions(c.argument('<ref>', 'the point, step or activity, as `show` takes it (an unambiguous start of the id will do)'))
        .option('--by <actors>', 'who delivered (codes, ids or acronyms, comma-separated); leave out when it is done for everyone owing it')
        .option('--evidence <where>', 'where it can be checked: a link (https://…), a record id, or a document name')
        .option('--note <text>', 'what happened, in the --lang language')
        .option('--occurrence <period>', 'for a recurring duty: the occurrence it closes (2018-H1), also written REF@2018-H1')
        .option('--again', 'record a delivery by an actor who already delivered it (refused without: most often the same news twice)'),
    run: async (args, o) => (await import('./followup-write.js')).runFollowupWrite('done', args, o),
    examples: [
      ['acta done 2025-01-15-example#2 --on 2025-02-20 --evidence https://example.org/draft-plan --dry-run', 'point 2 of the example meeting (acta init writes it) delivered on 20 February 2025, for everyone who owed it: show the entry as a diff, write nothing'],
      ['acta done 2025-01-15-example#2 --by st --on 2025-02-20 --note \'draft circulated\'', 'the Technical Secretariat delivered it: append the entry'],
    ],
  },
  {
    name: 'extend',
    summary: 'record a new deadline for a point, step or activity (an extension, with who decided it), without touching its status; a point with steps: each step',
    define: (c) =>
      withWriteOptions(c.argument('<ref>', 'the point, step or activity, as `show` takes it'))
        .option('--to <due>', 'the new deadline: a date or period (2017-09-30, 2017-10, 2017-Q4, 2017-H2, 2018)')
        .option('--decided-by <id>', 'the later meeting (or agreement) that decided it')
        .option('--reason <text>', 'why, in the --lang language'),
    run: async (args, o) => (await import('./followup-write.js')).runFollowupWrite('extend', args, o),
    examples: [
      ['acta extend 2025-01-15-example#2 --to 2025-03-31 --on 2025-02-20 --dry-run', 'the deadline of point 2 of the example meeting moved to 31 March 2025: show the entry, write nothing'],
      ['acta extend 2025-01-15-example#2 --to 2025-Q2 --decided-by 2025-01-15-example --reason \'more comments expected\' --on 2025-02-20', 'an extension decided by a meeting, with why: append the entry'],
    ],
  },
  {
    name: 'status',
    summary: 'record a status for a point, step or activity: no-information, not-applicable, superseded (by a later point, which then points back), …',
    define: (c) =>
      withWriteOptions(c.argument('<ref>', 'the point, step or activity, as `show` takes it').argument('<status>', 'pending | in-progress | done | partial | no-information | not-applicable | superseded | cancelled'))
        .option('--note <text>', 'what happened, in the --lang language')
        .option('--superseded-by <ref>', 'with superseded: the later agreement (MEETING#N) that replaces it; that one gets `supersedes:` pointing back'),
    run: async (args, o) => (await import('./followup-write.js')).runFollowupWrite('status', args, o),
    examples: [
      ['acta status 2025-01-15-example#2 no-information --on 2025-03-15 --dry-run', 'nobody has reported on point 2 of the example meeting: record it as such, show the entry'],
      ['acta status 2025-01-15-example#2 not-applicable --note \'the plan was dropped\' --on 2025-03-15 --dry-run', 'a point that no longer applies'],
    ],
  },
  {
    name: 'overdue',
    summary: 'commitments past their deadline, with days late, by actor, body or meeting',
    define: (c) => withReportOptions(c).option('--fail-on-overdue', 'exit 1 when anything selected is overdue (for CI)'),
    run: async (_args, o) => (await import('./overdue.js')).runOverdue(o),
    examples: [
      ['acta overdue --actor st --as-of 2025-03-01', 'what the Technical Secretariat (st) still owed on 1 March 2025'],
      ['acta overdue --by actor --lang en', 'everything overdue today, by who owes it, in English'],
      ['acta overdue --body st --fail-on-overdue', 'in CI: exit 1 when the meetings of body st left anything overdue'],
    ],
  },
  {
    name: 'statement',
    summary: 'everything one country or organisation owes as of a date: overdue, due next, delivered (on time or late), waiting, no date',
    define: (c) =>
      c
        .argument('[actor]', 'a country code, organisation or organ (id or acronym, either language: MX, OIM, IOM, ST)')
        .option('-f, --format <format>', 'table | md | html | json | docx (Word: needs --out); with --all: docx (default) | html | md | json')
        .option('-o, --out <file>', 'write to this file (atomically) instead of standard output; with --all, the folder to write to')
        .option('--all', 'one statement per country that owes something, each in its language (registry field lang), and index.csv')
        .option('--organisations', 'with --all: a statement per organisation that owes something too')
        .option('--reference <symbol>', 'docx: the document reference (symbol) for the page header')
        .option('--issued <date>', 'docx: the date of issue for the page header, YYYY-MM-DD (default: --as-of)'),
    run: async (args, o) => (await import('./statement.js')).runStatement(args, o),
    examples: [
      ['acta statement st --as-of 2025-03-01', 'what the Technical Secretariat owed, had delivered and still waited on, on 1 March 2025'],
      ['acta statement st --as-of 2025-03-01 -f docx -o st.docx', 'the same as a Word document'],
      ['acta statement --all --out statements --as-of 2025-03-01', 'a Word statement for each country that owes something, and index.csv'],
    ],
  },
  {
    name: 'upcoming',
    summary: 'open commitments coming due within the warning window (--within 30d)',
    define: (c) =>
      withReportOptions(c)
        .option('--within <days>', 'warning window: 30, 30d or 4w (default: each deadline\'s warn, else warn_days in acta.yaml, else 30)')
        .addHelpText('after', '\nupcoming exits 0 whatever it lists; to fail a CI job on what is overdue, run `acta overdue --fail-on-overdue`.'),
    run: async (_args, o) => (await import('./upcoming.js')).runUpcoming(o),
    examples: [
      ['acta upcoming --within 60d --as-of 2025-01-15', 'what was coming due in the 60 days after 15 January 2025'],
      ['acta upcoming --actor st --by meeting -f md', 'the Technical Secretariat\'s next deadlines as Markdown, by meeting'],
    ],
  },
  {
    name: 'list',
    summary: 'list meetings, agreements, commitments or plans, filtered by body, actor, period and state',
    define: (c) => withFilters(c.argument('<what>', 'meetings | agreements | commitments | plans')).option('-f, --format <format>', 'table | json | csv', 'table'),
    run: async (args, o) => (await import('./list.js')).runList(args[0], o),
    examples: [
      ['acta list meetings', 'every meeting, with its points and open commitments'],
      ['acta list commitments --actor st --state overdue --as-of 2025-03-01', 'the Technical Secretariat\'s overdue commitments on 1 March 2025'],
      ['acta list agreements --meeting 2025-01 -f csv', 'the agreements of the January 2025 meeting, for a spreadsheet'],
    ],
  },
  {
    name: 'show',
    summary: 'one meeting, agreement (MEETING#N), plan or activity (PLAN#A/O/R/N) with its deadlines and follow-up',
    define: (c) => c.argument('<id>', 'an id or an unambiguous start of one (2017-03 → the one meeting starting so)').option('-f, --format <format>', 'text | json', 'text'),
    run: async (args, o) => (await import('./show.js')).runShow(args[0], o),
    examples: [
      ['acta show 2025-01-15-example#2', 'one agreement (point 2 of the example meeting acta init writes): its text, deadline, who owes it and its follow-up'],
      ['acta show 2025-01', 'the one meeting whose id starts so, with all its points'],
      ['acta show 2025-01-15-example -f json --lang en', 'the same meeting as JSON, in English'],
    ],
  },
  {
    name: 'export',
    summary: 'export commitments: CSV for spreadsheets (one row per actor), iCalendar for calendars, JSON',
    define: (c) => withFilters(c).option('-f, --format <format>', 'csv | ics | json', 'csv'),
    run: async (_args, o) => (await import('./export.js')).runExport(o),
    examples: [
      ['acta export -f ics --actor st', 'the Technical Secretariat\'s deadlines for a calendar'],
      ['acta export -f csv --body st --lang en', 'the commitments of body st\'s meetings for a spreadsheet, one row per actor'],
    ],
  },
  {
    name: 'report',
    summary: 'consolidated report for a period: meetings, participation, agreements, commitments by state, overdue, due next, work plans',
    define: (c) => c.option('--year <year>', 'the calendar year (same as --from YEAR --to YEAR)').option('--from <period>', 'first day, month, quarter, half-year or year of the period (default: the first meeting on record)').option('--to <period>', 'end of the period (default: --as-of)').option('--body <body>', 'only these bodies (id or acronym; several: comma-separated)').option('--next <days>', 'how far "due next" looks after --as-of: 90, 90d or 12w', '90').option('--texts', 'add an annex with the adopted text of every point of the meetings held in the period').option('--annex', 'add an annex with the statement of each country that took part in the period or owes something overdue').option('--quality', "add the section on the records' quality (files, errors, warnings): for the secretariat's own use, not for circulation").option('--actor <actor>', 'the annex\'s statements are of these actors instead (code, id or acronym; a group: its members; several: comma-separated)').option('-f, --format <format>', 'md | html | json | docx (Word: needs -o)', 'md').option('-o, --out <file>', 'write to this file (atomically) instead of standard output').option('--template <file>', 'use this Handlebars template instead of templates/report/report.FORMAT.hbs').option('--reference <symbol>', 'docx: the document reference (symbol) for the page header').option('--issued <date>', 'docx: the date of issue for the page header, YYYY-MM-DD (default: --as-of)').option('--site-url <url>', 'html: the address the site (acta site) is published at; each meeting\'s source document links to its page there'),
    run: async (_args, o) => (await import('./report.js')).runReport(o),
    examples: [
      ['acta report --year 2025 --lang en', 'the consolidated report for 2025, in English (Markdown)'],
      ['acta report --from 2025-H1 --to 2025-H2 -f html -o report.html', 'the same as a web page, written to report.html'],
      ['acta report --year 2025 --texts --annex -f html -o report.html', 'the full document to circulate: adopted texts and a statement per country'],
    ],
  },
  {
    name: 'site',
    summary: 'the records as a static website (Spanish and English, search, calendars, print styles) that works from a USB stick, a shared drive or GitHub Pages',
    define: (c) => c.option('-o, --out <dir>', 'the folder to write (default: site/ in the records root); a non-empty folder acta did not write is refused').option('--url <address>', 'the address the site will be published at (https://…): each actor\'s calendar then links back to its page'),
    run: async (_args, o) => (await import('./site.js')).runSite(o),
    examples: [
      ['acta site --as-of 2025-03-01', 'the site as things stood on 1 March 2025, in site/ of the records root (open site/index.html)'],
      ['acta site --out public --rev main', 'the records of the main branch, into ./public (for GitHub Pages)'],
    ],
  },
  {
    name: 'workplan',
    summary: 'a work plan as its matrix (axis → objective → result → activity × period), each cell with its state',
    define: (c) => c.argument('[plan]', 'the plan id, or an unambiguous start of it (default: every plan)').option('--axis <n>', 'only these axes (numbers; several: comma-separated)').option('--period <period>', 'only the columns this year, half-year, quarter or month overlaps').option('--actor <actor>', 'only activities this actor is responsible for (code, id, acronym or group)').option('-f, --format <format>', 'table | md | html | csv | json', 'table').option('-o, --out <file>', 'write to this file (atomically) instead of standard output').option('--template <file>', 'md and html: use this Handlebars template instead of templates/workplan/workplan.FORMAT.hbs'),
    run: async (args, o) => (await import('./workplan.js')).runWorkplan(args[0], o),
    examples: [
      ['acta workplan --actor st', 'every plan, only the activities the Technical Secretariat is responsible for, each cell with its state'],
      ['acta workplan --period 2025 -f md', 'every plan\'s 2025 columns, as Markdown'],
    ],
  },
  {
    name: 'dashboard',
    summary: 'one screen of the records (what `acta` alone shows): counts, states, most overdue, next deadlines',
    define: (c) => c.option('-f, --format <format>', 'text | json', 'text'),
    run: async (_args, o) => (await import('./dashboard.js')).runDashboard(o),
    examples: [
      ['acta', 'the dashboard, as of today'],
      ['acta dashboard --as-of 2025-03-01 --lang en', 'as it stood on 1 March 2025, in English'],
    ],
  },
];

// One Diagnostic type for every problem acta reports, and the catalogue of every code.

export type Severity = 'error' | 'warning' | 'info';

export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface Related extends Location {
  readonly message: string;
}

export interface Diagnostic extends Location {
  readonly code: Code;
  readonly severity: Severity;
  /** One line: what is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly hint?: string;
  /** JSON pointer into the record ('' for the whole file). */
  readonly pointer: string;
  readonly related?: readonly Related[];
  /** Set when a note in the record explains this warning; the text of that note. */
  readonly explained?: string;
}

interface CodeInfo {
  readonly severity: Severity;
  readonly title: string;
}

// Every code acta can emit. Adding one here without a fixture fails test/diagnostics-catalogue.test.ts.
export const CODES = {
  'file/unreadable': { severity: 'error', title: 'The file cannot be read' },
  'file/encoding': { severity: 'error', title: 'The file is not valid UTF-8' },
  'file/nul': { severity: 'error', title: 'The file contains a NUL byte' },
  'file/too-large': { severity: 'error', title: 'The file is larger than acta reads' },
  'file/empty': { severity: 'error', title: 'The file holds no record' },
  'file/too-many-problems': { severity: 'error', title: 'More problems in the file than acta lists' },
  'format/bom': { severity: 'warning', title: 'The file starts with a byte-order mark' },
  'format/crlf': { severity: 'warning', title: 'The file has CRLF line ends' },
  'yaml/syntax': { severity: 'error', title: 'The file is not valid YAML' },
  'yaml/duplicate-key': { severity: 'error', title: 'A key appears twice in one mapping' },
  'yaml/tab': { severity: 'error', title: 'A tab is used for indentation' },
  'yaml/alias': { severity: 'error', title: 'Anchors and aliases are not allowed in records' },
  'yaml/directive': { severity: 'error', title: 'A directive line (%YAML, %TAG): records use none' },
  'yaml/tag': { severity: 'error', title: 'A YAML tag (!!binary, !!set, !foo…): records are plain data' },
  'yaml/non-string-key': { severity: 'error', title: 'A key that is a list or a mapping, not text' },
  'yaml/multiple-documents': { severity: 'error', title: 'More than one YAML document in a file' },
  'yaml/too-deep': { severity: 'error', title: 'Nesting is deeper than any record needs' },
  'yaml/too-many-keys': { severity: 'error', title: 'The file has more keys (mapping entries) than acta reads' },
  'yaml/too-many-items': { severity: 'error', title: 'The file has more list items than acta reads' },
  'yaml/too-many-tokens': { severity: 'error', title: 'The file has more YAML tokens than acta reads' },
  'record/unknown-kind': { severity: 'error', title: 'The record does not say what it is' },
  'record/placeholder': { severity: 'warning', title: 'A TODO placeholder left in a record' },
  'schema/required': { severity: 'error', title: 'A required property is missing' },
  'schema/unknown-property': { severity: 'error', title: 'A property the schema does not define' },
  'schema/type': { severity: 'error', title: 'A value of the wrong type' },
  'schema/quote': { severity: 'error', title: 'A plain scalar read as a number or boolean where text was expected' },
  'schema/enum': { severity: 'error', title: 'A value outside its vocabulary' },
  'schema/pattern': { severity: 'error', title: 'A value in the wrong format' },
  'schema/limit': { severity: 'error', title: 'A value too long, too short, too many or too few' },
  'schema/invalid': { severity: 'error', title: 'A value the schema rejects' },
  'id/duplicate': { severity: 'error', title: 'Two records or entries share an id' },
  'id/file-name': { severity: 'error', title: 'The file name does not match the record id' },
  'id/ambiguous-name': { severity: 'error', title: 'A name, acronym, alias or id that designates two actors (case and accents ignored)' },
  'ref/unknown-country': { severity: 'error', title: 'A country code not in the registry' },
  'ref/unknown-actor': { severity: 'error', title: 'An actor not in any registry' },
  'ref/unknown-body': { severity: 'error', title: 'A body not in the registry' },
  'ref/unknown-meeting': { severity: 'error', title: 'A meeting that has no record' },
  'ref/unknown-agreement': { severity: 'error', title: 'An agreement that does not exist' },
  'ref/unknown-activity': { severity: 'error', title: 'A work-plan activity that does not exist' },
  'ref/unknown-column': { severity: 'error', title: 'A schedule cell for a column the plan does not have' },
  'ref/unknown-step': { severity: 'error', title: 'A follow-up entry for a schedule step that does not exist' },
  'ref/unknown-occurrence': { severity: 'error', title: 'A follow-up entry for an occurrence the commitment does not have' },
  'ref/supersedes-itself': { severity: 'error', title: 'A point that supersedes itself' },
  'ref/supersession-cycle': { severity: 'error', title: 'Points that supersede each other in a ring' },
  'ref/group-contains-itself': { severity: 'error', title: 'A group listed among its own members' },
  'ref/group-cycle': { severity: 'error', title: 'Groups that contain each other in a ring' },
  'date/invalid': { severity: 'error', title: 'A date that is not on the calendar' },
  'date/out-of-range': { severity: 'error', title: 'A year outside the years acta reads (1900–2200)' },
  'date/order': { severity: 'error', title: 'Dates out of order' },
  'followup/before-meeting': { severity: 'error', title: 'A follow-up entry dated before its meeting' },
  'followup/not-owed': { severity: 'error', title: 'Delivered by an actor who does not owe the commitment' },
  'followup/decided-before': { severity: 'error', title: 'A deadline change decided by a meeting held before the commitment was made' },
  'followup/after-as-of': { severity: 'warning', title: 'A follow-up entry dated after --as-of (validate --as-of only)' },
  'deadline/before-meeting': { severity: 'warning', title: 'A deadline that falls before its meeting' },
  'deadline/too-many-occurrences': { severity: 'error', title: 'A twice-a-year deadline longer than acta expands' },
  'number/duplicate': { severity: 'error', title: 'Two points share a number' },
  'text/no-authentic': { severity: 'error', title: 'A translation without its authentic text' },
  'import/unchecked': { severity: 'warning', title: 'A guess of `acta import` not yet checked (a note starting "import:")' },
  'registry/missing': { severity: 'warning', title: 'A registry file is missing' },
  'root/no-records': { severity: 'error', title: 'No records were found' },
  'config/nested': { severity: 'error', title: 'An acta.yaml below the records root, which acta does not read' },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

export const ALL_CODES = Object.keys(CODES) as Code[];

export function defaultSeverity(code: Code): Severity {
  return CODES[code].severity;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

// Stable order: file, position, then code — so every output format is deterministic.
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export interface DiagnosticCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly explained: number;
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  let errors = 0;
  let warnings = 0;
  let explained = 0;
  for (const d of diagnostics) {
    if (d.explained !== undefined) explained++;
    else if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { errors, warnings, explained };
}

/** At most this many problems are listed per file; the rest are counted in one `file/too-many-problems`. */
export const MAX_PROBLEMS_PER_FILE = 100;

/** The one diagnostic that stands for the `omitted` problems of a file left unlisted, placed at the first of them. */
export function tooManyProblems(at: Location, omitted: number): Diagnostic {
  const { file, line, column, endLine, endColumn } = at;
  return { file, line, column, endLine, endColumn, code: 'file/too-many-problems', severity: defaultSeverity('file/too-many-problems'), message: `${omitted} more problem${omitted === 1 ? '' : 's'} in this file (from here on) are not listed`, hint: 'fix the problems listed first: one mistake often causes many of the rest', pointer: '' };
}

// Keeps the first `max` diagnostics of each file, in the order given (sorted: the first by position), and puts one
// `file/too-many-problems` where the first left-out one was.
export function limitPerFile(diagnostics: readonly Diagnostic[], max = MAX_PROBLEMS_PER_FILE): Diagnostic[] {
  const total = new Map<string, number>();
  for (const d of diagnostics) total.set(d.file, (total.get(d.file) ?? 0) + 1);
  const seen = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const n = (seen.get(d.file) ?? 0) + 1;
    seen.set(d.file, n);
    if (n <= max) out.push(d);
    else if (n === max + 1) out.push(tooManyProblems(d, total.get(d.file)! - max));
  }
  return out;
}

// One Diagnostic type for every problem acta reports, and the catalogue of every code. A diagnostic is data: a code,
// which of the code's messages (variant) and its parameters; the words are the catalogs' (locales/<lang>/
// diagnostics.yaml), rendered at the edge in the officer's language (render/diagnostic-text.ts), as ESLint rules
// report a messageId with data.

export type Severity = 'error' | 'warning' | 'info';

export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A phrase of the catalog's `diagnosticWords` section (with its own parameters): words inside a message. */
export interface Phrase {
  readonly phrase: string;
  readonly params?: DiagnosticParams;
}

/** Text a schema gives in both languages (its descriptions read "English. — Español."). */
export interface Bilingual {
  readonly en: string;
  readonly es: string;
}

/** Names joined the language's way: `a`, `b` and `c` (and), or (or), or plain commas (list). */
export interface NameList {
  readonly names: readonly string[];
  readonly join: 'and' | 'or' | 'list';
}

/** A whole message of the catalog by its key ('refusals.noRecord', 'statuses.partial'), with its parameters: what the
 * core says when it refuses a request or confirms a change (as a diagnostic, words rendered at the edge). */
export interface Said {
  readonly say: string;
  readonly params?: DiagnosticParams;
}

export type DiagnosticParam = string | number | Phrase | Bilingual | NameList | Said;
/** A message's parameters; `didYouMean` (a NameList), when given, adds the catalog's "did you mean" to the message. */
export type DiagnosticParams = Readonly<Record<string, DiagnosticParam>>;

export const say = (key: string, params?: DiagnosticParams): Said => (params ? { say: key, params } : { say: key });
export const phrase = (name: string, params?: DiagnosticParams): Phrase => (params ? { phrase: name, params } : { phrase: name });
export const names = (list: readonly string[], join: NameList['join'] = 'list'): NameList => ({ names: list, join });
export const quoted = (list: readonly string[], join: NameList['join'] = 'list'): NameList => names(list.map((n) => `\`${n}\``), join);

export interface Related extends Location {
  /** What this place is, as a phrase of the catalog: `firstDefinedHere`, `membersOf` {id}… */
  readonly note: Phrase;
}

export interface Diagnostic extends Location {
  readonly code: Code;
  readonly severity: Severity;
  /** Which of the code's messages (diagnostics.yaml `<code>.<variant>`); absent: the code's own. */
  readonly variant?: string;
  /** What the message and its hint say about this case: the file, the value, the expected kinds, the suggestions. */
  readonly params: DiagnosticParams;
  /** JSON pointer into the record ('' for the whole file). */
  readonly pointer: string;
  readonly related?: readonly Related[];
  /** Set when a note in the record explains this warning; the text of that note. */
  readonly explained?: string;
}

interface CodeInfo {
  readonly severity: Severity;
}

// Every code acta can emit, with its severity; its title, message and hint are in locales/<lang>/diagnostics.yaml.
// Adding one here without a fixture fails test/validate/catalogue.test.ts; without its words, test/i18n.
export const CODES = {
  'file/unreadable': { severity: 'error' },
  'file/encoding': { severity: 'error' },
  'file/nul': { severity: 'error' },
  'file/too-large': { severity: 'error' },
  'file/empty': { severity: 'error' },
  'file/too-many-problems': { severity: 'error' },
  'format/bom': { severity: 'warning' },
  'format/crlf': { severity: 'warning' },
  'yaml/syntax': { severity: 'error' },
  'yaml/duplicate-key': { severity: 'error' },
  'yaml/tab': { severity: 'error' },
  'yaml/alias': { severity: 'error' },
  'yaml/directive': { severity: 'error' },
  'yaml/tag': { severity: 'error' },
  'yaml/non-string-key': { severity: 'error' },
  'yaml/multiple-documents': { severity: 'error' },
  'yaml/too-deep': { severity: 'error' },
  'yaml/too-many-keys': { severity: 'error' },
  'yaml/too-many-items': { severity: 'error' },
  'yaml/too-many-tokens': { severity: 'error' },
  'record/unknown-kind': { severity: 'error' },
  'record/placeholder': { severity: 'warning' },
  'schema/required': { severity: 'error' },
  'schema/unknown-property': { severity: 'error' },
  'schema/type': { severity: 'error' },
  'schema/quote': { severity: 'error' },
  'schema/enum': { severity: 'error' },
  'schema/pattern': { severity: 'error' },
  'schema/limit': { severity: 'error' },
  'schema/invalid': { severity: 'error' },
  'id/duplicate': { severity: 'error' },
  'id/file-name': { severity: 'error' },
  'id/ambiguous-name': { severity: 'error' },
  'ref/unknown-country': { severity: 'error' },
  'ref/unknown-actor': { severity: 'error' },
  'ref/unknown-body': { severity: 'error' },
  'ref/unknown-meeting': { severity: 'error' },
  'ref/unknown-agreement': { severity: 'error' },
  'ref/unknown-activity': { severity: 'error' },
  'ref/unknown-column': { severity: 'error' },
  'ref/unknown-step': { severity: 'error' },
  'ref/unknown-occurrence': { severity: 'error' },
  'ref/supersedes-itself': { severity: 'error' },
  'ref/supersession-cycle': { severity: 'error' },
  'ref/group-contains-itself': { severity: 'error' },
  'ref/group-cycle': { severity: 'error' },
  'date/invalid': { severity: 'error' },
  'date/out-of-range': { severity: 'error' },
  'date/order': { severity: 'error' },
  'followup/before-meeting': { severity: 'error' },
  'followup/not-owed': { severity: 'error' },
  'followup/decided-before': { severity: 'error' },
  'followup/after-as-of': { severity: 'warning' },
  'deadline/before-meeting': { severity: 'warning' },
  'deadline/too-many-occurrences': { severity: 'error' },
  'number/duplicate': { severity: 'error' },
  'text/no-authentic': { severity: 'error' },
  'import/unchecked': { severity: 'warning' },
  'registry/missing': { severity: 'warning' },
  'root/no-records': { severity: 'error' },
  'config/nested': { severity: 'error' },
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
    compareText(a.variant ?? '', b.variant ?? '') ||
    compareText(JSON.stringify(a.params), JSON.stringify(b.params))
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
  return { file, line, column, endLine, endColumn, code: 'file/too-many-problems', severity: defaultSeverity('file/too-many-problems'), params: { omitted }, pointer: '' };
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

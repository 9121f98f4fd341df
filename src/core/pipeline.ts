// The one pipeline, stated once: parsed files → record set → schema + cross-record checks → sorted Diagnostics.
import type { Indexes } from './checks/context.js';
import type { Check } from './checks/context.js';
import { buildIndexes } from './checks/context.js';
import { authenticTexts } from './checks/authentic.js';
import { dates } from './checks/dates.js';
import { followupAfterAsOf, followupRules } from './checks/followup.js';
import { imported } from './checks/imported.js';
import { CHECKS } from './checks/index.js';
import { numbering } from './checks/numbering.js';
import { placeholders } from './checks/placeholders.js';
import { references } from './checks/references.js';
import type { Diagnostic } from './diagnostics.js';
import { compareDiagnostics, defaultSeverity, limitPerFile } from './diagnostics.js';
import type { Note } from './model.js';
import type { ParsedFile } from './read/index.js';
import type { KnownRecord, RecordSet } from './records.js';
import { buildRecordSet } from './records.js';
import type { SchemaValidator } from './schema.js';
import { REGISTRY_KINDS } from './schema.js';

export interface Checked {
  readonly records: RecordSet;
  readonly diagnostics: readonly Diagnostic[];
}

export interface CheckOptions {
  readonly rootFile?: string;
  /** validate --as-of: also warn of follow-up dated after it (followup/after-as-of). */
  readonly asOf?: string;
  /** Meetings and plans not read, counted by id (validate --changed-since). */
  readonly known?: readonly KnownRecord[];
  /** Results kept from earlier runs (io/cache-checks.ts): given the context of this run (recordContext), the per-record
   * checks' results by file, or undefined to run every check. */
  readonly recordResults?: (context: string, index: Indexes) => RecordResults | undefined;
  /** Results check workers sent for this run (core/facts.ts fromAnswers): used as recordResults is, without the text of
   * the context (recordContext, which only keys kept results: ~30 ms at 2,000 meetings for nothing). */
  readonly workerResults?: (index: Indexes) => RecordResults;
}

/** The per-record checks' diagnostics about one valid meeting or plan, one list per check of PER_RECORD (then one for
 * --as-of's follow-up check), kept by whoever keys them by the file's name and content and this run's context. */
export type RecordChecks = readonly (readonly Diagnostic[])[];

export interface RecordResults {
  get(file: string): RecordChecks | undefined;
  put(file: string, results: RecordChecks): void;
}

/** Checks whose diagnostics about a meeting or plan depend only on that record and on the context every record shares
 * (the indexes, the registries, acta.yaml, --as-of): run one record at a time, so each record's results can be kept by
 * its content and the context's hash, and reused while both stay the same (issue 24: warm means incremental). A test
 * holds each to its whole-set run (test/validate/incremental.test.ts); any check not listed runs on the whole set,
 * every run. */
export const PER_RECORD: readonly Check[] = [references, dates, numbering, followupRules, placeholders, authenticTexts, imported];
const perRecord = new Set<Check>(PER_RECORD);

/** Per-record checks run, one count per record (for tests: work counted, not timed). */
export const recordCheckCounts = { run: 0, reused: 0 };

export function checkRecords(files: readonly ParsedFile[], validator: SchemaValidator, options: CheckOptions = {}): Checked {
  const built = buildRecordSet(files, validator);
  const records: RecordSet = options.known?.length ? { ...built.records, known: options.known } : built.records;
  const diagnostics = built.diagnostics;
  const index = buildIndexes(records);
  const kept = options.workerResults ? options.workerResults(index) : options.recordResults?.(recordContext(records, index, options.asOf), index);
  const byRecord = kept ? recordByRecord(records, index, options.asOf, kept) : undefined;
  // Loops, not push(...list): a spread of a list of 100,000 diagnostics overflows the stack.
  for (const check of CHECKS) for (const d of byRecord && perRecord.has(check) ? byRecord.of(check) : check.run(records, index)) diagnostics.push(d);
  for (const d of checkInvalidRecords(records, index)) diagnostics.push(d);
  if (options.asOf !== undefined) for (const d of byRecord ? byRecord.asOf() : followupAfterAsOf(records, options.asOf)) diagnostics.push(d);
  for (const d of projectProblems(records, options.rootFile ?? records.configFile?.file ?? 'acta.yaml')) diagnostics.push(d);
  return { records, diagnostics: limitPerFile(explainWarnings(records, diagnostics).sort(compareDiagnostics)) };
}

/** What every per-record check reads besides its record, as text (its hash keys the kept results): the indexes (ids,
 * points, activities, meetings' start dates, which registries there are), the registries, acta.yaml, --as-of, and
 * which checks are per-record. A change to any of them re-runs the per-record checks of every record. */
export function recordContext(records: RecordSet, index: Indexes, asOf: string | undefined): string {
  const plain = (v: unknown): unknown => (v instanceof Set ? [...v] : v instanceof Map ? [...v] : v);
  const indexes = Object.fromEntries(Object.entries(index).map(([k, v]) => [k, plain(v)]));
  return JSON.stringify({ checks: PER_RECORD.map((c) => c.name), indexes, registries: records.registries, config: records.config, asOf: asOf ?? null });
}

// The per-record checks, one valid record at a time, each record's results reused when kept: the same diagnostics in
// the same order as each check's whole-set run (meetings in file order, then plans, then the registry files'
// references, which are run every time: a handful of files).
function recordByRecord(records: RecordSet, index: Indexes, asOf: string | undefined, kept: RecordResults): { of(check: Check): Diagnostic[]; asOf(): Diagnostic[] } {
  const none = { meetings: [], plans: [], registryFiles: [] };
  const alone = (r: (typeof records.meetings)[number] | (typeof records.plans)[number], kind: 'meeting' | 'plan'): RecordSet =>
    kind === 'meeting' ? { ...records, ...none, meetings: [r as (typeof records.meetings)[number]] } : { ...records, ...none, plans: [r as (typeof records.plans)[number]] };
  const results: RecordChecks[] = [];
  const each = (list: readonly { readonly parsed: ParsedFile; readonly valid: boolean }[], kind: 'meeting' | 'plan'): void => {
    for (const r of list) {
      if (!r.valid) continue;
      const found = kept.get(r.parsed.file);
      if (found && found.length === PER_RECORD.length + 1) {
        recordCheckCounts.reused++;
        results.push(found);
        continue;
      }
      recordCheckCounts.run++;
      const one = alone(r as never, kind);
      const mine: Diagnostic[][] = PER_RECORD.map((check) => check.run(one, index));
      mine.push(asOf !== undefined ? followupAfterAsOf(one, asOf) : []);
      kept.put(r.parsed.file, mine);
      results.push(mine);
    }
  };
  each(records.meetings, 'meeting');
  each(records.plans, 'plan');
  const registries: RecordSet = { ...records, meetings: [], plans: [] };
  const gather = (i: number): Diagnostic[] => {
    const out: Diagnostic[] = [];
    for (const r of results) for (const d of r[i]!) out.push(d);
    return out;
  };
  return {
    of(check) {
      const out = gather(PER_RECORD.indexOf(check));
      for (const d of check.run(registries, index)) out.push(d);
      return out;
    },
    asOf: () => gather(PER_RECORD.length),
  };
}

// Every problem in one run: a record that failed its schema still gets the cross-record checks, as far as its
// shape allows — one record at a time, so a malformed part can stop only its own record's checks.
export function checkInvalidRecords(records: RecordSet, index: Indexes): Diagnostic[] {
  const out: Diagnostic[] = [];
  const none = { meetings: [], plans: [], registryFiles: [] };
  const alone: RecordSet[] = [
    ...records.meetings.filter((r) => !r.valid).map((r) => ({ ...records, ...none, meetings: [{ ...r, valid: true }] })),
    ...records.plans.filter((r) => !r.valid).map((r) => ({ ...records, ...none, plans: [{ ...r, valid: true }] })),
  ];
  for (const one of alone) {
    for (const check of CHECKS) {
      if (check.global) continue;
      try {
        for (const d of check.run(one, index)) out.push(d);
      } catch {
        // The schema errors already reported say why this record cannot be checked further.
      }
    }
  }
  return out;
}

export function projectProblems(records: RecordSet, file: string): Diagnostic[] {
  const at = { file, line: 1, column: 1, endLine: 1, endColumn: 1, pointer: '' };
  const out: Diagnostic[] = [];
  const recordCount = records.meetings.length + records.plans.length + (records.known?.length ?? 0);
  if (recordCount + records.registryFiles.length === 0 && records.files.every((f) => f.diagnostics.length === 0)) {
    out.push({ ...at, code: 'root/no-records', severity: defaultSeverity('root/no-records'), params: {} });
  }
  if (recordCount > 0) {
    const kinds = new Set(records.registryFiles.map((f) => f.kind));
    for (const kind of REGISTRY_KINDS) {
      if (!kinds.has(kind)) out.push({ ...at, code: 'registry/missing', severity: defaultSeverity('registry/missing'), params: { kind } });
    }
  }
  return out;
}

// A warning that a note in its record explains (same code, note `at` covering the pointer) is reported as explained.
export function explainWarnings(records: RecordSet, diagnostics: Diagnostic[]): Diagnostic[] {
  const notesByFile = new Map<string, readonly Note[]>();
  for (const r of [...records.meetings, ...records.plans]) if (r.valid && r.data.notes) notesByFile.set(r.parsed.file, r.data.notes);
  return diagnostics.map((d) => {
    if (d.severity !== 'warning') return d;
    const note = notesByFile.get(d.file)?.find((n) => n.explains?.includes(d.code) && (n.at === undefined || d.pointer === n.at || d.pointer.startsWith(n.at + '/')));
    return note ? { ...d, explained: note.text.en ?? note.text.es ?? '' } : d;
  });
}

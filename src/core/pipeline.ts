// The one pipeline, stated once: parsed files → record set → schema + cross-record checks → sorted Diagnostics.
import type { Indexes } from './checks/context.js';
import { buildIndexes } from './checks/context.js';
import { followupAfterAsOf } from './checks/followup.js';
import { CHECKS } from './checks/index.js';
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
}

export function checkRecords(files: readonly ParsedFile[], validator: SchemaValidator, options: CheckOptions = {}): Checked {
  const built = buildRecordSet(files, validator);
  const records: RecordSet = options.known?.length ? { ...built.records, known: options.known } : built.records;
  const diagnostics = built.diagnostics;
  const index = buildIndexes(records);
  // Loops, not push(...list): a spread of a list of 100,000 diagnostics overflows the stack.
  for (const check of CHECKS) for (const d of check.run(records, index)) diagnostics.push(d);
  for (const d of checkInvalidRecords(records, index)) diagnostics.push(d);
  if (options.asOf !== undefined) for (const d of followupAfterAsOf(records, options.asOf)) diagnostics.push(d);
  for (const d of projectProblems(records, options.rootFile ?? records.configFile?.file ?? 'acta.yaml')) diagnostics.push(d);
  return { records, diagnostics: limitPerFile(explainWarnings(records, diagnostics).sort(compareDiagnostics)) };
}

// Every problem in one run: a record that failed its schema still gets the cross-record checks, as far as its
// shape allows — one record at a time, so a malformed part can stop only its own record's checks.
function checkInvalidRecords(records: RecordSet, index: Indexes): Diagnostic[] {
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

function projectProblems(records: RecordSet, file: string): Diagnostic[] {
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
function explainWarnings(records: RecordSet, diagnostics: Diagnostic[]): Diagnostic[] {
  const notesByFile = new Map<string, readonly Note[]>();
  for (const r of [...records.meetings, ...records.plans]) if (r.valid && r.data.notes) notesByFile.set(r.parsed.file, r.data.notes);
  return diagnostics.map((d) => {
    if (d.severity !== 'warning') return d;
    const note = notesByFile.get(d.file)?.find((n) => n.explains?.includes(d.code) && (n.at === undefined || d.pointer === n.at || d.pointer.startsWith(n.at + '/')));
    return note ? { ...d, explained: note.text.en ?? note.text.es ?? '' } : d;
  });
}

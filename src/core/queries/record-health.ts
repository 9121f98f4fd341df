// How far to trust the figures: what the validator says about the records the report is built from.
import type { Diagnostic, Severity } from '../diagnostics.js';
import { countDiagnostics } from '../diagnostics.js';
import type { RecordSet } from '../records.js';

export interface HealthItem {
  readonly severity: Severity;
  readonly code: string;
  readonly file: string;
  readonly line: number;
  readonly message: string;
  /** The record's own note explaining the warning. */
  readonly explained?: string;
}

export interface RecordHealth {
  /** No errors: every record passed its schema and the cross-record checks. */
  readonly valid: boolean;
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly explained: number;
  /** Files left out of every figure (RecordSet.leftOut: a file that cannot be read or parsed, or fails its schema). */
  readonly leftOut: readonly string[];
  /** The first problems, errors first (at most `limit`). */
  readonly items: readonly HealthItem[];
  /** Problems not listed. */
  readonly more: number;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function buildRecordHealth(records: RecordSet, diagnostics: readonly Diagnostic[], describe: (d: Diagnostic) => string, limit = 30): RecordHealth {
  const counts = countDiagnostics(diagnostics);
  const ordered = diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.explained ? 1 : 0) - (b.d.explained ? 1 : 0) || RANK[a.d.severity] - RANK[b.d.severity] || a.i - b.i)
    .map(({ d }) => d);
  const items = ordered.slice(0, limit).map((d) => ({
    severity: d.severity,
    code: d.code,
    file: d.file,
    line: d.line,
    message: describe(d),
    ...(d.explained !== undefined ? { explained: d.explained } : {}),
  }));
  // What every read command leaves out (the one place that decides it), not only the records that failed their schema:
  // a file that could not be parsed is left out of the figures too.
  const leftOut = records.leftOut.map((l) => l.file);
  return { valid: counts.errors === 0, files: records.files.length, ...counts, leftOut, items, more: Math.max(0, diagnostics.length - items.length) };
}

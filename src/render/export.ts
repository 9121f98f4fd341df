// Formatters for `acta export`: CSV (one row per commitment and actor), iCalendar, JSON (the result object).
import type { ExportFeed } from '../core/queries/export.js';
import { actorRows } from '../core/queries/export.js';
import type { CommitmentView } from '../core/queries/view.js';
import type { CsvValue } from './csv.js';
import type { CsvWriter } from './csv.js';
import { csvWriter } from './csv.js';
import { jsonText, jsonTextParts } from './escape.js';
import { formatIcs, icsParts } from './ics.js';
import { PART_CHARS } from './part-size.js';

export type ExportFormat = 'csv' | 'ics' | 'json';

export const EXPORT_FORMATTERS: Record<ExportFormat, (r: ExportFeed) => string> = {
  csv: formatExportCsv,
  ics: formatIcs,
  json: (r) => jsonText(r),
};

const HEAD = ['id', 'ref', 'record', 'body', 'kind', 'step', 'occurrence', 'due', 'precision', 'state', 'days_late', 'days_left', 'status', 'actor', 'actor_name', 'actor_state', 'delivered_on', 'owners', 'owners_inferred', 'task', 'task_lang', 'deadline_text', 'extended_by', 'superseded_by', 'done_on', 'days_late_delivered', 'actor_days_late'];

// Stable English keys and codes (states, precisions) for machines; names and record text in the language asked for.
export function formatExportCsv(r: ExportFeed): string {
  return [...exportCsvParts(r)].join('');
}

/** formatExportCsv's text in parts: the rows of as many commitments as fill a part (PART_CHARS: none a large object for
 * V8, part-size.ts), a commitment's rows never split. */
export function* exportCsvParts(r: ExportFeed): Generator<string> {
  const csv = csvWriter();
  yield csv.row(HEAD);
  // The part's lines in an array, joined once: a part made by `text +=` was a rope of ~30,000 pieces, all kept alive
  // (and copied by the young generation's scavenges) until the write flattened it.
  let lines: string[] = [];
  let chars = 0;
  for (const c of r.commitments) {
    chars += csvRows(csv, c, r.actors, lines);
    if (chars >= PART_CHARS) {
      yield lines.join('');
      lines = [];
      chars = 0;
    }
  }
  if (lines.length) yield lines.join('');
}

// A row is the commitment's cells, the actor's, the commitment's again and the actor's days late. A group-owed
// commitment has a row per member (2.7 rows a commitment at 2,000 meetings): its own cells are made and joined once
// for all its rows (the same fields, joined with the same commas). Its rows pushed on `lines`; their length returned.
function csvRows(csv: CsvWriter, c: CommitmentView, only: readonly string[] | undefined, lines: string[]): number {
  const rows = actorRows(c, only);
  if (rows.length === 0) return 0;
  const before = csv.cells([c.id, c.ref, c.record, c.body.id, c.kind, c.step, c.occurrence, c.due.day, c.due.period?.precision ?? c.due.kind, c.state, c.daysLate, c.daysLeft, c.status]);
  const after = csv.cells([
    c.owners.map((o) => o.id).join(' '), c.inferred ? 'true' : '', c.task.text, c.task.lang, c.deadlineText?.text,
    c.extensions.map((e) => e.decidedBy ?? e.date).join(' '), c.supersededBy, c.doneOn, c.daysLateDelivered,
  ]);
  let chars = 0;
  for (const { actor, state, deliveredOn, daysLate } of rows) {
    const line = `${before},${csv.cells([actor?.id, actor?.label, state, deliveredOn])},${after},${csv.field(daysLate)}\r\n`;
    lines.push(line);
    chars += line.length;
  }
  return chars;
}

/** Each format's text in parts, for the command to write as they are made. */
export const EXPORT_PARTS: Record<ExportFormat, (r: ExportFeed) => Iterable<string>> = {
  csv: exportCsvParts,
  ics: (r) => icsParts(r),
  json: (r) => jsonTextParts(r),
};

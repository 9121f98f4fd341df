// Formatters for `acta export`: CSV (one row per commitment and actor), iCalendar, JSON (the result object).
import type { ExportFeed } from '../core/queries/export.js';
import { actorRows } from '../core/queries/export.js';
import type { CommitmentView } from '../core/queries/view.js';
import type { CsvValue } from './csv.js';
import type { CsvWriter } from './csv.js';
import { csvWriter } from './csv.js';
import { jsonText, jsonTextParts } from './escape.js';
import { formatIcs, icsParts } from './ics.js';

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

/** formatExportCsv's text in parts: the rows of a few hundred commitments at a time. */
export function* exportCsvParts(r: ExportFeed): Generator<string> {
  const csv = csvWriter();
  yield csv.row(HEAD);
  let batch: CommitmentView[] = [];
  for (const c of r.commitments) {
    batch.push(c);
    if (batch.length === 200) {
      yield csvRows(csv, batch, r.actors);
      batch = [];
    }
  }
  if (batch.length) yield csvRows(csv, batch, r.actors);
}

// A row is the commitment's cells, the actor's, the commitment's again and the actor's days late. A group-owed
// commitment has a row per member (2.7 rows a commitment at 2,000 meetings): its own cells are made and joined once
// for all its rows (the same fields, joined with the same commas).
function csvRows(csv: CsvWriter, views: readonly CommitmentView[], only: readonly string[] | undefined): string {
  // The part's lines in an array, joined once: a part made by `text +=` was a rope of ~30,000 pieces, all kept alive
  // (and copied by the young generation's scavenges) until the write flattened it.
  const lines: string[] = [];
  for (const c of views) {
    const rows = actorRows(c, only);
    if (rows.length === 0) continue;
    const before = csv.cells([c.id, c.ref, c.record, c.body.id, c.kind, c.step, c.occurrence, c.due.day, c.due.period?.precision ?? c.due.kind, c.state, c.daysLate, c.daysLeft, c.status]);
    const after = csv.cells([
      c.owners.map((o) => o.id).join(' '), c.inferred ? 'true' : '', c.task.text, c.task.lang, c.deadlineText?.text,
      c.extensions.map((e) => e.decidedBy ?? e.date).join(' '), c.supersededBy, c.doneOn, c.daysLateDelivered,
    ]);
    for (const { actor, state, deliveredOn, daysLate } of rows) lines.push(`${before},${csv.cells([actor?.id, actor?.label, state, deliveredOn])},${after},${csv.field(daysLate)}\r\n`);
  }
  return lines.join('');
}

/** Each format's text in parts, for the command to write as they are made. */
export const EXPORT_PARTS: Record<ExportFormat, (r: ExportFeed) => Iterable<string>> = {
  csv: exportCsvParts,
  ics: (r) => icsParts(r),
  json: (r) => jsonTextParts(r),
};

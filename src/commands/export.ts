// acta export --format csv|ics|json: every selected commitment for spreadsheets, calendars and machines.
import { exportFeed } from '../core/queries/export.js';
import type { ExportFormat } from '../render/export.js';
import { EXPORT_FORMATTERS, EXPORT_PARTS } from '../render/export.js';
import type { FollowupOptions } from './followup.js';
import { loadCommitments, pickFormat } from './followup.js';
import type { Outcome } from './outcome.js';
import { collectedFirst, collectIfLarge } from '../io/heap.js';

export async function runExport(options: FollowupOptions): Promise<Outcome> {
  const format = pickFormat(options.format, Object.keys(EXPORT_FORMATTERS) as ExportFormat[], 'csv');
  // The records let go before the views are made: only the commitments are read from here on.
  const input = await loadCommitments(options);
  collectIfLarge();
  const result = exportFeed(input.commitments, input.sel, input.ctx, input.asOf);
  return { stdout: collectedFirst(EXPORT_PARTS[format](result)), ...(input.warning ? { stderr: input.warning } : {}), exitCode: 0 };
}

// acta show <id>: one meeting, agreement (MEETING#N), plan or activity (PLAN#A/O/R/N); unambiguous prefixes accepted.
import { saidText } from '../render/diagnostic-text.js';
import { findRecord } from '../core/queries/find-record.js';
import { buildShow } from '../core/queries/show.js';
import { say } from '../core/diagnostics.js';
import { SaidError } from '../io/files.js';
import type { ShowFormat } from '../render/show.js';
import { SHOW_FORMATTERS } from '../render/show.js';
import { resolveStyle } from './context.js';
import type { FollowupOptions } from './followup.js';
import { loadFollowup, pickFormat } from './followup.js';
import type { Outcome } from './outcome.js';
import { tableWidth } from '../io/terminal.js';

export async function runShow(id: string | undefined, options: FollowupOptions): Promise<Outcome> {
  if (!id) throw new SaidError(say('usage.showWhat'));
  const format = pickFormat(options.format, Object.keys(SHOW_FORMATTERS) as ShowFormat[], 'text');
  const input = await loadFollowup(options);
  const target = findRecord(input.records, id);
  // The left-out note comes first, as with every read command (issue 23 point 2): it says which files were left out.
  if (!target.ok) return { stdout: '', stderr: `${input.warning ?? ''}acta: ${saidText(target.error, input.lang)}\n`, exitCode: 2 };
  const result = buildShow(target.value, input.commitments, input.ctx, input.asOf);
  return { stdout: SHOW_FORMATTERS[format](result, { style: resolveStyle(options), width: tableWidth() }), ...(input.warning ? { stderr: input.warning } : {}), exitCode: 0 };
}

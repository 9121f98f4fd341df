// acta list meetings|agreements|commitments|plans: views filtered by body, actor, period and state.
import type { ListKind } from '../core/queries/lists.js';
import { buildList, LIST_KINDS } from '../core/queries/lists.js';
import { say } from '../core/diagnostics.js';
import { SaidError } from '../io/files.js';
import type { ListFormat } from '../render/lists.js';
import { LIST_FORMATTERS, LIST_PARTS } from '../render/lists.js';
import { resolveStyle } from './context.js';
import type { CommitmentsInput, FollowupInput, FollowupOptions } from './followup.js';
import { loadCommitments, loadFollowup, pickFormat } from './followup.js';
import { nearestChoice } from './choices.js';
import type { Outcome } from './outcome.js';
import { tableWidth } from '../io/terminal.js';
import { collectedFirst, collectIfLarge } from '../io/heap.js';

export async function runList(what: string | undefined, options: FollowupOptions): Promise<Outcome> {
  if (!what || !LIST_KINDS.includes(what as ListKind)) throw new SaidError(say('usage.listWhat', { what: what || 'none', kinds: LIST_KINDS.join(' | '), suggestion: nearestChoice(what ?? '', LIST_KINDS) }));
  const format = pickFormat(options.format, Object.keys(LIST_FORMATTERS) as ListFormat[], 'table');
  // list commitments reads only the commitments: the records are let go (and collected) before its views are made.
  const input: CommitmentsInput | FollowupInput = what === 'commitments' ? await loadCommitments(options) : await loadFollowup(options);
  if (what === 'commitments') collectIfLarge();
  const result = isWhole(input) ? buildList(what as ListKind, input) : buildList('commitments', input);
  return { stdout: collectedFirst(LIST_PARTS[format](result, { style: resolveStyle(options), width: tableWidth() })), ...(input.warning ? { stderr: input.warning } : {}), exitCode: 0 };
}

const isWhole = (input: CommitmentsInput | FollowupInput): input is FollowupInput => 'records' in input;

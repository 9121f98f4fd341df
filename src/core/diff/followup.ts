// Follow-up entries are added, never rewritten: an added entry is the normal case; a changed or removed one is flagged.
import { deepEqual } from '../deep-equal.js';
import type { Status } from '../model.js';
import type { ChangeDraft } from './types.js';
import type { DeadlineWhen } from './types.js';
import { asArray, asObject, asString, deadlineWhen } from './values.js';

export interface FollowupContext {
  /** The status a commitment has before any entry (pending), or undefined for a point that owes nothing. */
  readonly implicit: Status | undefined;
  /** The deadline before any entry extends it, per schedule step (0: the commitment's own). */
  readonly deadlines: ReadonlyMap<number, DeadlineWhen | undefined>;
}

export function diffFollowups(beforeList: unknown, afterList: unknown, ctx: FollowupContext): ChangeDraft[] {
  const before = asArray(beforeList).map(asObject);
  const after = asArray(afterList).map(asObject);
  const { unmatchedBefore, unmatchedAfter } = unmatched(before, after);
  const out: ChangeDraft[] = [];
  const paired = new Set<number>();
  for (const i of unmatchedBefore) {
    const b = before[i]!;
    const j = unmatchedAfter.find((k) => !paired.has(k) && after[k]!.date === b.date && after[k]!.step === b.step);
    if (j === undefined) {
      out.push({ kind: 'followup-removed', before: b, ...stepOf(b), summary: asString(b.date) ?? '' });
      continue;
    }
    paired.add(j);
    out.push({ kind: 'followup-changed', before: b, after: after[j]!, ...stepOf(b), summary: asString(b.date) ?? '', status: statusPair(asStatus(b.status), asStatus(after[j]!.status)) });
  }
  for (const j of unmatchedAfter) if (!paired.has(j)) out.push(addedEntry(after, j, ctx));
  return out;
}

function addedEntry(after: readonly Record<string, unknown>[], j: number, ctx: FollowupContext): ChangeDraft {
  const entry = after[j]!;
  const earlier = after.slice(0, j).filter((e) => e.step === entry.step && e.occurrence === entry.occurrence);
  const previous = [...earlier].reverse().find((e) => e.status !== undefined);
  const statusBefore = previous ? asStatus(previous.status) : ctx.implicit;
  const newDeadline = deadlineWhen(entry.deadline);
  const lastDeadline = [...earlier].reverse().find((e) => deadlineWhen(e.deadline) !== undefined);
  const deadlineBefore = lastDeadline ? deadlineWhen(lastDeadline.deadline) : ctx.deadlines.get(typeof entry.step === 'number' ? entry.step : 0);
  return {
    kind: 'followup-added',
    after: entry,
    ...stepOf(entry),
    summary: asString(entry.date) ?? '',
    // An extension recorded without a status leaves the status as it was: no status change to report.
    ...(entry.status !== undefined ? { status: statusPair(statusBefore, asStatus(entry.status)) } : {}),
    ...(newDeadline ? { deadline: { ...(deadlineBefore ? { before: deadlineBefore } : {}), after: newDeadline } } : {}),
  };
}

function statusPair(before: Status | undefined, after: Status | undefined): { before?: Status; after?: Status } {
  return { ...(before ? { before } : {}), ...(after ? { after } : {}) };
}

function asStatus(value: unknown): Status | undefined {
  return typeof value === 'string' ? (value as Status) : undefined;
}

function stepOf(entry: Record<string, unknown>): { step?: number; occurrence?: string } {
  return { ...(typeof entry.step === 'number' ? { step: entry.step } : {}), ...(typeof entry.occurrence === 'string' ? { occurrence: entry.occurrence } : {}) };
}

// Entries kept in order on both sides (the longest common subsequence); the rest were added, changed or removed.
function unmatched(before: readonly unknown[], after: readonly unknown[]): { unmatchedBefore: number[]; unmatchedAfter: number[] } {
  const n = before.length;
  const m = after.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) table[i]![j] = deepEqual(before[i], after[j]) ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const unmatchedBefore: number[] = [];
  const unmatchedAfter: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && deepEqual(before[i], after[j])) {
      i++;
      j++;
    } else if (j < m && (i === n || table[i]![j + 1]! >= table[i + 1]![j]!)) unmatchedAfter.push(j++);
    else unmatchedBefore.push(i++);
  }
  return { unmatchedBefore, unmatchedAfter };
}

// A user's id → the meeting, agreement, plan or activity it names. Unambiguous prefixes are accepted (2017-03 → the one
// meeting starting so); a commitment id (MEETING#6/2, PLAN#…@2018-H1) names its agreement or activity.
import type { Meeting, Plan } from '../model.js';
import type { RecordSet } from '../records.js';
import { editDistance } from '../text-distance.js';
import type { ActivityAt, AgreementAt } from '../walk.js';
import { walkActivities, walkAgreements } from '../walk.js';
import type { Checked } from './selection.js';
import type { DiagnosticParams } from '../diagnostics.js';
import type { Said } from '../diagnostics.js';
import { names, quoted, say } from '../diagnostics.js';

export type Target =
  | { readonly kind: 'meeting'; readonly meeting: Meeting }
  | { readonly kind: 'agreement'; readonly meeting: Meeting; readonly at: AgreementAt }
  | { readonly kind: 'plan'; readonly plan: Plan }
  | { readonly kind: 'activity'; readonly plan: Plan; readonly at: ActivityAt };

// Always suggest: the three closest ids by edit distance (ties by id), however far.
const nearest = (word: string, candidates: readonly string[]): DiagnosticParams => {
  const scored = candidates.map((c) => ({ c, d: editDistance(word.toLowerCase(), c.toLowerCase()) })).sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1));
  return scored.length ? { nearest: quoted(scored.slice(0, 3).map((s) => s.c)) } : {};
};

export function findRecord(records: RecordSet, query: string): Checked<Target> {
  const hash = query.indexOf('#');
  const head = hash < 0 ? query : query.slice(0, hash);
  const tail = hash < 0 ? undefined : query.slice(hash + 1);
  const meetings = records.meetings.filter((m) => m.valid).map((m) => m.data);
  const plans = records.plans.filter((p) => p.valid).map((p) => p.data);
  const ids = [...meetings.map((m) => m.id), ...plans.map((p) => p.id)].sort();
  const exact = ids.filter((id) => id === head);
  const matches = exact.length ? exact : ids.filter((id) => id.startsWith(head));
  if (matches.length === 0 || head === '') return { ok: false, error: leftOutError(records, head) ?? say('refusals.noRecord', { query, ...nearest(head, ids) }) };
  if (exact.length > 1) return { ok: false, error: definedTwice(records, head) };
  if (matches.length > 1) return { ok: false, error: say('refusals.ambiguous', { head, count: matches.length, ids: quoted(matches.slice(0, 6)), more: matches.length > 6 ? 'yes' : 'no' }) };
  const meeting = meetings.find((m) => m.id === matches[0]);
  if (meeting) return tail === undefined ? { ok: true, value: { kind: 'meeting', meeting } } : findAgreement(meeting, tail);
  const plan = plans.find((p) => p.id === matches[0])!;
  return tail === undefined ? { ok: true, value: { kind: 'plan', plan } } : findActivity(plan, tail);
}

function findAgreement(meeting: Meeting, tail: string): Checked<Target> {
  const key = tail.replace(/@.*$/, '').replace(/\/\d+$/, '');
  const all = walkAgreements(meeting);
  const at = all.find((a) => a.key === key) ?? single(all.filter((a) => a.key.toLowerCase() === key.toLowerCase()));
  if (at) return { ok: true, value: { kind: 'agreement', meeting, at } };
  return { ok: false, error: say('refusals.noPoint', { meeting: meeting.id, tail, ...nearest(`${meeting.id}#${key}`, all.map((a) => a.ref)) }) };
}

function findActivity(plan: Plan, tail: string): Checked<Target> {
  const key = tail.replace(/@.*$/, '');
  const all = walkActivities(plan);
  const at = all.find((a) => a.key === key);
  if (at) return { ok: true, value: { kind: 'activity', plan, at } };
  return { ok: false, error: say('refusals.noActivity', { plan: plan.id, tail, ...nearest(`${plan.id}#${key}`, all.map((a) => a.ref)) }) };
}

const single = <T>(list: readonly T[]): T | undefined => (list.length === 1 ? list[0] : undefined);

/** One id in several files: name them (issue 26 point 17). */
function definedTwice(records: RecordSet, id: string): Said {
  const files = [...records.meetings, ...records.plans].filter((r) => r.valid && r.data.id === id).map((r) => r.parsed.file).sort();
  return say('refusals.definedTwice', { id, count: files.length, files: names(files, 'and') });
}

/** The id of a record whose file was left out for an error (its own, or elsewhere in the file): say so, and why
 * (issue 26 point 17, issue 23 point 2). A file that could not be read as a record is matched by its name. */
function leftOutError(records: RecordSet, head: string): Said | undefined {
  if (head === '') return undefined;
  const why = new Map(records.leftOut.map((l) => [l.file, l]));
  const candidates: { id: string; file: string }[] = [];
  for (const r of [...records.meetings, ...records.plans]) if (!r.valid && typeof r.data?.id === 'string') candidates.push({ id: r.data.id, file: r.parsed.file });
  for (const l of records.leftOut) {
    const name = l.file.split('/').pop()!.replace(/\.ya?ml$/, '');
    if (!candidates.some((c) => c.file === l.file)) candidates.push({ id: name, file: l.file });
  }
  const exact = candidates.filter((c) => c.id === head);
  const found = exact.length ? exact : candidates.filter((c) => c.id.startsWith(head));
  if (found.length === 0) return undefined;
  const first = found[0]!;
  return say('refusals.leftOut', { id: first.id, file: first.file, code: why.get(first.file)?.code ?? 'file/unreadable', others: found.length - 1 });
}

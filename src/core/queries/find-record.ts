// A user's id → the meeting, agreement, plan or activity it names. Unambiguous prefixes are accepted (2017-03 → the one
// meeting starting so); a commitment id (MEETING#6/2, PLAN#…@2018-H1) names its agreement or activity.
import type { Meeting, Plan } from '../model.js';
import type { RecordSet } from '../records.js';
import { editDistance } from '../text-distance.js';
import type { ActivityAt, AgreementAt } from '../walk.js';
import { walkActivities, walkAgreements } from '../walk.js';
import type { Checked } from './selection.js';

export type Target =
  | { readonly kind: 'meeting'; readonly meeting: Meeting }
  | { readonly kind: 'agreement'; readonly meeting: Meeting; readonly at: AgreementAt }
  | { readonly kind: 'plan'; readonly plan: Plan }
  | { readonly kind: 'activity'; readonly plan: Plan; readonly at: ActivityAt };

const quote = (ids: readonly string[]): string => ids.map((i) => `\`${i}\``).join(', ');
// Always suggest: the three closest ids by edit distance (ties by id), however far.
const nearest = (word: string, candidates: readonly string[]): string => {
  const scored = candidates.map((c) => ({ c, d: editDistance(word.toLowerCase(), c.toLowerCase()) })).sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1));
  return scored.length ? `; nearest: ${quote(scored.slice(0, 3).map((s) => s.c))}` : '';
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
  if (matches.length === 0 || head === '') return { ok: false, error: leftOutError(records, head) ?? `no meeting or plan \`${query}\`${nearest(head, ids)}` };
  if (exact.length > 1) return { ok: false, error: definedTwice(records, head) };
  if (matches.length > 1) return { ok: false, error: `\`${head}\` is ambiguous: it starts ${matches.length} ids (${quote(matches.slice(0, 6))}${matches.length > 6 ? ', …' : ''}); give more of it` };
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
  return { ok: false, error: `meeting ${meeting.id} has no point \`${tail}\`${nearest(`${meeting.id}#${key}`, all.map((a) => a.ref))}` };
}

function findActivity(plan: Plan, tail: string): Checked<Target> {
  const key = tail.replace(/@.*$/, '');
  const all = walkActivities(plan);
  const at = all.find((a) => a.key === key);
  if (at) return { ok: true, value: { kind: 'activity', plan, at } };
  return { ok: false, error: `plan ${plan.id} has no activity \`${tail}\` (write AXIS/OBJECTIVE/RESULT/ACTIVITY)${nearest(`${plan.id}#${key}`, all.map((a) => a.ref))}` };
}

const single = <T>(list: readonly T[]): T | undefined => (list.length === 1 ? list[0] : undefined);

/** One id in several files: name them (issue 26 point 17). */
function definedTwice(records: RecordSet, id: string): string {
  const files = [...records.meetings, ...records.plans].filter((r) => r.valid && r.data.id === id).map((r) => r.parsed.file).sort();
  return `\`${id}\` is defined ${files.length === 2 ? 'twice' : `${files.length} times`}: in ${files.join(' and ')}; give each record its own id (\`acta validate\` reports id/duplicate)`;
}

/** The id of a record whose file was left out for an error (its own, or elsewhere in the file): say so, and why
 * (issue 26 point 17, issue 23 point 2). A file that could not be read as a record is matched by its name. */
function leftOutError(records: RecordSet, head: string): string | undefined {
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
  const reason = why.get(first.file);
  const because = reason ? ` (${reason.code}: ${reason.message})` : '';
  const others = found.length > 1 ? ` (and ${found.length - 1} more left-out file${found.length === 2 ? '' : 's'} whose id starts so)` : '';
  return `\`${first.id}\` was left out: its file ${first.file} has errors${because}${others}; run \`acta validate ${first.file}\`, fix them, and try again`;
}

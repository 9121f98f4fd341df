// What `acta done | extend | status` asks for → the follow-up entry to write, where, and a one-line summary.
// Pure: the command resolves the records and writes; this decides the entry (and, for superseded, the point-back).
import type { ActorDirectory } from '../actors.js';
import { expandActors, findActors, actorWords } from '../actors.js';
import { isRealDate, parseDue } from '../dates.js';
import type { Day } from '../dates.js';
import type { Lang, Status } from '../model.js';
import { findRecord } from '../queries/find-record.js';
import type { Checked } from '../queries/selection.js';
import type { RecordSet } from '../records.js';
import { closestMatches } from '../text-distance.js';
import { halfYearsOf } from '../followup/deadline.js';
import { occurrencesOf } from '../followup/sources.js';
import type { FollowupEntry } from './followup-entry.js';

export const STATUSES: readonly Status[] = ['pending', 'in-progress', 'done', 'partial', 'no-information', 'not-applicable', 'superseded', 'cancelled'];

export type FollowupRequest =
  | { readonly kind: 'done'; readonly by?: string; readonly evidence?: string; readonly note?: string; readonly occurrence?: string; readonly again?: boolean }
  | { readonly kind: 'extend'; readonly to?: string; readonly decidedBy?: string; readonly reason?: string }
  | { readonly kind: 'status'; readonly status?: string; readonly note?: string; readonly supersededBy?: string };

/** One change to one record file: append `entry` to the follow-up at `pointer`, or set `supersedes` there. */
export type PlannedEdit =
  | { readonly file: string; readonly pointer: string; readonly append: FollowupEntry }
  | { readonly file: string; readonly pointer: string; readonly supersedes: string };

export interface FollowupPlan {
  /** The point or activity (with /STEP or @OCCURRENCE) the entry concerns. */
  readonly ref: string;
  readonly entry: FollowupEntry;
  readonly edits: readonly PlannedEdit[];
  /** "delivered by MX (status partial)" */
  readonly summary: string;
  /** Said at once, the entry still written: an extension to a day before the deadline in force or the meeting. */
  readonly warnings?: readonly string[];
}

interface Where {
  readonly file: string;
  readonly pointer: string;
  readonly ref: string;
  readonly owners: readonly string[];
  readonly prior: readonly { readonly date?: string; readonly step?: number; readonly occurrence?: string; readonly delivered_by?: readonly string[]; readonly deadline?: { readonly due?: string } }[];
  readonly step?: number;
  /** A point's steps (its schedule), when it has some. */
  readonly steps: number;
  /** The deadline set where the target was recorded (before any extension), as written. */
  readonly due?: string;
  /** The day its meeting started (agreements). */
  readonly meetingStart?: Day;
  readonly occurrence?: string;
  /** The occurrences it recurs in (twice-a-year with `until`, plan schedule cells), when more than one. */
  readonly occurrences: readonly string[];
}

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

/** The point or activity REF names (prefixes as `show` takes them), with the step (/N) or occurrence (@2018-H1) it adds. */
export function locateTarget(records: RecordSet, ref: string): Checked<Where> {
  const found = findRecord(records, ref);
  if (!found.ok) return found;
  const t = found.value;
  const tail = ref.includes('#') ? ref.slice(ref.indexOf('#') + 1) : '';
  const occurrence = /@([^@/]+)$/.exec(tail)?.[1];
  if (t.kind === 'agreement') {
    const stepText = /\/(\d+)(?:@[^@]*)?$/.exec(tail)?.[1];
    const step = stepText === undefined ? undefined : Number(stepText);
    const a = t.at.agreement;
    const file = records.meetings.find((m) => m.data === t.meeting)!.parsed.file;
    const owners = (step !== undefined ? a.commitment?.schedule?.[step - 1]?.owners : undefined) ?? a.commitment?.owners ?? a.actors ?? [];
    const name = `${t.at.ref}${step !== undefined ? `/${step}` : ''}${occurrence ? `@${occurrence}` : ''}`;
    const deadline = step !== undefined ? a.commitment?.schedule?.[step - 1]?.deadline : a.commitment?.deadline;
    const occurrences = deadline ? halfYearsOf(deadline, t.meeting.dates.start) : [];
    const steps = a.commitment?.schedule?.length ?? 0;
    return { ok: true, value: { file, pointer: t.at.pointer, ref: name, owners, prior: a.followup ?? [], occurrences, steps, meetingStart: t.meeting.dates.start, ...(deadline?.due !== undefined ? { due: deadline.due } : {}), ...(step !== undefined ? { step } : {}), ...(occurrence ? { occurrence } : {}) } };
  }
  if (t.kind === 'activity') {
    const file = records.plans.find((p) => p.data === t.plan)!.parsed.file;
    const occurrences = occurrencesOf(t.at.activity.schedule ?? {}).map((o) => o.label);
    return { ok: true, value: { file, pointer: t.at.pointer, ref: `${t.at.ref}${occurrence ? `@${occurrence}` : ''}`, owners: t.at.activity.responsible ?? [], prior: t.at.activity.followup ?? [], occurrences, steps: 0, ...(occurrence ? { occurrence } : {}) } };
  }
  return fail(`\`${ref}\` is a whole ${t.kind}: name one of its ${t.kind === 'meeting' ? 'points (MEETING#N)' : 'activities (PLAN#A/O/R/N)'}`);
}

export function planFollowup(records: RecordSet, dir: ActorDirectory, refText: string, on: Day, lang: Lang, req: FollowupRequest): Checked<FollowupPlan> {
  if (!isRealDate(on)) return fail(`--on ${on}: expected a real date as YYYY-MM-DD`);
  const located = locateTarget(records, refText);
  if (!located.ok) return located;
  const w = located.value;
  const base: FollowupEntry = { date: on, ...(w.step !== undefined ? { step: w.step } : {}) };
  const at = { file: w.file, pointer: w.pointer };
  const one = (entry: FollowupEntry, summary: string, more: PlannedEdit[] = []): Checked<FollowupPlan> => ({ ok: true, value: { ref: w.ref, entry, edits: [{ ...at, append: entry }, ...more], summary } });
  if (req.kind === 'done') {
    const by = resolveActors(dir, req.by);
    if (!by.ok) return by;
    const occurrence = req.occurrence ?? w.occurrence;
    // A delivery is of one occurrence: an entry without one would close every occurrence, years ahead included.
    if (occurrence === undefined && w.occurrences.length > 1) {
      const shown = w.occurrences.slice(0, 4).join(', ') + (w.occurrences.length > 4 ? ', …' : '');
      return fail(`${w.ref} recurs (${shown}): say which occurrence was delivered — ${w.ref}@${w.occurrences[0]} or --occurrence ${w.occurrences[0]}; to close every occurrence at once, \`acta status ${w.ref} done\``);
    }
    // A second delivery by the same actor is most often the same news recorded twice: say so, unless --again.
    const already = req.again ? [] : alreadyDelivered(dir, w, by.value, occurrence);
    if (already.length) return fail(`${already.map((d) => `${d.actor} already delivered ${w.ref}${occurrence && !w.ref.includes('@') ? `@${occurrence}` : ''} (entry of ${d.date})`).join('; ')}: nothing written; to record another delivery, pass --again`);
    const status = statusOfDelivery(dir, w, by.value);
    const evidence = req.evidence === undefined ? undefined : evidenceOf(records, req.evidence);
    const entry: FollowupEntry = { ...base, status, ...(req.note ? { note: { [lang]: req.note } } : {}), ...(by.value.length ? { delivered_by: by.value } : {}), ...(occurrence ? { occurrence } : {}), ...(evidence ? { evidence } : {}) };
    return one(entry, by.value.length ? `delivered by ${by.value.join(', ')} (status ${status})` : 'done');
  }
  if (req.kind === 'extend') {
    if (req.to === undefined) return fail('extend: give the new deadline with --to DATE or PERIOD (2017-09-30, 2017-10, 2017-Q4, 2017-H2, 2018)');
    if (!parseDue(req.to)) return fail(`--to ${req.to}: expected a date or period (YYYY-MM-DD, YYYY-MM, YYYY-Q1…Q4, YYYY-H1/H2, YYYY), continuous or tbd`);
    const decider = req.decidedBy === undefined ? undefined : findRecord(records, req.decidedBy);
    if (decider && !decider.ok) return fail(`--decided-by: ${decider.error}`);
    const decidedBy = decider?.ok ? idOf(decider.value) : undefined;
    const entry: FollowupEntry = { ...base, ...(req.reason ? { note: { [lang]: req.reason } } : {}), ...(w.occurrence ? { occurrence: w.occurrence } : {}), deadline: { due: req.to }, ...(decidedBy ? { decided_by: decidedBy } : {}) };
    const to = req.to;
    const summary = `deadline extended to ${to}${decidedBy ? ` by ${decidedBy}` : ''}`;
    const warnings = extensionWarnings(w, to);
    // A point with steps has no deadline of its own (each step has its own): extending the point extends every step,
    // one entry per step, as if each were extended by name.
    if (w.steps > 0 && w.step === undefined) {
      const steps = Array.from({ length: w.steps }, (_, i) => i + 1);
      const edits: PlannedEdit[] = steps.map((step) => ({ ...at, append: { ...entry, step } }));
      const stepWarnings = steps.flatMap((step) => extensionWarnings({ ...w, step, ...stepDue(records, refText, step) }, to));
      return { ok: true, value: { ref: w.ref, entry, edits, summary: `${summary}, for each of its steps (${steps.map((n) => `${w.ref}/${n}`).join(', ')})`, ...(stepWarnings.length ? { warnings: stepWarnings } : {}) } };
    }
    return { ok: true, value: { ref: w.ref, entry, edits: [{ ...at, append: entry }], summary, ...(warnings.length ? { warnings } : {}) } };
  }
  const status = req.status as Status | undefined;
  if (status === undefined || !STATUSES.includes(status)) return fail(`status: give one of ${STATUSES.join(', ')}${status ? ` (not \`${status}\`)` : ''}`);
  if (req.supersededBy !== undefined && status !== 'superseded') return fail('--superseded-by goes with the status superseded');
  const entry: FollowupEntry = { ...base, status, ...(req.note ? { note: { [lang]: req.note } } : {}), ...(w.occurrence ? { occurrence: w.occurrence } : {}) };
  if (req.supersededBy === undefined) return one(entry, `status ${status}`);
  const later = findRecord(records, req.supersededBy);
  if (!later.ok) return fail(`--superseded-by: ${later.error}`);
  if (later.value.kind !== 'agreement') return fail(`--superseded-by ${req.supersededBy}: name the later agreement (MEETING#N)`);
  const laterRef = later.value.at.ref;
  const laterFile = records.meetings.find((m) => m.data === (later.value as { meeting: unknown }).meeting)!.parsed.file;
  const back: PlannedEdit = { file: laterFile, pointer: later.value.at.pointer, supersedes: refWithoutParts(w.ref) };
  return one({ ...entry, superseded_by: laterRef }, `superseded by ${laterRef}, which now says it supersedes ${refWithoutParts(w.ref)}`, [back]);
}

// The deadline of step N as recorded (steps carry their own).
function stepDue(records: RecordSet, refText: string, step: number): { due?: string } {
  const found = findRecord(records, refText);
  if (!found.ok || found.value.kind !== 'agreement') return {};
  const due = found.value.at.agreement.commitment?.schedule?.[step - 1]?.deadline?.due;
  return due !== undefined ? { due } : {};
}

/** The deadline in force: the last extension recorded for this target (same step and occurrence), else the one set. */
function dueInForce(w: Where): string | undefined {
  const extensions = w.prior.filter((f) => f.deadline?.due !== undefined && f.step === w.step && (f.occurrence === undefined || f.occurrence === w.occurrence));
  return extensions.length ? extensions[extensions.length - 1]!.deadline!.due : w.due;
}

/** An extension that ends before the deadline in force, or before the meeting that set it: said at once. */
function extensionWarnings(w: Where, to: string): string[] {
  const next = parseDue(to);
  if (next?.kind !== 'dated') return [];
  const out: string[] = [];
  const target = `${w.ref}${w.step !== undefined && !w.ref.includes('/') ? `/${w.step}` : ''}`;
  if (w.meetingStart && next.period.end < w.meetingStart) out.push(`${target}: the new deadline ${to} ends before the meeting that set it (${w.meetingStart}) — check the year`);
  else {
    const current = dueInForce(w);
    const now = current !== undefined ? parseDue(current) : undefined;
    if (now?.kind === 'dated' && next.period.end < now.period.end) out.push(`${target}: the new deadline ${to} ends before the one in force (${current}) — an extension usually moves it later; check the date`);
  }
  return out;
}

/** The actors of `by` who already delivered this target (same step and occurrence), with the entry's date. */
function alreadyDelivered(dir: ActorDirectory, w: Where, by: readonly string[], occurrence: string | undefined): { actor: string; date: string }[] {
  const out: { actor: string; date: string }[] = [];
  for (const actor of by) {
    const members = new Set(expandActors(dir, [actor]));
    const entry = w.prior.find((f) => f.step === w.step && f.occurrence === occurrence && f.delivered_by !== undefined && expandActors(dir, f.delivered_by).some((a) => members.has(a)) && [...members].every((m) => expandActors(dir, f.delivered_by!).includes(m)));
    if (entry) out.push({ actor, date: entry.date ?? '?' });
  }
  return out;
}

const refWithoutParts = (ref: string): string => ref.replace(/@.*$/, '').replace(/\/\d+$/, '');

function idOf(t: ReturnType<typeof findRecord> extends Checked<infer T> ? T : never): string {
  return t.kind === 'meeting' ? t.meeting.id : t.kind === 'plan' ? t.plan.id : t.at.ref;
}

/** Each comma-separated word → one actor id (code, id, acronym or name in either language). */
function resolveActors(dir: ActorDirectory, words: string | undefined): Checked<string[]> {
  const out: string[] = [];
  const list = (words ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  // An empty --by ("" or ",") is a slip, not "everyone": done for every owner is said by leaving --by out.
  if (words !== undefined && list.length === 0) return fail(`--by ${JSON.stringify(words)}: names no actor; give one or more (--by MX,GT), or leave --by out to record it done for every owner`);
  for (const word of list) {
    const ids = findActors(dir, word);
    if (ids.length === 0) {
      const near = closestMatches(word, actorWords(dir));
      return fail(`--by ${word}: no such actor${near.length ? ` (did you mean ${near.map((n) => `\`${n}\``).join(', ')}?)` : ''}`);
    }
    if (ids.length > 1) return fail(`--by ${word}: names several actors (${ids.join(', ')}); give the id`);
    if (!out.includes(ids[0]!)) out.push(ids[0]!);
  }
  return { ok: true, value: out };
}

// Everyone owing has now delivered → done; some still owe → partial (an entry with delivered_by closes it for them alone).
function statusOfDelivery(dir: ActorDirectory, w: Where, by: readonly string[]): Status {
  if (by.length === 0) return 'done';
  const owed = expandActors(dir, w.owners);
  const delivered = new Set(expandActors(dir, [...w.prior.filter((f) => f.step === w.step).flatMap((f) => f.delivered_by ?? []), ...by]));
  return owed.length > 0 && owed.every((a) => delivered.has(a)) ? 'done' : 'partial';
}

/** A link (http/https), a record of this repository, or else a document name. */
function evidenceOf(records: RecordSet, value: string): FollowupEntry['evidence'] {
  if (/^https?:\/\//i.test(value)) return { url: value };
  const record = findRecord(records, value);
  if (record.ok && /^\d{4}-/.test(value)) return { record: idOf(record.value) };
  return { document: value };
}

// What `acta done | extend | status` asks for → the follow-up entry to write, where, and a one-line summary.
// Pure: the command resolves the records and writes; this decides the entry (and, for superseded, the point-back).
import type { ActorDirectory } from '../actors.js';
import { expandActors, findActors, actorWords } from '../actors.js';
import { isRealDate, parseDue } from '../dates.js';
import type { Day } from '../dates.js';
import type { Lang, Status, Text } from '../model.js';
import type { DiagnosticParams, Said } from '../diagnostics.js';
import { names, quoted, say } from '../diagnostics.js';
import { findRecord } from '../queries/find-record.js';
import type { Checked } from '../queries/selection.js';
import type { RecordSet } from '../records.js';
import { closestMatches } from '../text-distance.js';
import { halfYearsOf } from '../followup/deadline.js';
import { occurrencesOf } from '../followup/sources.js';
import { walkAgreements } from '../walk.js';
import type { FollowupEntry } from './followup-entry.js';

// A note (--note, --reason) is the officer's own words, in the language they wrote it in (--lang). Where that is not
// the authentic language of the record (its own `authentic`, else acta.yaml's), the text says it is its original
// (`authentic: en`): without it validate took the note for a translation with no original and the write was refused.
function noteText(records: RecordSet, file: string, lang: Lang, text: string): Text {
  const record = [...records.meetings, ...records.plans].find((r) => r.parsed.file === file);
  const source = (record?.data as { authentic?: Lang } | undefined)?.authentic ?? records.config.authentic;
  return source !== undefined && source !== lang ? { [lang]: text, authentic: lang } : { [lang]: text };
}

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
  /** "delivered by MX (status partial)", as a catalog key and its parameters. */
  readonly summary: Said;
  /** Said at once, the entry still written: an extension to a day before the deadline in force. */
  readonly warnings?: readonly Said[];
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
  readonly occurrence?: string;
  /** The occurrences it recurs in (twice-a-year with `until`, plan schedule cells), when more than one. */
  readonly occurrences: readonly string[];
  /** Every occurrence label an entry may name, as validate accepts them (with their years, and a plan's columns). */
  readonly accepted: ReadonlySet<string>;
}

const fail = (key: string, params?: DiagnosticParams): { ok: false; error: Said } => ({ ok: false, error: say(`refusals.${key}`, params) });
const statusWord = (s: Status): Said => say(`statuses.${s}`);

/** The point or activity REF names (prefixes as `show` takes them), with the step (/N) or occurrence (@2018-H1) it adds. */
export function locateTarget(records: RecordSet, ref: string): Checked<Where> {
  const found = findRecord(records, ref);
  if (!found.ok) return found;
  const t = found.value;
  const tail = ref.includes('#') ? ref.slice(ref.indexOf('#') + 1) : '';
  const occurrence = /@([^@/]+)$/.exec(tail)?.[1];
  // `X#3@`: an @ with no occurrence after it (or two of them) names nothing (issue 26 point 18).
  if (tail.includes('@') && (occurrence === undefined || tail.indexOf('@') !== tail.lastIndexOf('@'))) return fail('emptyOccurrence', { ref, base: ref.replace(/@.*$/, '') });
  if (t.kind === 'agreement') {
    const stepText = /\/(\d+)(?:@[^@]*)?$/.exec(tail)?.[1];
    const step = stepText === undefined ? undefined : Number(stepText);
    const a = t.at.agreement;
    // `X#3/0` or a step past the schedule: a usage error, before anything is planned (issue 26 point 18).
    if (step !== undefined) {
      const steps = a.commitment?.schedule?.length ?? 0;
      if (steps === 0) return fail('noSteps', { ref, point: t.at.ref, step: stepText! });
      if (step < 1 || step > steps) return fail('stepRange', { ref, point: t.at.ref, count: steps });
    }
    const file = records.meetings.find((m) => m.data === t.meeting)!.parsed.file;
    const owners = (step !== undefined ? a.commitment?.schedule?.[step - 1]?.owners : undefined) ?? a.commitment?.owners ?? a.actors ?? [];
    const name = `${t.at.ref}${step !== undefined ? `/${step}` : ''}${occurrence ? `@${occurrence}` : ''}`;
    const deadline = step !== undefined ? a.commitment?.schedule?.[step - 1]?.deadline : a.commitment?.deadline;
    // As validate reads them: the deadline's half-years and those of any extension, with their years.
    const moved = (a.followup ?? []).filter((f) => f.step === step && f.deadline).map((f) => f.deadline!);
    const occurrences = deadline ? halfYearsOf(deadline, t.meeting.dates.start) : [];
    const labels = [deadline, ...moved].flatMap((d) => (d ? halfYearsOf(d, t.meeting.dates.start) : []));
    const accepted = new Set([...labels, ...labels.map((l) => l.slice(0, 4))]);
    const steps = a.commitment?.schedule?.length ?? 0;
    return { ok: true, value: { file, pointer: t.at.pointer, ref: name, owners, prior: a.followup ?? [], occurrences, accepted, steps, ...(deadline?.due !== undefined ? { due: deadline.due } : {}), ...(step !== undefined ? { step } : {}), ...(occurrence ? { occurrence } : {}) } };
  }
  if (t.kind === 'activity') {
    const file = records.plans.find((p) => p.data === t.plan)!.parsed.file;
    const cells = occurrencesOf(t.at.activity.schedule ?? {});
    const occurrences = cells.map((o) => o.label);
    const accepted = new Set([...occurrences, ...cells.map((c) => c.column)]);
    return { ok: true, value: { file, pointer: t.at.pointer, ref: `${t.at.ref}${occurrence ? `@${occurrence}` : ''}`, owners: t.at.activity.responsible ?? [], prior: t.at.activity.followup ?? [], occurrences, accepted, steps: 0, ...(occurrence ? { occurrence } : {}) } };
  }
  return fail('wholeRecord', { ref, kind: t.kind });
}

export function planFollowup(records: RecordSet, dir: ActorDirectory, refText: string, on: Day, lang: Lang, req: FollowupRequest): Checked<FollowupPlan> {
  if (!isRealDate(on)) return fail('badOn', { on });
  const located = locateTarget(records, refText);
  if (!located.ok) return located;
  const w = located.value;
  // An occurrence the commitment does not have is refused here, in the words validate uses, not after planning:
  // `done` and validate agree on what recurs (issue 26 point 18).
  const asked = req.kind === 'done' ? (req.occurrence ?? w.occurrence) : w.occurrence;
  if (asked !== undefined && !w.accepted.has(asked)) {
    const listed = [...w.accepted].some((o) => o.length > 4) ? [...w.accepted].filter((o) => o.length > 4) : [...w.accepted];
    const shown = names([...listed.slice(0, 6), ...(listed.length > 6 ? ['…'] : [])]);
    const ref = w.ref.replace(/@.*$/, '');
    return listed.length ? fail('noOccurrence', { ref, occurrence: asked, occurrences: shown }) : fail('doesNotRecur', { ref, occurrence: asked });
  }
  const base: FollowupEntry = { date: on, ...(w.step !== undefined ? { step: w.step } : {}) };
  const at = { file: w.file, pointer: w.pointer };
  const one = (entry: FollowupEntry, summary: Said, more: PlannedEdit[] = []): Checked<FollowupPlan> => ({ ok: true, value: { ref: w.ref, entry, edits: [{ ...at, append: entry }, ...more], summary } });
  if (req.kind === 'done') {
    const by = resolveActors(dir, req.by);
    if (!by.ok) return by;
    const occurrence = req.occurrence ?? w.occurrence;
    // A delivery is of one occurrence: an entry without one would close every occurrence, years ahead included.
    if (occurrence === undefined && w.occurrences.length > 1) {
      const shown = names([...w.occurrences.slice(0, 4), ...(w.occurrences.length > 4 ? ['…'] : [])]);
      return fail('recurs', { ref: w.ref, occurrences: shown, first: w.occurrences[0]! });
    }
    // A second delivery by the same actor is most often the same news recorded twice: say so, unless --again.
    const already = req.again ? [] : alreadyDelivered(dir, w, by.value, occurrence);
    if (already.length) return fail('alreadyDelivered', { actors: names(already.map((d) => d.actor)), ref: `${w.ref}${occurrence && !w.ref.includes('@') ? `@${occurrence}` : ''}`, date: already[0]!.date });
    const status = statusOfDelivery(dir, w, by.value);
    const evidence = req.evidence === undefined ? undefined : evidenceOf(records, req.evidence);
    const entry: FollowupEntry = { ...base, status, ...(req.note ? { note: noteText(records, w.file, lang, req.note) } : {}), ...(by.value.length ? { delivered_by: by.value } : {}), ...(occurrence ? { occurrence } : {}), ...(evidence ? { evidence } : {}) };
    return one(entry, by.value.length ? say('written.deliveredBy', { actors: names(by.value), status: statusWord(status) }) : say('written.done'));
  }
  if (req.kind === 'extend') {
    if (req.to === undefined) return fail('extendNeedsTo');
    if (!parseDue(req.to)) return fail('badTo', { to: req.to });
    const decider = req.decidedBy === undefined ? undefined : findRecord(records, req.decidedBy);
    if (decider && !decider.ok) return fail('option', { option: '--decided-by', reason: decider.error });
    const decidedBy = decider?.ok ? idOf(decider.value) : undefined;
    const entry: FollowupEntry = { ...base, ...(req.reason ? { note: noteText(records, w.file, lang, req.reason) } : {}), ...(w.occurrence ? { occurrence: w.occurrence } : {}), deadline: { due: req.to }, ...(decidedBy ? { decided_by: decidedBy } : {}) };
    const to = req.to;
    const summary = decidedBy ? say('written.extendedBy', { to, by: decidedBy }) : say('written.extended', { to });
    // A point with steps has no deadline of its own (each step has its own): extending the point extends every step,
    // one entry per step, as if each were extended by name.
    if (w.steps > 0 && w.step === undefined) {
      const steps = Array.from({ length: w.steps }, (_, i) => i + 1);
      const edits: PlannedEdit[] = steps.map((step) => ({ ...at, append: { ...entry, step } }));
      const warnings = steps.flatMap((step) => earlierThanInForce({ ...w, step, ...stepDue(records, refText, step) }, to));
      return { ok: true, value: { ref: w.ref, entry, edits, summary: say('written.eachStep', { extended: summary, steps: names(steps.map((n) => `${w.ref}/${n}`)) }), ...(warnings.length ? { warnings } : {}) } };
    }
    const warnings = earlierThanInForce(w, to);
    return { ok: true, value: { ref: w.ref, entry, edits: [{ ...at, append: entry }], summary, ...(warnings.length ? { warnings } : {}) } };
  }
  const status = req.status as Status | undefined;
  if (status === undefined || !STATUSES.includes(status)) return status === undefined ? fail('statusMissing', { statuses: names(STATUSES) }) : fail('statusUnknown', { statuses: names(STATUSES), status });
  if (req.supersededBy !== undefined && status !== 'superseded') return fail('supersededByStatus');
  const entry: FollowupEntry = { ...base, status, ...(req.note ? { note: noteText(records, w.file, lang, req.note) } : {}), ...(w.occurrence ? { occurrence: w.occurrence } : {}) };
  if (req.supersededBy === undefined && status === 'superseded') {
    // Superseded says by what (the later point names this one back): without --superseded-by, the later agreement
    // whose `supersedes:` already names this point is the one; none, or several, and the officer must say which.
    const point = refWithoutParts(w.ref);
    const by = records.meetings.filter((m) => m.valid).flatMap((m) => walkAgreements(m.data).filter((a) => a.agreement.supersedes === point).map((a) => a.ref));
    if (by.length === 0) return fail('supersededNeedsBy', { ref: point });
    if (by.length > 1) return fail('supersededByWhich', { ref: point, found: names(by) });
    return one({ ...entry, superseded_by: by[0]! }, say('written.supersededBy', { later: by[0]!, ref: point }));
  }
  if (req.supersededBy === undefined) return one(entry, say('written.status', { status: statusWord(status) }));
  const later = findRecord(records, req.supersededBy);
  if (!later.ok) return fail('option', { option: '--superseded-by', reason: later.error });
  if (later.value.kind !== 'agreement') return fail('supersededByAgreement', { value: req.supersededBy });
  const laterRef = later.value.at.ref;
  const laterFile = records.meetings.find((m) => m.data === (later.value as { meeting: unknown }).meeting)!.parsed.file;
  const back: PlannedEdit = { file: laterFile, pointer: later.value.at.pointer, supersedes: refWithoutParts(w.ref) };
  return one({ ...entry, superseded_by: laterRef }, say('written.supersededBy', { later: laterRef, ref: refWithoutParts(w.ref) }), [back]);
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

/** An extension that ends before the deadline in force: said at once (one before the meeting, validate says). */
function earlierThanInForce(w: Where, to: string): Said[] {
  const next = parseDue(to);
  const current = dueInForce(w);
  const now = current !== undefined ? parseDue(current) : undefined;
  if (next?.kind !== 'dated' || now?.kind !== 'dated' || next.period.end >= now.period.end) return [];
  const ref = `${w.ref}${w.step !== undefined && !w.ref.includes('/') ? `/${w.step}` : ''}`;
  return [say('written.earlierThanInForce', { ref, to, current: current! })];
}

/** The actors of `by` who already delivered this target (same step and occurrence), with the entry's date. */
function alreadyDelivered(dir: ActorDirectory, w: Where, by: readonly string[], occurrence: string | undefined): { actor: string; date: string }[] {
  const out: { actor: string; date: string }[] = [];
  for (const actor of by) {
    const members = expandActors(dir, [actor]);
    const entry = w.prior.find((f) => {
      if (f.step !== w.step || f.occurrence !== occurrence || f.delivered_by === undefined) return false;
      const delivered = new Set(expandActors(dir, f.delivered_by));
      return members.length > 0 && members.every((m) => delivered.has(m));
    });
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
  if (words !== undefined && list.length === 0) return fail('noActorGiven', { words: JSON.stringify(words) });
  for (const word of list) {
    const ids = findActors(dir, word);
    if (ids.length === 0) {
      const near = closestMatches(word, actorWords(dir));
      return fail('noSuchActor', { word, ...(near.length ? { didYouMean: quoted(near) } : {}) });
    }
    if (ids.length > 1) return fail('severalActors', { word, ids: names(ids) });
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

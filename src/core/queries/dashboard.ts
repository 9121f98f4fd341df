// The one-screen dashboard (`acta` with no command): how many records, commitments by state, the five most overdue,
// the next five deadlines, and whether the records validate.
import type { Day } from '../dates.js';
import type { Diagnostic } from '../diagnostics.js';
import { countDiagnostics } from '../diagnostics.js';
import type { Commitment, StateSummary } from '../followup/index.js';
import { dueDay, summariseStates } from '../followup/index.js';
import type { Lang } from '../model.js';
import type { RecordSet } from '../records.js';
import { walkActivities } from '../walk.js';
import { countPoints } from './agreement-tally.js';
import { waitingPastExpected } from './followup-report.js';
import type { ActorRef, CommitmentView, LocalText, ViewContext } from './view.js';
import { actorRefs, pickText, viewCommitment } from './view.js';

/** The JSON contract of `acta dashboard` (version 1). */
export interface DashboardModel {
  readonly version: 1;
  readonly kind: 'dashboard';
  readonly lang: Lang;
  readonly asOf: Day;
  readonly secretariat?: LocalText;
  /** Meetings held by the as-of date (a record dated later is a meeting still to come, not counted here). */
  readonly meetings: number;
  /** The latest meeting held by the as-of date. */
  readonly latestMeeting?: { readonly id: string; readonly date: Day; readonly body: ActorRef };
  /** Meetings on record that start after the as-of date, and the first of them. */
  readonly scheduled: number;
  readonly nextMeeting?: { readonly id: string; readonly date: Day; readonly body: ActorRef };
  readonly agreements: number;
  readonly plans: number;
  readonly activities: number;
  readonly commitments: StateSummary;
  /** How many are overdue in all (`mostOverdue` holds the first five). */
  readonly overdue: number;
  readonly mostOverdue: readonly CommitmentView[];
  /** Waiting for a meeting whose expected period has passed, with no record of it (`acta overdue` lists them). */
  readonly waitingPastExpected: number;
  readonly nextDeadlines: readonly CommitmentView[];
  /** How many have a deadline ahead (open or upcoming with a day): the list `nextDeadlines` opens. */
  readonly ahead: number;
  readonly records: { readonly valid: boolean; readonly files: number; readonly errors: number; readonly warnings: number; readonly explained: number; readonly leftOut: number };
}

const SHOWN = 5;

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// The earliest due day first, then id (the order of `acta overdue` and the report's "due next"). Only the five shown
// become views: the dashboard of 100,000 commitments builds five, not one per commitment.
function mostPressing(list: Commitment[]): Commitment[] {
  return list.sort((a, b) => compare(dueDay(a) ?? '', dueDay(b) ?? '') || compare(a.id, b.id));
}

export function buildDashboard(records: RecordSet, diagnostics: readonly Diagnostic[], commitments: readonly Commitment[], ctx: ViewContext, asOf: Day): DashboardModel {
  const meetings = records.meetings.filter((m) => m.valid).map((m) => m.data);
  const plans = records.plans.filter((p) => p.valid).map((p) => p.data);
  // A meeting dated after the as-of date has not been held yet: it is neither counted nor "the latest" (issue 23).
  const held = meetings.filter((m) => m.dates.start <= asOf);
  const later = meetings.filter((m) => m.dates.start > asOf);
  const latest = [...held].sort((a, b) => (a.dates.start < b.dates.start ? 1 : a.dates.start > b.dates.start ? -1 : a.id < b.id ? 1 : -1))[0];
  const next = [...later].sort((a, b) => compare(a.dates.start, b.dates.start) || compare(a.id, b.id))[0];
  const overdue = mostPressing(commitments.filter((c) => c.state === 'overdue'));
  const counts = countDiagnostics(diagnostics);
  const ahead = commitments.filter((c) => (c.state === 'open' || c.state === 'upcoming') && c.daysLeft !== undefined);
  const secretariat = pickText(records.config.name, ctx.lang); // its own name, not a translation of a source
  return {
    version: 1,
    kind: 'dashboard',
    lang: ctx.lang,
    asOf,
    ...(secretariat ? { secretariat } : {}),
    meetings: held.length,
    ...(latest ? { latestMeeting: { id: latest.id, date: latest.dates.start, body: actorRefs([latest.body], ctx)[0]! } } : {}),
    scheduled: later.length,
    ...(next ? { nextMeeting: { id: next.id, date: next.dates.start, body: actorRefs([next.body], ctx)[0]! } } : {}),
    agreements: held.reduce((n, m) => n + countPoints(m), 0),
    plans: plans.length,
    activities: plans.reduce((n, p) => n + walkActivities(p).length, 0),
    commitments: summariseStates(commitments),
    overdue: overdue.length,
    mostOverdue: overdue.slice(0, SHOWN).map((c) => viewCommitment(c, ctx)),
    waitingPastExpected: waitingPastExpected(commitments, {}).length,
    nextDeadlines: mostPressing(ahead)
      .slice(0, SHOWN)
      .map((c) => viewCommitment(c, ctx)),
    ahead: ahead.length,
    records: { valid: counts.errors === 0, files: records.files.length, ...counts, leftOut: records.leftOut.length },
  };
}

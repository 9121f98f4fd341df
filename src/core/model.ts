// The record types, as the schemas define them. Readonly data; behaviour lives in functions elsewhere.

export type Lang = 'es' | 'en';
/** `authentic`: which language is the source's own, when it differs from acta.yaml's `authentic` (a text the source gives in English). */
export interface Text { readonly es?: string; readonly en?: string; readonly authentic?: Lang }
export type ActorId = string;

export type Due = string; // 2017-07-21 | 2017-08 | 2017-Q1 | 2017-H2 | 2017 | continuous | twice-a-year | tbd | asap

export interface EventDeadline {
  readonly body: string;
  readonly relation: 'before' | 'at';
  readonly expected?: Due;
}

export interface Deadline {
  readonly due?: Due;
  readonly event?: EventDeadline;
  /** Due `days` after the last day of the meeting that set it. */
  readonly within?: { readonly days: number };
  readonly from?: Due;
  readonly until?: Due;
  readonly text?: Text;
  readonly warn?: number;
}

export type Status = 'pending' | 'in-progress' | 'done' | 'partial' | 'no-information' | 'not-applicable' | 'superseded' | 'cancelled';

export interface FollowUp {
  readonly date: string;
  /** Left out only on an extension (an entry with `deadline`). */
  readonly status?: Status;
  readonly note?: Text;
  readonly delivered_by?: readonly ActorId[];
  readonly step?: number;
  readonly occurrence?: Due;
  readonly deadline?: Deadline;
  readonly decided_by?: string;
  readonly superseded_by?: string;
  readonly evidence?: { readonly document?: string; readonly record?: string; readonly url?: string };
}

export interface Note {
  readonly text: Text;
  readonly at?: string;
  readonly explains?: readonly string[];
}

export interface Source {
  readonly document: string;
  readonly title?: Text;
  readonly url?: string;
}

export type Action =
  | 'thank' | 'take-note' | 'welcome' | 'acknowledge' | 'inform' | 'reaffirm'
  | 'request' | 'entrust' | 'recommend' | 'suggest' | 'send' | 'organise' | 'convene' | 'designate'
  | 'establish' | 'consider' | 'circulate' | 'coordinate' | 'share' | 'undertake';

export const INFORMATIONAL_ACTIONS: ReadonlySet<Action> = new Set(['thank', 'take-note', 'welcome', 'acknowledge', 'inform', 'reaffirm']);

export interface Step {
  readonly task: Text;
  readonly owners?: readonly ActorId[];
  /** The source does not name who does this step: acta's reading, explained in a note. */
  readonly inferred?: boolean;
  /** A step with no date in the source (2017-06-21 #3: the TS's report after the countries' input). */
  readonly deadline?: Deadline;
}

export interface Commitment {
  readonly owners: readonly ActorId[];
  readonly task?: Text;
  readonly deadline?: Deadline;
  /** The source does not name who owes it: acta's reading, explained in a note. */
  readonly inferred?: boolean;
  readonly schedule?: readonly Step[];
}

export interface Agreement {
  readonly number: string;
  readonly printed?: string;
  readonly action?: Action;
  readonly text: Text;
  readonly actors?: readonly ActorId[];
  readonly commitment?: Commitment;
  /** A recommendation to another body (action recommend/suggest): never a commitment of that body. */
  readonly addressee?: ActorId;
  readonly items?: readonly Agreement[];
  readonly followup?: readonly FollowUp[];
  readonly supersedes?: string;
}

export interface Meeting {
  readonly record: 'meeting';
  readonly id: string;
  readonly body: string;
  /** The source's language when it is not acta.yaml's `authentic` (a report adopted in English). */
  readonly authentic?: Lang;
  readonly ordinal?: number;
  readonly session?: 'ordinary' | 'extraordinary' | 'virtual' | 'workshop';
  readonly title?: Text;
  readonly dates: { readonly start: string; readonly end?: string };
  readonly place?: { readonly city?: string; readonly country?: string; readonly virtual?: boolean };
  readonly participants?: readonly ActorId[];
  readonly observers?: readonly ActorId[];
  /** What the source says about attendance; default listed with participants, not-recorded without (core/attendance.ts). */
  readonly attendance?: AttendanceRecord;
  readonly guests?: readonly { readonly actor?: ActorId; readonly name?: string; readonly role?: Text }[];
  readonly follows?: readonly { readonly ref?: string; readonly text?: Text }[];
  readonly source: Source;
  readonly summary?: Text;
  readonly agreements: readonly Agreement[];
  readonly notes?: readonly Note[];
}

/** listed: the member countries that took part are listed; partial: some are named present, the rest unknown; not-recorded: no list. */
export type AttendanceRecord = 'listed' | 'partial' | 'not-recorded';

export type Cell = 'continuous' | 'twice-a-year' | 'H1' | 'H2' | 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'year' | 'tbd';

export interface Activity {
  readonly number: string;
  readonly printed?: string;
  readonly text: Text;
  readonly responsible?: readonly ActorId[];
  /** Parts that are acta's reading: an inferred schedule is tentative (never overdue unless inferred_periods: due). */
  readonly inferred?: readonly ('schedule' | 'responsible')[];
  readonly schedule?: Readonly<Record<string, Cell>>;
  readonly followup?: readonly FollowUp[];
}

export interface Result { readonly number: string; readonly printed?: string; readonly text?: Text; readonly activities: readonly Activity[] }
export interface Objective { readonly number: string; readonly printed?: string; readonly text?: Text; readonly results: readonly Result[] }
export interface Axis { readonly number: string; readonly title: Text; readonly objective?: Text; readonly objectives: readonly Objective[] }

export interface Plan {
  readonly record: 'plan';
  readonly id: string;
  readonly body: string;
  readonly title: Text;
  readonly period: { readonly start: string; readonly end: string };
  readonly objective?: Text;
  readonly columns: readonly string[];
  /** proposed: the source is a proposal; adopted: a source records its adoption. Undefined: not known. */
  readonly stage?: 'proposed' | 'adopted';
  /** Fields that are acta's reading, not the source's statement. */
  readonly inferred?: readonly ('columns' | 'entrusted_by')[];
  readonly entrusted_by?: string;
  readonly source: Source;
  readonly axes: readonly Axis[];
  readonly notes?: readonly Note[];
}

export interface Country { readonly code: string; readonly name: Text; readonly member?: boolean; readonly aliases?: readonly string[]; readonly lang?: Lang }
export interface Organisation { readonly id: string; readonly acronym?: Text; readonly name: Text; readonly aliases?: readonly string[]; readonly acronym_coined?: boolean; readonly country?: string; readonly note?: Text; readonly lang?: Lang }
export interface Body {
  readonly id: string;
  readonly type: 'organ' | 'network' | 'group';
  readonly acronym?: Text;
  readonly name: Text;
  readonly aliases?: readonly string[];
  /** The acronym is acta's own short label, found in no source. */
  readonly acronym_coined?: boolean;
  readonly reports_to?: string;
  readonly became?: string;
  readonly note?: Text;
}
/** One source of a group's membership: the members it supports and where it says so. */
export interface MembershipSource { readonly members: readonly ActorId[]; readonly document?: string; readonly url?: string; readonly as_of?: string; readonly note?: Text }
export interface Group { readonly id: string; readonly name: Text; readonly members: readonly ActorId[]; readonly membership?: readonly MembershipSource[] }

export interface Registries {
  readonly countries: readonly Country[];
  readonly organisations: readonly Organisation[];
  readonly bodies: readonly Body[];
  readonly groups: readonly Group[];
}

export interface Config {
  /** The folder that holds the records, when this acta.yaml only points there. */
  readonly records?: string;
  readonly name?: Text;
  readonly lang?: Lang;
  /** The language of the source documents: text in it is authentic, text in the other language an unofficial translation. */
  readonly authentic?: Lang;
  readonly warn_days?: number;
  /** Inferred work-plan periods: tentative (default, never overdue unless the plan is adopted) or due. */
  readonly inferred_periods?: 'tentative' | 'due';
}

// The shapes of the semantic diff, shared by diff.ts and the modules that compare parts, fields, texts and
// follow-up entries (they import these types from here, never from diff.ts, so the diff has no import circle).
import type { Diagnostic } from '../diagnostics.js';
import type { Status } from '../model.js';
import type { WordPart } from '../word-diff.js';

export interface DeadlineWhen {
  readonly due?: string;
  readonly from?: string;
  readonly until?: string;
  readonly event?: { readonly body?: string; readonly relation?: string };
  readonly within?: number;
}

export type ChangeKind =
  | 'record-added'
  | 'record-removed'
  | 'record-moved'
  | 'file-unreadable'
  | 'field-changed'
  | 'part-added'
  | 'part-removed'
  | 'part-renumbered'
  | 'part-changed'
  | 'text-edited'
  | 'translation-added'
  | 'translation-edited'
  | 'followup-added'
  | 'followup-changed'
  | 'followup-removed'
  | 'deadline-moved'
  | 'entry-added'
  | 'entry-removed'
  | 'entry-changed';

/** file: a file that cannot be read as a record at head. */
export type RecordKindName = 'meeting' | 'plan' | 'registry' | 'config' | 'file';
/** agreement (MEETING#2.b), activity (PLAN#1/I/1/1.1), axis, objective or result of a plan, entry of a registry. */
export type PartKind = 'agreement' | 'activity' | 'axis' | 'objective' | 'result' | 'entry';

export interface Change {
  readonly kind: ChangeKind;
  readonly flagged: boolean;
  /** The file at head (at base for a removed record). */
  readonly file: string;
  readonly recordKind: RecordKindName;
  /** Meeting or plan id, registry kind, or acta.yaml. */
  readonly record: string;
  readonly partKind?: PartKind;
  /** 6, 2.b, 1/I/1/1.1, an actor id. */
  readonly part?: string;
  /** The field within the record or part, dotted: dates.start, text.es, commitment.schedule.2.deadline, schedule.2018. */
  readonly field?: string;
  readonly before?: unknown;
  readonly after?: unknown;
  /** For lists of codes: what was added and removed. */
  readonly added?: readonly unknown[];
  readonly removed?: readonly unknown[];
  /** For edited texts: the words that changed. */
  readonly words?: readonly WordPart[];
  /** For follow-up entries: the stored status before and after (undefined: none recorded). */
  readonly status?: { readonly before?: Status; readonly after?: Status };
  /** For a follow-up entry that sets a new deadline: the deadline it replaces and the new one. */
  readonly deadline?: { readonly before?: DeadlineWhen; readonly after?: DeadlineWhen };
  /** Schedule step (1-based) a follow-up entry or deadline belongs to. */
  readonly step?: number;
  /** The occurrence (2017-H1, 2019) of a recurring commitment a follow-up entry closes or reports on. */
  readonly occurrence?: string;
  /** file-unreadable: the revision (its label) at which the file could not be read. */
  readonly revision?: string;
  /** A short description: "12 agreements", a follow-up entry's date; file-unreadable: the code of the first problem. */
  readonly summary?: string;
  /** record-added, record-removed: the record's size as counts (`summary` says it in English words, for tools). */
  readonly size?: { readonly agreements?: number; readonly axes?: number; readonly activities?: number };
  /** file-unreadable: the first problem that keeps the file from being read (its code and parameters). */
  readonly problem?: Pick<Diagnostic, 'code' | 'variant' | 'params'>;
}

export interface DiffSide {
  readonly label: string;
  readonly commit?: string;
}

/** The JSON contract of `acta diff --format json` (version 1). */
export interface DiffResult {
  readonly version: 1;
  readonly base: DiffSide;
  readonly head: DiffSide;
  readonly changes: readonly Change[];
  readonly counts: { readonly changes: number; readonly flagged: number; readonly records: number };
}

export type ChangeDraft = Omit<Change, 'flagged' | 'file' | 'recordKind' | 'record'>;

/** Where a record's changes are reported. */
export interface RecordAt {
  readonly file: string;
  readonly recordKind: RecordKindName;
  readonly record: string;
}

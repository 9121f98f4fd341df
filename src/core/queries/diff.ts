// The semantic diff of two record sets (a git revision and the working tree, or two revisions): what changed,
// record by record, in the records' own terms — and which changes a reviewer must look at (flagged).
import type { Diagnostic as DiagnosticType } from '../diagnostics.js';
import { deepEqual } from '../deep-equal.js';
import type { Status } from '../model.js';
import type { ParsedFile } from '../parse.js';
import type { RecordSet } from '../records.js';
import { kindOf, parseErrorOf } from '../records.js';
import { REGISTRY_KINDS, registryKey } from '../schema.js';
import type { WordPart } from '../word-diff.js';
import { compareFields } from './diff-fields.js';
import { diffMeetingRecords, diffPlanRecords } from './diff-parts.js';
import type { DeadlineWhen } from './diff-values.js';
import { asObject, asString, describeRecord } from './diff-values.js';

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

/** The changes a reviewer must look at: they rewrite what was adopted or what was recorded as follow-up. */
export const FLAGGED_KINDS: ReadonlySet<ChangeKind> = new Set(['record-removed', 'file-unreadable', 'part-removed', 'text-edited', 'followup-changed', 'followup-removed', 'deadline-moved']);

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
  /** A short description: "12 agreements", a follow-up entry's date; file-unreadable: the first problem. */
  readonly summary?: string;
  /** file-unreadable: the first problem that keeps the file from being read (its code and parameters). */
  readonly problem?: Pick<DiagnosticType, 'code' | 'variant' | 'params'>;
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

export function finishChange(at: RecordAt, draft: ChangeDraft): Change {
  return { ...draft, ...at, flagged: FLAGGED_KINDS.has(draft.kind) };
}

/** `changed`: the files whose bytes differ between the two sides (from the io layer); without it, decoded texts are compared. */
export function diffRecordSets(base: RecordSet, head: RecordSet, sides: { base: DiffSide; head: DiffSide }, changed?: ReadonlySet<string>): DiffResult {
  const changes: Change[] = [
    ...unreadableFiles(base, head, sides, changed),
    ...diffById('meeting', base.meetings, head.meetings, diffMeetingRecords, head.config.authentic),
    ...diffById('plan', base.plans, head.plans, diffPlanRecords, head.config.authentic),
    ...diffRegistries(base, head),
    ...diffConfig(base, head),
  ];
  changes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const records = new Set(changes.map((c) => `${c.recordKind}:${c.record}`)).size;
  return { version: 1, ...sides, changes, counts: { changes: changes.length, flagged: changes.filter((c) => c.flagged).length, records } };
}

interface Loadedish {
  readonly data: unknown;
  readonly parsed: ParsedFile;
}

type PartsDiffer = (at: RecordAt, before: Record<string, unknown>, after: Record<string, unknown>, authentic?: string) => ChangeDraft[];

function diffById(kind: 'meeting' | 'plan', base: readonly Loadedish[], head: readonly Loadedish[], differ: PartsDiffer, authentic: string | undefined): Change[] {
  const byId = (list: readonly Loadedish[]): Map<string, Loadedish> => new Map(list.map((r) => [asString(asObject(r.data).id) ?? r.parsed.file, r]));
  const before = byId(base);
  const after = byId(head);
  const out: Change[] = [];
  for (const [id, b] of before) {
    const a = after.get(id);
    if (!a) {
      out.push(finishChange({ file: b.parsed.file, recordKind: kind, record: id }, { kind: 'record-removed', summary: describeRecord(kind, b.data) }));
      continue;
    }
    const at: RecordAt = { file: a.parsed.file, recordKind: kind, record: id };
    if (a.parsed.file !== b.parsed.file) out.push(finishChange(at, { kind: 'record-moved', before: b.parsed.file, after: a.parsed.file }));
    out.push(...differ(at, asObject(b.data), asObject(a.data), authentic).map((d) => finishChange(at, d)));
  }
  for (const [id, a] of after) {
    if (!before.has(id)) out.push(finishChange({ file: a.parsed.file, recordKind: kind, record: id }, { kind: 'record-added', summary: describeRecord(kind, a.data) }));
  }
  return out;
}

// A file that cannot be read as a record is never invisible: it shows when it stops parsing, and when its bytes
// change while it cannot be parsed (at either side). A file that no longer parses also shows its records as removed.
function unreadableFiles(base: RecordSet, head: RecordSet, sides: { base: DiffSide; head: DiffSide }, changed: ReadonlySet<string> | undefined): Change[] {
  const broken = (set: RecordSet): Map<string, ParsedFile> => new Map(set.files.filter((f) => f.data === undefined || parseErrorOf(f)).map((f) => [f.file, f]));
  const before = broken(base);
  const after = broken(head);
  const texts = (set: RecordSet): Map<string, string> => new Map(set.files.map((f) => [f.file, f.text]));
  const [textBefore, textAfter] = [texts(base), texts(head)];
  const differs = (file: string): boolean => (changed ? changed.has(file) : textBefore.get(file) !== textAfter.get(file));
  const out: Change[] = [];
  for (const file of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = after.get(file);
    const b = before.get(file);
    const [f, side] = a ? [a, sides.head] : [b!, sides.base];
    if ((a && !b) || differs(file)) {
      out.push(finishChange({ file, recordKind: 'file', record: file }, { kind: 'file-unreadable', revision: side.label, ...firstProblem(f) }));
    }
  }
  return out;
}

// The code as the summary (a word for tools), the problem itself for the sentence in the reader's language.
function firstProblem(f: ParsedFile): { summary: string; problem?: Pick<DiagnosticType, 'code' | 'variant' | 'params'> } {
  const d = parseErrorOf(f) ?? f.diagnostics[0];
  return d ? { summary: d.code, problem: { code: d.code, ...(d.variant ? { variant: d.variant } : {}), params: d.params } } : { summary: 'file/unreadable' };
}

function diffRegistries(base: RecordSet, head: RecordSet): Change[] {
  const out: Change[] = [];
  for (const kind of REGISTRY_KINDS) {
    const key = registryKey(kind);
    const entries = (set: RecordSet): Map<string, { file: string; entry: Record<string, unknown> }> => {
      const map = new Map<string, { file: string; entry: Record<string, unknown> }>();
      for (const f of set.registryFiles.filter((r) => r.kind === kind)) {
        const list = asObject(f.parsed.data)[kind];
        if (Array.isArray(list)) for (const entry of list.map(asObject)) map.set(asString(entry[key]) ?? '', { file: f.parsed.file, entry });
      }
      return map;
    };
    const before = entries(base);
    const after = entries(head);
    const at = (file: string): RecordAt => ({ file, recordKind: 'registry', record: kind });
    for (const [id, b] of before) {
      const a = after.get(id);
      if (!a) out.push(finishChange(at(b.file), { kind: 'entry-removed', partKind: 'entry', part: id, before: b.entry }));
      else for (const f of compareFields('', b.entry, a.entry)) out.push(finishChange(at(a.file), { ...f, kind: 'entry-changed', partKind: 'entry', part: id }));
    }
    for (const [id, a] of after) if (!before.has(id)) out.push(finishChange(at(a.file), { kind: 'entry-added', partKind: 'entry', part: id, after: a.entry }));
  }
  return out;
}

function diffConfig(base: RecordSet, head: RecordSet): Change[] {
  const b = base.files.find((f) => kindOf(f) === 'config');
  const a = head.files.find((f) => kindOf(f) === 'config');
  if (!a || !b || deepEqual(a.data, b.data)) return [];
  return compareFields('', asObject(b.data), asObject(a.data)).map((f) => finishChange({ file: a.file, recordKind: 'config', record: a.file }, f));
}

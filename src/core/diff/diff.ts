// The semantic diff of two record sets (a git revision and the working tree, or two revisions): what changed,
// record by record, in the records' own terms — and which changes a reviewer must look at (flagged).
import type { Diagnostic as DiagnosticType } from '../diagnostics.js';
import { deepEqual } from '../deep-equal.js';
import type { ParsedFile } from '../read/index.js';
import type { RecordSet } from '../records.js';
import { kindOf, parseErrorOf } from '../records.js';
import { REGISTRY_KINDS, registryKey } from '../schema.js';
import { compareFields } from './fields.js';
import { diffMeetingRecords, diffPlanRecords } from './parts.js';
import type { Change, ChangeDraft, ChangeKind, DiffResult, DiffSide, RecordAt } from './types.js';
import { asObject, asString, describeRecord } from './values.js';

/** The changes a reviewer must look at: they rewrite what was adopted or what was recorded as follow-up. */
export const FLAGGED_KINDS: ReadonlySet<ChangeKind> = new Set(['record-removed', 'file-unreadable', 'part-removed', 'text-edited', 'followup-changed', 'followup-removed', 'deadline-moved']);

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
      out.push(finishChange({ file: b.parsed.file, recordKind: kind, record: id }, { kind: 'record-removed', ...describeRecord(kind, b.data) }));
      continue;
    }
    const at: RecordAt = { file: a.parsed.file, recordKind: kind, record: id };
    if (a.parsed.file !== b.parsed.file) out.push(finishChange(at, { kind: 'record-moved', before: b.parsed.file, after: a.parsed.file }));
    out.push(...differ(at, asObject(b.data), asObject(a.data), authentic).map((d) => finishChange(at, d)));
  }
  for (const [id, a] of after) {
    if (!before.has(id)) out.push(finishChange({ file: a.parsed.file, recordKind: kind, record: id }, { kind: 'record-added', ...describeRecord(kind, a.data) }));
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

// One sentence per change of a semantic diff, in the catalog's language (locales/<lang>/diff.yaml): "agreement 6 of the
// 2017-03-16-red-nna meeting: status pending → done". Plain strings; the formatters escape them for their medium.
import type { Lang } from '../core/model.js';
import type { Change } from '../core/diff/types.js';
import type { DeadlineWhen } from '../core/diff/types.js';
import type { MessageKey } from './catalog.js';
import { message, t } from './catalog.js';
import { diagnosticText } from './diagnostic-text.js';
import { labelText } from './diff-layout.js';

export interface Phrase {
  /** Where: "agreement 6 of the 2017-03-16-red-nna meeting". */
  readonly subject: string;
  /** What, after the subject. */
  readonly text: string;
}

const PART_KINDS = new Set(['agreement', 'activity', 'axis', 'objective', 'result', 'entry']);

// The record a change is in, as the catalog's `kind` select reads it: meeting, plan, registry, or its file (other).
const recordParams = (c: Change): { kind: string; id: string } =>
  c.recordKind === 'meeting' || c.recordKind === 'plan' || c.recordKind === 'registry' ? { kind: c.recordKind, id: c.record ?? '' } : { kind: 'file', id: c.file };

export function subjectOf(c: Change, lang: Lang): string {
  if (c.part === undefined) return t(lang, 'diff.record', recordParams(c));
  if (c.recordKind === 'registry') return `${c.record}: ${c.part}`;
  const partKind = c.partKind ?? 'entry';
  const part = t(lang, PART_KINDS.has(partKind) ? (`diff.parts.${partKind}` as MessageKey) : 'diff.parts.part');
  const step = c.step !== undefined && !c.field?.startsWith('commitment.schedule') ? t(lang, 'diff.step', { step: c.step }) : '';
  const occurrence = c.occurrence !== undefined ? t(lang, 'diff.occurrence', { occurrence: c.occurrence }) : '';
  return t(lang, 'diff.subject', { part, number: c.part, ...recordParams(c), step, occurrence });
}

export function statusName(s: string | undefined, lang: Lang): string {
  if (s === undefined) return t(lang, 'diff.none');
  return message(lang, `diff.status.${s}`) ?? s;
}

export function deadlineName(d: DeadlineWhen | undefined, lang: Lang): string {
  if (!d) return t(lang, 'diff.none');
  if (d.due !== undefined) return d.from || d.until ? `${d.due} (${d.from ?? '…'}–${d.until ?? '…'})` : d.due;
  if (d.within !== undefined) return t(lang, 'diff.within', { days: d.within });
  return t(lang, 'diff.nextMeeting', { relation: d.event?.relation ?? 'at', body: d.event?.body ?? '?' });
}

/** A value in one short line: scalars as they are, lists as [a, b], mappings as {k: v}. */
export function valueName(v: unknown, max = 80): string {
  const s = typeof v === 'string' ? v : v === undefined ? '∅' : compact(v);
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

function compact(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(compact).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}: ${compact(x)}`).join(', ')}}`;
  return String(v);
}

function langOf(field: string | undefined, lang: Lang): string {
  return t(lang, 'diff.language', { code: field?.split('.').pop() ?? '' });
}

function fieldChange(c: Change, lang: Lang): string {
  const field = c.field ?? '';
  if ((c.added || c.removed) && [...(c.added ?? []), ...(c.removed ?? [])].some((x) => x !== null && typeof x === 'object')) {
    return t(lang, 'diff.entriesChanged', { field, added: c.added?.length ?? 0, removed: c.removed?.length ?? 0 });
  }
  if (c.added || c.removed) {
    const parts = [...(c.added ?? []).map((x) => `+${valueName(x, 40)}`), ...(c.removed ?? []).map((x) => `−${valueName(x, 40)}`)];
    return parts.length ? `${field} ${parts.join(' ')}` : t(lang, 'diff.reordered', { field });
  }
  if (c.words) return t(lang, 'diff.edited', { field });
  if (c.before === undefined) return t(lang, 'diff.set', { field, value: valueName(c.after) });
  if (c.after === undefined) return t(lang, 'diff.unset', { field, value: valueName(c.before) });
  return `${field} ${valueName(c.before)} → ${valueName(c.after)}`;
}

export function phrase(c: Change, lang: Lang): Phrase {
  return { subject: subjectOf(c, lang), text: changeText(c, lang) };
}

// A record's size in the reader's words ("4 acuerdos", "2 ejes, 5 actividades"); the English summary without counts.
function sizeText(c: Change, lang: Lang): string {
  const size = c.size;
  if (size?.agreements !== undefined) return t(lang, 'diff.sizeMeeting', { agreements: size.agreements });
  if (size?.axes !== undefined) return t(lang, 'diff.sizePlan', { axes: size.axes, activities: size.activities ?? 0 });
  return c.summary ?? '';
}

function changeText(c: Change, lang: Lang): string {
  const date = c.summary ?? '';
  const kind = recordParams(c).kind;
  switch (c.kind) {
    case 'record-added':
      return t(lang, 'diff.recordAdded', { kind, summary: sizeText(c, lang) });
    case 'record-removed':
      return t(lang, 'diff.recordRemoved', { kind, summary: sizeText(c, lang) });
    case 'record-moved':
      return t(lang, 'diff.recordMoved', { kind, from: valueName(c.before), to: valueName(c.after) });
    case 'file-unreadable':
      {
      const reason = c.problem ? diagnosticText(c.problem, lang).message : date;
      return c.revision === undefined ? t(lang, 'diff.unreadable', { reason }) : t(lang, 'diff.unreadableAt', { revision: labelText(c.revision, lang), reason });
    }
    case 'part-added':
    case 'entry-added':
      return t(lang, 'diff.added');
    case 'part-removed':
    case 'entry-removed':
      return t(lang, 'diff.removed');
    case 'part-renumbered':
      return t(lang, 'diff.renumbered', { from: valueName(c.before), to: valueName(c.after) });
    case 'text-edited':
      return t(lang, c.after === undefined ? 'diff.textRemoved' : 'diff.textEdited', { language: langOf(c.field, lang) });
    case 'translation-added':
      return t(lang, 'diff.translationAdded', { language: langOf(c.field, lang) });
    case 'translation-edited':
      return t(lang, 'diff.translationEdited', { language: langOf(c.field, lang) });
    case 'followup-added':
      return followupAdded(c, lang, date);
    case 'followup-changed':
      return c.status?.before !== c.status?.after
        ? t(lang, 'diff.followupChangedStatus', { date, from: statusName(c.status?.before, lang), to: statusName(c.status?.after, lang) })
        : t(lang, 'diff.followupChanged', { date });
    case 'followup-removed':
      return t(lang, 'diff.followupRemoved', { date });
    case 'deadline-moved':
      return deadlineMoved(c, lang);
    default:
      return fieldChange(c, lang);
  }
}

function followupAdded(c: Change, lang: Lang, date: string): string {
  const parts: string[] = [];
  if (!c.status) {
    // An extension without a status: only the deadline changed.
  } else if (c.status.before !== c.status.after) parts.push(t(lang, 'diff.statusChange', { from: statusName(c.status?.before, lang), to: statusName(c.status?.after, lang) }));
  else parts.push(t(lang, 'diff.followupAdded', { status: statusName(c.status?.after, lang) }));
  const entry = c.after !== null && typeof c.after === 'object' ? (c.after as { delivered_by?: unknown; evidence?: unknown }) : {};
  if (Array.isArray(entry.delivered_by) && entry.delivered_by.length) parts.push(t(lang, 'diff.deliveredBy', { actors: entry.delivered_by.map(String).join(', ') }));
  const evidence = evidenceName(entry.evidence);
  if (evidence) parts.push(t(lang, 'diff.evidence', { evidence }));
  if (c.deadline) parts.push(t(lang, 'diff.deadlineExtended', { from: deadlineName(c.deadline.before, lang), to: deadlineName(c.deadline.after, lang) }));
  return `${parts.join('; ')} ${t(lang, 'diff.ofFollowup', { date })}`;
}

// The evidence of a follow-up entry: its link, record or document, in that order, as written.
function evidenceName(evidence: unknown): string | undefined {
  if (evidence === null || typeof evidence !== 'object') return undefined;
  const e = evidence as { url?: unknown; record?: unknown; document?: unknown };
  const parts = [e.url, e.record, e.document].filter((x): x is string => typeof x === 'string' && x !== '');
  return parts.length ? parts.map((x) => valueName(x)).join(', ') : undefined;
}

function deadlineMoved(c: Change, lang: Lang): string {
  const schedule = c.field?.startsWith('schedule.');
  const where = schedule ? t(lang, 'diff.whereSchedule', { cell: c.field!.slice(9) }) : c.step !== undefined ? t(lang, 'diff.whereStep', { step: c.step }) : t(lang, 'diff.whereDeadline');
  const name = (v: unknown): string => (schedule ? valueName(v) : deadlineName(v as DeadlineWhen | undefined, lang));
  if (c.after === undefined) return t(lang, 'diff.deadlineRemoved', { where, value: name(c.before) });
  return t(lang, 'diff.deadlineMoved', { where, from: name(c.before), to: name(c.after) });
}

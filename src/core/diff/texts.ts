// Adopted text, deadlines and plan schedule cells: the parts of a record that are not edited later.
import { deepEqual } from '../deep-equal.js';
import { diffWords } from '../word-diff.js';
import type { ChangeDraft } from './types.js';
import { compareFields, compareValues } from './fields.js';
import { asObject, asString, deadlineWhen } from './values.js';

/** An edited or removed language of an adopted text is flagged; a translation added beside it, or edited, is not.
 * The authentic language is the text's own `authentic`, else `authentic` (acta.yaml); without either, every
 * language counts as adopted text. */
export function compareText(field: string, before: unknown, after: unknown, authentic?: string): ChangeDraft[] {
  if (deepEqual(before, after)) return [];
  const isText = (v: unknown): boolean => v === undefined || (v !== null && typeof v === 'object' && !Array.isArray(v));
  if (!isText(before) || !isText(after)) return [{ ...compareValues(field, before, after), kind: 'text-edited' }];
  const b = asObject(before);
  const a = asObject(after);
  const out: ChangeDraft[] = [];
  const source = asString(a.authentic) ?? asString(b.authentic) ?? authentic;
  for (const lang of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
    const was = b[lang];
    const now = a[lang];
    if (deepEqual(was, now)) continue;
    if (source !== undefined && lang !== source && lang !== 'authentic' && typeof was === 'string' && typeof now === 'string') out.push({ kind: 'translation-edited', field: `${field}.${lang}`, before: was, after: now, words: diffWords(was, now) });
    else if (was === undefined) out.push({ kind: 'translation-added', field: `${field}.${lang}`, after: now });
    else if (typeof was === 'string' && typeof now === 'string') out.push({ kind: 'text-edited', field: `${field}.${lang}`, before: was, after: now, words: diffWords(was, now) });
    else out.push({ kind: 'text-edited', field: `${field}.${lang}`, before: was, ...(now === undefined ? {} : { after: now }) });
  }
  return out;
}

/** A deadline moved or dropped in place is flagged (a new deadline belongs in a follow-up entry); its wording is not. */
export function compareDeadline(field: string, before: unknown, after: unknown): ChangeDraft[] {
  if (deepEqual(before, after)) return [];
  const was = deadlineWhen(before);
  const now = deadlineWhen(after);
  const out: ChangeDraft[] = [];
  if (!deepEqual(was, now)) {
    if (was === undefined) out.push({ kind: 'part-changed', field, after: now });
    else out.push({ kind: 'deadline-moved', field, before: was, ...(now ? { after: now } : {}) });
  }
  const rest = compareFields(field, asObject(before), asObject(after), new Set(['due', 'event', 'from', 'until']));
  return [...out, ...rest.map((d) => ({ ...d, kind: 'part-changed' as const }))];
}

/** A plan's schedule cell changed or emptied is a deadline moved; a cell filled in is not. */
export function compareSchedule(before: Record<string, unknown>, after: Record<string, unknown>): ChangeDraft[] {
  const out: ChangeDraft[] = [];
  for (const column of [...new Set([...Object.keys(before), ...Object.keys(after)])]) {
    const was = before[column];
    const now = after[column];
    if (deepEqual(was, now)) continue;
    const field = `schedule.${column}`;
    if (was === undefined) out.push({ kind: 'part-changed', field, after: now });
    else out.push({ kind: 'deadline-moved', field, before: was, ...(now === undefined ? {} : { after: now }) });
  }
  return out;
}

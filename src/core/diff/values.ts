// Reading record data defensively for the diff: a record that fails its schema is still compared, shape by shape.
import type { DeadlineWhen } from './types.js';

export function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

export function isScalar(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

/** "12 agreements", "5 axes, 40 activities". */
/** A record's size, as counts (the words are the reader's language's: render/diff-phrases.ts). */
export interface RecordSize { readonly agreements?: number; readonly axes?: number; readonly activities?: number }

export function describeRecord(kind: 'meeting' | 'plan', data: unknown): { summary: string; size: RecordSize } {
  const record = asObject(data);
  if (kind === 'meeting') {
    const n = asArray(record.agreements).length;
    return { summary: `${n} agreement${n === 1 ? '' : 's'}`, size: { agreements: n } };
  }
  const axes = asArray(record.axes);
  let activities = 0;
  for (const axis of axes) for (const o of asArray(asObject(axis).objectives)) for (const r of asArray(asObject(o).results)) activities += asArray(asObject(r).activities).length;
  return { summary: `${axes.length} ax${axes.length === 1 ? 'is' : 'es'}, ${activities} activit${activities === 1 ? 'y' : 'ies'}`, size: { axes: axes.length, activities } };
}

/** The "when" of a deadline, as stored — due (and its range), or the event it hangs on — without wording or warning window. */
export function deadlineWhen(value: unknown): DeadlineWhen | undefined {
  const d = asObject(value);
  const due = asString(d.due);
  const event = asObject(d.event);
  const within = asObject(d.within).days;
  if (typeof within === 'number') return { within };
  if (due === undefined && Object.keys(event).length === 0) return undefined;
  const range = { ...(asString(d.from) ? { from: asString(d.from) } : {}), ...(asString(d.until) ? { until: asString(d.until) } : {}) };
  if (due !== undefined) return { due, ...range };
  return { event: { body: asString(event.body), relation: asString(event.relation) } };
}

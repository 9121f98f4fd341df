// Field-by-field comparison of two mappings: nested mappings are followed down to the field that changed.
import { deepEqual } from '../deep-equal.js';
import { diffWords } from '../word-diff.js';
import type { ChangeDraft } from './types.js';
import { asObject } from './values.js';

const LONG_TEXT = 60;

export function compareFields(prefix: string, before: Record<string, unknown>, after: Record<string, unknown>, skip: ReadonlySet<string> = new Set()): ChangeDraft[] {
  const out: ChangeDraft[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const key of keys) {
    if (skip.has(key)) continue;
    const b = before[key];
    const a = after[key];
    if (deepEqual(b, a)) continue;
    const field = prefix ? `${prefix}.${key}` : key;
    if (isMapping(b) && isMapping(a)) out.push(...compareFields(field, asObject(b), asObject(a)));
    else out.push(compareValues(field, b, a));
  }
  return out;
}

/** One changed value: lists say which items were added and removed; long texts carry a word diff. */
export function compareValues(field: string, before: unknown, after: unknown): ChangeDraft {
  const draft: ChangeDraft = { kind: 'field-changed', field, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) };
  if (Array.isArray(before) && Array.isArray(after)) {
    const added = after.filter((x) => !before.some((y) => deepEqual(x, y)));
    const removed = before.filter((x) => !after.some((y) => deepEqual(x, y)));
    return { ...draft, added, removed };
  }
  if (typeof before === 'string' && typeof after === 'string' && Math.max(before.length, after.length) > LONG_TEXT) return { ...draft, words: diffWords(before, after) };
  return draft;
}

function isMapping(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// Which records refer to which: the ids a record file defines, and whether a record mentions any of them
// (for `acta validate --changed-since`: a changed record is checked with every record that refers to it).
import { REGISTRY_KINDS, registryKey } from './schema.js';

/** The ids a record file defines: its meeting or plan id, or the ids and codes of its registry entries. */
export function definedIds(data: unknown): string[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const record = data as Record<string, unknown>;
  const out: string[] = [];
  if ((record.record === 'meeting' || record.record === 'plan') && typeof record.id === 'string') out.push(record.id);
  for (const kind of REGISTRY_KINDS) {
    const list = record[kind];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const e = entry as Record<string, unknown> | null;
      const id = e && typeof e === 'object' ? e[registryKey(kind)] : undefined;
      if (typeof id === 'string') out.push(id);
    }
  }
  return out;
}

/** True when some string in the data is one of the ids, or names a part of one (ID#…). */
export function mentionsAny(data: unknown, ids: ReadonlySet<string>): boolean {
  if (ids.size === 0) return false;
  const stack: unknown[] = [data];
  while (stack.length) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (ids.has(value) || ids.has(value.split('#')[0]!)) return true;
    } else if (Array.isArray(value)) for (const v of value as unknown[]) stack.push(v);
    else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) stack.push(v);
  }
  return false;
}

// A record file in a few words: what kind of record the pipeline takes it for, the ids it defines, the strings that
// could name an id, and the meetings its points supersede. Small enough to keep per file content (io/refs-cache.ts),
// so `validate --changed-since` finds who refers to what without parsing the files that did not change.
import type { ParsedFile } from './read/index.js';
import { kindOf, parseErrorOf } from './records.js';
import { definedIds } from './references.js';
import { REGISTRY_KINDS } from './schema.js';

export interface FileRefs {
  /** What the pipeline makes of the file: a meeting or plan (counted by id even when it fails its schema), a
   * registry, the configuration, or nothing (a parse error, an unknown kind, a nested acta.yaml). */
  readonly kind: 'meeting' | 'plan' | 'registry' | 'config' | 'none';
  /** A registry's own kind (countries, groups…): a file that turns from one into another changes which kinds of
   * reference are checked, and which registry is missing. */
  readonly registryKind?: string;
  /** The record's id (meeting, plan), when it is a string. */
  readonly id?: string;
  /** Ids it defines: its record id, or the ids and codes of its registry entries. */
  readonly defines: readonly string[];
  /** Every string of its data that could be an id (no white space, at most MAX_ID_LENGTH), and the part of any
   * string before a `#` (MEETING#2.b names MEETING). */
  readonly mentions: readonly string[];
  /** Meetings named by its points' `supersedes`: a ring of supersession is checked across them. */
  readonly supersedes: readonly string[];
  /** A meeting's points (MEETING#2.b), so the records that name them resolve without reading it. */
  readonly parts: readonly string[];
}

/** Longer ids (or ids with white space) are not in `mentions`: a caller asking about one must read the files. */
export const MAX_ID_LENGTH = 200;

export function isIndexableId(id: string): boolean {
  return id.length <= MAX_ID_LENGTH && !/\s/.test(id);
}

export function fileRefs(parsed: ParsedFile): FileRefs {
  const kind = refKind(parsed);
  const data = parsed.data;
  const record = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const id = (kind === 'meeting' || kind === 'plan') && typeof record.id === 'string' ? record.id : undefined;
  const points = kind === 'meeting' ? pointsOf(record.agreements) : [];
  const registryKind = kind === 'registry' ? kindOf(parsed) : undefined;
  return {
    kind,
    ...(registryKind !== undefined ? { registryKind } : {}),
    ...(id !== undefined ? { id } : {}),
    defines: definedIds(data),
    mentions: mentionsOf(data),
    supersedes: [...new Set(points.flatMap((p) => (typeof p.point.supersedes === 'string' ? [p.point.supersedes.split('#')[0]!] : [])))],
    parts: id !== undefined ? points.map((p) => `${id}#${p.key}`) : [],
  };
}

function refKind(parsed: ParsedFile): FileRefs['kind'] {
  if (parseErrorOf(parsed) || parsed.data === undefined) return 'none';
  const kind = kindOf(parsed);
  if (kind === undefined) return 'none';
  if (kind === 'meeting' || kind === 'plan' || kind === 'config') return kind;
  return (REGISTRY_KINDS as readonly string[]).includes(kind) ? 'registry' : 'none';
}

function mentionsOf(data: unknown): string[] {
  const out = new Set<string>();
  const stack: unknown[] = [data];
  while (stack.length) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (isIndexableId(value)) out.add(value);
      const hash = value.indexOf('#');
      if (hash >= 0 && isIndexableId(value.slice(0, hash))) out.add(value.slice(0, hash));
    } else if (Array.isArray(value)) for (const v of value as unknown[]) stack.push(v);
    else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) stack.push(v);
  }
  return [...out];
}

interface Point { readonly supersedes?: unknown; readonly items?: unknown; readonly number?: unknown }

// Points and their sub-points with their keys (2, 2.b), as walkAgreements finds them, on data that may not have
// passed its schema.
function pointsOf(agreements: unknown): { key: string; point: Point }[] {
  const out: { key: string; point: Point }[] = [];
  const stack: { list: unknown; prefix: string }[] = [{ list: agreements, prefix: '' }];
  while (stack.length) {
    const { list, prefix } = stack.pop()!;
    if (!Array.isArray(list)) continue;
    for (const a of list as unknown[]) {
      if (a === null || typeof a !== 'object') continue;
      const point = a as Point;
      const key = prefix ? `${prefix}.${String(point.number)}` : String(point.number);
      out.push({ key, point });
      stack.push({ list: point.items, prefix: key });
    }
  }
  return out;
}

/** Whether a file's summary mentions one of these ids: `mentionsAny` of core/references.ts for ids that are indexable. */
export function refsMention(refs: FileRefs, ids: ReadonlySet<string>): boolean {
  return refs.mentions.some((m) => ids.has(m));
}

// What `validate --changed-since` must read, decided from file summaries (reference-index.ts) alone: the files it
// reports on, the files their checks consult, and the records it needs only by id.
import type { FileRefs } from './reference-index.js';
import { isIndexableId, refsMention } from './reference-index.js';
import type { KnownRecord } from './records.js';

export interface ChangedRefs {
  readonly file: string;
  /** The file's summary at the base and at head (undefined: not there, or not readable). */
  readonly before: FileRefs | undefined;
  readonly after: FileRefs | undefined;
}

export interface ChangeScope {
  /** The files reported on: the changed files still there, and every file that refers to a changed or removed id. */
  readonly selected: readonly string[];
  /** Files read in full too, because the checks of the selected ones consult them: acta.yaml, every registry, the
   * records the selected ones name (with the meetings their points supersede, ring by ring), and the other
   * definers of the ids they define. Their own problems are not reported. */
  readonly context: readonly string[];
  /** Every other meeting and plan, by id only: unique ids, references and suggestions see the whole set. */
  readonly known: readonly KnownRecord[];
  /** True when the summaries cannot answer (an id with white space or too long): every file must be read. */
  readonly readAll: boolean;
}

/** `head`: every record file at head, sorted, with its summary (undefined: not readable). */
/** What the pipeline takes a file for, a registry with its own kind (a groups file is not an organisations file). */
const kindKey = (refs: FileRefs | undefined): string | undefined => (refs === undefined ? undefined : refs.kind === 'registry' ? `registry:${refs.registryKind ?? '?'}` : refs.kind);
const registryKey = (refs: FileRefs | undefined): string | undefined => (refs?.kind === 'registry' ? kindKey(refs) : undefined);

/** `mentionsAny`: refsMention, or one that answers it without the summary's list (the summaries' store: io/refs-cache.ts);
 * asked with one set of ids, final by then. */
export function scopeOfChange(head: ReadonlyMap<string, FileRefs | undefined>, changed: readonly ChangedRefs[], configFile: string, mentionsAny: (refs: FileRefs, ids: ReadonlySet<string>) => boolean = refsMention): ChangeScope {
  // The head as two arrays, walked by index: iterating the Map (five walks of ~2,000 files) made an entry and a result
  // object a step, in code that runs once and is never optimised.
  const names: string[] = [];
  const all: (FileRefs | undefined)[] = [];
  head.forEach((refs, file) => {
    names.push(file);
    all.push(refs);
  });
  const ids = new Set(changed.flatMap((c) => [...(c.before?.defines ?? []), ...(c.after?.defines ?? [])]));
  // A group stands for its members, nested groups included, across registry files: a registry that names a changed
  // id (a group whose member group changed) changes what its own ids stand for. Followed to the end (issue 26 point 10).
  const expanded = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (let i = 0; i < names.length; i++) {
      const file = names[i]!;
      const refs = all[i];
      if (refs?.kind !== 'registry' || expanded.has(file) || !refsMention(refs, ids)) continue;
      expanded.add(file);
      for (const id of refs.defines) {
        if (ids.has(id)) continue;
        ids.add(id);
        grew = true;
      }
    }
  }
  const selected = new Set(changed.filter((c) => head.has(c.file)).map((c) => c.file));
  const readAll = [...ids].some((id) => !isIndexableId(id));
  // acta.yaml says how every record is checked (authentic texts); a registry that comes, goes or changes kind turns a
  // kind of reference check on or off: then every file is in scope.
  const everything = changed.some((c) => c.file === configFile || registryKey(c.before) !== registryKey(c.after));
  for (let i = 0; i < names.length; i++) {
    const file = names[i]!;
    const refs = all[i];
    if (selected.has(file) || !refs) continue;
    if (everything || readAll || mentionsAny(refs, ids)) selected.add(file);
  }
  // acta.yaml reports a missing registry, or no records at all: a file that comes, goes or changes kind can change that.
  if (head.has(configFile) && changed.some((c) => kindKey(c.before) !== kindKey(c.after))) selected.add(configFile);
  const context = contextOf(head, names, all, selected, configFile);
  const known: KnownRecord[] = [];
  for (let i = 0; i < names.length; i++) {
    const file = names[i]!;
    const refs = all[i];
    if (selected.has(file) || context.has(file) || !refs) continue;
    if (refs.kind === 'meeting' || refs.kind === 'plan') known.push({ file, kind: refs.kind, ...(refs.id !== undefined ? { id: refs.id } : {}), parts: refs.parts });
  }
  return { selected: [...selected].sort(), context: [...context].sort(), known, readAll };
}

function contextOf(head: ReadonlyMap<string, FileRefs | undefined>, names: readonly string[], all: readonly (FileRefs | undefined)[], selected: ReadonlySet<string>, configFile: string): Set<string> {
  const definers = new Map<string, string[]>();
  for (let i = 0; i < names.length; i++) {
    const defines = all[i]?.defines ?? [];
    for (let j = 0; j < defines.length; j++) {
      const id = defines[j]!;
      (definers.get(id) ?? definers.set(id, []).get(id)!).push(names[i]!);
    }
  }
  const context = new Set<string>();
  const add = (file: string): void => void (selected.has(file) || context.add(file));
  for (let i = 0; i < names.length; i++) if (names[i] === configFile || all[i]?.kind === 'registry' || all[i]?.kind === 'config') add(names[i]!);
  // Whom the selected files name (and, through supersedes, whom those name, ring by ring), and who else defines their ids.
  const todo: string[] = [];
  const addDefiners = (ids: readonly string[]): void => {
    for (let i = 0; i < ids.length; i++) {
      const files = definers.get(ids[i]!);
      if (files) for (let j = 0; j < files.length; j++) add(files[j]!);
    }
  };
  for (const file of selected) {
    const refs = head.get(file);
    addDefiners(refs?.mentions ?? []);
    addDefiners(refs?.defines ?? []);
    todo.push(file);
  }
  const followed = new Set<string>();
  while (todo.length) {
    const file = todo.pop()!;
    if (followed.has(file)) continue;
    followed.add(file);
    for (const id of head.get(file)?.supersedes ?? []) {
      for (const f of definers.get(id) ?? []) {
        add(f);
        todo.push(f);
      }
    }
  }
  return context;
}

// validate --changed-since REV: which files a change touches, found from summaries of the files (kept by content in
// the cache, so an unchanged file is summarised without being read or parsed again), never by checking everything.
import { fileRefs } from '../core/reference-index.js';
import type { FileRefs } from '../core/reference-index.js';
import type { ChangeScope } from '../core/change-scope.js';
import { scopeOfChange } from '../core/change-scope.js';
import { CONFIG_FILE } from '../core/records.js';
import { readParsedFiles } from './load.js';
import { openRefsStore } from './refs-cache.js';
import type { RecordSource } from './source.js';
import { changedFiles } from './source.js';

/** The scope of the change from `base` (a git revision) to `head` (the disk, or --rev): see core/change-scope.ts. */
export async function scopeChangedSince(base: RecordSource, head: RecordSource): Promise<ChangeScope> {
  const headIds = new Map<string, string>();
  const changed = await changedFiles(base, head, { headIds });
  const changedNames = new Set(changed.map((c) => c.file));
  const files = await head.list();
  const store = openRefsStore(head.root);
  const refs = new Map<string, FileRefs | undefined>();
  const missing: string[] = [];
  // The key is the content, and the name where the name decides the kind (acta.yaml at the root, or nested).
  const keyOf = (file: string): string | undefined => {
    const id = headIds.get(file);
    return id === undefined ? undefined : file === CONFIG_FILE ? `${id} config` : file.endsWith(`/${CONFIG_FILE}`) ? `${id} nested` : id;
  };
  for (const file of files) {
    const id = keyOf(file);
    const known = id !== undefined && !changedNames.has(file) ? store.get(id) : undefined;
    if (known) refs.set(file, known);
    else missing.push(file);
  }
  // Summaries not kept yet (and the changed files, at head and at the base): parsed, through the parse cache.
  await head.prefetch?.(missing);
  for (const parsed of await readParsedFiles(head, missing)) {
    const summary = fileRefs(parsed);
    refs.set(parsed.file, summary);
    const id = keyOf(parsed.file);
    // (Not a file that could not be read: a link in git has the bytes of its target's name.)
    if (id !== undefined && !changedNames.has(parsed.file) && !parsed.diagnostics.some((d) => d.code === 'file/unreadable')) store.put(id, summary);
  }
  const atBase = changed.filter((c) => c.before !== undefined).map((c) => c.file);
  const before = new Map((await readParsedFiles(base, atBase)).map((p) => [p.file, fileRefs(p)]));
  store.save(files.map(keyOf).filter((k): k is string => k !== undefined));
  const scope = scopeOfChange(refs, changed.map((c) => ({ file: c.file, before: before.get(c.file), after: refs.get(c.file) })), CONFIG_FILE);
  // With no meeting or plan at all, "no records" depends on every file: read them all.
  if (![...refs.values()].some((r) => r?.kind === 'meeting' || r?.kind === 'plan')) return { ...scope, readAll: true };
  return scope;
}

// validate --changed-since REV: which files a change touches, found from summaries of the files (kept by content in
// the cache, so an unchanged file is summarised without being read or parsed again), never by checking everything.
import { fileRefs } from '../core/reference-index.js';
import type { FileRefs } from '../core/reference-index.js';
import type { ChangeScope } from '../core/change-scope.js';
import type { ParsedFile } from '../core/read/index.js';
import { scopeOfChange } from '../core/change-scope.js';
import { CONFIG_FILE } from '../core/records.js';
import { cacheEnabled } from './cache-store.js';
import type { Voucher, VoucherFor } from './cache-stat.js';
import { snapshotRoot } from './cache-stat.js';
import { blobSizes, listIndex } from './git.js';
import { gitVouches } from './git-voucher.js';
import { readParsedFiles } from './load.js';
import { openRefsStore } from './refs-cache.js';
import type { RecordSource } from './source.js';
import { changedByIds, changedFiles, snapshotSource } from './source.js';

/** The scope of the change from `base` (a git revision) to `head` (the disk, or --rev): see core/change-scope.ts. */
export async function scopeChangedSince(baseSource: RecordSource | Promise<RecordSource>, from: RecordSource): Promise<ChangeScope> {
  // The base may still be resolving (a git process): the disk is walked and stat'ed meanwhile. (Its refusal — no such
  // revision — is handled here, said when awaited below.)
  const pending = Promise.resolve(baseSource);
  pending.catch(() => undefined);
  // The disk through the stat index (io/cache-stat.ts): an unchanged file's blob id comes from the index, so only the
  // files that changed are read — compared by id with the base, summarised from the store.
  const { head, stable, done } = await throughStatIndex(pending, from);
  const base = await pending;
  // Which files changed: by blob id when every head file has one (the disk through the stat index and git's index),
  // without reading either side; else by their bytes (changedFiles).
  const byIds = await changedByIds(base, head);
  const headIds = byIds ? new Map(await head.objectIds!()) : new Map<string, string>();
  const changed: { file: string; atBase: boolean; baseId?: string | undefined }[] = byIds
    ? byIds.map((c) => ({ file: c.file, atBase: c.baseId !== undefined, baseId: c.baseId }))
    : (await changedFiles(base, head, { headIds })).map((c) => ({ file: c.file, atBase: c.before !== undefined }));
  const changedNames = new Set(changed.map((c) => c.file));
  const files = await head.list();
  const store = openRefsStore(head.root);
  const refs = new Map<string, FileRefs | undefined>();
  const missing: string[] = [];
  const keyOf = (file: string): string | undefined => summaryKey(file, headIds.get(file));
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
    if (id !== undefined && !changedNames.has(parsed.file) && !unreadable(parsed)) store.put(id, summary);
  }
  // A changed file's summary at the base: kept by its blob id when the run that saved the cache (on the base, in CI)
  // summarised it, else parsed from git.
  const before = new Map<string, FileRefs>();
  const atBase: string[] = [];
  for (const c of changed) {
    if (!c.atBase) continue;
    const kept = c.baseId !== undefined ? store.get(summaryKey(c.file, c.baseId)!) : undefined;
    if (kept) before.set(c.file, kept);
    else atBase.push(c.file);
  }
  // Only those blobs (a git source's first read would fetch every file of the revision), and their summaries kept by
  // blob id with the head's: the next run over the same change (a pull request's next push, restoring this run's
  // cache) reads nothing of the base.
  await base.prefetch?.(atBase);
  const baseIds = new Map(changed.map((c) => [c.file, c.baseId]));
  const baseKeys: string[] = [];
  for (const parsed of await readParsedFiles(base, atBase)) {
    const summary = fileRefs(parsed);
    before.set(parsed.file, summary);
    const id = summaryKey(parsed.file, baseIds.get(parsed.file));
    if (id !== undefined && !unreadable(parsed)) store.put(id, summary);
  }
  for (const c of changed) {
    const id = c.atBase ? summaryKey(c.file, c.baseId) : undefined;
    if (id !== undefined) baseKeys.push(id);
  }
  // (A file found changed while this ran: its summary may not match its id, so nothing is kept.)
  if (stable()) store.save([...files.map(keyOf).filter((k): k is string => k !== undefined), ...baseKeys]);
  done();
  const scope = scopeOfChange(refs, changed.map((c) => ({ file: c.file, before: before.get(c.file), after: refs.get(c.file) })), CONFIG_FILE, store.mentionsAny);
  // With no meeting or plan at all, "no records" depends on every file: read them all.
  if (![...refs.values()].some((r) => r?.kind === 'meeting' || r?.kind === 'plan')) return { ...scope, readAll: true };
  return scope;
}

// A summary's key is the content (the git blob id), and the name where the name decides the kind (acta.yaml at the
// root, or nested).
function summaryKey(file: string, id: string | undefined): string | undefined {
  return id === undefined ? undefined : file === CONFIG_FILE ? `${id} config` : file.endsWith(`/${CONFIG_FILE}`) ? `${id} nested` : id;
}

const unreadable = (parsed: ParsedFile): boolean => parsed.diagnostics.some((d) => d.code === 'file/unreadable');

/** A full validate over the disk keeps the summaries of the files it parsed, by blob id (from the stat index), so a
 * later `--changed-since` — in a pull request's job that restored the cache a run on the main branch saved — reads
 * none of the unchanged files. */
export function keepSummaries(root: string, files: readonly ParsedFile[], blobIds: ReadonlyMap<string, string>): void {
  const store = openRefsStore(root);
  const keys: string[] = [];
  for (const parsed of files) {
    const key = summaryKey(parsed.file, blobIds.get(parsed.file));
    if (key === undefined || unreadable(parsed)) continue;
    keys.push(key);
    if (!store.get(key)) store.put(key, fileRefs(parsed));
  }
  store.save(keys);
}

// The head as the stat index sees it, with git's blob ids for every file (sha1: a repository of sha256 objects, or a
// snapshot that keys nothing, reads as before). A file the stat index does not know (a fresh checkout, a restored
// cache) is taken on git's own index's word, as `git status` takes it, when all of these hold: its entry is plain
// (stage 0, a regular file, no assume-unchanged or skip-worktree), the file's size, times, inode and device are those
// the entry recorded, the entry is older than the index file (git's racily clean rule), its blob is the base's, and
// the base's blob has the file's size (so no end-of-line or other conversion stands between the two). Any other file
// is read and hashed. `stable()` is false once a file read is found changed since.
async function throughStatIndex(pending: Promise<RecordSource>, head: RecordSource): Promise<{ head: RecordSource; stable(): boolean; done(): void }> {
  const plain = { head, stable: () => true, done: () => undefined };
  if (!head.onDisk || !cacheEnabled()) return plain;
  // The base's tree and git's index, listed at once by two git processes (once the base's one rev-parse has answered),
  // while this process walks the records and stats every file (io/cache-stat.ts waits for the voucher only then).
  // Anything git cannot answer here is no voucher: every file is read, and the error, if any, comes again below.
  const gitSide = pending
    .then(async (base) => {
      const [baseEntries, index] = await Promise.all([base.treeEntries?.(), base.git ? listIndex(base.git.workTree, base.git.folder, base.git.indexFile) : undefined]);
      return baseEntries && base.git && [...baseEntries.values()].every((e) => e.object.length === 40) ? { baseEntries, index, workTree: base.git.workTree } : undefined;
    })
    .catch(() => undefined);
  // The base blob's size, for the conversion check: the stat index's (an entry's size is its blob's; in CI the restored
  // cache knows every blob of the base), else git's for the blobs it does not know (one cat-file --batch-check; ls-tree
  // no longer lists sizes: io/git.ts listTree).
  const vouch: VoucherFor = (known) =>
    gitSide
      .then(async (side) => {
        if (!side) return false;
        if (!side.index) return undefined;
        const { baseEntries, index, workTree } = side;
        const unknown: string[] = [];
        // (forEach: a for…of over the ~2,000 entries made an entry and a result object a step.)
        index.entries.forEach((entry, name) => {
          const at = baseEntries.get(name);
          if (at && entry.object === at.object && !known.has(at.object)) unknown.push(at.object);
        });
        const asked = unknown.length > 0 ? await blobSizes(workTree, unknown).catch(() => new Map<string, number>()) : undefined;
        const voucher: Voucher = (name, stat) => {
          const entry = index.entries.get(name);
          const at = baseEntries.get(name);
          if (!entry || !at || entry.object !== at.object) return undefined;
          return gitVouches(entry, stat, known.get(at.object) ?? asked?.get(at.object), index.mtimeNs) ? entry.object : undefined;
        };
        return voucher;
      })
      .catch(() => undefined);
  const snapshot = await snapshotRoot(head.root, undefined, vouch);
  // (A repository of sha256 objects, or a base git could not list: the head as before, every file read.)
  if (!(await gitSide) || !snapshot.hashes) return plain;
  const source = snapshotSource(snapshot);
  return { head: { ...source, objectIds: async () => snapshot.blobIds }, stable: source.stable, done: () => snapshot.save() };
}


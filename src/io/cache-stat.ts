// The stat index, as git's index: per records root, each record file's size, modification and change times (ns),
// inode and device, the real path it resolves to, and the sha256 of its bytes when they were last read. A file whose
// stat matches its entry is not read or hashed again: its content hash comes from the index. One signed store per
// root (io/cache-store.ts); a missing, corrupt or foreign index is an empty one, never trusted, never a crash.
//
// "Racily clean" (git's word): a file changed within the same clock tick as it was read keeps the stat it had when it
// was read on a filesystem with coarse timestamps. So an entry is believed only when the file's mtime and ctime were
// at least RACY_MS older than the moment the file was read; any other entry is read and hashed again on the next run
// (and becomes clean once it is old enough).
import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { cacheEnabled, readStore, storeFile, trustedStore, writeStore } from './cache-store.js';
import type { UnreadableFolder } from './files.js';
import { walkRecordFiles } from './files.js';
import { runtime } from './runtime.js';

// 4: an entry's size is its blob's size too (an entry whose bytes did not have the stat's size is not kept).
const FORMAT = 4;
const SALT = 'acta-stat-index';
/** Timestamps this much older than the read are past any filesystem's tick (FAT's is 2 s) and a clock's lag. */
export const RACY_MS = 3000;
/** Files above this size are not hashed: the snapshot gives up (the run reads as it always did). At least the reader's
 * LIMITS.bytes, so every file the reader parses is keyed by its content (test/io/cache-stat.test.ts holds it). */
export const HASH_CAP = 4 * 1024 * 1024;

/** The clock the read times come from. Tests move it on, to stand for runs made long after the edits. */
export const statClock = { now: (): number => Date.now() };
/** Files read and hashed by snapshots in this process (for tests: work counted, not timed). */
export const statCounts = { hashed: 0, vouched: 0 };

export interface StatEntry {
  readonly size: number;
  readonly mtimeNs: bigint;
  readonly ctimeNs: bigint;
  readonly ino: bigint;
  readonly dev: bigint;
  /** The real path, relative to the real root (a link inside the root that is pointed elsewhere is another file). */
  readonly real: string;
  /** sha256 of the bytes, hex. */
  readonly hash: string;
  /** The id git gives a blob of these bytes (sha1, hex): `--changed-since` compares it with a revision's tree. */
  readonly blob: string;
  /** When the bytes were read (ms since the epoch, the clock before the stat). */
  readonly readAtMs: number;
}

/** What an entry and a voucher compare a file with: five numbers of its stat. */
export type FileStat = Pick<BigIntStats, 'size' | 'mtimeNs' | 'ctimeNs' | 'ino' | 'dev'>;

/** Whether an entry still tells a file's content: same stat and real path, and not racily clean. */
export function entryHolds(entry: StatEntry, stat: FileStat, real: string): boolean {
  return (
    entry.real === real &&
    BigInt(entry.size) === stat.size &&
    entry.mtimeNs === stat.mtimeNs &&
    entry.ctimeNs === stat.ctimeNs &&
    entry.ino === stat.ino &&
    entry.dev === stat.dev &&
    !racilyClean(entry)
  );
}

const holds = (entry: StatEntry | undefined, stat: FileStat, real: string): boolean => entry !== undefined && entryHolds(entry, stat, real);

/** An entry whose file was changed (mtime or ctime) less than RACY_MS before it was read: it may have changed again
 * within the same tick, after the read, and keep the same stat. */
export function racilyClean(entry: StatEntry): boolean {
  const limit = BigInt(entry.readAtMs - RACY_MS) * 1_000_000n;
  return entry.mtimeNs >= limit || entry.ctimeNs >= limit;
}

export interface Snapshot {
  readonly root: string;
  /** The record files, as io/files.ts lists them (sorted, POSIX, relative to root). */
  readonly files: readonly string[];
  readonly unreadableFolders: readonly UnreadableFolder[];
  /** Each file's sha256 (hex) — but for files taken on a voucher's word (see snapshotRoot) whose blob the index
   * does not know under that name, which have a blob id only. Undefined when some file is not a plain readable file
   * (a link out of the root, not a regular file, too large, an error): the snapshot then keys nothing, and the run
   * reads as it always did. */
  readonly hashes: ReadonlyMap<string, string> | undefined;
  /** Each file's git blob id (sha1), when `hashes` is defined. */
  readonly blobIds: ReadonlyMap<string, string>;
  /** The bytes of the files read (and hashed) for this snapshot, their stat not in the index: a run that goes on to
   * read the files takes these (and drops them) instead of reading again. */
  readonly bytes: Map<string, Uint8Array>;
  /** Write the index back (the entries of these files only) if it learnt anything. */
  save(): void;
}

/** Tells a file's git blob id from its stat, without reading it, when someone else's index vouches for it (git's own
 * index: see io/changed-since.ts); undefined to read it. */
export type Voucher = (name: string, stat: FileStat) => string | undefined;

/** Makes the voucher, given the size of every blob the stat index knows (by blob id: an entry's size is the size of
 * its blob, whether or not the entry still holds for its file — a restored cache's entries tell sizes as well). */
export type VoucherFor = (blobSizes: ReadonlyMap<string, number>) => Promise<Voucher | undefined | false>;

export interface SnapshotOptions {
  /** Ask for the voucher only once every file is stat'ed and some file's entry does not hold (a warm run on files the
   * index knows starts no git process); else it is asked at once, to run while the files are stat'ed. */
  readonly lazy?: boolean;
  /** A file the voucher vouches for whose sha256 the index cannot tell (no entry of that name with that blob) is read
   * and hashed, so that every file has a hash (validate's results are keyed by them); else it has its blob id only. */
  readonly hashEvery?: boolean;
}

/** List the record files under root and tell each one's content hash, from the index where its stat is unchanged
 * (else, when a voucher is given and vouches for the file, the hash the index keeps for that blob under that name, or
 * its blob id only; else from its bytes). The voucher may come later (a promise): every file is stat'ed first, and
 * waits for it only then. */
export async function snapshotRoot(root: string, env: NodeJS.ProcessEnv = runtime().env, vouchFor?: VoucherFor, options: SnapshotOptions = {}): Promise<Snapshot> {
  const absolute = path.resolve(root);
  const listing = await walkRecordFiles(absolute);
  const file = cacheEnabled(env) ? storeFile(env, 'stat', absolute) : undefined;
  const trust = file ? trustedStore(env, file) : undefined;
  const index = readIndex(file && trust ? readStore(file, FORMAT, SALT, trust) : undefined);
  let vouching: Promise<Voucher | undefined | false> | undefined;
  const askVoucher = (): void => {
    if (!vouchFor || vouching) return;
    const sizes = new Map<string, number>();
    for (const entry of index.values()) sizes.set(entry.blob, entry.size);
    vouching = vouchFor(sizes);
  };
  if (!options.lazy) askVoucher();
  const next: [string, StatEntry][] = [];
  const hashes = new Map<string, string>();
  const blobIds = new Map<string, string>();
  const bytes = new Map<string, Uint8Array>();
  let learnt = index.size !== listing.files.length;
  let plain = true;
  // Real folders looked up once a folder, not once a file: a file that is no link lies in its folder's real path.
  const realRoot = realpathSync.native(absolute);
  const folders = new Map<string, string | undefined>();
  const realFolder = (folder: string): string | undefined => {
    if (!folders.has(folder)) {
      let real: string | undefined;
      try {
        real = path.relative(realRoot, realpathSync.native(path.join(absolute, folder)));
      } catch {
        real = undefined;
      }
      folders.set(folder, real === undefined || real.startsWith('..') || path.isAbsolute(real) ? undefined : real.split(path.sep).join('/'));
    }
    return folders.get(folder);
  };
  // First every file's stat (what the index and a voucher are compared with); then, once the voucher is there (git's
  // index, listed by a git process that runs meanwhile: io/changed-since.ts), what each file's content is.
  // (Only the five numbers compared are kept until then, not each BigIntStats with its fourteen BigInts and four Dates:
  // 2,025 of those outlived the young generation and were copied by every scavenge of the stat pass.)
  const stats: { name: string; full: string; stat: FileStat; real: string; now: number }[] = [];
  // The listing's names are made of the folders' own entries (no `.`, `..` or empty part: io/files.ts), so on POSIX a
  // name joined to the root is the two put together; path.join normalises each of 2,025 paths again (~5 ms a run).
  const under = path.sep === '/' ? (absolute.endsWith('/') ? absolute : `${absolute}/`) : undefined;
  for (const name of listing.files) {
    const now = statClock.now();
    const full = under !== undefined ? under + name : path.join(absolute, name);
    let stat: BigIntStats | undefined;
    let real: string | undefined;
    try {
      stat = lstatSync(full, { bigint: true, throwIfNoEntry: false });
      if (stat?.isSymbolicLink()) {
        real = path.relative(realRoot, realpathSync.native(full)).split(path.sep).join('/');
        stat = statSync(full, { bigint: true, throwIfNoEntry: false });
      } else {
        const slash = name.lastIndexOf('/');
        const folder = realFolder(slash < 0 ? '.' : name.slice(0, slash));
        real = folder === undefined ? undefined : folder === '' ? name.slice(slash + 1) : `${folder}/${name.slice(slash + 1)}`;
      }
    } catch {
      stat = undefined;
    }
    if (!stat?.isFile() || stat.size > BigInt(HASH_CAP) || real === undefined || real === '' || real.startsWith('..') || path.isAbsolute(real)) {
      plain = false;
      break;
    }
    stats.push({ name, full, stat: { size: stat.size, mtimeNs: stat.mtimeNs, ctimeNs: stat.ctimeNs, ino: stat.ino, dev: stat.dev }, real, now });
  }
  if (options.lazy && plain && stats.some(({ name, stat, real }) => !holds(index.get(name), stat, real))) askVoucher();
  // (false: the caller no longer wants the snapshot — its revision was refused, say: nothing is read, nothing keyed.)
  const vouch = plain ? await vouching : undefined;
  if (vouch === false) plain = false;
  for (const { name, full, stat, real, now } of plain ? stats : []) {
    const known = index.get(name);
    if (known && entryHolds(known, stat, real)) {
      next.push([name, known]);
      hashes.set(name, known.hash);
      blobIds.set(name, known.blob);
      continue;
    }
    const vouched = vouch ? vouch(name, stat) : undefined;
    if (vouched !== undefined) {
      blobIds.set(name, vouched);
      // The index knew these bytes (same blob) under another stat (a new checkout wrote the file again): the entry
      // is kept with the stat the voucher vouched for, so the next run — and a cache saved now, restored elsewhere —
      // still knows the blob's size and hash. Dropped, a `--changed-since` primed right after a checkout left the
      // cache without them: the pull request's run asked git the size of every blob of the base.
      // Those bytes' sha256 is the entry's too (the blob id is the sha1 of the same bytes): a CI job that restored the
      // cache keys validate's results without reading a file git's index vouches for.
      if (known && known.blob === vouched && BigInt(known.size) === stat.size) {
        next.push([name, { ...known, mtimeNs: stat.mtimeNs, ctimeNs: stat.ctimeNs, ino: stat.ino, dev: stat.dev, real, readAtMs: now }]);
        hashes.set(name, known.hash);
        statCounts.vouched++;
        learnt = true;
        continue;
      }
      if (!options.hashEvery) continue;
    }
    let content: Buffer;
    try {
      content = readFileSync(full);
    } catch {
      plain = false;
      break;
    }
    const hash = createHash('sha256').update(content).digest('hex');
    const blob = createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
    statCounts.hashed++;
    bytes.set(name, content);
    hashes.set(name, hash);
    blobIds.set(name, blob);
    learnt = true;
    // The stat taken before the read: if the file changed in between, the next run sees another stat and reads again.
    // (An entry's size is also its blob's size, which a voucher relies on: bytes of another size are not kept.)
    if (content.length === Number(stat.size)) next.push([name, { size: Number(stat.size), mtimeNs: stat.mtimeNs, ctimeNs: stat.ctimeNs, ino: stat.ino, dev: stat.dev, real, hash, blob, readAtMs: now }]);
  }
  return {
    root: absolute,
    files: listing.files,
    unreadableFolders: listing.unreadable,
    hashes: plain ? hashes : undefined,
    blobIds,
    bytes,
    save() {
      if (file && trust && plain && learnt) writeStore(file, FORMAT, SALT, packIndex(next), trust);
    },
  };
}

// On disk the index is columns, not 2,000 objects: names, real paths ('' for the name itself), five 64-bit integers a
// file (size, mtime, ctime, inode, device), the read times, the hashes as 32 bytes and the blob ids as 20 bytes each —
// quick to read back.
function packIndex(entries: readonly [string, StatEntry][]): Record<string, unknown> {
  const stats = new BigInt64Array(entries.length * 5);
  const readAt = new Float64Array(entries.length);
  const hashes = Buffer.alloc(entries.length * 32);
  const blobs = Buffer.alloc(entries.length * 20);
  const names: string[] = [];
  const reals: string[] = [];
  // (Plain loops and stores: destructuring each [name, entry] in code run once a process made an iterator's results.)
  for (let i = 0; i < entries.length; i++) {
    const name = entries[i]![0];
    const e = entries[i]![1];
    names.push(name);
    reals.push(e.real === name ? '' : e.real);
    blobs.write(e.blob, i * 20, 'hex');
    const at = i * 5;
    stats[at] = BigInt(e.size);
    stats[at + 1] = e.mtimeNs;
    stats[at + 2] = e.ctimeNs;
    stats[at + 3] = e.ino;
    stats[at + 4] = e.dev;
    readAt[i] = e.readAtMs;
    hashes.write(e.hash, i * 32, 'hex');
  }
  return { names, reals, stats, readAt, hashes, blobs };
}

function readIndex(stored: Record<string, unknown> | undefined): Map<string, StatEntry> {
  const index = new Map<string, StatEntry>();
  if (!stored) return index;
  const { names, reals, stats, readAt, hashes, blobs } = stored;
  const n = Array.isArray(names) ? names.length : -1;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'string');
  if (!strings(names) || !strings(reals) || !(stats instanceof BigInt64Array) || stats.length !== n * 5) return index;
  if (!(readAt instanceof Float64Array) || readAt.length !== n || !(hashes instanceof Uint8Array) || hashes.length !== n * 32) return index;
  if (!(blobs instanceof Uint8Array) || blobs.length !== n * 20) return index;
  const blobHex = Buffer.from(blobs.buffer, blobs.byteOffset, blobs.byteLength);
  const hex = Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength);
  for (let i = 0; i < n; i++) {
    // (Read by index: a destructured subarray made a view and an iterator's results for each of 2,025 entries.)
    const at = i * 5;
    const name = names[i]!;
    index.set(name, { size: Number(stats[at]!), mtimeNs: stats[at + 1]!, ctimeNs: stats[at + 2]!, ino: stats[at + 3]!, dev: stats[at + 4]!, real: reals[i] || name, hash: hex.toString('hex', i * 32, i * 32 + 32), blob: blobHex.toString('hex', i * 20, i * 20 + 20), readAtMs: readAt[i]! });
  }
  return index;
}

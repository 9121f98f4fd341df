// Git's own index as a voucher for the stat index (io/cache-stat.ts): a file whose entry in git's index holds is taken
// to have that entry's blob without being read, as `git status` takes it. Used by `validate --changed-since`
// (io/changed-since.ts, beside the base's tree) and by `validate` over the disk, in a CI job that restored the cache.
import type { FileStat, VoucherFor } from './cache-stat.js';
import type { IndexEntry } from './git.js';
import { folderInWorkTree, listIndex, locateIndex } from './git.js';

const NS = 1_000_000_000n;
const LOW_32 = 0xffffffffn;

// Git's index entry holds for the file as `git status` takes it: a plain entry (stage 0, a regular file, no
// assume-unchanged or skip-worktree), the file's size, times, inode and device those the entry recorded, the entry older
// than the index file (git's racily clean rule), and the blob of the entry's size (`blobSize`, told by the stat index or
// by git: no end-of-line or other conversion between the blob and the file).
export function gitVouches(entry: IndexEntry, stat: FileStat, blobSize: number | undefined, indexMtimeNs: bigint): boolean {
  if (entry.flagged || (entry.mode !== '100644' && entry.mode !== '100755')) return false;
  if (blobSize === undefined || BigInt(blobSize) !== stat.size || entry.size !== (stat.size & LOW_32) || entry.dev !== (stat.dev & LOW_32) || entry.ino !== (stat.ino & LOW_32)) return false;
  const [ms, mn] = entry.mtime;
  const [cs, cn] = entry.ctime;
  return ms * NS + mn === stat.mtimeNs && cs * NS + cn === stat.ctimeNs && stat.mtimeNs < indexMtimeNs;
}

/** For `acta validate` over the disk (no revision): git's own index vouches for a file whose entry holds (gitVouches)
 * and whose blob the stat index knows (its size, for the conversion check) — the stat index then tells that blob's
 * sha256 (io/cache-stat.ts), so a CI job that restored the cache keys validate's results without reading or hashing
 * the files of its fresh checkout, whose new times the stat index cannot know. Asked only when some file's stat entry
 * does not hold (a local warm run starts no git process). Anything git cannot answer (no work tree, the root outside
 * it, an index this reader and git cannot list, a repository of sha256 objects): no voucher, every such file read. */
export const gitIndexVoucher =
  (root: string): VoucherFor =>
  async (known) => {
    if (known.size === 0) return undefined;
    try {
      const located = await locateIndex(root);
      if (!located) return undefined;
      const index = await listIndex(located.workTree, await folderInWorkTree(located.workTree, root), located.indexFile);
      if (!index) return undefined;
      return (name, stat) => {
        const entry = index.entries.get(name);
        return entry && entry.object.length === 40 && gitVouches(entry, stat, known.get(entry.object), index.mtimeNs) ? entry.object : undefined;
      };
    } catch {
      return undefined;
    }
  };

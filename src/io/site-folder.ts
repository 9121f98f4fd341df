// Writes a generated folder (acta site) atomically: everything is built in a temporary sibling folder, then renamed
// into place. A folder acta wrote carries a marker file; an existing non-empty folder without it is refused and left
// untouched, so `--out` can never empty a folder of the user's.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from './files.js';

/** Refuse an output folder acta may not replace (checked before any work, and again just before the swap). */
export async function checkOutputFolder(out: string, shown: string, marker: string): Promise<boolean> {
  const existing = await fs.lstat(out).catch(() => undefined);
  if (existing?.isSymbolicLink()) throw new UsageError(`${shown}: a symbolic link; acta writes the site only into a real folder`);
  if (existing && !existing.isDirectory()) throw new UsageError(`${shown}: not a folder; choose another --out`);
  if (existing) {
    const entries = await fs.readdir(out);
    const mark = entries.includes(marker) ? await fs.lstat(path.join(out, marker)) : undefined;
    if (entries.length > 0 && !mark?.isFile()) throw new UsageError(`${shown}: a folder that is not empty and that acta did not write (it has no ${marker} file); acta leaves it untouched — choose another --out, or empty it first`);
  }
  return existing !== undefined;
}

/** Write `files` (relative paths with '/') as the whole content of `out`, replacing a folder acta wrote before. */
export async function writeFolderAtomic(out: string, shown: string, marker: string, files: Iterable<readonly [string, string | Iterable<string>]>): Promise<{ files: number; pages: number }> {
  const existing = await checkOutputFolder(out, shown, marker);
  const parent = path.dirname(out);
  await fs.mkdir(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const temp = path.join(parent, `.${path.basename(out)}.acta-new-${tag}`);
  await fs.mkdir(temp);
  const count = { files: 0, pages: 0 };
  try {
    const made = new Set<string>();
    for (const [file, text] of files) {
      if (file.split('/').some((part) => part === '..' || part === '')) throw new Error(`site file name ${file} leaves its folder`);
      const folder = path.posix.dirname(file);
      if (!made.has(folder)) await fs.mkdir(path.join(temp, folder), { recursive: true });
      made.add(folder);
      if (typeof text === 'string') await fs.writeFile(path.join(temp, file), text, { flag: 'wx' });
      else {
        // Content in pieces is written piece by piece: no one string of the whole file.
        const handle = await fs.open(path.join(temp, file), 'wx');
        try {
          for (const piece of text) await handle.writeFile(piece);
        } finally {
          await handle.close();
        }
      }
      count.files++;
      if (file.endsWith('.html')) count.pages++;
    }
    if (existing) {
      const old = path.join(parent, `.${path.basename(out)}.acta-old-${tag}`);
      await fs.rename(out, old);
      await fs.rename(temp, out);
      await fs.rm(old, { recursive: true, force: true });
    } else await fs.rename(temp, out);
  } catch (e) {
    await fs.rm(temp, { recursive: true, force: true });
    throw e;
  }
  return count;
}

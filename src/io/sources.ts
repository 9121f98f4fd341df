// The source documents the records cite, read from the records root's sources/ folder for the site to ship: regular
// files only, never through a link that leads out of the root, UTF-8 text, up to a size cap. A document that is not
// there (or is not such a file) is simply absent from the result: the site names it without a link.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isSourceFileName } from '../core/queries/sources.js';
import { isInside } from './source.js';

/** The folder under the records root that holds the source documents. */
export const SOURCES_FOLDER = 'sources';
const MAX_BYTES = 4 * 1024 * 1024;

async function readOne(root: string, name: string): Promise<string | undefined> {
  if (!isSourceFileName(name)) return undefined;
  try {
    const realRoot = await fs.realpath(root);
    const real = await fs.realpath(path.join(root, SOURCES_FOLDER, name));
    if (!isInside(realRoot, real)) return undefined;
    const stat = await fs.stat(real);
    if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await fs.readFile(real));
    return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    return undefined; // missing, unreadable or not UTF-8: named, not linked
  }
}

/** name → text, for each cited name found as a text file in `<root>/sources/`. */
export async function readSources(root: string, names: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of names) {
    const text = await readOne(root, name);
    if (text !== undefined) out.set(name, text);
  }
  return out;
}

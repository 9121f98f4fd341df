// The zip of a .docx. Entries given whole go through fflate's zipSync, as every .docx acta wrote before (the same
// bytes). When an entry is given as parts, made one at a time — a document part too large to hold whole cheaply
// (io/docx-pack.ts: at 8,000 meetings the report's is 122 MB of XML, which zipSync held whole and sized its output
// buffer to, another 122 MB) — the zip is written by fflate's streaming Zip instead: each entry deflated as it is given
// (ZipDeflate), its CRC summed on the way, so only the compressed bytes are kept. That layout has a data descriptor
// after each entry (the sizes and CRC follow the data; the central directory has them too) — standard ZIP (APPNOTE
// 4.3.9), which Word and LibreOffice read (test/docx/word-processor.test.ts converts such a report with LibreOffice).
import { Zip, ZipDeflate, zipSync } from 'fflate';

/** An entry made of parts (each a fresh buffer, or one reused: it is consumed before the next is asked for). */
export interface StreamedEntry {
  readonly parts: () => Iterable<Uint8Array>;
}

export type ZipData = Uint8Array | StreamedEntry;

/** What the deflater is given at a time: fflate ends a deflate block at every push, so much smaller batches would
 * cost compression (a block per small part: ~10 %). */
const BATCH = 1 << 20;

/** The zip of these entries, in this order, every one deflated at level 6 and stamped `mtime` (fflate writes DOS local
 * time). */
export function zipEntries(entries: readonly (readonly [string, ZipData])[], mtime: Date): Uint8Array {
  const whole = entries.every(([, data]) => data instanceof Uint8Array);
  if (whole) return zipSync(Object.fromEntries(entries.map(([name, data]) => [name, [data as Uint8Array, { mtime, level: 6 }]])));
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure ??= err;
    else chunks.push(chunk);
  });
  for (const [name, data] of entries) {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = mtime;
    zip.add(entry);
    if (data instanceof Uint8Array) entry.push(data, true);
    else pushParts(entry, data);
  }
  zip.end();
  if (failure) throw failure;
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const c of chunks) out.set(c, at), (at += c.length);
  return out;
}

// Parts gathered into batches of about BATCH bytes (a larger part goes alone); ZipDeflate copies what it is given into
// its own buffer at once, so the batch is filled again.
function pushParts(entry: ZipDeflate, data: StreamedEntry): void {
  const batch = new Uint8Array(BATCH);
  let filled = 0;
  const flush = (): void => {
    if (filled) entry.push(batch.subarray(0, filled));
    filled = 0;
  };
  for (const part of data.parts()) {
    if (filled + part.length > BATCH) flush();
    if (part.length >= BATCH) entry.push(part);
    else batch.set(part, filled), (filled += part.length);
  }
  flush();
  entry.push(new Uint8Array(0), true);
}

// The zip of a .docx, written as fflate's zipSync writes it (the same layout, field for field: no data descriptors, no
// extra fields, version 20, DOS local time), with one difference that matters at scale: an entry may be given as
// parts, made one at a time, instead of as one buffer. Such an entry is deflated as it is made (fflate's streaming
// Deflate, fed about a megabyte at a time) and its CRC summed on the way, so its whole uncompressed bytes never exist:
// at 8,000 meetings the report's document part is 122 MB of XML, which zipSync held whole and sized its output
// buffer to (another 122 MB) before cutting it to the ~3 MB it compressed to. Only the compressed bytes are kept, and
// the local header, which names the compressed size, is written before them once it is known — the zip is made in
// memory, so no data descriptor is needed and the layout is the one Word, LibreOffice and every reader already read.
//
// An entry given whole is deflated whole (fflate's deflateSync, as zipSync does): the same bytes as zipSync's
// (test/docx/docx-zip.test.ts compares the two). A streamed entry's XML is the same; its compressed bytes differ
// (the deflate stream's blocks end where the megabyte batches do), which is why io/docx-pack.ts streams only a part
// too large to hold whole cheaply.
import * as zlib from 'node:zlib';
import { Deflate, deflateSync } from 'fflate';

/** An entry made of parts (each a fresh buffer, or one reused: it is consumed before the next is asked for). */
export interface StreamedEntry {
  readonly parts: () => Iterable<Uint8Array>;
}

export type ZipData = Uint8Array | StreamedEntry;

/** What the deflater is given at a time: its blocks end there, so batches much smaller cost compression. */
const BATCH = 1 << 20;

interface Compressed {
  readonly name: Uint8Array;
  readonly utf8: boolean;
  readonly crc: number;
  readonly size: number;
  readonly chunks: readonly Uint8Array[];
  readonly length: number;
}

// CRC-32 (the zip's): node's own where it has one (node 20.15 and later), else the table fflate uses.
const nativeCrc = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
let table: Int32Array | undefined;
function crc32(data: Uint8Array, value = 0): number {
  // zlib's crc32 answers 0 for no bytes at a null address (an empty TextEncoder output): nothing is nothing to add.
  if (data.length === 0) return value;
  if (nativeCrc) return nativeCrc(data, value);
  if (!table) {
    table = new Int32Array(256);
    for (let i = 0; i < 256; i++) {
      let c = i;
      for (let k = 0; k < 8; k++) c = c & 1 ? -306674912 ^ (c >>> 1) : c >>> 1;
      table[i] = c;
    }
  }
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = table[(c & 255) ^ data[i]!]! ^ (c >>> 8);
  return ~c >>> 0;
}

const encoder = new TextEncoder();

function compress(name: string, data: ZipData): Compressed {
  const bytes = encoder.encode(name);
  const head = { name: bytes, utf8: bytes.length !== name.length };
  if (data instanceof Uint8Array) {
    const c = deflateSync(data, { level: 6 });
    return { ...head, crc: crc32(data), size: data.length, chunks: [c], length: c.length };
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  const deflater = new Deflate({ level: 6 }, (chunk) => {
    if (chunk.length) chunks.push(chunk), (length += chunk.length);
  });
  let crc = 0;
  let size = 0;
  // Parts are gathered into batches of about BATCH bytes (a larger part goes alone): fflate's Deflate ends a block at
  // every push, and a block per small part would cost ~10 % of the compression.
  let batch = new Uint8Array(BATCH);
  let filled = 0;
  const flush = (): void => {
    if (filled) deflater.push(batch.subarray(0, filled));
    // The deflater copies what it is given into its own window: the batch can be filled again.
    filled = 0;
  };
  for (const part of data.parts()) {
    crc = crc32(part, crc);
    size += part.length;
    if (filled + part.length > BATCH) flush();
    if (part.length >= BATCH) deflater.push(part);
    else batch.set(part, filled), (filled += part.length);
  }
  flush();
  deflater.push(new Uint8Array(0), true);
  batch = new Uint8Array(0);
  return { ...head, crc, size, chunks, length };
}

/** fflate's DOS time: local fields, two-second precision, years 1980–2099. */
function dosTime(mtime: Date): number {
  const y = mtime.getFullYear() - 1980;
  if (y < 0 || y > 119) throw new Error(`zip: a date outside 1980–2099 (${mtime.getFullYear()})`);
  return ((y << 25) | ((mtime.getMonth() + 1) << 21) | (mtime.getDate() << 16) | (mtime.getHours() << 11) | (mtime.getMinutes() << 5) | (mtime.getSeconds() >> 1)) >>> 0;
}

// A local (central = false) or central directory header, as fflate's wzh writes it.
function header(view: DataView, at: number, e: Compressed, time: number, central: number | undefined): number {
  view.setUint32(at, central === undefined ? 0x04034b50 : 0x02014b50, true);
  at += 4;
  if (central !== undefined) view.setUint8(at, 20), (at += 2); // version made by: 2.0, fflate's os 0
  view.setUint8(at, 20); // version needed: 2.0
  view.setUint16(at + 2, e.utf8 ? 0x0800 : 0, true);
  view.setUint16(at + 4, 8, true); // deflated
  view.setUint32(at + 6, time, true);
  view.setUint32(at + 10, e.crc >>> 0, true);
  view.setUint32(at + 14, e.length, true);
  view.setUint32(at + 18, e.size, true);
  view.setUint16(at + 22, e.name.length, true);
  at += 26;
  if (central !== undefined) view.setUint32(at + 10, central, true), (at += 14);
  new Uint8Array(view.buffer, view.byteOffset, view.byteLength).set(e.name, at);
  return at + e.name.length;
}

/** The zip of these entries (in this order, every one deflated at level 6 and stamped `mtime`), as zipSync makes it for
 * whole entries. */
export function zipEntries(entries: readonly (readonly [string, ZipData])[], mtime: Date): Uint8Array {
  const time = dosTime(mtime);
  const files = entries.map(([name, data]) => compress(name, data));
  let local = 0;
  for (const f of files) local += 30 + f.name.length + f.length;
  let central = 0;
  for (const f of files) central += 46 + f.name.length;
  const out = new Uint8Array(local + central + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const f of files) {
    offsets.push(at);
    at = header(view, at, f, time, undefined);
    for (const c of f.chunks) out.set(c, at), (at += c.length);
  }
  files.forEach((f, i) => (at = header(view, at, f, time, offsets[i]!)));
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, files.length, true);
  view.setUint16(at + 10, files.length, true);
  view.setUint32(at + 12, central, true);
  view.setUint32(at + 16, local, true);
  return out;
}

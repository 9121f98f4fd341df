// A Word document (docx library objects) → the bytes of its .docx file, the same bytes for the same document: the
// library stamps the zip entries and the core properties with the clock, names hyperlink relationships with random
// ids, and numbers bookmarks and drawings from counters that run on across the documents of one process. Here every
// one of those is set from the document itself: the entries' time and the properties' dates from the date of issue,
// ids renumbered in the order they appear. The only packer of .docx files (io/docx.ts reads them).
import type { File } from 'docx';
import { Packer } from 'docx';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import type { Day } from '../core/dates.js';
import type { Piece } from '../render/docx/deferred.js';
import { collectIfLarge } from './heap.js';
import type { ZipData } from './docx-zip.js';
import { zipEntries } from './docx-zip.js';
import { keepPiecesWith, PLACEHOLDER_PATTERN, takePieces } from '../render/docx/deferred.js';
import { NUMBERED, RANDOM_REL, RANDOM_REL_USE, relName } from '../render/docx/ids.js';

type Parts = Record<string, Uint8Array>;

const isXml = (name: string): boolean => name.endsWith('.xml') || name.endsWith('.rels');

function renumber(parts: Parts, pieces: Piece[], streamAbove: number): Record<string, ZipData> {
  const names = Object.keys(parts).sort();
  const texts = new Map(names.filter(isXml).map((n) => [n, strFromU8(parts[n]!)]));
  // Random relationship ids, as the relationship parts declare them: renamed rIdH1, rIdH2, … in order of appearance.
  const rels = new Map<string, string>();
  for (const [, text] of texts) for (const m of text.matchAll(RANDOM_REL)) if (!rels.has(m[1]!)) rels.set(m[1]!, relName(rels.size + 1));
  const counters = new Map<string, Map<string, number>>();
  const out: Record<string, ZipData> = {};
  const fix = (text: string): string => {
    if (rels.size) text = text.replace(RANDOM_REL_USE, (all, id: string) => (rels.has(id) ? `"${rels.get(id)!}"` : all));
    for (const { pattern, space } of NUMBERED) {
      const seen = counters.get(space) ?? counters.set(space, new Map()).get(space)!;
      text = text.replace(pattern, (_all, before: string, n: string, after: string) => `${before}${seen.get(n) ?? seen.set(n, seen.size + 1).get(n)!}${after}`);
    }
    return text;
  };
  for (const name of Object.keys(parts)) {
    const text = texts.get(name);
    if (text === undefined) out[name] = parts[name]!;
    else if (name === 'word/document.xml' && pieces.length) out[name] = withPieces(text, pieces, fix, streamAbove);
    else out[name] = strToU8(fix(text));
  }
  return out;
}

// The document's XML with the pieces written apart (render/docx/deferred.ts) in place of their placeholders, each
// segment renumbered in document order (a pattern never spans two: pieces are whole elements), as UTF-8 bytes. The
// pieces were kept deflated (packDocx): each is inflated only when its bytes are wanted. A piece written with its
// final ids (only relationship ids in it, named when written) is copied in as it is, never decoded.
//
// Up to `streamAbove` bytes of XML the part is one buffer, deflated whole as before (the same .docx bytes); above it
// the part is handed to the zip as its segments, inflated one at a time as the zip deflates them (io/docx-zip.ts), so
// the whole XML never exists (at 8,000 meetings the report's is 122 MB, and fflate sized its output to it as well).
function withPieces(text: string, pieces: Piece[], fix: (text: string) => string, streamAbove: number): ZipData {
  // First the segments between the pieces and the pieces that need renumbering, as bytes (renumbered in order); then
  // the size is known.
  const segments: (Uint8Array | Piece)[] = [];
  let at = 0;
  for (const m of text.matchAll(PLACEHOLDER_PATTERN)) {
    segments.push(strToU8(fix(text.slice(at, m.index))));
    const n = Number(m[1]);
    const piece = pieces[n]!;
    segments.push(piece.final ? piece : strToU8(fix(strFromU8(inflatePiece(piece)))));
    pieces[n] = GONE;
    at = m.index + m[0].length;
  }
  segments.push(strToU8(fix(text.slice(at))));
  const size = segments.reduce((sum, s) => sum + (s instanceof Uint8Array ? s.length : s.size), 0);
  // Each segment's bytes once, and the segment let go as it is given.
  function* parts(): Generator<Uint8Array> {
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i]!;
      segments[i] = EMPTY;
      yield s instanceof Uint8Array ? s : inflatePiece(s);
    }
  }
  if (size > streamAbove) return { parts };
  const out = new Uint8Array(size);
  let to = 0;
  for (const bytes of parts()) out.set(bytes, to), (to += bytes.length);
  return out;
}

/** Above this many bytes of XML the document part is deflated as it is made, never whole (withPieces). */
export const STREAM_ABOVE = 16 * 1024 * 1024;

// Pieces are kept deflated (raw DEFLATE, fastest level: ~20× smaller, ~0.3 s of CPU for 120 MB) and inflated once, at
// packing. Only their XML counts; the zip's own compression is fflate's, as before, over the whole part.
//
// While the pieces are written the heap is bounded too: V8 lets it grow to about four times what is live before its
// next full collection (at 8,000 meetings ~100–170 MB live, ~480 MB of heap), so once the run has added more than
// WRITING_HEAP one collection is made before the next piece is kept (io/heap.ts; a dozen at 8,000 meetings, none at
// 2,000).
//
// The deflated bytes are copied out of what zlib returns: a small output is a view of zlib's 16 KB output chunk, and
// kept so, every piece held 16 KB (statement MX at 8,000 meetings: ~7,700 one-table pieces of ~1 KB deflated held
// 141 MB).
const keepDeflated = (xml: Uint8Array): Uint8Array => {
  collectIfLarge(WRITING_HEAP);
  return new Uint8Array(deflateRawSync(xml, { level: 1 }));
};
const WRITING_HEAP = 256 * 1024 * 1024;
const inflatePiece = (piece: Piece): Uint8Array => {
  const xml = inflateRawSync(piece.kept);
  if (xml.length !== piece.size) throw new Error(`docx: a piece inflated to ${xml.length} bytes, not ${piece.size}`);
  return xml;
};
const EMPTY = new Uint8Array(0);

const GONE: Piece = { kept: EMPTY, size: 0, final: true };

// The core properties' dates (created, modified): the date of issue (a workbook embedded for a chart has its own).
function stampCore<P extends Record<string, ZipData>>(parts: P, issued: Day): P {
  const core = parts['docProps/core.xml'];
  if (!(core instanceof Uint8Array)) return parts;
  const when = `${issued}T00:00:00Z`;
  (parts as Record<string, ZipData>)['docProps/core.xml'] = strToU8(strFromU8(core).replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${when}$3`));
  return parts;
}

/** A zip whose entries all carry the same time (local fields of this date, as fflate writes DOS local time), laid out
 * as fflate's zipSync lays it out (io/docx-zip.ts). */
function zipFixed(parts: Record<string, ZipData>, issued: Day): Uint8Array {
  const [y, m, d] = issued.split('-').map(Number) as [number, number, number];
  const mtime = new Date(Math.max(1980, y), m - 1, d, 0, 0, 0);
  return zipEntries(Object.entries(parts).map(([name, data]) => [name, name.endsWith('.xlsx') && data instanceof Uint8Array ? zipFixed(stampCore(unzipSync(data), issued), issued) : data]), mtime);
}

/** The .docx bytes of a document, deterministic: same document and date of issue → same bytes. */
export async function packDocx(doc: File, issued: Day, streamAbove = STREAM_ABOVE): Promise<Uint8Array> {
  keepPiecesWith(doc, keepDeflated);
  const packed = unzipSync(await Packer.toBuffer(doc));
  return zipFixed(stampCore(renumber(packed, takePieces(doc), streamAbove), issued), issued);
}

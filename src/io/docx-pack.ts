// A Word document (docx library objects) → the bytes of its .docx file, the same bytes for the same document: the
// library stamps the zip entries and the core properties with the clock, names hyperlink relationships with random
// ids, and numbers bookmarks and drawings from counters that run on across the documents of one process. Here every
// one of those is set from the document itself: the entries' time and the properties' dates from the date of issue,
// ids renumbered in the order they appear. The only packer of .docx files (io/docx.ts reads them).
import type { File } from 'docx';
import { Packer } from 'docx';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Zippable } from 'fflate';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Day } from '../core/dates.js';
import type { Piece } from '../render/docx/deferred.js';
import { collectIfLarge } from './heap.js';
import { keepPiecesWith, PLACEHOLDER_PATTERN, takePieces } from '../render/docx/deferred.js';
import { NUMBERED, RANDOM_REL, RANDOM_REL_USE, relName } from '../render/docx/ids.js';

type Parts = Record<string, Uint8Array>;

const isXml = (name: string): boolean => name.endsWith('.xml') || name.endsWith('.rels');

function renumber(parts: Parts, pieces: Piece[]): Parts {
  const names = Object.keys(parts).sort();
  const texts = new Map(names.filter(isXml).map((n) => [n, strFromU8(parts[n]!)]));
  // Random relationship ids, as the relationship parts declare them: renamed rIdH1, rIdH2, … in order of appearance.
  const rels = new Map<string, string>();
  for (const [, text] of texts) for (const m of text.matchAll(RANDOM_REL)) if (!rels.has(m[1]!)) rels.set(m[1]!, relName(rels.size + 1));
  const counters = new Map<string, Map<string, number>>();
  const out: Parts = {};
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
    else if (name === 'word/document.xml' && pieces.length) out[name] = withPieces(text, pieces, fix);
    else out[name] = strToU8(fix(text));
  }
  return out;
}

// The document's XML with the pieces written apart (render/docx/deferred.ts) in place of their placeholders, each
// segment renumbered in document order (a pattern never spans two: pieces are whole elements), as UTF-8 bytes. The
// pieces were kept deflated (packDocx): each is inflated straight into its place in the one buffer of the whole XML, so
// the XML is whole once, never twice (pieces and their concatenation). A piece written with its final ids (only
// relationship ids in it, named when written) is copied in as it is, never decoded.
function withPieces(text: string, pieces: Piece[], fix: (text: string) => string): Uint8Array {
  // First the segments between the pieces and the pieces that need renumbering, as bytes; then the sizes are known.
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
  const out = new Uint8Array(segments.reduce((sum, s) => sum + (s instanceof Uint8Array ? s.length : s.size), 0));
  let to = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const bytes = s instanceof Uint8Array ? s : inflatePiece(s);
    out.set(bytes, to);
    to += bytes.length;
    segments[i] = EMPTY;
  }
  return out;
}

// Pieces are kept deflated (raw DEFLATE, fastest level: ~20× smaller, ~0.3 s of CPU for 120 MB) and inflated once, at
// packing. Only their XML counts; the zip's own compression is fflate's, as before, over the whole part.
//
// While the pieces are written the heap is bounded too: V8 lets it grow to about four times what is live before its
// next full collection (at 8,000 meetings ~100–170 MB live, ~480 MB of heap), so once the run has added more than
// WRITING_HEAP one collection is made before the next piece is kept (io/heap.ts; a dozen at 8,000 meetings, none at
// 2,000).
const keepDeflated = (xml: Uint8Array): Uint8Array => {
  collectIfLarge(WRITING_HEAP);
  return deflateRawSync(xml, { level: 1 });
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
function stampCore(parts: Parts, issued: Day): Parts {
  const core = parts['docProps/core.xml'];
  if (!core) return parts;
  const when = `${issued}T00:00:00Z`;
  parts['docProps/core.xml'] = strToU8(strFromU8(core).replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${when}$3`));
  return parts;
}

/** A zip whose entries all carry the same time (local fields of this date: fflate writes DOS local time). */
function zipFixed(parts: Parts, issued: Day): Uint8Array {
  const [y, m, d] = issued.split('-').map(Number) as [number, number, number];
  const mtime = new Date(Math.max(1980, y), m - 1, d, 0, 0, 0);
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(parts)) entries[name] = [name.endsWith('.xlsx') ? zipFixed(stampCore(unzipSync(data), issued), issued) : data, { mtime, level: 6 }];
  return zipSync(entries);
}

/** The .docx bytes of a document, deterministic: same document and date of issue → same bytes. */
export async function packDocx(doc: File, issued: Day): Promise<Uint8Array> {
  keepPiecesWith(doc, keepDeflated);
  const packed = unzipSync(await Packer.toBuffer(doc));
  return zipFixed(stampCore(renumber(packed, takePieces(doc)), issued), issued);
}

// Word documents of any size in bounded memory. The docx library builds a document as objects (a paragraph is dozens),
// turns the whole tree into XML objects and then into one string before zipping it: at 2,000 meetings the report's
// 29 MB of XML took 1.6 GB, and at 8,000 the process ran out of heap. Here the bulk of a document — table rows, and
// blocks a section repeats (a statement's groups, the texts of points) — is made only when the library writes it, a
// piece at a time: each piece's objects are made, written to XML text at once (with the library's own context, so
// links get their relationships in the same order as before), kept as UTF-8 bytes, and dropped; the tree holds a
// placeholder element in their place, which io/docx-pack.ts replaces by the pieces' bytes. The XML is the same, byte for
// byte, as the library's for the same objects (test/docx/deferred.test.ts compares the two on whole documents).
//
// A piece whose only unsteady ids are relationship ids (links: every table row, every point) is written with its final
// ids (ids.ts: the n-th random relationship of the document is rIdH<n>, the order the library adds them, which is the
// order of the relationships part io/docx-pack.ts numbers them by), so the packer splices its bytes in as they are:
// at 8,000 meetings it no longer decodes, rewrites six times and encodes again ~120 MB of XML.
import type { IContext, IXmlableObject, TableRow } from 'docx';
import { FileChild } from 'docx';
import { mayHoldCounted, RANDOM_REL, RANDOM_REL_USE, relName } from './ids.js';
import { xmlText } from './xml-text.js';

/** The placeholder a piece leaves in the library's XML: a tag no record text can make (text has `<` escaped). */
const PLACEHOLDER = 'acta:piece';
export const PLACEHOLDER_PATTERN = new RegExp(`<${PLACEHOLDER} n="(\\d+)"/>`, 'g');

/** A piece's XML as kept (see keepPiecesWith), its size as UTF-8, and whether its ids are the packed document's
 * already (`final`, see the file's head). */
export interface Piece {
  readonly kept: Uint8Array;
  readonly size: number;
  readonly final: boolean;
}

interface Written {
  readonly pieces: Piece[];
  /** How a piece's UTF-8 is kept until packing. */
  readonly keep: (xml: Uint8Array) => Uint8Array;
  /** The document's random relationship ids seen so far, by their final names, and how many relationships were read. */
  readonly rels: Map<string, string>;
  read: number;
}

const written_ = (keep: (xml: Uint8Array) => Uint8Array): Written => ({ pieces: [], keep, rels: new Map(), read: 0 });

// The pieces written for each document, by the File the library passes in its context; taken once by the packer.
const written = new WeakMap<object, Written>();
const encoder = new TextEncoder();

/** How the pieces of the document written next are kept until packing (io/docx-pack.ts deflates them: at 8,000
 * meetings ~120 MB of XML as ~6 MB); as they are, unless said. */
export function keepPiecesWith(file: object, keep: (xml: Uint8Array) => Uint8Array): void {
  written.set(file, written_(keep));
}

/** The pieces written while the library wrote this document, in placeholder order (then forgotten). */
export function takePieces(file: object): Piece[] {
  const pieces = written.get(file)?.pieces ?? [];
  written.delete(file);
  return pieces;
}

// The relationships the document has now, read from where the last piece left off: each is written as the packed
// relationships part has it, and its random id, if new, named in order (as the packer names them from that part).
function readRelationships(w: Written, context: IContext): void {
  const all = (context.viewWrapper.Relationships as unknown as { readonly root: readonly unknown[] }).root;
  // root[0] is the part's attributes, then one child per relationship, in the order they are written.
  for (const rel of all.slice(Math.max(1, w.read + 1))) {
    const xml = (rel as FileChild).prepForXml(context);
    if (xml === undefined) continue;
    for (const m of xmlText(xml).matchAll(RANDOM_REL)) if (!w.rels.has(m[1]!)) w.rels.set(m[1]!, relName(w.rels.size + 1));
  }
  w.read = Math.max(w.read, all.length - 1);
}

/** A piece's XML with its final relationship ids, or undefined when it may hold other ids (then the packer renumbers it). */
function finalXml(w: Written, text: string, context: IContext): string | undefined {
  if (mayHoldCounted(text)) return undefined;
  if (!text.includes('"rId')) return text;
  readRelationships(w, context);
  return text.replace(RANDOM_REL_USE, (all, id: string) => (w.rels.has(id) ? `"${w.rels.get(id)!}"` : all));
}

/** A placeholder in the document's tree (a body child, or a table's rows): its components are made when written. */
class Deferred extends FileChild {
  private readonly make: () => readonly (FileChild | TableRow)[];

  constructor(make: () => readonly (FileChild | TableRow)[]) {
    super(PLACEHOLDER);
    this.make = make;
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    const file = context.file as object | undefined;
    if (file === undefined) throw new Error('docx: a deferred piece written outside a document');
    let text = '';
    for (const child of this.make()) {
      const xml = child.prepForXml(context);
      if (xml !== undefined) text += xmlText(xml);
    }
    const w = written.get(file) ?? written.set(file, written_((xml) => xml)).get(file)!;
    const final = finalXml(w, text, context);
    const xml = encoder.encode(final ?? text);
    w.pieces.push({ kept: w.keep(xml), size: xml.length, final: final !== undefined });
    return { [PLACEHOLDER]: { _attr: { n: w.pieces.length - 1 } } };
  }
}

// Off only in the test that proves the pieces write the library's XML (the same documents made whole).
let deferring = true;

/** Whether documents made from now on defer their bulk (a testability hook: test/docx/deferred.test.ts). */
export function setDeferring(on: boolean): void {
  deferring = on;
}

/** Items made into components a chunk at a time when the document is written (at once when not deferring). */
export function deferredChunks<T, C extends FileChild | TableRow>(items: readonly T[], size: number, make: (chunk: readonly T[]) => readonly C[]): (C | Deferred)[] {
  if (!deferring) return [...make(items)];
  const out: Deferred[] = [];
  for (let i = 0; i < items.length; i += size) {
    const chunk = items.slice(i, i + size);
    out.push(new Deferred(() => make(chunk)));
  }
  return out;
}

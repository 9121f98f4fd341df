// Word documents of any size in bounded memory. The docx library builds a document as objects (a paragraph is dozens),
// turns the whole tree into XML objects and then into one string before zipping it: at 2,000 meetings the report's
// 29 MB of XML took 1.6 GB, and at 8,000 the process ran out of heap. Here the bulk of a document — table rows, and
// blocks a section repeats (a statement's groups, the texts of points) — is made only when the library writes it, a
// piece at a time: each piece's objects are made, written to XML text at once (with the library's own context, so
// links get their relationships in the same order as before), kept as UTF-8 bytes, and dropped; the tree holds a
// placeholder element in their place, which io/docx-pack.ts replaces by the pieces' bytes. The XML is the same, byte for
// byte, as the library's for the same objects (test/docx/deferred.test.ts compares the two on whole documents).
import type { IContext, IXmlableObject, TableRow } from 'docx';
import { FileChild } from 'docx';
import { xmlText } from './xml-text.js';

/** The placeholder a piece leaves in the library's XML: a tag no record text can make (text has `<` escaped). */
const PLACEHOLDER = 'acta:piece';
export const PLACEHOLDER_PATTERN = new RegExp(`<${PLACEHOLDER} n="(\\d+)"/>`, 'g');

// The pieces written for each document, by the File the library passes in its context; taken once by the packer.
const written = new WeakMap<object, Uint8Array[]>();
const encoder = new TextEncoder();

/** The pieces written while the library wrote this document, in placeholder order (then forgotten). */
export function takePieces(file: object): Uint8Array[] {
  const pieces = written.get(file) ?? [];
  written.delete(file);
  return pieces;
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
    const pieces = written.get(file) ?? written.set(file, []).get(file)!;
    pieces.push(encoder.encode(text));
    return { [PLACEHOLDER]: { _attr: { n: pieces.length - 1 } } };
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

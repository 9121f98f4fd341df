// The ids a Word document's XML carries that the docx library does not make the same from one run to the next: random
// relationship ids (hyperlinks) and numbers from counters that run on across the documents of one process (bookmarks,
// the table of contents' anchors, drawings). io/docx-pack.ts renumbers them in order of appearance; a piece written
// apart (deferred.ts) with only relationship ids in it gets its final ids when it is written (renamePieceIds).
//
// Only XML markup is rewritten, never text: in a part's XML, text content has `<` escaped, so a pattern that starts
// at `<` or inside a tag's attributes cannot match what a record said.

/** A random relationship id as a relationships part declares it. */
export const RANDOM_REL = /\bId="(rId[0-9a-z_-]{21})"/g;
/** A random relationship id wherever it is used (quoted). */
export const RANDOM_REL_USE = /"(rId[0-9a-z_-]{21})"/g;
/** The name a random relationship id gets: the n-th (from 1) in order of appearance in the package's parts. */
export const relName = (n: number): string => `rIdH${n}`;

/** Counted ids: each space numbered from 1 in order of appearance. */
export const NUMBERED: readonly { readonly pattern: RegExp; readonly space: string }[] = [
  { pattern: /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g, space: 'bookmark' },
  { pattern: /(<w:bookmarkStart\b[^>]*?\bw:name="_Toc)(\d+)(")/g, space: 'toc' },
  { pattern: /(<w:hyperlink\b[^>]*?\bw:anchor="_Toc)(\d+)(")/g, space: 'toc' },
  { pattern: /(<w:instrText\b[^>]*>[^<]*?PAGEREF _Toc)(\d+)(\b)/g, space: 'toc' },
  { pattern: /(<wp:docPr\b[^>]*?\bid=")(\d+)(")/g, space: 'drawing' },
];

/** Whether XML may hold a counted id (a cheap test, true for more than NUMBERED matches: then it is renumbered whole). */
export const mayHoldCounted = (xml: string): boolean => xml.includes('<w:bookmark') || xml.includes('_Toc') || xml.includes('<wp:docPr');

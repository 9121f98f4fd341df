// The canonical layout of a record file: keys in schema order, 2-space indentation, LF line ends, no BOM,
// quotes where a reader could misread a value, comments kept. Refuses (returns a reason: a catalog key of `layout` and
// its parameters, worded at the edge) rather than give back text whose data, comments or own formatting would differ.
import { isMap, isScalar, isSeq, Scalar, visit } from 'yaml';
import type { Document, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { deepEqual } from '../deep-equal.js';
import type { Said } from '../diagnostics.js';
import { say } from '../diagnostics.js';
import { commentTokens, findDuplicateKeys, parseEditable } from '../read/index.js';
import type { KeyOrder } from './key-order.js';
import { canBePlain } from './scalars.js';

/** How canonical text is written. lineWidth 0: a text is never folded, so an edited word is a one-line change. */
export const LAYOUT = { indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true, directives: false } as const;

// uniqueKeys off: the yaml library's duplicate check compares every key with every earlier one (a 10,000-key file
// took 12 s to format); duplicates are found in one pass by findDuplicateKeys instead.
export { PARSE_OPTIONS } from '../read/index.js';

export type FormatOutcome = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: Said };

/** The first line of a YAML library error (its own words, English: quoted as a detail, never translated). */
const firstLine = (e: { message: string }): string => e.message.split('\n')[0] ?? '';

export function formatRecordText(text: string, order: KeyOrder | undefined): FormatOutcome {
  try {
    return formatChecked(text, order);
  } catch (e) {
    return { ok: false, reason: say('layout.cannotFormat', { detail: firstLine(e as Error) }) };
  }
}

function formatChecked(text: string, order: KeyOrder | undefined): FormatOutcome {
  const first = formatOnce(text, order);
  if (!first.ok) return first;
  // Already canonical (the common case, and all of `fmt --check` on a clean repository): the text says what it says,
  // and a second pass over the same text gives the same text — one parse instead of four.
  if (first.text === text) return first;
  const problem = checkSameMeaning(text, first.text);
  if (problem) return { ok: false, reason: problem };
  const second = formatOnce(first.text, order);
  if (!second.ok || second.text !== first.text) return { ok: false, reason: say('layout.unstable') };
  return first;
}

function formatOnce(text: string, order: KeyOrder | undefined): FormatOutcome {
  const source = normaliseLineEnds(text);
  const doc = parseEditable(source);
  if (doc.errors.length > 0) return { ok: false, reason: say('layout.invalidYaml', { detail: firstLine(doc.errors[0]!) }) };
  const duplicate = findDuplicateKeys(doc, source)[0];
  if (duplicate) return { ok: false, reason: say('layout.duplicateKey', { key: String(duplicate.params['key']) }) };
  if (doc.contents === null) return { ok: false, reason: say('layout.noRecord') };
  if (hasAliases(doc)) return { ok: false, reason: say('layout.aliases') };
  hoistHeaderComment(doc);
  reorder(doc.contents, order);
  normaliseNodes(doc);
  return { ok: true, text: doc.toString(LAYOUT) };
}

/** The text of a record's document after an edit (nodes added, changed or removed), for formatRecordText: its scalars
 * quoted and its flow lists written as the formatter writes them, so that a record canonical before the edit is
 * canonical after it, and formatRecordText's first pass gives back the same text (one parse, not the four of a text
 * that needs formatting: first pass, both sides of checkSameMeaning, second pass). What this leaves to the formatter
 * (the keys' order, the header comment, a new multi-line string) it still does; the text formatRecordText returns is
 * the same either way: formatOnce reads back the same nodes, of the same types, from both. */
export function editedText(doc: Document): string {
  normaliseNodes(doc, true);
  return doc.toString(LAYOUT);
}

function hasAliases(doc: Document): boolean {
  let found = false;
  visit(doc, {
    Alias: () => {
      found = true;
      return visit.BREAK;
    },
    Node: (_key, node) => {
      if (node.anchor) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

export function normaliseLineEnds(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

// Comment lines above the first key of the file (the editor modeline, a header) stay at the top of the file.
function hoistHeaderComment(doc: Document): void {
  const map = doc.contents;
  if (!isMap(map)) return;
  const first = map.items[0] as Pair | undefined;
  const key = first?.key;
  if (!isScalar(key) || !key.commentBefore) return;
  map.commentBefore = [map.commentBefore, key.commentBefore].filter(Boolean).join('\n');
  key.commentBefore = undefined;
}

function reorder(node: unknown, order: KeyOrder | undefined): void {
  if (isMap(node)) {
    if (order) sortPairs(node, order.keys);
    for (const pair of node.items) reorder(pair.value, order?.child(keyText(pair.key)));
  } else if (isSeq(node)) {
    const itemOrder = order?.items();
    for (const item of node.items) reorder(item, itemOrder);
  }
}

function sortPairs(map: YAMLMap, keys: readonly string[]): void {
  const rank = (pair: Pair, i: number): number => {
    const at = keys.indexOf(keyText(pair.key));
    return at >= 0 ? at : keys.length + i;
  };
  const ranked = map.items.map((pair, i) => ({ pair, r: rank(pair as Pair, i) }));
  ranked.sort((a, b) => a.r - b.r);
  map.items = ranked.map((x) => x.pair);
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : '';
}

// Keys: plain when every YAML reader (1.1 and 1.2) reads the plain text back as the same string, else double quotes.
// Values keep the author's plain or double quotes where that is safe; unsafe plain and single quotes become double. Flow sequences are written [a, b], flow mappings { a: b }.
// `edited` (editedText): a string node made by an edit (no type yet) that spans lines is left to the yaml library, which
// may write it as a block, as it did before editedText.
function normaliseNodes(doc: Document, edited = false): void {
  visit(doc, {
    Scalar(key, node) {
      if (typeof node.value !== 'string') return;
      if (key === 'key') return void (node.type = canBePlain(node.value) ? Scalar.PLAIN : Scalar.QUOTE_DOUBLE);
      if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) return;
      if (node.type === Scalar.QUOTE_SINGLE || (node.type === Scalar.PLAIN && !canBePlain(node.value))) node.type = Scalar.QUOTE_DOUBLE;
      else if (node.type === undefined && !(edited && /[\n\r]/.test(node.value))) node.type = canBePlain(node.value) ? Scalar.PLAIN : Scalar.QUOTE_DOUBLE;
    },
    Seq(_key, node) {
      if (node.flow) writeUnpadded(node);
    },
  });
}

function writeUnpadded(seq: YAMLSeq): void {
  const write = seq.toString.bind(seq);
  seq.toString = (ctx, onComment, onChompKeep) => write(ctx ? { ...ctx, flowCollectionPadding: '' } : ctx, onComment, onChompKeep);
}

/** Why `after` does not say what `before` says (data or comments), or undefined when it does. */
export function checkSameMeaning(before: string, after: string): Said | undefined {
  const a = dataOf(normaliseLineEnds(before));
  const b = dataOf(after);
  if (!a.ok) return a.reason;
  if (!b.ok) return say('layout.doesNotReadBack', { reason: b.reason });
  if (!deepEqual(a.data, b.data)) return say('layout.changesData');
  if (!deepEqual(commentsOf(before), commentsOf(after))) return say('layout.losesComment');
  return undefined;
}

function dataOf(text: string): { ok: true; data: unknown } | { ok: false; reason: Said } {
  const doc = parseEditable(text);
  if (doc.errors.length > 0) return { ok: false, reason: say('layout.invalidYaml', { detail: firstLine(doc.errors[0]!) }) };
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: 0 }) };
  } catch (e) {
    return { ok: false, reason: say('layout.cannotFormat', { detail: firstLine(e as Error) }) };
  }
}

function commentsOf(text: string): string[] {
  return commentTokens(normaliseLineEnds(text)).sort();
}

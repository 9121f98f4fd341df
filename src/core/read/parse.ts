// Source bytes → parsed YAML with positions. Pure: takes bytes, returns data, a node tree and Diagnostics.
// Bytes are checked and decoded here; compose.ts reads the text in stages that refuse what is slow or unsafe.
import type { Document, LineCounter, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import { composeRecord } from './compose.js';
import type { Diagnostic, Location } from '../diagnostics.js';
import { defaultSeverity, MAX_PROBLEMS_PER_FILE, tooManyProblems } from '../diagnostics.js';
import { readPlainRecord } from './parse-fast.js';
import type { Positions } from './positions.js';
import { plainPositions } from './positions.js';
import type { Problem } from './prescan.js';
import { yaml } from './yaml-library.js';

// Per file. A file at any of them parses in well under a second (npm run bench:limits; README, Hardening); the
// largest bundled record has 1,124 keys, 235 items, about 9,000 tokens and a depth under 20.
export const LIMITS = {
  bytes: 4 * 1024 * 1024,
  /** Mapping entries, however written. */
  keys: 10_000,
  /** List items. */
  items: 10_000,
  /** Lexer tokens plus line breaks and escapes inside scalars: bounds the parser's work and its syntax errors. */
  tokens: 100_000,
  /** Mappings and lists inside one another: far above any record, far below the depth that aborts Node 20. */
  depth: 100,
} as const;

export interface ParsedFile {
  readonly file: string;
  readonly text: string;
  /** The composed document, or undefined when the file could not be read as one YAML document. */
  readonly doc: Document.Parsed | undefined;
  readonly lineCounter: LineCounter;
  /** Plain data (undefined when the file did not parse). */
  readonly data: unknown;
  readonly diagnostics: readonly Diagnostic[];
  /** A plain file's node positions without the yaml library's tree (positions.ts), made on the first ask; absent
   * when the tree is already there, undefined when the fast path does not read the file. */
  readonly positions?: () => Positions | undefined;
}

/** The located path: data, node tree (positions, comments) and every problem. For commands that rewrite a file. */
export function parseRecordFile(file: string, bytes: Uint8Array): ParsedFile {
  const problems: Problem[] = [];
  const { text, readable } = decodeRecord(bytes, problems);
  return readable ? composeText(file, text, problems) : finish(file, text, problems);
}

/** The fast path first (parse-fast.ts): a plain file's data now, its node tree built by the located path only if a
 * later check asks where something is; any other file takes the located path at once. For commands that read. */
export function readRecordFile(file: string, bytes: Uint8Array): ParsedFile {
  const problems: Problem[] = [];
  const { text, readable } = decodeRecord(bytes, problems);
  if (readable && problems.length === 0) {
    const data = readPlainRecord(text, LIMITS);
    if (data !== undefined) return withTreeOnDemand(file, bytes, undefined, data, []);
  }
  return readable ? composeText(file, text, problems) : finish(file, text, problems);
}

// 'UTF-16LE' or 'UTF-16BE' when the bytes are UTF-16: its byte-order mark first, or — without one — text whose first
// characters are ASCII with a zero byte beside each (a record starts with a comment or a key: ASCII).
function utf16Of(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  if (bytes.length < 8) return undefined;
  const zeroAt = (first: number): boolean => {
    for (let i = 0; i < 8; i += 2) if (bytes[i + first] !== 0 || bytes[i + 1 - first] === 0 || bytes[i + 1 - first]! > 0x7f) return false;
    return true;
  };
  return zeroAt(1) ? 'UTF-16LE' : zeroAt(0) ? 'UTF-16BE' : undefined;
}

// Bytes → text, with the problems of the bytes themselves; `readable` false when the text must not be parsed.
function decodeRecord(bytes: Uint8Array, problems: Problem[]): { readonly text: string; readonly readable: boolean } {
  if (bytes.length > LIMITS.bytes) {
    problems.push({ code: 'file/too-large', offset: 0, params: { bytes: bytes.length, limit: LIMITS.bytes } });
    return { text: '', readable: false };
  }
  // UTF-16 (what Windows Notepad saves as "Unicode"): said as such, not as a bad first byte or a NUL.
  const utf16 = utf16Of(bytes);
  if (utf16 !== undefined) {
    problems.push({ code: 'file/encoding', variant: 'utf16', offset: 0, params: { encoding: utf16 } });
    return { text: '', readable: false };
  }
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    const prefix = validPrefix(bytes);
    const at = new TextEncoder().encode(prefix).length;
    // The byte by its value, as a hex editor shows it, and its place counted from 1 (`byte` was once the offset alone).
    problems.push({ code: 'file/encoding', offset: prefix.length, params: { value: `0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')}`, byte: String(at + 1) } });
    return { text: prefix, readable: false };
  }
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    problems.push({ code: 'format/bom', offset: 0, params: {} });
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    problems.push({ code: 'file/nul', offset: nul, params: {} });
    return { text, readable: false };
  }
  const crlf = text.indexOf('\r\n');
  if (crlf >= 0) {
    problems.push({ code: 'format/crlf', offset: text.lastIndexOf('\n', crlf) + 1, params: {} });
  }
  if (!/\S/.test(text)) {
    problems.push({ code: 'file/empty', offset: 0, params: {} });
    return { text, readable: false };
  }
  return { text, readable: true };
}

/** A file parsed elsewhere (a worker thread): its data and diagnostics now, its node tree rebuilt only if asked for.
 * `light`: a file checked elsewhere (a check worker, core/facts.ts `checked`), without its data from the start — what
 * withoutData would make of it, with no entry kept for withoutData (each entry costs every young-generation collection). */
export function withTreeOnDemand(file: string, bytes: Uint8Array, text: string | undefined, data: unknown, diagnostics: readonly Diagnostic[], light = false): ParsedFile {
  let full: ParsedFile | undefined;
  const tree = (): ParsedFile => (full ??= parseRecordFile(file, bytes));
  let positions: Positions | undefined | null = null;
  const make = (data: unknown): ParsedFile => ({
    file,
    // Undefined: the text is the bytes as they decode, made again when asked for (rarely: a located problem, fmt)
    // rather than kept beside the bytes for every file of a run — at 8,000 meetings, tens of megabytes.
    get text() {
      return text ?? full?.text ?? plainText(bytes);
    },
    data,
    diagnostics,
    get doc() {
      return tree().doc;
    },
    get lineCounter() {
      return tree().lineCounter;
    },
    // A file with diagnostics of its own took the located path: its tree is what places them.
    positions: () => (positions === null ? (positions = diagnostics.length || full ? undefined : plainPositions(text ?? plainText(bytes), LIMITS)) : positions),
  });
  const parsed = make(data);
  if (!light) WITHOUT_DATA.set(parsed, () => make(undefined));
  return parsed;
}

const WITHOUT_DATA = new WeakMap<ParsedFile, () => ParsedFile>();

/** The same file without its data: it answers locate, text and doc as the file does (the same bytes, the same positions
 * once made), and keeps the bytes, not the data (validate's facts path, core/facts.ts, drops each record's data once
 * its checks have run). Undefined for a file that holds its node tree or text already (the located path, a cache's
 * copy): such a file is kept whole. */
export function withoutData(parsed: ParsedFile): ParsedFile | undefined {
  const make = WITHOUT_DATA.get(parsed);
  // Asked once, by the facts path: the entry goes (a weak map's entries cost every young-generation collection).
  WITHOUT_DATA.delete(parsed);
  return make?.();
}

/** The bytes as UTF-8 text, as a file with no problem of its bytes decodes (no BOM, no invalid byte). */
export function plainText(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}

// One decoder each, made once: a decoder per file costs as much as decoding a small one (the label lookup). Neither is
// used in stream mode, so they keep no state between calls.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

function composeText(file: string, text: string, problems: Problem[]): ParsedFile {
  const { doc, lineCounter, data } = composeRecord(text, problems, LIMITS);
  return finish(file, text, problems, lineCounter, doc, data);
}

function finish(file: string, text: string, problems: readonly Problem[], lineCounter?: LineCounter, doc?: Document.Parsed, data?: unknown): ParsedFile {
  const lc = lineCounter ?? countLines(text);
  // Hostile input can hold a syntax error every few bytes: only the listed ones become Diagnostics.
  const listed = problems.length > MAX_PROBLEMS_PER_FILE ? [...problems].sort((a, b) => a.offset - b.offset) : problems;
  const diagnostics = listed.slice(0, MAX_PROBLEMS_PER_FILE).map((p) => toDiagnostic(file, lc, p));
  const first = listed[MAX_PROBLEMS_PER_FILE];
  if (first) diagnostics.push(tooManyProblems(locationOf(file, lc, first.offset, first.offset), listed.length - MAX_PROBLEMS_PER_FILE));
  return { file, text, doc, lineCounter: lc, data, diagnostics };
}

// The text before the first invalid byte.
function validPrefix(bytes: Uint8Array): string {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search on the longest valid prefix (allowing a cut inside a character at the end).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  // In stream mode an invalid byte at the end of the prefix reads as an unfinished character: drop it.
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, lo), { stream: true });
}

function countLines(text: string): LineCounter {
  const lc = new (yaml().LineCounter)();
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}

function toDiagnostic(file: string, lc: LineCounter, p: Problem): Diagnostic {
  const loc = locationOf(file, lc, p.offset, p.endOffset ?? p.offset);
  const related = p.related ? [{ ...locationOf(file, lc, p.related.offset, p.related.endOffset), note: p.related.note }] : undefined;
  return { ...loc, code: p.code, severity: defaultSeverity(p.code), ...(p.variant ? { variant: p.variant } : {}), params: p.params, pointer: '', ...(related ? { related } : {}) };
}

export function locationOf(file: string, lc: LineCounter, start: number, end: number): Location {
  const a = lc.linePos(start);
  const b = lc.linePos(Math.max(start, end));
  return { file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

export interface Located {
  /** The node the pointer names, or its nearest existing ancestor. */
  readonly node: YamlNode | undefined;
  /** The pair whose value is the node (to point at a key). */
  readonly pair: Pair | undefined;
  /** True when the whole pointer resolved. */
  readonly exact: boolean;
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

// Walk a JSON pointer through the YAML node tree (our own walker: getIn ignores numeric keys and is going away).
export function findNode(doc: Document.Parsed, pointer: string): Located {
  const { isMap, isSeq } = yaml();
  let node: YamlNode | undefined = (doc.contents ?? undefined) as YamlNode | undefined;
  let pair: Pair | undefined;
  for (const seg of splitPointer(pointer)) {
    if (isMap(node)) {
      const found = pairsByKey(node).get(seg);
      if (!found) return { node, pair, exact: false };
      pair = found;
      node = (found.value ?? found.key) as YamlNode | undefined;
    } else if (isSeq(node)) {
      const item = /^\d+$/.test(seg) ? node.items[Number(seg)] : undefined;
      if (item === undefined) return { node, pair, exact: false };
      pair = undefined;
      node = item as YamlNode;
    } else {
      return { node, pair, exact: false };
    }
  }
  return { node, pair, exact: true };
}

// Each mapping's pairs by key, built once: a file with 10,000 misspelt keys is 10,000 look-ups, not 10,000 scans.
const PAIRS = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairsByKey(map: YAMLMap): Map<string, Pair> {
  let pairs = PAIRS.get(map);
  if (!pairs) {
    pairs = new Map();
    for (const p of map.items) {
      const key = keyText(p.key);
      // The first pair wins, as the linear search did (a duplicate key is reported on its own).
      if (key !== undefined && !pairs.has(key)) pairs.set(key, p as Pair);
    }
    PAIRS.set(map, pairs);
  }
  return pairs;
}

function keyText(key: unknown): string | undefined {
  if (yaml().isScalar(key)) return String(key.value);
  return undefined;
}

/** Location of the value at a pointer (or of its key with `at: 'key'`); falls back to the nearest ancestor. */
export function locate(parsed: ParsedFile, pointer: string, at: 'value' | 'key' = 'value'): Location {
  const fast = parsed.positions?.()?.locate(parsed.file, pointer, at);
  if (fast) return fast;
  const fallback = locationOf(parsed.file, parsed.lineCounter, 0, 0);
  if (!parsed.doc) return fallback;
  const { isMap, isScalar, isSeq } = yaml();
  const { node, pair } = findNode(parsed.doc, pointer);
  const target = at === 'key' && pair && isScalar(pair.key) ? (pair.key as YamlNode) : node;
  const range = target?.range;
  if (!range) return fallback;
  const [start, valueEnd] = range;
  // For a collection, point at its first line rather than spanning the whole block.
  const end = isMap(target) || isSeq(target) ? start : valueEnd;
  return locationOf(parsed.file, parsed.lineCounter, start, end);
}

/** The source text of the scalar at a pointer, when it is a plain scalar (to quote what the user wrote). */
export function sourceTextAt(parsed: ParsedFile, pointer: string): string | undefined {
  if (!parsed.doc) return undefined;
  const { node, exact } = findNode(parsed.doc, pointer);
  if (!exact || !yaml().isScalar(node) || !node.range) return undefined;
  return parsed.text.slice(node.range[0], node.range[1]);
}

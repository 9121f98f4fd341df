// The sanitising policy of every output kind, in one list: record text (and file names) reach an output only through
// the one function of its kind — terminal, csv, html, json, markdown, ics, github. Pure: string in, string out.
import { LazyList } from '../core/queries/lazy-list.js';

/** Code points no output carries raw: C0 controls but tab, LF and CR; DEL; C1 (U+0080–U+009F, U+009B is a CSI);
 * bidi marks, embeddings, overrides and isolates; line and paragraph separators; noncharacters; lone surrogates. */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\p{Noncharacter_Code_Point}\p{Cs}]/gu;
const REPLACEMENT = '\uFFFD';
// A superset of them for a yes/no test, without the u flag (V8 scans such a class several times faster): every
// surrogate (a pair may be a noncharacter, a lone one is unsafe) and the BMP's noncharacters. No g flag: no lastIndex.
const MAYBE_UNSAFE = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029\\ufdd0-\\ufdef\\ufffe\\uffff\\ud800-\\udfff';
const UNSAFE_TOUCHED = new RegExp(`[${MAYBE_UNSAFE}]`);

// One scan that says whether a policy may change anything: most record text is plain words, and returning it as it
// is spares the chain of replace passes (each a scan, with \p{…} classes) and the strings they make. A text the scan
// flags goes through the whole chain, which decides.
const TERMINAL_TOUCHED = new RegExp(`[${MAYBE_UNSAFE}\\r]|::|##\\[`);
const ONE_LINE_TOUCHED = new RegExp(`[${MAYBE_UNSAFE}\\r\\n\\t]|::|##\\[`);
// `#` and `@` only where markdownText acts on them (no ASCII word character before): a record's or a commitment's id
// (`2017-06-21-red-trata#2.b`, in every row of a report) is then plain text, not a pass through the whole chain.
const MARKDOWN_TOUCHED = new RegExp(`[${MAYBE_UNSAFE}\\r\\n\\t&<>\\\\\`*_[\\]|~]|(?<![A-Za-z0-9_])[#@]|::|^[-+]`);
/** HTML content or attribute text that htmlText or markup escaping may change (the site's escapeHtml scans once). */
export const HTML_TOUCHED = new RegExp(`[${MAYBE_UNSAFE}&<>"']`);

/** Every unsafe code point replaced by U+FFFD (visible: a reader sees something was there). Tab, LF and CR stay. */
export function replaceUnsafe(s: string): string {
  if (!UNSAFE_TOUCHED.test(s)) return s;
  return s.replace(UNSAFE, REPLACEMENT);
}

// GitHub's runner reads a log line as a workflow command when, after leading white space, it starts with `::`
// (`::error …::`), or when it holds `##[` anywhere (the legacy `##[error]` form). A zero-width space between the two
// characters keeps the text readable and the line inert.
const COMMAND_START = /:(?=:)|#(?=#\[)/g;

/** Terminal (and CI log): no escape sequences, no carriage returns, no bidi tricks, no workflow commands. Newlines and tabs stay. */
export function terminalSafe(s: string): string {
  if (!TERMINAL_TOUCHED.test(s)) return s;
  return replaceUnsafe(s).replace(/\r/g, '').replace(COMMAND_START, '$&\u200B');
}

/** Terminal, one line: also folds newlines and tabs to spaces. */
export function oneLine(s: string): string {
  if (!ONE_LINE_TOUCHED.test(s)) return s;
  return terminalSafe(s).replace(/[\n\t]+/g, ' ');
}

/** Text for a terminal that may hold acta's own line breaks (stderr notes, usage errors): each line terminal-safe. */
export function terminalLines(s: string): string {
  return s.split('\n').map(terminalSafe).join('\n');
}

/** GitHub workflow command, the message part (the runner's own escaping: % → %25, CR → %0D, LF → %0A). */
export function githubData(s: string): string {
  return replaceUnsafe(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub workflow command, a property value (file=, title=): data escaping plus `:` → %3A and `,` → %2C. */
export function githubProperty(s: string): string {
  return githubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// A spreadsheet reads a cell starting with = + - @ (or tab, CR, LF, or their full-width forms) as a formula; some
// skip leading characters they do not show first: every leading format character (Cf: U+200B, U+FEFF, U+2060…),
// space separator (Zs) or control (Cc), and the replacement of an unsafe one, is skipped before looking.
const FORMULA = /^[\t\r\n]|^[\p{Cf}\p{Zs}\p{Cc}\s\uFFFD]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;

/** CSV: unsafe code points replaced first (so `\0=HYPERLINK(…)` cannot slip past), then formulas prefixed with `'`. */
export function csvText(s: string): string {
  const safe = replaceUnsafe(s);
  return FORMULA.test(safe) ? `'${safe}` : safe;
}

/** Word text (the docx library writes it as XML character data, escaped): no code point XML 1.0 forbids, no bidi
 * controls — a field code or a hyperlink in record text stays the literal characters the reader sees. */
export function docxText(s: string): string {
  return replaceUnsafe(s);
}

/** HTML text (Handlebars escapes the markup): no code point the HTML standard calls invalid, no bidi controls. */
export function htmlText(s: string): string {
  return replaceUnsafe(s);
}

// What JSON.stringify leaves raw but a terminal or an editor acts on: DEL, C1, bidi controls, line/paragraph
// separators, noncharacters (lone surrogates it escapes itself).
// Written without the u flag (noncharacters spelt out: U+FDD0–U+FDEF, and U+xFFFE/U+xFFFF of every plane, as their
// surrogate pairs), which V8 scans several times faster: export -f json passes every byte of its output through it.
// JSON.stringify leaves no lone surrogate, so a pair is always whole; test/render/escape.test.ts holds it to the
// \p{Noncharacter_Code_Point} form on every code point.
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]/g;
const unicodeEscape = (c: string): string => Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');

/** JSON: the value itself, lossless; besides the C0 controls JSON escapes, the characters above become \uXXXX. */
export function jsonText(value: unknown): string {
  // Outside strings JSON.stringify writes only ASCII punctuation, digits and keys' text: every match is inside a string.
  return JSON.stringify(value, null, 2).replace(JSON_RAW, unicodeEscape) + '\n';
}

/** A large value's JSON in pieces (of about 64 KB): exactly jsonText(value), split only between whole members or items
 * of its first `depth` levels of objects and arrays (a LazyList among them is written item by item, each made as it is
 * written), so the whole text never exists as one string. */
export function* jsonTextParts(value: unknown, depth = 2): Generator<string> {
  let buffer = '';
  for (const piece of jsonPieces(value, '', '', depth)) {
    buffer += piece;
    if (buffer.length >= JSON_CHUNK) {
      yield* pieces(buffer.replace(JSON_RAW, unicodeEscape));
      buffer = '';
    }
  }
  yield* pieces(`${buffer}\n`.replace(JSON_RAW, unicodeEscape));
}

/** A long text given out JSON_CHUNK characters at a time (slices: no copy), never between the two halves of a
 * surrogate pair (each piece is encoded on its own when written). */
function* pieces(text: string): Generator<string> {
  let at = 0;
  while (text.length - at > 2 * JSON_CHUNK) {
    let end = at + JSON_CHUNK;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(at, end);
    at = end;
  }
  yield at === 0 ? text : text.slice(at);
}

const JSON_CHUNK = 1 << 16;

/** What JSON.stringify writes nothing for (an object member left out, an array item written null). */
const unwritten = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** toJSON applied as JSON.stringify applies it (with the member's key), except a LazyList's: it is walked instead. */
function resolved(v: unknown, key: string): unknown {
  if (v instanceof LazyList || v === null || typeof v !== 'object') return v;
  const toJSON = (v as { toJSON?: unknown }).toJSON;
  return typeof toJSON === 'function' ? (toJSON as (k: string) => unknown).call(v, key) : v;
}

// JSON.stringify(v, null, 2) as it would appear at this indent: an object's members and an array's items joined as
// it joins them (",\n" and the indent), the levels below `depth` as one JSON.stringify each, re-indented (its only line
// breaks are its own layout: a string's are escaped).
function* jsonPieces(v: unknown, key: string, indent: string, depth: number): Generator<string> {
  const value = resolved(v, key);
  const inner = `${indent}  `;
  if (depth === 1 && (Array.isArray(value) || value instanceof LazyList)) {
    yield* wholeItems(value as Iterable<unknown>, indent, inner);
    return;
  }
  if (depth > 0 && (Array.isArray(value) || value instanceof LazyList)) {
    let i = 0;
    for (const item of value as Iterable<unknown>) {
      yield i === 0 ? `[\n${inner}` : `,\n${inner}`;
      const r = resolved(item, String(i));
      if (unwritten(r)) yield 'null';
      else yield* jsonPieces(r, String(i), inner, depth - 1);
      i++;
    }
    yield i === 0 ? '[]' : `\n${indent}]`;
    return;
  }
  if (depth > 0 && value !== null && typeof value === 'object') {
    let first = true;
    for (const k of Object.keys(value)) {
      const r = resolved((value as Record<string, unknown>)[k], k);
      if (unwritten(r)) continue;
      yield `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(k)}: `;
      first = false;
      yield* jsonPieces(r, k, inner, depth - 1);
    }
    yield first ? '{}' : `\n${indent}}`;
    return;
  }
  const text = JSON.stringify(value, null, 2);
  yield indent ? text.replaceAll('\n', `\n${indent}`) : text;
}

// An array's items written whole (the last level jsonPieces splits), a part's worth at a time through one JSON.stringify: the
// batch wrapped in as many arrays as `inner` has levels of indent, so JSON.stringify writes each item at the indent it
// has here, and what lies between the items is the ",\n" and indent jsonPieces joins them with; the wrapping's own
// head and tail are sliced off. No item is stringified and re-indented alone (a replaceAll over every line of a
// 40 MB export). toJSON is applied first, as JSON.stringify applies it, with the item's own index (a value that
// toJSON gives and that has a toJSON again, which JSON.stringify would not call, is written alone).
function* wholeItems(items: Iterable<unknown>, indent: string, inner: string): Generator<string> {
  const levels = inner.length / 2;
  let head = inner.length;
  let tail = 0;
  for (let j = 0; j < levels; j++) {
    head += 2 * j + 2;
    tail += 2 * j + 2;
  }
  let i = 0;
  let batch: unknown[] = [];
  // How many items a batch takes: one at first, then as many as the last batch's items would fill a part of
  // JSON_CHUNK with, at most twice the last (a batch stays about a part's size whatever the items' size: a report's
  // meetings are large, a statement's sections vary); jsonTextParts cuts what is still longer into parts.
  let size = 1;
  const flush = (): string => {
    let wrapped: unknown = batch;
    for (let j = 1; j < levels; j++) wrapped = [wrapped];
    const text = JSON.stringify(wrapped, null, 2);
    size = Math.max(1, Math.min(MAX_BATCH, 2 * batch.length, Math.floor((JSON_CHUNK * batch.length) / Math.max(1, text.length))));
    batch = [];
    return text.slice(head, text.length - tail);
  };
  for (const item of items) {
    const r = resolved(item, String(i));
    if (r !== null && typeof r === 'object' && !(r instanceof LazyList) && typeof (r as { toJSON?: unknown }).toJSON === 'function') {
      // Written alone, as jsonPieces writes an item (a toJSON that gives a value with a toJSON again).
      if (batch.length > 0) yield flush();
      yield i === 0 ? `[\n${inner}` : `,\n${inner}`;
      yield* jsonPieces(r, String(i), inner, 0);
    } else {
      if (batch.length === 0) yield i === 0 ? `[\n${inner}` : `,\n${inner}`;
      batch.push(r);
      if (batch.length >= size) yield flush();
    }
    i++;
  }
  if (batch.length > 0) yield flush();
  yield i === 0 ? '[]' : `\n${indent}]`;
}

const MAX_BATCH = 256;

/** Markdown (tables and prose): one line, no HTML, no Markdown markup, no @mentions or #references that notify people. */
export function markdownText(s: string): string {
  if (!MARKDOWN_TOUCHED.test(s)) return s;
  return oneLine(s)
    .replace(/[&<>]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt' }[c]};`)
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    // A heading, a mention or a reference starts where no ASCII word character precedes (`grcm#2`, `a.b@c` are plain text).
    .replace(/(?<![A-Za-z0-9_])#/g, '\\#')
    .replace(/(?<![A-Za-z0-9_])@/g, '@&#8203;')
    .replace(/^[-+]/, '\\$&');
}

/** iCalendar TEXT (RFC 5545 §3.3.11): unsafe code points dropped; backslash, semicolon, comma and newline escaped. */
export function icsText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(UNSAFE, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** An own, enumerable, writable member, as Object.fromEntries makes it (a `__proto__` key stays a key). */
function define(o: Record<string, unknown>, k: string, x: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: x, enumerable: true, writable: true, configurable: true });
  else o[k] = x;
}

/** Every string in a value passed through `policy`, deep; numbers, booleans and keys untouched. */
// A part in which the policy changes nothing is returned as it is (not copied), and a frozen part — the actor
// references views share — is mapped once: the copy costs memory in proportion to what changes, not to the model.
export function mapStringsDeep(value: unknown, policy: (s: string) => string): unknown {
  const seen = new Map<object, unknown>();
  const map = (v: unknown): unknown => {
    if (typeof v === 'string') return policy(v);
    if (v === null || typeof v !== 'object') return v;
    const shared = Object.isFrozen(v);
    if (shared && seen.has(v)) return seen.get(v);
    let out: unknown = v;
    // Copied only from the first value the policy changes (before it, the parts are the same): no array of entries
    // nor a copy made for a part that stays as it is.
    if (Array.isArray(v)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        const y = map(x);
        if (copy === undefined && y !== x) copy = v.slice(0, i);
        if (copy !== undefined) copy.push(y);
      }
      if (copy !== undefined) out = copy;
    } else {
      const keys = Object.keys(v);
      let copy: Record<string, unknown> | undefined;
      for (let i = 0; i < keys.length; i++) {
        const x = (v as Record<string, unknown>)[keys[i]!];
        const y = map(x);
        if (copy === undefined && y !== x) {
          copy = {};
          for (let j = 0; j < i; j++) define(copy, keys[j]!, (v as Record<string, unknown>)[keys[j]!]);
        }
        if (copy !== undefined) define(copy, keys[i]!, y);
      }
      if (copy !== undefined) out = copy;
    }
    if (shared) seen.set(v, out);
    return out;
  };
  return map(value);
}

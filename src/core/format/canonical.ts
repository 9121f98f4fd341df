// Whether a record file is already in the canonical layout, decided by reading its lines — without building the
// `yaml` library's document (parse, node tree, toString), which is most of the cost of `acta fmt --check` on a clean
// repository (issue 24 point 4). The verdict is one-sided: true only where formatRecordText would give back these
// very bytes; false means "may differ" and the formatter decides. So the check accepts only a narrow layout it can
// follow exactly — the layout the formatter writes, in its common shapes:
//   - comment lines (`# …`) at the top only, right above the first key; no blank line anywhere;
//   - block mappings with plain keys (letters, digits, `_`, `-`), or JSON-quoted ones where the formatter quotes them
//     (`"2017":`), in schema order, no key twice; 2-space indentation, lists indented
//     under their key (`key:` then `  - item`), a mapping in a list starting on the dash line;
//   - one-line scalars: plain strings every YAML reader reads back as themselves, double-quoted strings written as
//     JSON writes them, small integers, true/false/null; flow lists of such strings written `[a, b]`; `{}`.
// Anything else — flow mappings, block scalars, single quotes, other keys, comments after the top, anchors,
// tabs, control characters, CR, a BOM, trailing spaces, a missing final newline — goes to the formatter.
// test/fmt/canonical.test.ts holds the property that a true verdict is never wrong, over many layouts.
import type { KeyOrder } from './key-order.js';
import { canBePlain } from './scalars.js';

/** True only when formatRecordText(text, order) would return `text` unchanged. */
export function isCanonicalLayout(text: string, order: KeyOrder | undefined): boolean {
  if (!text.endsWith('\n') || text.includes('\n\n') || text.includes(' \n') || UNSAFE_CHARACTER.test(text)) return false;
  const lines = text.slice(0, -1).split('\n');
  let at = 0;
  while (at < lines.length && lines[at]!.startsWith('#')) {
    if (!HEADER_COMMENT.test(lines[at]!)) return false;
    at++;
  }
  if (at === lines.length) return false;
  const reader = new Lines(lines, at);
  return readMapping(reader, 0, order) && reader.done();
}

// Characters the formatter (or the yaml library writing a scalar) may escape, fold or treat as a line break or a
// byte-order mark, and lone surrogates: none is in the accepted layout. Tab and CR are among the first range.
const UNSAFE_CHARACTER = /[\x00-\x09\x0b-\x1f\x7f-\xa0\u2028\u2029\ufeff\ud800-\udfff]/u;
// `#` then text with a non-space in it (a bare `#`, or `#` and spaces only, are written differently; trailing spaces
// are ruled out for every line above).
const HEADER_COMMENT = /^#(?: *\S.*)$/;
// A plain key the formatter keeps plain (canBePlain is asked too: `no`, `on`, `null`… are quoted).
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*/;
// Integers the yaml library writes back digit for digit (no sign +, no leading zero, no exponent, exact in a double).
const INTEGER = /^(?:0|-?[1-9][0-9]{0,14})$/;
const KEYWORD = /^(?:true|false|null)$/;

class Lines {
  private indent = -1;
  private content = '';

  constructor(private readonly lines: readonly string[], private at: number) {
    this.load();
  }

  /** The indentation of the current line (-1 past the end). */
  get column(): number {
    return this.indent;
  }

  /** The current line after its indentation. */
  get text(): string {
    return this.content;
  }

  done(): boolean {
    return this.at >= this.lines.length;
  }

  next(): void {
    this.at++;
    this.load();
  }

  /** Reads the rest of a `- ` line as a line of its own, two columns further in. */
  enterItem(): void {
    this.indent += 2;
    this.content = this.content.slice(2);
  }

  private load(): void {
    const line = this.lines[this.at];
    if (line === undefined) {
      this.indent = -1;
      this.content = '';
      return;
    }
    let i = 0;
    while (line.charCodeAt(i) === 32) i++;
    this.indent = i;
    this.content = line.slice(i);
  }
}

// A block mapping whose keys sit at `column`: every key in the order the formatter sorts them into, no key twice.
function readMapping(lines: Lines, column: number, order: KeyOrder | undefined): boolean {
  const seen = new Set<string>();
  let last = -1;
  let index = 0;
  while (lines.column === column) {
    const entry = keyOf(lines.text);
    if (!entry || seen.has(entry.key)) return false;
    const { key, value } = entry;
    seen.add(key);
    const known = order ? order.keys.indexOf(key) : -1;
    const rank = known >= 0 ? known : (order?.keys.length ?? 0) + index;
    if (rank < last) return false;
    last = rank;
    index++;
    const child = order?.child(key);
    if (value === undefined) {
      // A nested mapping or list on the following lines, two columns in (a list too: the layout indents lists).
      lines.next();
      if (lines.column !== column + 2) return false;
      if (lines.text.startsWith('- ') ? !readList(lines, column + 2, child) : !readMapping(lines, column + 2, child)) return false;
    } else {
      if (!isCanonicalScalarOrFlow(value)) return false;
      lines.next();
    }
  }
  return index > 0 && lines.column < column;
}

// `key:` or `key: value`, the key as the formatter writes it: plain when canBePlain says it may be, else in double
// quotes as JSON writes it (`"2017":`). Undefined for anything else (single quotes, `? ` keys, a long key the yaml
// library would write as an explicit key…).
function keyOf(text: string): { key: string; value: string | undefined } | undefined {
  let key: string;
  let after: number;
  if (text.startsWith('"')) {
    const end = closingQuote(text, 0);
    if (end < 0) return undefined;
    const quoted = text.slice(0, end + 1);
    if (!isCanonicalQuoted(quoted)) return undefined;
    key = JSON.parse(quoted) as string;
    if (readsBackPlain(key)) return undefined;
    after = end + 1;
  } else {
    const m = PLAIN_KEY.exec(text);
    if (!m || !readsBackPlain(m[0])) return undefined;
    key = m[0];
    after = key.length;
  }
  if (key.length > 1000 || text[after] !== ':') return undefined;
  if (after + 1 === text.length) return { key, value: undefined };
  return text[after + 1] === ' ' ? { key, value: text.slice(after + 2) } : undefined;
}

/** The index of the `"` that closes the double-quoted text opening at `start`, or -1. */
function closingQuote(text: string, start: number, end = text.length): number {
  let j = start + 1;
  while (j < end && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
  return j < end ? j : -1;
}

// A block list whose dashes sit at `column`: scalars, flow lists, or mappings starting on the dash line.
function readList(lines: Lines, column: number, order: KeyOrder | undefined): boolean {
  const items = order?.items();
  let count = 0;
  while (lines.column === column) {
    if (!lines.text.startsWith('- ')) return false;
    lines.enterItem();
    const text = lines.text;
    if (text.startsWith(' ') || text.startsWith('- ')) return false;
    if (keyOf(text)) {
      if (!readMapping(lines, column + 2, items)) return false;
    } else {
      if (!isCanonicalScalarOrFlow(text)) return false;
      lines.next();
    }
    count++;
  }
  return count > 0 && lines.column < column;
}

function isCanonicalScalarOrFlow(value: string): boolean {
  if (value.startsWith('[')) return isCanonicalFlowList(value);
  if (value === '{}') return true;
  if (value.startsWith('"')) return isCanonicalQuoted(value);
  return isCanonicalPlainString(value, false) || INTEGER.test(value) || KEYWORD.test(value);
}

// The formatter keeps a double-quoted value double-quoted, and the yaml library writes it as JSON.stringify does
// for text without control characters, lone surrogates or line separators (all ruled out above): every character
// as it is but `"` and `\`, escaped. So the source must be exactly that: no other escape.
const QUOTED = /^"(?:[^"\\]|\\["\\])*"$/;
function isCanonicalQuoted(value: string): boolean {
  return QUOTED.test(value);
}

// A plain scalar stays plain when every YAML reader reads it back as the same string (canBePlain), and the yaml
// library writes it as it is: not in a flow list when it holds a flow indicator, not when it could be read as a
// document marker.
function isCanonicalPlainString(value: string, inFlow: boolean): boolean {
  if (inFlow && /[[\]{},:#]/.test(value)) return false;
  if (/^(?:---|\.\.\.)/.test(value) || /[\n\t ]#|: |[ :]$/.test(value)) return false;
  return readsBackPlain(value);
}

// canBePlain asks the yaml library to read the text as YAML 1.1 and 1.2 (twice a distinct value: most of the cost of
// this check on a corpus of ids and names). Words of letters, digits, `_`, `-`, `.` and single spaces, starting with
// a letter, read back as themselves but for the words YAML 1.1 or 1.2 reads as a boolean or null, and `e1`, `E-5`…
// which the yaml library's YAML 1.1 float pattern takes (its mantissa may be empty): no other number, date, float or
// special value of either starts with a letter (`.inf`, `.nan` start with a dot). The test holds this against
// canBePlain on generated words.
const WORDS = /^[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f][A-Za-z0-9_.\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f-]*(?: [A-Za-z0-9_.\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f-]+)*$/;
const READ_AS_OTHER = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'null', 'Null', 'NULL']);
// Ids that start with a digit (2017-03-16-red-nna) read back as themselves when they hold a letter no number or date
// of YAML 1.1 or 1.2 can hold: numbers use only a–f (hex), b, o, x (bases) and e (exponents); dates t and z, and then
// a colon, which these ids have none of.
const DIGIT_ID = /^[0-9][0-9A-Za-z_.-]*$/;
const NOT_IN_A_NUMBER = /[g-np-su-wyG-NP-SU-WY]/;
export function readsBackPlain(value: string): boolean {
  if (value.length <= 200) {
    if (WORDS.test(value)) return !READ_AS_OTHER.has(value) && !/^[eE][-+]?[0-9]+$/.test(value);
    if (DIGIT_ID.test(value) && NOT_IN_A_NUMBER.test(value)) return true;
  }
  return canBePlain(value);
}

// `[]` or `[a, "b", c]`: plain or double-quoted strings, one space after each comma, none inside the brackets.
function isCanonicalFlowList(value: string): boolean {
  if (value === '[]') return true;
  if (!value.endsWith(']') || value.length < 3) return false;
  let i = 1;
  const end = value.length - 1;
  for (;;) {
    let item: string;
    if (value[i] === '"') {
      const j = closingQuote(value, i, end);
      if (j < 0) return false;
      item = value.slice(i, j + 1);
      if (!isCanonicalQuoted(item)) return false;
      i = j + 1;
    } else {
      const comma = value.indexOf(',', i);
      const stop = comma < 0 || comma > end ? end : comma;
      item = value.slice(i, stop);
      if (!isCanonicalPlainString(item, true)) return false;
      i = stop;
    }
    if (i === end) return true;
    if (value[i] !== ',' || value[i + 1] !== ' ') return false;
    i += 2;
  }
}

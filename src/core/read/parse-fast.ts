// The fast path: a plain record file's data read by js-yaml, without positions. It answers only for files the located
// path (compose.ts, the yaml library) would read to the same data with no problem at all; for anything else it
// answers undefined and the caller takes the located path. test/parse/differential.test.ts holds it to that.
import jsYaml from 'js-yaml';
import type { PrescanLimits } from './prescan.js';
import { prescan } from './prescan.js';
import { yaml } from './yaml-library.js';

/** The file's data, or undefined when the located path must read it (a problem, or any doubt). */
export function readPlainRecord(text: string, limits: PrescanLimits, also?: NodeListener): unknown {
  if (!isPlainText(text)) return undefined;
  // When the count the pre-scan would reach is bounded below the limit, no lexing (see tokenBound, at most twice the length).
  if (text.length * 2 > limits.tokens && tokenBound(text) > limits.tokens && !prescan(new (yaml().Lexer)().lex(text), [], limits)) return undefined;
  let data: unknown;
  try {
    const watch = watchNodes(limits);
    const copy = WIDE.test(text) ? narrowCopy : ownCopy;
    // One listener shape whether or not positions are kept: js-yaml's hot loop, optimised on the fast path's
    // listener, is not thrown back to the interpreter by a second kind of function (positions.ts, cold in a run).
    const listener: NodeListener = (event, state) => {
      watch(event, state);
      if (also) also(event, state);
      if (event === 'close' && typeof state.result === 'string') (state as { result: unknown }).result = copy(state.result);
    };
    data = jsYaml.load(text, { schema: CORE_SCHEMA, listener } as jsYaml.LoadOptions);
  } catch {
    return undefined; // js-yaml refuses, or the listener doubts: the located path says why, with a position
  }
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? data : undefined;
}

// js-yaml takes a scalar as a slice of the file's text (V8 makes a substring of 13 characters or more a view into its
// parent), so one kept string kept the whole text: every file's text lived as long as its data, ~4 MB per 1,000
// meetings (11 MB at 2,000, of which the data's strings are 2.8 MB). Each such scalar is copied as it closes, so the
// text can go once the file is read. Same characters: the data is unchanged (test/parse/own-strings.test.ts).
const SLICE_MIN = 13;
function ownCopy(s: string): string {
  // A rope of a space and the slice, flattened by the slice of it: a new flat string that holds the slice's characters.
  return s.length < SLICE_MIN ? s : (' ' + s).slice(1);
}

// A text with one character beyond Latin-1 (a typographic quote, an ellipsis, a dash: common in records) is held by V8
// two bytes a character, and so is every slice and copy of it — "Panamá", "2001-2006-red-nna" too. A value made from
// such a string is two-byte as well, and JSON.stringify, meeting one, writes all the rest of its text two-byte: at
// 2,000 meetings the group labels (registries/groups.yaml) and the plans' scalars made nearly every batch of
// `export -f json` two-byte (twice the bytes to build, escape and encode). In such a text each scalar without a
// character beyond Latin-1 is copied one byte a character (JSON.parse writes a string one-byte when it can); the
// characters are the same.
const WIDE = /[^\x00-\xff]/;
function narrowCopy(s: string): string {
  return WIDE.test(s) ? ownCopy(s) : (JSON.parse(JSON.stringify(s)) as string);
}

/** At least the count the pre-scan (prescan.ts) would reach on `text`'s lexer tokens, found without lexing: on a
 * plain file the pre-scan refuses nothing but too many tokens (depth, keys and items are held lower by watchNodes
 * below), so a file whose bound is within the limit needs no lexer. The count is, per token the lexer yields (its
 * own markers excepted), 1, plus the line breaks and backslashes inside a scalar's token. Tokens are disjoint slices
 * of the text and only an empty block scalar's content is ever empty (the yaml library's Lexer yields '' only there,
 * after a `|` or `>` header, at most once per header), so the count is at most the text's length, plus its line breaks
 * and backslashes, plus its `|` and `>`. An 83,000-character work plan bounds at 84,000 against 100,000: the lexer
 * (cold code, the whole `yaml` package loaded for it) no longer runs on validate's fast path. */
export function tokenBound(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 92 || c === 124 || c === 62) n++;
  }
  return n;
}

// Text that may hold something the fast path does not read as the located path does, or that the located path
// reports. Anywhere in the file, even inside quoted text: rare in records, and never wrong.
const DOUBTFUL_TEXT: readonly RegExp[] = [
  // Tags, anchors, aliases, directives; tabs, CR, BOM.
  /[\t\r\ufeff!&*%]/,
  // `?` explicit and complex keys; a flow collection as a key (`[a]: b`).
  /\?(?:[ \n]|$)|[\]}] *:/,
  // A comment glued to a quote or bracket (js-yaml takes `"a"#b` as a comment, the yaml library refuses it).
  /["'\]}]#/,
  // A block scalar whose first line is blank (js-yaml does not ask for an indentation indicator).
  /[|>][-+0-9]* *(?:#[^\n]*)?\n *\n/,
  // A block scalar with an indentation indicator or keep chomping (`|2`, `>-1`, `|+`): js-yaml keeps spaces-only
  // lines past the indentation and a last line with no line break that the yaml library drops (issue 26 point 9).
  /[|>][-+]?[1-9]|[|>][1-9]?\+/,
  // Document markers (a directive end, a second document, a document end).
  /^(?:---|\.\.\.)(?:[ \n]|$)/m,
  /__proto__/,
];

// The doubts above as one expression, one pass over the text instead of one each (the alternatives start with
// different characters, so the engine skips to where one may start): 2–4× less time on the benchmark corpus. The same
// answer: only the document markers need the multi-line flag, and under it the `$` of the `?` doubt matches before a
// line break, which its `[ \n]` already does.
const ANY_DOUBT = new RegExp(DOUBTFUL_TEXT.map((doubt) => `(?:${doubt.source})`).join('|'), 'm');

function isPlainText(text: string): boolean {
  if (ANY_DOUBT.test(text)) return false;
  return !hasBareDash(text) && !mayHaveEmptyKey(text) && !mayHaveLongKey(text);
}

// A list item with nothing after its dash on the line (`-`, `- -`, `- # c`): js-yaml reads the next lines into it
// by other indentation rules than the yaml library's, even when they are wrong (issue 26 point 9).
const BARE_DASH_LINE = /^ *(?:- +)*- *(?:#[^\n]*)?$/;
// Where such a line may end: a dash, then spaces, then the line's end or a comment. Every line of that form has one,
// and a match never reaches past its own line, so testing the line of each match finds every such line; the
// multi-line expression alone tried its pattern at every line start of every file (8 % of the fast path).
const DASH_AT_LINE_END = /- *(?:\n|$|#)/g;

function hasBareDash(text: string): boolean {
  DASH_AT_LINE_END.lastIndex = 0;
  for (let m = DASH_AT_LINE_END.exec(text); m; m = DASH_AT_LINE_END.exec(text)) {
    const start = text.lastIndexOf('\n', m.index) + 1;
    const end = text.indexOf('\n', m.index);
    if (BARE_DASH_LINE.test(text.slice(start, end < 0 ? text.length : end))) return true;
  }
  return false;
}

// An implicit key is at most 1024 characters (YAML 1.2, 7.4.1): the yaml library refuses a longer one, js-yaml reads
// it. A doubt on any line longer than that whose first `: ` (or final `:`) comes past that length; each long line is
// scanned once, up to its first such colon, so the check stays linear.
const LONGEST_KEY = 1024;
function mayHaveLongKey(text: string): boolean {
  if (text.length <= LONGEST_KEY) return false;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > LONGEST_KEY) {
      for (let i = start; i < end; i++) {
        if (text.charCodeAt(i) !== 58) continue;
        const after = text.charCodeAt(i + 1);
        if (Number.isNaN(after) || after === 10 || after === 32) {
          if (i - start > LONGEST_KEY) return true;
          break;
        }
      }
    }
    start = end + 1;
  }
  return false;
}

// A key left empty (`: a`, `- : a`, `{: a}`) is 'null' to js-yaml and '' to the yaml library: a doubt wherever a `:`
// that ends a key follows a space, a dash, a line break or a flow indicator. A loop over the colons: a regular
// expression tries each line's indentation, several times slower.
function mayHaveEmptyKey(text: string): boolean {
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    const before = i === 0 ? 10 : text.charCodeAt(i - 1);
    if (before !== 10 && before !== 32 && before !== 45 && before !== 91 && before !== 123 && before !== 44) continue;
    const after = text.charCodeAt(i + 1);
    if (Number.isNaN(after) || after === 10 || after === 32 || after === 44 || after === 91 || after === 93 || after === 123 || after === 125) return true;
  }
  return false;
}

// The scalars of the yaml library's core schema (yaml/dist/schema/core), tested and converted exactly as it does, for
// plain scalars only (js-yaml, like yaml, types only those).
export const CORE_SCALARS: readonly { readonly test: RegExp; readonly value: (s: string) => unknown }[] = [
  { test: /^(?:~|[Nn]ull|NULL)?$/, value: () => null },
  { test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, value: (s) => s[0] === 't' || s[0] === 'T' },
  { test: /^0o[0-7]+$/, value: (s) => parseInt(s.substring(2), 8) },
  { test: /^[-+]?[0-9]+$/, value: (s) => parseInt(s, 10) },
  { test: /^0x[0-9a-fA-F]+$/, value: (s) => parseInt(s.substring(2), 16) },
  { test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, value: (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY) },
  { test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, value: (s) => parseFloat(s) },
  { test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, value: (s) => parseFloat(s) },
];

const DATE_LIKE = /^[0-9]{4}-/;

// A plain scalar that starts with a letter is a core scalar only as one of these words (null and the booleans): every
// other core scalar starts with `-`, `+`, `.`, a digit or `~`.
const CORE_WORDS: ReadonlyMap<string, (typeof CORE_SCALARS)[number]> = new Map([
  ...['null', 'Null', 'NULL'].map((w) => [w, CORE_SCALARS[0]!] as const),
  ...['true', 'True', 'TRUE', 'false', 'False', 'FALSE'].map((w) => [w, CORE_SCALARS[1]!] as const),
]);

/** The core scalar a plain scalar reads as (its test and conversion), or undefined for a string. Called on every
 * plain scalar of every file, keys included (640,000 at 2,000 meetings): the first character decides, and only
 * text that may be a number goes through the expressions — a key such as `title` or `number` used to try all eight. */
export function coreScalarOf(s: string): (typeof CORE_SCALARS)[number] | undefined {
  const c = s.charCodeAt(0);
  // n N t T f F: a word (four or five letters) or nothing.
  if (c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70) return s.length === 4 || s.length === 5 ? CORE_WORDS.get(s) : undefined;
  // Anything else but - + . 0-9 ~ starts no core scalar.
  if (!(c === 45 || c === 43 || c === 46 || (c >= 48 && c <= 57) || c === 126)) return undefined;
  // Four digits and a dash (every date, most record ids) start no core scalar: no number has a dash after a digit
  // but in its exponent, which comes after `e`.
  if (s.charCodeAt(4) === 45 && DATE_LIKE.test(s)) return undefined;
  for (const scalar of CORE_SCALARS) if (scalar.test.test(s)) return scalar;
  return undefined;
}

// A key is its source text to the yaml library (`stringKeys`), and String(value) to js-yaml, which types keys like
// values: the two agree exactly when String(value) gives back the source (3, true, null; not 0x10, 1.0, ~, True).
// Any other typed scalar, key or value, is a doubt. A private tag name: an explicit `!!int` stays unknown, an error.
const CORE_SCALAR_TYPE = new jsYaml.Type('tag:acta.invalid,2026:core-scalar', {
  kind: 'scalar',
  resolve: (s: unknown) => typeof s === 'string' && coreScalarOf(s) !== undefined,
  construct: (s: string) => {
    const value = coreScalarOf(s)!.value(s);
    if (String(value) !== s) throw new Error(`${s} would read as ${String(value)}`);
    return value;
  },
});

// No str, seq or map types either: untagged nodes need none, and any explicit tag is unknown.
const CORE_SCHEMA = new jsYaml.Schema({ implicit: [CORE_SCALAR_TYPE], explicit: [] });

export interface ComposerState {
  readonly input: string;
  readonly position: number;
  readonly kind: string | null;
  readonly result: unknown;
}

/** js-yaml's listener: called as each node opens and closes (positions.ts keeps where). */
export type NodeListener = (event: 'open' | 'close', state: ComposerState) => void;

// Node by node, as js-yaml composes them (the listener sees where each starts and ends):
// - depth and node count at most half the located path's depth and key or item limits (every key and every item is
//   a node, or more; the margin covers every way the pre-scan counts more than the data has, such as `[a: b]` as two levels);
// - a line break inside a quoted or plain scalar, or a flow collection (`[…]`, `{…}`), is a doubt: js-yaml does not
//   hold its lines to the indentation the yaml library (and the spec) asks for. Block scalars (`|`, `>`) are read alike.
function watchNodes(limits: PrescanLimits): NodeListener {
  const starts: number[] = [];
  const maxDepth = limits.depth / 2;
  let nodes = Math.min(limits.keys, limits.items) / 2;
  // The next line break at or after `from` (nodes come in order: one search per line, not one per node).
  let from = -1;
  let lineEnd = -1;
  return (event, state) => {
    if (event === 'open') {
      if (starts.push(state.position) > maxDepth) throw new Error('deep');
      if (--nodes < 0) throw new Error('many nodes');
      return;
    }
    let at = starts.pop()!;
    const input = state.input;
    // The node's first character: past spaces, line breaks and comment lines before it (it has no tag or anchor).
    for (let c = input.charCodeAt(at); c === 32 || c === 10 || c === 35; c = input.charCodeAt(at)) at = c === 35 ? input.indexOf('\n', at) : at + 1;
    if (at < 0) return;
    const first = input.charCodeAt(at);
    if (state.kind !== 'scalar') {
      // A flow collection over several lines: js-yaml does not hold its lines to the indentation either.
      if ((first === 91 || first === 123) && input.lastIndexOf('\n', state.position - 1) > at) throw new Error('a flow collection over several lines');
      return;
    }
    if (first === 124 || first === 62) return; // | or >: a block scalar
    if (at < from || at > lineEnd) {
      from = at;
      lineEnd = input.indexOf('\n', at);
      if (lineEnd < 0) lineEnd = input.length;
    }
    if (state.position > lineEnd) throw new Error('a scalar over several lines');
  };
}

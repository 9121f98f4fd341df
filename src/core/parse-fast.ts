// The fast path: a plain record file's data read by js-yaml, without positions. It answers only for files the located
// path (compose.ts, the yaml library) would read to the same data with no problem at all; for anything else it
// answers undefined and the caller takes the located path. test/parse/differential.test.ts holds it to that.
import jsYaml from 'js-yaml';
import type { PrescanLimits } from './prescan.js';
import { prescan } from './prescan.js';
import { yaml } from './yaml-library.js';

/** The file's data, or undefined when the located path must read it (a problem, or any doubt). */
export function readPlainRecord(text: string, limits: PrescanLimits): unknown {
  if (!isPlainText(text)) return undefined;
  // Below this length the token count cannot reach the limit (a token counts at most 1 + its length): no lexing.
  if (text.length * 4 > limits.tokens && !prescan(new (yaml().Lexer)().lex(text), [], limits)) return undefined;
  let data: unknown;
  try {
    data = jsYaml.load(text, { ...LOAD_OPTIONS, listener: singleLineFlowScalars() } as jsYaml.LoadOptions);
  } catch {
    return undefined; // js-yaml refuses: the located path says why, with a position
  }
  return isPlainRecord(data, limits) ? data : undefined;
}

// js-yaml does not hold the lines of a quoted scalar to the indentation the yaml library (and the spec) asks for:
// a line break inside a quoted or plain scalar sends the file to the located path (block scalars `|` `>` are read
// alike). Node by node, as js-yaml composes them: the listener sees where each node starts and ends.
interface ComposerState {
  readonly input: string;
  readonly position: number;
  readonly kind: string | null;
}

function singleLineFlowScalars(): (event: 'open' | 'close', state: ComposerState) => void {
  const starts: number[] = [];
  // The next line break at or after `from` (nodes come in order: one search per line, not one per node).
  let from = -1;
  let lineEnd = -1;
  return (event, state) => {
    if (event === 'open') {
      starts.push(state.position);
      return;
    }
    let at = starts.pop()!;
    if (state.kind !== 'scalar') return;
    const input = state.input;
    // The node's first character: past spaces, line breaks and comment lines before it (it has no tag or anchor).
    for (let c = input.charCodeAt(at); c === 32 || c === 10 || c === 35; c = input.charCodeAt(at)) at = c === 35 ? input.indexOf('\n', at) : at + 1;
    if (at < 0) return;
    const first = input.charCodeAt(at);
    if (first === 124 || first === 62) return; // | or >: a block scalar
    if (at < from || at > lineEnd) {
      from = at;
      lineEnd = input.indexOf('\n', at);
      if (lineEnd < 0) lineEnd = input.length;
    }
    if (state.position > lineEnd) throw new Error('a scalar over several lines');
  };
}

// Characters and lines that may start something the fast path does not read as the located path does, or that the
// located path reports: tags `!`, anchors `&`, aliases `*`, directives `%`, tabs, CR and BOM, document markers, `?`
// (explicit and complex keys), a flow collection as a key (`[a]: b`), and `__proto__`. Any of them anywhere, even
// inside quoted text, sends the file to the located path: rare in records, and never wrong. So do a comment right after
// a quote or bracket (js-yaml takes `"a"#b` as a comment), and a block scalar whose first lines are blank (js-yaml
// does not ask for an indentation indicator when they are indented more than the text).
const DOUBTFUL_CHARACTER = /[\t\r\ufeff!&*%]|\?(?:[ \n]|$)|[\]}] *:|["'\]}]#|[|>][-+0-9]* *(?:#[^\n]*)?\n *\n/;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:[ \n]|$)/m;

function isPlainText(text: string): boolean {
  return !DOUBTFUL_CHARACTER.test(text) && !DOCUMENT_MARKER.test(text) && !text.includes('__proto__');
}

// The scalars of the yaml library's core schema (yaml/dist/schema/core), tested and converted exactly as it does, for
// plain scalars only (js-yaml, like yaml, types only those). Private tag names: an explicit `!!int` is unknown.
const CORE_SCALARS: readonly { readonly test: RegExp; readonly value: (s: string) => unknown }[] = [
  { test: /^(?:~|[Nn]ull|NULL)?$/, value: () => null },
  { test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, value: (s) => s[0] === 't' || s[0] === 'T' },
  { test: /^0o[0-7]+$/, value: (s) => parseInt(s.substring(2), 8) },
  { test: /^[-+]?[0-9]+$/, value: (s) => parseInt(s, 10) },
  { test: /^0x[0-9a-fA-F]+$/, value: (s) => parseInt(s.substring(2), 16) },
  { test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, value: (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY) },
  { test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, value: (s) => parseFloat(s) },
  { test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, value: (s) => parseFloat(s) },
];

// Every core scalar but the null `~` starts with one of these (or is `null`, `true`, `false` in some case).
const MAY_BE_TYPED = /^[-+.0-9~nNtTfF]/;

function coreScalarOf(s: string): (typeof CORE_SCALARS)[number] | undefined {
  if (!MAY_BE_TYPED.test(s)) return undefined;
  for (const scalar of CORE_SCALARS) if (scalar.test.test(s)) return scalar;
  return undefined;
}

// A typed scalar as js-yaml hands it over: its value, and its source text for when it is a key (js-yaml makes a key of
// String(node), which gives the source, as the yaml library's `stringKeys` does; the tag lets it through as an object).
class CoreScalar {
  constructor(readonly value: unknown, readonly source: string) {}
  toString(): string {
    return this.source;
  }
  get [Symbol.toStringTag](): string {
    return 'CoreScalar';
  }
}

const CORE_SCALAR_TYPE = new jsYaml.Type('tag:acta.invalid,2026:core-scalar', {
  kind: 'scalar',
  resolve: (s: unknown) => typeof s === 'string' && coreScalarOf(s) !== undefined,
  construct: (s: string) => new CoreScalar(coreScalarOf(s)!.value(s), s),
});

const LOAD_OPTIONS = {
  // No str, seq or map types either: untagged nodes need none, and any explicit tag is unknown (an error).
  schema: new jsYaml.Schema({ implicit: [CORE_SCALAR_TYPE], explicit: [] }),
  // js-yaml's own bound on its recursion; the depth the located path allows is checked on the data below.
  maxDepth: 64,
} as jsYaml.LoadOptions;

// A key js-yaml made of an empty node (`: x`) is 'null', where the yaml library has ''; a key written `null` is 'null' on
// both: a file with the key 'null' goes to the located path.
const DOUBTFUL_KEY = 'null';

interface Walk {
  keys: number;
  items: number;
}

// A mapping at the top; depth, keys and items at most half the limits (the pre-scan counts `[a: b]` as two levels,
// a pair's `?` and `:` twice: the margin covers every way it counts more than the data has); keys as above. Typed
// scalars are replaced by their values on the way.
function isPlainRecord(data: unknown, limits: PrescanLimits): boolean {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || data instanceof CoreScalar) return false;
  const walk: Walk = { keys: 0, items: 0 };
  const stack: [unknown, number][] = [[data, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth * 2 > limits.depth) return false;
    if (Array.isArray(value)) {
      walk.items += value.length;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item instanceof CoreScalar) value[i] = item.value;
        else if (item !== null && typeof item === 'object') stack.push([item, depth + 1]);
      }
    } else {
      const map = value as Record<string, unknown>;
      for (const key of Object.keys(map)) {
        if (key === DOUBTFUL_KEY) return false;
        walk.keys++;
        const item = map[key];
        if (item instanceof CoreScalar) map[key] = item.value;
        else if (item !== null && typeof item === 'object') stack.push([item, depth + 1]);
      }
    }
    if (walk.keys * 2 > limits.keys || walk.items * 2 > limits.items) return false;
  }
  return true;
}

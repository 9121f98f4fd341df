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
    data = jsYaml.load(text, LOAD_OPTIONS);
  } catch {
    return undefined; // js-yaml refuses: the located path says why, with a position
  }
  return isPlainRecord(data, limits) ? data : undefined;
}

// Characters and lines that may start something the fast path does not read as the located path does, or that the
// located path reports: tags `!`, anchors `&`, aliases `*`, directives `%`, tabs and CR, document markers, `?`
// (explicit and complex keys), a flow collection as a key (`[a]: b`), and `__proto__`. Any of them anywhere, even
// inside quoted text, sends the file to the located path: rare in records, and never wrong.
const DOUBTFUL_CHARACTER = /[\t\r!&*%]|\?(?:[ \n]|$)|[\]}] *:/;
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

const CORE_SCALAR_TYPE = new jsYaml.Type('tag:acta.invalid,2026:core-scalar', {
  kind: 'scalar',
  resolve: (s: unknown) => typeof s === 'string' && coreScalarOf(s) !== undefined,
  construct: (s: string) => coreScalarOf(s)!.value(s),
});

const LOAD_OPTIONS = {
  // No str, seq or map types either: untagged nodes need none, and any explicit tag is unknown (an error).
  schema: new jsYaml.Schema({ implicit: [CORE_SCALAR_TYPE], explicit: [] }),
  // js-yaml's own bound on its recursion; the depth the located path allows is checked on the data below.
  maxDepth: 64,
} as jsYaml.LoadOptions;

// A key as the yaml library reads it with `stringKeys` is its source text; js-yaml types it first and then makes a
// string of the value. They agree on every key but one js-yaml may have made of a number, true/false or null (the
// forms String() gives them), except a plain decimal like 2017: those (and the empty key) go to the located path.
const TYPED_KEY = /^(?:-?(?:[0-9]+(?:\.[0-9]+)?(?:e[-+][0-9]+)?|Infinity)|NaN|null|true|false)$/;
const PLAIN_DECIMAL = /^(?:0|[1-9][0-9]{0,14})$/;

interface Walk {
  keys: number;
  items: number;
}

// A mapping at the top; depth, keys and items at most half the limits (the pre-scan counts `[a: b]` as two levels,
// a pair's `?` and `:` twice: the margin covers every way it counts more than the data has); keys as above.
function isPlainRecord(data: unknown, limits: PrescanLimits): boolean {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  const walk: Walk = { keys: 0, items: 0 };
  const stack: [unknown, number][] = [[data, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth * 2 > limits.depth) return false;
    if (Array.isArray(value)) {
      walk.items += value.length;
      for (const item of value) if (item !== null && typeof item === 'object') stack.push([item, depth + 1]);
    } else {
      for (const key of Object.keys(value as object)) {
        if (key === '' || (TYPED_KEY.test(key) && !PLAIN_DECIMAL.test(key))) return false;
        walk.keys++;
        const item = (value as Record<string, unknown>)[key];
        if (item !== null && typeof item === 'object') stack.push([item, depth + 1]);
      }
    }
    if (walk.keys * 2 > limits.keys || walk.items * 2 > limits.items) return false;
  }
  return true;
}

// The yaml library says what it found in English, in its own terms ("Implicit keys need to be on a single line"). The
// mistakes people make writing a record by hand are said in the catalog's words instead, with their fix: each row is
// a library error code and the start of its message, the variant of `yaml/syntax` it becomes, and the parameters the
// message's own words give. Any other error keeps the library's words (`detail`), as before.
import type { DiagnosticParams } from '../diagnostics.js';

type Row = readonly [code: string, message: RegExp, variant: string, params?: (m: RegExpExecArray) => DiagnosticParams];

const ROWS: readonly Row[] = [
  // `body st` (no colon), or a key written over two lines.
  ['MULTILINE_IMPLICIT_KEY', /^Implicit keys need to be on a single line/, 'missingColon'],
  ['MISSING_CHAR', /^Implicit map keys need to be followed by map values/, 'missingColon'],
  // `es: Reunión: la ST` — a colon and a space inside a plain value.
  ['BLOCK_AS_IMPLICIT_KEY', /^Nested mappings are not allowed in compact mappings/, 'colonInValue'],
  ['BAD_INDENT', /^All (mapping|sequence) items must start at the same column/, 'indent', (m) => ({ kind: m[1] === 'sequence' ? 'list' : 'mapping' })],
  ['MISSING_CHAR', /^Missing closing ("|')quote/, 'unclosedQuote', (m) => ({ quote: m[1]! })],
  ['BAD_INDENT', /^Flow (?:sequence|map) in block collection must be sufficiently indented and end with a ([\]}])/, 'unclosedFlow', (m) => ({ bracket: m[1]! })],
  ['BAD_SCALAR_START', /^Plain value cannot start with .*(\S)$/, 'reservedStart', (m) => ({ char: m[1]! })],
  // `es: "Reunión" de la red` — text after a closing quote or bracket.
  ['UNEXPECTED_TOKEN', /^Unexpected scalar at node end/, 'afterClosing'],
];

/** The variant of `yaml/syntax` for the library's error, and its parameters; undefined for one said in its words. */
export function syntaxVariant(code: string, message: string): { readonly variant: string; readonly params: DiagnosticParams } | undefined {
  for (const [c, pattern, variant, params] of ROWS) {
    if (c !== code) continue;
    const m = pattern.exec(message);
    if (m) return { variant, params: params ? params(m) : {} };
  }
  return undefined;
}

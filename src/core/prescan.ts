// The first, linear pass over a file's lexer tokens, before any tree is built: refuse what would be slow or unsafe
// to compose (deep nesting can abort the process on Node 20; many keys make duplicate checking quadratic), and the
// YAML features records do not use (anchors, aliases, %YAML directives).
import type { Code } from './diagnostics.js';
import { yaml } from './yaml-library.js';

/** A problem found while reading a file, at a source offset (parse.ts turns it into a Diagnostic). */
export interface Problem {
  code: Code;
  message: string;
  hint?: string;
  offset: number;
  endOffset?: number;
}

const MARKER_DOCUMENT = '\x02';
const MARKER_FLOW_END = '\x18';
const MARKER_SCALAR = '\x1f';

/** False (with the problem pushed) when the file must not be composed. */
export function prescan(tokens: Iterable<string>, problems: Problem[], limits: { readonly depth: number; readonly keys: number }): boolean {
  let offset = 0;
  let flow = 0;
  let indent = 0;
  let inline = 0;
  let lineStart = true;
  let keys = 0;
  const { CST } = yaml();
  for (const token of tokens) {
    // The lexer's own markers are not source text: they take no room.
    if (token === MARKER_DOCUMENT || token === MARKER_FLOW_END || token === MARKER_SCALAR) continue;
    const type = CST.tokenType(token);
    switch (type) {
      case 'newline':
        lineStart = true;
        indent = 0;
        inline = 0;
        break;
      case 'space':
        if (lineStart) indent = token.length;
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
        if (flow === 0) inline++;
        break;
      case 'map-value-ind':
        keys++;
        if (flow === 0) inline++;
        break;
      case 'flow-map-start':
      case 'flow-seq-start':
        flow++;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        flow = Math.max(0, flow - 1);
        break;
      case 'alias':
      case 'anchor':
        problems.push({ code: 'yaml/alias', offset, endOffset: offset + token.length, message: `${type === 'alias' ? 'alias' : 'anchor'} \`${token.slice(0, 40)}\` — records do not use anchors or aliases`, hint: 'write the value out in full' });
        return false;
      case 'directive-line':
        if (/^%YAML\b/.test(token)) {
          problems.push({ code: 'yaml/directive', offset, endOffset: offset + token.length, message: `\`${token.trim().slice(0, 40)}\` would make YAML read NO as false and dates as timestamps`, hint: 'delete the %YAML line: acta reads every record as YAML 1.2' });
          return false;
        }
        break;
      default:
        break;
    }
    if (type !== 'space' && type !== 'newline') lineStart = false;
    if (indent + inline + flow > limits.depth) {
      problems.push({ code: 'yaml/too-deep', offset, message: `nesting here is deeper than ${limits.depth} levels`, hint: 'records need a dozen levels at most: flatten the structure' });
      return false;
    }
    if (keys > limits.keys) {
      problems.push({ code: 'yaml/too-many-keys', offset, message: `the file has more than ${limits.keys} keys`, hint: 'split it into several records' });
      return false;
    }
    offset += token.length;
  }
  return true;
}

// The first, linear pass over a file's lexer tokens, before any tree is built: refuse what would be slow or unsafe
// to compose (deep nesting can abort the process on Node 20; many keys make duplicate checking quadratic), and the
// YAML features records do not use (anchors, aliases, tags, directives).
import type { Code, DiagnosticParams, Phrase } from '../diagnostics.js';
import type { BlockNesting } from './block-nesting.js';
import { nestingDepth, readNesting, startNesting } from './block-nesting.js';
import { yaml } from './yaml-library.js';

/** A problem found while reading a file, at a source offset (parse.ts turns it into a Diagnostic). */
export interface Problem {
  code: Code;
  /** Which of the code's messages, when not its own. */
  variant?: string;
  params: DiagnosticParams;
  offset: number;
  endOffset?: number;
  /** Another place the problem involves (where a duplicate key first appears). */
  related?: { readonly offset: number; readonly endOffset: number; readonly note: Phrase };
}

export interface PrescanLimits {
  readonly depth: number;
  /** Mapping entries in the whole file, however written (`k: v`, `? k`, `{k0, k1}`). */
  readonly keys: number;
  /** Sequence items in the whole file (`- x`, `[x, y]`). */
  readonly items: number;
  /** Lexer tokens, plus the line breaks and escapes inside scalars: a bound on the work, and on the syntax errors, of composing. */
  readonly tokens: number;
}

interface FlowLevel {
  readonly kind: 'map' | 'seq';
  /** True once the current entry (since the bracket or the last comma) has been counted. */
  counted: boolean;
  /** `-`, `?` and `:` in the current entry: past a map's own `:`, each nests one level (`[a: b]` is a list of a
   * mapping; `{a: b: c}` and `{- - x}` are errors the parser still nests, thousands deep if let). */
  indicators: number;
}

function flowWeight(level: FlowLevel): number {
  return 1 + Math.max(0, level.indicators - (level.kind === 'map' ? 1 : 0));
}

const MARKER_DOCUMENT = '\x02';
const MARKER_FLOW_END = '\x18';
const MARKER_SCALAR = '\x1f';

interface State {
  offset: number;
  /** The open flow brackets, innermost last. */
  readonly flow: FlowLevel[];
  /** The nesting they make (the sum of their weights). */
  flowDepth: number;
  readonly block: BlockNesting;
  keys: number;
  items: number;
  tokens: number;
  /** The lexer announces a plain or block scalar's text with a marker: the next token is content, whatever it starts with. */
  scalarNext: boolean;
}

/** False (with the problem pushed) when the file must not be composed. */
export function prescan(tokens: Iterable<string>, problems: Problem[], limits: PrescanLimits): boolean {
  const s: State = { offset: 0, flow: [], flowDepth: 0, block: startNesting(), keys: 0, items: 0, tokens: 0, scalarNext: false };
  const { CST } = yaml();
  for (const token of tokens) {
    if (token === MARKER_SCALAR) {
      s.scalarNext = true;
      continue;
    }
    // The lexer's own markers are not source text: they take no room.
    if (token === MARKER_DOCUMENT || token === MARKER_FLOW_END) continue;
    const type = s.scalarNext ? 'scalar' : CST.tokenType(token);
    s.scalarNext = false;
    s.tokens += type === 'scalar' || type === 'double-quoted-scalar' || type === 'single-quoted-scalar' ? 1 + breaksAndEscapes(token) : 1;
    if (s.tokens > limits.tokens) {
      problems.push({ code: 'yaml/too-many-tokens', offset: s.offset, params: { limit: limits.tokens } });
      return false;
    }
    const problem = step(s, type, token, limits);
    if (problem) {
      problems.push(problem);
      return false;
    }
    s.offset += token.length;
  }
  return true;
}

function directiveProblem(directive: string): { variant?: string; params: DiagnosticParams } {
  const version = /^%YAML\s+(\S+)/.exec(directive)?.[1];
  const params = { directive };
  if (version === '1.2') return { variant: 'yaml12', params };
  if (version !== undefined) return { variant: 'version', params };
  if (directive.startsWith('%TAG')) return { variant: 'tag', params };
  return { params };
}

// A line break or escape inside a scalar can be one syntax error each (bad indentation, bad escape).
function breaksAndEscapes(token: string): number {
  let n = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c === 10 || c === 92) n++;
  }
  return n;
}

function step(s: State, type: string | null | undefined, token: string, limits: PrescanLimits): Problem | undefined {
  const at = { offset: s.offset, endOffset: s.offset + token.length };
  switch (type) {
    case 'alias':
    case 'anchor':
      return { code: 'yaml/alias', ...at, params: { kind: type, token: token.slice(0, 40) } };
    case 'directive-line':
      return { code: 'yaml/directive', ...at, ...directiveProblem(token.trim().slice(0, 40)) };
    case 'tag':
      return { code: 'yaml/tag', ...at, params: { tag: token.slice(0, 40) } };
    default:
      break;
  }
  readNesting(s.block, type, token, s.offset, s.flow.length === 0);
  if (type === 'newline' || type === 'space' || type === 'comment') return undefined;
  countToken(s, type);
  if (nestingDepth(s.block) + s.flowDepth > limits.depth) {
    return { code: 'yaml/too-deep', offset: s.offset, params: { limit: limits.depth } };
  }
  if (s.keys > limits.keys) {
    return { code: 'yaml/too-many-keys', offset: s.offset, params: { limit: limits.keys } };
  }
  if (s.items > limits.items) {
    return { code: 'yaml/too-many-items', offset: s.offset, params: { limit: limits.items } };
  }
  return undefined;
}

// Every mapping entry and sequence item counts, however it is written: in block context by its indicator (`? k`
// and its `:` count twice, which errs on the safe side), in flow context once per entry between commas.
function countToken(s: State, type: string | null | undefined): void {
  const top = s.flow[s.flow.length - 1];
  if (type === 'comma') {
    // An empty entry (`[,,]`) is an error, but one the composer builds a node for: it counts.
    if (top && !top.counted) countFlow(s, top);
    if (top) {
      top.counted = false;
      setIndicators(s, top, 0);
    }
    return;
  }
  if (top && !top.counted && type !== 'flow-map-end' && type !== 'flow-seq-end') countFlow(s, top);
  switch (type) {
    case 'seq-item-ind':
      if (top) setIndicators(s, top, top.indicators + 1);
      else countBlock(s, 'items');
      break;
    case 'explicit-key-ind':
    case 'map-value-ind':
      if (top) setIndicators(s, top, top.indicators + 1);
      else countBlock(s, 'keys');
      break;
    case 'flow-map-start':
    case 'flow-seq-start':
      s.flow.push({ kind: type === 'flow-map-start' ? 'map' : 'seq', counted: false, indicators: 0 });
      s.flowDepth += 1;
      break;
    case 'flow-map-end':
    case 'flow-seq-end':
      if (top) s.flowDepth -= flowWeight(top);
      s.flow.pop();
      break;
    default:
      break;
  }
}

function setIndicators(s: State, level: FlowLevel, indicators: number): void {
  s.flowDepth -= flowWeight(level);
  level.indicators = indicators;
  s.flowDepth += flowWeight(level);
}

function countFlow(s: State, top: FlowLevel): void {
  top.counted = true;
  if (top.kind === 'map') s.keys++;
  else s.items++;
}

function countBlock(s: State, what: 'keys' | 'items'): void {
  s[what]++;
}

// Where a pointer is in a plain file, without the yaml library: the fast path's own reading (js-yaml, parse-fast.ts)
// once more, with a listener that keeps each node's start and end. Only for a file the fast path reads (so the yaml
// library would read it to the same data with no problem), and only for the nodes whose range it gives exactly as the
// yaml library does: block and flow collections, single-line plain and quoted scalars, keys. Anything else (a block
// scalar, an empty value, a shape it does not expect) answers undefined and the caller builds the yaml library's tree
// (parse.ts, locate). test/parse/positions.test.ts holds every answer to the tree's over the fixtures, the bundled
// records and generated files. A validate run that reports a few warnings in a clean corpus no longer composes those
// files with the yaml library (cold code there: ~45 ms a file).
import type { Location } from '../diagnostics.js';
import { readPlainRecord } from './parse-fast.js';
import type { PrescanLimits } from './prescan.js';

type Kind = 'map' | 'seq' | 'scalar' | 'unknown';

interface PositionNode {
  readonly kind: Kind;
  readonly start: number;
  readonly end: number;
  /** A scalar's value as text: a key's name, as the yaml library's stringKeys gives it (the fast path reads only
   * files where a typed key's value prints as its source). */
  readonly text?: string;
  /** A mapping's pairs by key text; a sequence's items. */
  readonly pairs?: ReadonlyMap<string, { readonly key: PositionNode; readonly value: PositionNode }>;
  readonly items?: readonly PositionNode[];
}

/** `linePos` as the yaml library's LineCounter answers it (1-based line and column). */
export interface LinePositions {
  linePos(offset: number): { line: number; col: number };
}

export interface Positions {
  /** Where the value (or, with 'key', the key) at `pointer` is, as parse.ts's locate answers from the yaml library's
   * tree; undefined when this reading cannot say exactly (the caller asks the tree). */
  locate(file: string, pointer: string, at: 'value' | 'key'): Location | undefined;
}

const KINDS: Readonly<Record<string, Kind>> = { scalar: 'scalar', sequence: 'seq', mapping: 'map' };

interface Frame {
  readonly open: number;
  readonly children: PositionNode[];
}

interface ListenerState {
  readonly input: string;
  readonly position: number;
  readonly kind: string | null;
  readonly result: unknown;
}

/** The positions of a plain file's nodes, or undefined when the fast path does not read it. */
export function plainPositions(text: string, limits: PrescanLimits): Positions | undefined {
  const stack: Frame[] = [];
  let root: PositionNode | undefined;
  const listener = (event: 'open' | 'close', state: ListenerState): void => {
    if (event === 'open') {
      stack.push({ open: state.position, children: [] });
      return;
    }
    const frame = stack.pop()!;
    const node = nodeOf(text, frame, state);
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else root = node;
  };
  if (readPlainRecord(text, limits, listener) === undefined || !root) return undefined;
  const lines = lineStarts(text);
  const top = root;
  return {
    locate(file, pointer, at) {
      const target = findTarget(top, pointer, at);
      if (!target || target.kind === 'unknown') return undefined;
      const end = target.kind === 'scalar' ? target.end : target.start;
      return locationAt(file, lines, target.start, end);
    },
  };
}

function nodeOf(input: string, frame: Frame, state: ListenerState): PositionNode {
  let at = frame.open;
  // The node's first character: past spaces, line breaks and comment lines before it (a plain file has no tag or
  // anchor), as parse-fast.ts's watchNodes finds it.
  for (let c = input.charCodeAt(at); c === 32 || c === 10 || c === 35; c = input.charCodeAt(at)) {
    if (c === 35) {
      at = input.indexOf('\n', at);
      if (at < 0) return unknown(frame.open);
    } else {
      at++;
    }
  }
  const first = input.charCodeAt(at);
  // js-yaml tries a block mapping's key first wherever one may start: a node that turns out not to be one (a list
  // item `- [a]`, a value) closes twice, the try inside the node itself. The inner one is the node.
  const only = frame.children.length === 1 ? frame.children[0]! : undefined;
  if (only && only.start === at && only.kind === KINDS[state.kind ?? '']) return only;
  if (state.kind === 'scalar') {
    // A block scalar ends where the yaml library's range says after its last line, not where js-yaml stops: asked of the tree.
    if (first === 124 || first === 62) return unknown(at);
    // A quoted scalar ends after its closing quote, where js-yaml stops; a plain one before the spaces js-yaml passed.
    let end = state.position;
    if (first !== 34 && first !== 39) while (end > at && input.charCodeAt(end - 1) === 32) end--;
    // Plain files hold a scalar to one line (watchNodes): any other shape is not this reading's to place.
    if (end <= at || input.lastIndexOf('\n', end - 1) >= at) return unknown(at);
    return { kind: 'scalar', start: at, end, text: String(state.result) };
  }
  if (state.kind === 'sequence') {
    const result = state.result;
    if (!Array.isArray(result) || result.length !== frame.children.length) return unknown(at);
    return { kind: 'seq', start: at, end: at, items: frame.children };
  }
  if (state.kind === 'mapping') {
    const children = frame.children;
    if (children.length % 2 !== 0) return unknown(at);
    const pairs = new Map<string, { key: PositionNode; value: PositionNode }>();
    const result = state.result as Record<string, unknown> | null;
    for (let i = 0; i < children.length; i += 2) {
      const key = children[i]!;
      if (key.kind !== 'scalar') return unknown(at);
      const name = key.text!;
      if (pairs.has(name) || result === null || typeof result !== 'object' || !Object.prototype.hasOwnProperty.call(result, name)) return unknown(at);
      pairs.set(name, { key, value: children[i + 1]! });
    }
    if (Object.keys(result ?? {}).length !== pairs.size) return unknown(at);
    return { kind: 'map', start: at, end: at, pairs };
  }
  return unknown(at);
}

function unknown(at: number): PositionNode {
  return { kind: 'unknown', start: at, end: at };
}

// The yaml library's walk of a pointer (parse.ts, findNode and locate): the value at the pointer or its nearest
// existing ancestor; with 'key', the key of the last mapping entry passed, when the walk ended in a mapping's value.
function findTarget(root: PositionNode, pointer: string, at: 'value' | 'key'): PositionNode | undefined {
  let node: PositionNode = root;
  let pairKey: PositionNode | undefined;
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const seg of segments) {
    if (node.kind === 'map') {
      const found = node.pairs!.get(seg);
      if (!found) break;
      pairKey = found.key;
      node = found.value;
    } else if (node.kind === 'seq') {
      const item = /^\d+$/.test(seg) ? node.items![Number(seg)] : undefined;
      if (item === undefined) break;
      pairKey = undefined;
      node = item;
    } else if (node.kind === 'unknown') {
      // A node this reading does not know the shape of: whether the walk goes on, the tree says.
      return undefined;
    } else {
      break;
    }
  }
  return at === 'key' && pairKey ? pairKey : node;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

// The yaml library's LineCounter.linePos over the same line starts.
function linePos(starts: readonly number[], offset: number): { line: number; col: number } {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  if (starts[low] === offset) return { line: low + 1, col: 1 };
  if (low === 0) return { line: 0, col: offset };
  return { line: low, col: offset - starts[low - 1]! + 1 };
}

function locationAt(file: string, starts: readonly number[], start: number, end: number): Location {
  const a = linePos(starts, start);
  const b = linePos(starts, Math.max(start, end));
  return { file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

// Block nesting, read from the lexer's tokens as the pre-scan passes them: each `-`, `?` and implicit key's `:`
// opens a level at its node's column, and a later token at that column or left of it closes the levels it leaves.
// Only content counts: a long block scalar, a deeply indented comment or a blank line of spaces is no nesting.

interface Level {
  readonly column: number;
  /** A list item (`-`): a list at the column of the key just above it is a level of its own. */
  readonly seq: boolean;
}

export interface BlockNesting {
  /** The open levels, innermost last. */
  readonly levels: Level[];
  /** Source offset where the current line starts. */
  lineOffset: number;
  /** Column of the first content token since the last indicator on this line: where an implicit key starts. */
  keyColumn: number | undefined;
  /** The last content token was a block `:` with nothing after it: a list may follow at the key's column. */
  openKey: boolean;
  /** The last content token was a block scalar's header (`|`, `>-`): the next is its text, which closes nothing. */
  blockScalar: boolean;
}

export function startNesting(): BlockNesting {
  return { levels: [], lineOffset: 0, keyColumn: undefined, openKey: false, blockScalar: false };
}

/** A token of source text at `offset`; `block` is false inside flow brackets (they are counted apart). */
export function readNesting(n: BlockNesting, type: string | null | undefined, token: string, offset: number, block: boolean): void {
  if (type === 'newline') {
    n.lineOffset = offset + token.length;
    n.keyColumn = undefined;
    return;
  }
  if (type === 'space' || type === 'comment') return;
  if (block && !(n.blockScalar && type === 'scalar')) readBlockToken(n, type, offset - n.lineOffset);
  n.openKey = block && type === 'map-value-ind';
  n.blockScalar = type === 'block-scalar-header';
  const lastBreak = token.lastIndexOf('\n');
  if (lastBreak >= 0) {
    // A multi-line scalar (or a block scalar's text, which ends with its line break): columns restart after it.
    n.lineOffset = offset + lastBreak + 1;
    n.keyColumn = undefined;
  }
}

export function nestingDepth(n: BlockNesting): number {
  return n.levels.length;
}

function readBlockToken(n: BlockNesting, type: string | null | undefined, column: number): void {
  switch (type) {
    case 'doc-start':
    case 'doc-end':
      n.levels.length = 0;
      n.keyColumn = undefined;
      return;
    case 'seq-item-ind':
    case 'explicit-key-ind':
      open(n, column, type === 'seq-item-ind');
      n.keyColumn = undefined;
      return;
    case 'map-value-ind':
      open(n, n.keyColumn ?? column, false);
      n.keyColumn = undefined;
      return;
    default:
      close(n, column);
      n.keyColumn ??= column;
  }
}

function close(n: BlockNesting, column: number): void {
  const { levels } = n;
  while (levels.length > 0 && levels[levels.length - 1]!.column > column) levels.pop();
}

function open(n: BlockNesting, column: number, seq: boolean): void {
  const { levels } = n;
  close(n, column);
  const top = levels[levels.length - 1];
  // Same column: a sibling takes the level's place, except a list that is the value of the key just above it.
  if (top && top.column === column && !(seq && !top.seq && n.openKey)) {
    levels.pop();
    const under = levels[levels.length - 1];
    // A key after such a list, at the same column: the list has ended, and the key is the mapping's sibling.
    if (!seq && top.seq && under && under.column === column && !under.seq) levels.pop();
  }
  levels.push({ column, seq });
}

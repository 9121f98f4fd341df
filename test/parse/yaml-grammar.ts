// A grammar-based generator of YAML texts shaped like records, for the reading-agreement test (issue 26 point 9):
// block mappings and sequences (compact, nested, empty items, items whose content starts on the next line), block
// scalars with every header (| and >, chomping - + or none, an indentation indicator 1–9 before or after it, a
// comment after it) and bodies with blank, spaces-only, less- and more-indented lines; plain, single- and
// double-quoted scalars on one line or several; flow collections on one line or several; comments and whitespace at
// every place; and the file's end with or without a final line break, with trailing spaces or blank lines. Indents
// are drawn around the right ones, so many texts are invalid on purpose: the fast path must refuse those too.
// Pure and deterministic: a text is a function of its seed.

/** mulberry32: a small seeded generator, so a document is reproduced from its seed alone. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Draw {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

const WORDS = ['a', 'b', 'id', 'text', 'es', 'en', 'x y', 'México', 'é', '1', '2017', '0', '-1', '1.5', 'true', 'null', '~', 'yes', 'a:b', 'a-b', 'http://x.org/a?b=1', '2017-07-21',
  'a#b', 'a  b', 'x\u00a0y', 'x\u2028y', 'x\u0085y', 'x\u200bz', '0x1F', '1e3', '.5', '+1', 'a,b', 'a]', 'a}', '@x', '%x', '`x`', '\u0007', '\ufffe', '\ud83d\ude00'];
const ESCAPES = ['', '\\t', '\\n', '\\u00e9', '\\"', ' \\\\', '\\x41', '\\U0001F600', '\\N', '\\_', '\\L', '\\P', '\\e', '\\0', '\\a', '\\/', '\\ ', '\\q', '\\x4', '\\ud83d'];
const KEYS = ['a', 'b', 'c', 'id', 'text', 'number', 'es', 'en', 'k1', 'x y', '1', '2017', 'true', 'null'];

export interface GrammarOptions {
  /** Deepest nesting of block collections. */
  readonly depth: number;
}

export function generateYaml(seed: number, options: GrammarOptions = { depth: 3 }): string {
  const d = new Draw(random(seed));
  const out: string[] = [];

  // Whitespace and comments at every place.
  const trailing = (): string => (d.chance(0.12) ? ' '.repeat(d.int(1, 3)) : '') + (d.chance(0.1) ? ` # ${d.pick(WORDS)}` : '');
  const between = (indent: number): string => {
    let s = '';
    while (d.chance(0.15)) {
      const kind = d.int(0, 3);
      if (kind === 0) s += '\n';
      else if (kind === 1) s += ' '.repeat(d.int(1, indent + 4)) + '\n';
      else s += ' '.repeat(d.chance(0.7) ? indent : d.int(0, indent + 3)) + `# ${d.pick(WORDS)}\n`;
    }
    return s;
  };
  // An indent near the right one: mostly right, sometimes one off either way.
  const near = (right: number, min = 0): number => {
    const r = d.next();
    const n = r < 0.85 ? right : r < 0.93 ? right + 1 : right - 1;
    return Math.max(min, n);
  };

  const plain = (): string => d.pick(WORDS.filter((w) => w !== 'a:b' || d.chance(0.5)));
  const singleQuoted = (): string => `'${d.pick(WORDS).replace(/'/g, "''")}${d.chance(0.2) ? "''s" : ''}'`;
  const doubleQuoted = (): string => `"${d.pick(WORDS)}${d.pick(ESCAPES)}"`;

  // A scalar that continues over several lines (plain or quoted), each continuation at an indent near `indent`.
  const multiLine = (indent: number): string => {
    const open = d.pick(['', "'", '"']);
    let s = open + d.pick(WORDS.filter((w) => !w.includes(':') && !/^[-~]|^(true|null|yes)$/.test(w)));
    const lines = d.int(1, 3);
    for (let i = 0; i < lines; i++) {
      if (d.chance(0.3)) s += '\n' + (d.chance(0.5) ? '' : ' '.repeat(d.int(0, indent + 2)));
      s += '\n' + ' '.repeat(near(indent, 0)) + d.pick(['b', 'c d', 'é', '# x', '- y', 'z:', '"q"']);
    }
    return s + open;
  };

  const flowItem = (depth: number): string => {
    const r = d.int(0, 9);
    if (r < 5) return d.pick([plain(), singleQuoted(), doubleQuoted()]);
    if (r < 7 && depth > 0) return flow(depth - 1, 0);
    if (r < 9) return `${d.pick(KEYS)}: ${plain()}`;
    return '';
  };
  // A flow collection, on one line or broken over several at indents near `indent`.
  const flow = (depth: number, indent: number): string => {
    const map = d.chance(0.4);
    const n = d.int(0, 3);
    const items = Array.from({ length: n }, () => (map ? `${d.pick(KEYS)}${d.pick([': ', ':', ' : '])}${d.pick([plain(), doubleQuoted()])}` : flowItem(depth)));
    let s = map ? '{' : '[';
    items.forEach((item, i) => {
      if (d.chance(0.2)) s += '\n' + ' '.repeat(near(indent + 1, 0));
      else if (i > 0 || d.chance(0.3)) s += ' ';
      s += item + (i < items.length - 1 || d.chance(0.15) ? ',' : '');
      if (d.chance(0.05)) s += ` # c\n${' '.repeat(indent + 1)}`;
    });
    if (d.chance(0.15)) s += '\n' + ' '.repeat(near(indent, 0));
    return s + (map ? '}' : ']');
  };

  // A block scalar: header and body. `parent` is the indent of the key or dash it belongs to.
  const blockScalar = (parent: number): string => {
    const style = d.pick(['|', '>']);
    const chomp = d.pick(['', '-', '+']);
    const indicator = d.chance(0.3) ? d.int(1, 9) : 0;
    let header = style + (d.chance(0.5) ? `${chomp}${indicator || ''}` : `${indicator || ''}${chomp}`);
    if (d.chance(0.15)) header += ' '.repeat(d.int(0, 2)) + ' # h';
    if (d.chance(0.08)) header += ' '.repeat(d.int(1, 2));
    const content = indicator ? parent + indicator : near(parent + d.int(1, 3), 0);
    let body = '';
    const lines = d.int(0, 5);
    for (let i = 0; i < lines; i++) {
      const r = d.int(0, 9);
      if (r < 5) body += '\n' + ' '.repeat(content) + d.pick(WORDS);
      else if (r < 6) body += '\n' + ' '.repeat(content + d.int(1, 3)) + d.pick(WORDS); // more indented
      else if (r < 7) body += '\n'; // empty
      else if (r < 8) body += '\n' + ' '.repeat(d.int(1, content + 3)); // spaces only, less, equal or more
      else if (r < 9) body += '\n' + ' '.repeat(content) + '# not a comment';
      else body += '\n' + ' '.repeat(near(content, 0)) + d.pick(WORDS);
    }
    // Trailing lines: empty, spaces-only, a comment less indented.
    while (d.chance(0.3)) body += '\n' + d.pick(['', ' ', '  ', '   ', ' '.repeat(content), ' '.repeat(content + 1), `${' '.repeat(Math.max(0, parent))}# t`]);
    return header + body;
  };

  // The value after `key:` (or after `- `), written from the current position; `indent` is the key's or dash's indent.
  const value = (indent: number, depth: number, inSeq: boolean): string => {
    const r = d.int(0, 19);
    if (r < 6) return ' ' + d.pick([plain(), singleQuoted(), doubleQuoted()]) + trailing();
    if (r < 8) return ' ' + multiLine(indent + (inSeq ? 2 : 1)) + trailing();
    if (r < 10) return ' ' + flow(2, indent) + trailing();
    if (r < 13) return ' ' + blockScalar(indent);
    if (r < 14) return trailing(); // empty
    if (depth <= 0) return ' ' + plain();
    // A nested collection on the next lines.
    const nestedIndent = near(indent + d.pick([1, 2, 2, 4]), 0);
    const seqHere = !inSeq && d.chance(0.25); // a list at the key's own indent
    const body = d.chance(0.5) ? sequence(seqHere ? near(indent) : nestedIndent, depth - 1) : mapping(nestedIndent, depth - 1);
    return trailing() + '\n' + between(nestedIndent) + body.replace(/\n$/, '');
  };

  const entry = (indent: number, depth: number): string => {
    const key = d.chance(0.005) ? 'k'.repeat(d.int(1020, 1030)) : d.pick([d.pick(KEYS), d.pick(KEYS), `"${d.pick(KEYS)}"`, `'${d.pick(KEYS)}'`]);
    return ' '.repeat(indent) + key + (d.chance(0.05) ? ' ' : '') + ':' + value(indent, depth, false);
  };

  function mapping(indent: number, depth: number): string {
    const n = d.int(1, 4);
    const lines: string[] = [];
    const used = new Set<string>();
    for (let i = 0; i < n; i++) {
      let e = entry(i === 0 ? indent : near(indent, 0), depth);
      const key = e.trimStart().split(':')[0]!;
      if (used.has(key) && d.chance(0.9)) continue; // duplicates now and then
      used.add(key);
      if (i > 0) e = between(indent) + e;
      lines.push(e);
    }
    return lines.join('\n') + '\n';
  }

  // Sequence items: a scalar, a compact mapping, a compact nested list, an empty item, a block scalar, or a
  // collection starting on the next line.
  function item(indent: number, depth: number): string {
    const dash = ' '.repeat(indent) + '-';
    const r = d.int(0, 11);
    if (r < 4 || depth <= 0) return dash + value(indent, 0, true);
    if (r < 6) {
      // compact mapping: `- k: v` then more keys at indent + 2 (or near it)
      const inner = indent + 2;
      let s = dash + ' ' + entry(0, depth - 1).trimStart();
      const more = d.int(0, 2);
      for (let i = 0; i < more; i++) s += '\n' + between(inner) + entry(near(inner, 0), depth - 1);
      return s;
    }
    if (r < 8) {
      // compact nested list: `- - x`, `- -`, then more items at indent + 2 (or near it)
      let s = dash + ' -' + (d.chance(0.7) ? value(indent + 2, 0, true) : trailing());
      const more = d.int(0, 2);
      for (let i = 0; i < more; i++) s += '\n' + between(indent + 2) + item(near(indent + 2, 0), depth - 1);
      return s;
    }
    if (r < 9) return dash + trailing(); // empty item
    if (r < 10) return dash + ' ' + blockScalar(indent);
    // content on the next line
    const inner = near(indent + d.pick([1, 2, 2, 4]), 0);
    const body = d.chance(0.5) ? mapping(inner, depth - 1) : sequence(inner, depth - 1);
    return dash + trailing() + '\n' + between(inner) + body.replace(/\n$/, '');
  }

  function sequence(indent: number, depth: number): string {
    const n = d.int(1, 4);
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push((i > 0 ? between(indent) : '') + item(i === 0 ? indent : near(indent, 0), depth));
    return lines.join('\n') + '\n';
  }

  // The document: leading comments and blank lines, a mapping at the top (now and then a list or a scalar), and an
  // end with or without a final line break, trailing spaces, blank lines or a comment.
  if (d.chance(0.04)) out.push(d.pick(['---\n', '--- ', '%YAML 1.2\n---\n', '--- # c\n']));
  out.push(between(0));
  const top = d.int(0, 19);
  out.push(top < 18 ? mapping(0, options.depth) : top < 19 ? sequence(0, options.depth) : plain() + '\n');
  let text = out.join('');
  const end = d.int(0, 5);
  if (end === 0) text = text.replace(/\n$/, '');
  else if (end === 1) text = text.replace(/\n$/, '') + ' '.repeat(d.int(1, 4));
  else if (end === 2) text += '\n'.repeat(d.int(1, 2));
  else if (end === 3) text += ' '.repeat(d.int(1, 4)) + (d.chance(0.5) ? '\n' : '');
  else if (end === 4) text += '# end' + (d.chance(0.5) ? '\n' : '');
  if (d.chance(0.03)) text += d.pick(['...\n', '...', '---\nb: 1\n']);
  return text;
}

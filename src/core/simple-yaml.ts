// A fast reader for the plain subset of YAML that records are written in, giving exactly what the `yaml` parser
// gives (core schema, unique string keys). Anything outside the subset returns undefined, and the caller reads the
// file with the full parser instead — so this reader only has to be right about what it accepts, never complete.
// Accepted: block mappings with simple keys, block sequences, `- key:` items, one-line flow sequences, one-line
// plain / single- / double-quoted scalars, comments. Declined: tabs, CR, anchors, aliases, tags, block scalars,
// multi-line scalars, flow mappings, document markers, numbers other than plain decimal integers, and the rest.

class Decline extends Error {}

// Characters the full parser treats specially or rejects: decline the whole file rather than imitate it.
const UNUSUAL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
const NOT_A_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;
const SPECIAL_PLAIN = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
// Past these, indentation plus inline indicators could near the prescan's depth limit (parse.ts LIMITS.depth).
const MAX_INDENT = 60;
const MAX_ITEM_GAP = 8;
const MAX_DEPTH = 40;
const MAX_KEY = 100;
// A run of characters inside a double-quoted scalar up to its closing quote, a backslash or the end of the line.
const TEXT_RUN = /[^"\\\n]*/y;

/** The data of `text` as the full YAML parser would give it, or undefined when `text` is outside the subset. */
export function readSimpleYaml(text: string, maxKeys: number): Record<string, unknown> | undefined {
  if (UNUSUAL.test(text)) return undefined;
  try {
    return new Reader(text, maxKeys).document();
  } catch (e) {
    if (e instanceof Decline) return undefined;
    throw e;
  }
}

class Reader {
  // The content lines (not blank, not comments): where their text starts, where they end, their indentation.
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly indent: Int32Array;
  private readonly count: number;
  private at = 0;
  private keys = 0;
  private depth = 0;

  constructor(private readonly text: string, private readonly maxKeys: number) {
    let lines = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    this.start = new Int32Array(lines);
    this.end = new Int32Array(lines);
    this.indent = new Int32Array(lines);
    let n = 0;
    for (let from = 0; from < text.length; ) {
      let to = text.indexOf('\n', from);
      if (to < 0) to = text.length;
      let i = from;
      while (i < to && text.charCodeAt(i) === 32) i++;
      if (i - from > MAX_INDENT) throw new Decline();
      if (i < to && text.charCodeAt(i) !== 35) {
        this.start[n] = i;
        this.end[n] = to;
        this.indent[n++] = i - from;
      }
      from = to + 1;
    }
    this.count = n;
  }

  document(): Record<string, unknown> {
    if (this.count === 0 || this.indent[0] !== 0 || this.text.startsWith('---') || this.text.startsWith('...')) throw new Decline();
    const data = this.map(0);
    if (this.at < this.count) throw new Decline();
    return data;
  }

  // A block mapping whose keys sit at column `col`; the current line holds its first key.
  private map(col: number): Record<string, unknown> {
    if (++this.depth > MAX_DEPTH) throw new Decline();
    const out: Record<string, unknown> = {};
    while (this.at < this.count && this.indent[this.at] === col) {
      const s = this.start[this.at]!;
      const e = this.end[this.at]!;
      const colon = keyEnd(this.text, s, e);
      const key = this.text.slice(s, colon);
      // A value is never undefined, so this also declines keys the prototype has (toString): the full parser reads those.
      if (out[key] !== undefined || (/^[nNtTfF_]/.test(key) && NOT_A_KEY.test(key)) || ++this.keys > this.maxKeys) throw new Decline();
      let v = colon + 1;
      while (v < e && this.text.charCodeAt(v) === 32) v++;
      this.at++;
      out[key] = v === e || this.text.charCodeAt(v) === 35 ? this.nested(col) : this.inline(v, e, col);
    }
    this.leave(col);
    return out;
  }

  // A block sequence whose dashes sit at column `col`; the current line holds its first item.
  private seq(col: number): unknown[] {
    if (++this.depth > MAX_DEPTH) throw new Decline();
    const out: unknown[] = [];
    while (this.at < this.count && this.indent[this.at] === col && isItem(this.text, this.start[this.at]!, this.end[this.at]!)) {
      const s = this.start[this.at]!;
      const e = this.end[this.at]!;
      let v = s + 1;
      while (v < e && this.text.charCodeAt(v) === 32) v++;
      if (v - s > MAX_ITEM_GAP || v === e || this.text.charCodeAt(v) === 35 || isItem(this.text, v, e)) throw new Decline();
      if (keyEnd(this.text, v, e, false) > 0) {
        // `- key: …` opens a mapping at the key's column: read it as a line that starts there.
        this.start[this.at] = v;
        this.indent[this.at] = col + (v - s);
        out.push(this.map(col + (v - s)));
      } else {
        this.at++;
        out.push(this.inline(v, e, col));
      }
    }
    this.leave(col);
    return out;
  }

  // The value of `key:` with nothing after it: a deeper block, an indentless sequence, or null.
  private nested(col: number): unknown {
    if (this.at >= this.count) return null;
    const next = this.indent[this.at]!;
    const item = isItem(this.text, this.start[this.at]!, this.end[this.at]!);
    if (next < col || (next === col && !item)) return null;
    if (item) return this.seq(next);
    if (next === col || keyEnd(this.text, this.start[this.at]!, this.end[this.at]!, false) < 0) throw new Decline();
    return this.map(next);
  }

  // A value written on the line itself; nothing may follow on deeper lines (that would be a multi-line scalar).
  private inline(s: number, e: number, col: number): unknown {
    if (this.at < this.count && this.indent[this.at]! > col) throw new Decline();
    return this.text.charCodeAt(s) === 91 ? flowSeq(this.text, s, e) : scalar(this.text, s, e, false);
  }

  private leave(col: number): void {
    this.depth--;
    if (this.at < this.count && this.indent[this.at]! > col) throw new Decline();
  }
}

// Where the `:` of a simple key starting at s is (`key:` then a space or the end of the line); with `strict`
// a line that is not such a key declines, otherwise it returns -1.
function keyEnd(text: string, s: number, e: number, strict = true): number {
  let i = s;
  let c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36) {
    for (c = text.charCodeAt(++i); i < e && i - s <= MAX_KEY && isKeyChar(c); c = text.charCodeAt(++i));
    if (i < e && c === 58 && (i + 1 === e || text.charCodeAt(i + 1) === 32)) return i;
  }
  if (strict) throw new Decline();
  return -1;
}

function isKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 45;
}

function isItem(text: string, s: number, e: number): boolean {
  return text.charCodeAt(s) === 45 && (s + 1 === e || text.charCodeAt(s + 1) === 32);
}

// `[a, "b", c]` on one line, then nothing but an optional comment.
function flowSeq(text: string, s: number, e: number): unknown[] {
  const close = text.indexOf(']', s);
  if (close < 0 || close >= e || !isEnd(text, close + 1, e)) throw new Decline();
  let i = s + 1;
  while (i < close && text.charCodeAt(i) === 32) i++;
  const out: unknown[] = [];
  if (i === close) return out;
  for (let from = s + 1; from <= close; ) {
    let comma = from;
    while (comma < close && text.charCodeAt(comma) !== 44) comma++;
    let a = from;
    let b = comma;
    while (a < b && text.charCodeAt(a) === 32) a++;
    while (b > a && text.charCodeAt(b - 1) === 32) b--;
    out.push(scalar(text, a, b, true));
    from = comma + 1;
  }
  return out;
}

// One scalar making up text[s, e) (outside flow context, plus an optional trailing comment).
function scalar(text: string, s: number, e: number, inFlow: boolean): unknown {
  const c = text.charCodeAt(s);
  if (c === 34) return doubleQuoted(text, s, e, inFlow);
  if (c === 39) return singleQuoted(text, s, e, inFlow);
  let end = e;
  for (let i = s + 1; !inFlow && i < e; i++) {
    if (text.charCodeAt(i) === 35 && text.charCodeAt(i - 1) === 32) {
      end = i - 1;
      break;
    }
  }
  while (end > s && text.charCodeAt(end - 1) === 32) end--;
  if (end === s) throw new Decline();
  return plain(text.slice(s, end), inFlow);
}

// The core schema's reading of a plain scalar (yaml/dist/schema/core): null, booleans, decimal integers written
// without sign or leading zero; other numbers are declined rather than imitated.
function plain(s: string, inFlow: boolean): unknown {
  if (/^[,[\]{}#&*!|>'"%@`]|^[-?:](?: |$)|: | #|:$/.test(s) || (inFlow && /[,[\]{}:#]/.test(s))) throw new Decline();
  if (SPECIAL_PLAIN.test(s)) {
    if (/^(?:~|[Nn]ull|NULL)$/.test(s)) return null;
    if (/^(?:[Tt]rue|TRUE)$/.test(s)) return true;
    if (/^(?:[Ff]alse|FALSE)$/.test(s)) return false;
    if (/^(?:0|[1-9][0-9]{0,14})$/.test(s)) return Number(s);
    throw new Decline();
  }
  return s;
}

// Only the escapes YAML and JSON share, so JSON.parse reads the scalar exactly as YAML does.
function doubleQuoted(text: string, s: number, e: number, inFlow: boolean): string {
  let i = s + 1;
  let escaped = false;
  for (;;) {
    TEXT_RUN.lastIndex = i;
    TEXT_RUN.test(text);
    i = TEXT_RUN.lastIndex;
    if (i >= e || text.charCodeAt(i) !== 92) break;
    const x = text.charCodeAt(i + 1);
    escaped = true;
    if (x === 117) {
      if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Decline();
      i += 6;
    } else if (x === 34 || x === 92 || x === 47 || x === 98 || x === 102 || x === 110 || x === 114 || x === 116) i += 2;
    else throw new Decline();
  }
  if (i >= e || !(inFlow ? i + 1 === e : isEnd(text, i + 1, e))) throw new Decline();
  if (!escaped) return text.slice(s + 1, i);
  try {
    return JSON.parse(text.slice(s, i + 1)) as string;
  } catch {
    throw new Decline();
  }
}

function singleQuoted(text: string, s: number, e: number, inFlow: boolean): string {
  let i = s + 1;
  for (; i < e; i++) {
    if (text.charCodeAt(i) === 39) {
      if (text.charCodeAt(i + 1) !== 39) break;
      i++;
    }
  }
  if (i >= e || !(inFlow ? i + 1 === e : isEnd(text, i + 1, e))) throw new Decline();
  return text.slice(s + 1, i).replace(/''/g, "'");
}

// Nothing in text[from, e) but spaces, or spaces and a comment.
function isEnd(text: string, from: number, e: number): boolean {
  let i = from;
  while (i < e && text.charCodeAt(i) === 32) i++;
  return i === e || (i > from && text.charCodeAt(i) === 35);
}

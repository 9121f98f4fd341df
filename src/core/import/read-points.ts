// A report's clean lines → its points, in document order, with the printed numbering and the restored one.
// Layouts read, each a general rule: "1." "1)" "(1)" "1-" "I." "A." "a)" "(a)" "i."; "Primero." … "Décimo.";
// "Acuerdo 3:" / "Punto 3."; a marker alone on its line (the text on the next); bullets ("-", "•", "–", "·", and the
// private-use bullet PDF copies give, read as "•") alone or opening a line; a list flattened into one line ("ACORDARON:
// 1. … 2. …"); un-numbered paragraphs after "acordaron:" / "agreed to:". A line continues the point before it unless it
// opens a new one (a marker, or a heading by its form and place); a word hyphenated at a line end is rejoined.
// Damaged numbering is restored by two general rules: a top-level number that does not follow the previous one is
// renumbered (printed kept); after a point that ends with ":", a run of markers repeating one number, or a numbering
// that starts again at 1, are its sub-items. A Markdown table of agreements or steps gives a point per row (read-table.ts).
import type { TableCells } from './read-table.js';
import { readTables } from './read-table.js';

export interface SourcePoint {
  /** The number as restored: 1, 2, … (sub-items a, b, …). */
  readonly number: string;
  /** The marker as printed, when it differs ("1" for every point of a damaged list, "·", "I", "Primero"). */
  readonly printed?: string;
  readonly text: string;
  readonly items: readonly SourcePoint[];
  /** Where the point ends is a guess (a short line without closing punctuation was read as a heading after it, or the text ends mid-sentence). */
  readonly uncertainEnd?: boolean;
  /** A point made from a table row: the row's other columns (responsible, deadline, its number). */
  readonly cells?: TableCells;
}

/** What the tables of the report were: agreements tables read as points, other tables kept as text (their headers). */
export interface TablesFound {
  readonly agreements: number;
  readonly text: readonly string[];
}

/** Numbered paragraphs before the line that heads the agreements: a preamble, left in the header. */
export interface Preamble {
  /** The line that heads the agreements ("ACUERDAN:"). */
  readonly heading: string;
  /** How many numbered paragraphs came before it. */
  readonly skipped: number;
}

// A line that heads the operative part of a report or declaration, standing alone: the agreements follow it.
const OPERATIVE = /^(?:(?:los\s+\p{L}+(?:\s+\p{L}+){0,3}\s+)?(?:acuerd(?:an|a)|acordaron|acordamos|se\s+acuerda|se\s+acord[óo](?:\s+lo\s+siguiente)?|declaran|resuelven|resuelve|deciden|decide|agree|decides?|resolves?|declares?)\s*:|acuerdos(?:\s+adoptados)?|agreements|decisions|resoluciones|resolutions|decisiones)\s*:?$/iu;

type Kind = 'digit' | 'roman' | 'upper' | 'letter' | 'lroman' | 'ordinal' | 'bullet';

interface Marker {
  readonly kind: Kind;
  readonly printed: string;
  /** The numeric value of digits, romans and ordinals. */
  readonly value?: number;
  readonly rest: string;
}

const ORDINAL_WORDS: readonly (readonly [RegExp, number])[] = [
  [/^primer[oa]?$|^first$/i, 1], [/^segund[oa]$|^second$/i, 2], [/^tercer[oa]?$|^third$/i, 3], [/^cuart[oa]$|^fourth$/i, 4],
  [/^quint[oa]$|^fifth$/i, 5], [/^sext[oa]$|^sixth$/i, 6], [/^s[ée]ptim[oa]$|^seventh$/i, 7], [/^octav[oa]$|^eighth$/i, 8],
  [/^noven[oa]$|^ninth$/i, 9], [/^d[ée]cim[oa]$|^tenth$/i, 10],
];
const ORDINAL = /^(primer[oa]?|segund[oa]|tercer[oa]?|cuart[oa]|quint[oa]|sext[oa]|s[ée]ptim[oa]|octav[oa]|noven[oa]|d[ée]cim[oa]|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s*[.:]-?(?:\s+(\S.*))?$/i;
const NAMED = /^(?:acuerdo|punto|agreement|item|decisi[oó]n|decision|resoluci[oó]n|resolution)\s+(?:n[o°º]\.?\s*)?(\d{1,3})\s*[.:)\-–]\s*(\S.*)?$/i;
const ROMAN_VALUE: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50 };

export function romanValue(s: string): number | undefined {
  const up = s.toUpperCase();
  if (!/^[IVXL]{1,7}$/.test(up)) return undefined;
  let total = 0;
  for (let i = 0; i < up.length; i++) {
    const [a, b] = [ROMAN_VALUE[up[i]!]!, ROMAN_VALUE[up[i + 1] ?? ''] ?? 0];
    total += a < b ? -a : a;
  }
  return total > 0 ? total : undefined;
}

/** The marker a line opens with; `rest` is empty when the marker stands alone on its line. */
export function markerOf(line: string): Marker | undefined {
  let m = /^(\d{1,3})(?:[.)]-?|\s?[-–])(?:\s+(\S.*))?$/.exec(line) ?? /^\((\d{1,3})\)(?:\s+(\S.*))?$/.exec(line);
  if (m && !(m[2] === undefined && /[-–]$/.test(line))) return { kind: 'digit', printed: m[1]!, value: Number(m[1]), rest: m[2] ?? '' };
  m = NAMED.exec(line);
  if (m) return { kind: 'digit', printed: m[1]!, value: Number(m[1]), rest: m[2] ?? '' };
  m = ORDINAL.exec(line);
  if (m) {
    const value = ORDINAL_WORDS.find(([re]) => re.test(m![1]!))?.[1];
    // "First, …" opens many English sentences; an ordinal marker ends with "." or ":".
    if (value) return { kind: 'ordinal', printed: m[1]!, value, rest: m[2] ?? '' };
  }
  m = /^([IVXL]{2,7})[.)](?:\s+(\S.*))?$/.exec(line);
  if (m && romanValue(m[1]!)) return { kind: 'roman', printed: m[1]!, value: romanValue(m[1]!), rest: m[2] ?? '' };
  m = /^([A-Z])[.)](?:\s+(\S.*))?$/.exec(line);
  if (m) return { kind: 'upper', printed: m[1]!, value: romanValue(m[1]!), rest: m[2] ?? '' };
  m = /^(ii|iii|iv|vi|vii|viii|ix|xi|xii)[.)]\s+(\S.*)$/.exec(line);
  if (m) return { kind: 'lroman', printed: m[1]!, value: romanValue(m[1]!), rest: m[2]! };
  m = /^([a-z])[.)](?:\s+(\S.*))?$/.exec(line) ?? /^\(([a-z])\)(?:\s+(\S.*))?$/.exec(line);
  if (m) return { kind: 'letter', printed: m[1]!, rest: m[2] ?? '' };
  m = /^([·•▪◦*]|[-–—](?=\s|$))\s*(\S.*)?$/.exec(line);
  if (m) return { kind: 'bullet', printed: m[1] === '•' ? '·' : m[1]!, rest: m[2] ?? '' };
  return undefined;
}

// A list flattened into one line: "… ACORDARON: 1. Aceptar … 2. Reconocer …". The numbers must count 1, 2, 3 … in
// order and each open a sentence, so "el 11 de septiembre" or "2.5 millones" never split a line.
function splitInline(line: string): string[] {
  // Bullets an extraction lost leave a lone "." before each item: ". The Chair … . Enhance …".
  if ((line.match(/(?:^|\s)\.\s+(?=[\p{Lu}"“])/gu)?.length ?? 0) >= 2) {
    const parts = line.split(/(?:^|\s)\.\s+(?=[\p{Lu}"“])/u).map((p) => p.trim());
    return [...(parts[0] ? [parts[0]] : []), ...parts.slice(1).filter((p) => p !== '').map((p) => `· ${p}`)];
  }
  if (line.length < 120) return [line];
  const cuts: number[] = [];
  const re = /(?<=^|[\s:;.])(\d{1,2})[.)]\s+(?=[\p{Lu}"“«¿¡])/gu;
  let want = 1;
  for (const m of line.matchAll(re)) {
    if (Number(m[1]) !== want) continue;
    cuts.push(m.index);
    want++;
  }
  if (cuts.length < 2) return [line];
  const parts = [line.slice(0, cuts[0]), ...cuts.map((c, i) => line.slice(c, cuts[i + 1] ?? line.length))];
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** A line that ends a sentence or a clause. */
const closes = (s: string): boolean => /[.:;!?"”»]$/.test(s.slice(-4));
const upperLine = (s: string): boolean => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
// "acordaron:", "ACORDARON:", "agreed to:", "the following conclusions:" — the un-numbered points follow.
const LEADS = /(?:acord(?:aron|ó|amos)(?: lo siguiente)?|acuerdan|decidi(?:eron|ó)|resolvi(?:eron|ó)|concluy(?:ó|eron)(?: lo siguiente)?|aprobaron|formul(?:ó|aron) las siguientes(?: \p{L}+)?|agreed(?: to| on| the following)?|decided|concluded|resolved|approved|adopted(?: the following(?: \p{L}+)?)?|reached the following(?: \p{L}+)?)\s*:$/iu;
// A paragraph that reports what the delegates did ("Hicieron especial mención …", "Expressed …") is not a point.
const REPORTS = /^(?:\p{Lu}\p{Ll}+(?:aron|ieron)|They\s+\p{Ll}+ed|The\s+(?:Vice-?Ministers|delegations?|participants)\s+\p{Ll}+ed)\b/u;

// A point's text is kept as its lines until it is finished: appending to one growing string and testing its end
// would flatten it on every line (quadratic in a 2 MB point).
interface Piece {
  number: string;
  printed?: string;
  parts: string[];
  uncertainEnd?: boolean;
  cells?: TableCells;
}
interface Building extends Piece {
  items: Piece[];
}

const letter = (i: number): string => (i < 26 ? String.fromCharCode(97 + i) : `z${i - 25}`);
const tail = (p: Piece): string => p.parts[p.parts.length - 1] ?? '';

function append(target: Piece, line: string): void {
  const last = tail(target);
  // A word hyphenated at the end of a line ("migra-" / "ción") is one word again.
  if (/\p{L}-$/u.test(last) && /^\p{Ll}/u.test(line)) target.parts[target.parts.length - 1] = last.slice(0, -1) + line;
  else target.parts.push(line);
}

/** The points from the first marked line (a "1." first; else any marker) to the end; the lines before are the header. */
export function readPoints(source: readonly string[], sourceBlank: readonly boolean[] = []): { header: readonly string[]; points: SourcePoint[]; unnumbered?: true; tables?: TablesFound; preamble?: Preamble } {
  const tables = readTables(source, sourceBlank);
  const found = tables.agreementTables || tables.textTables.length ? { tables: { agreements: tables.agreementTables, text: tables.textTables } } : {};
  return { ...readLines(tables.lines, tables.afterBlank, tables.cells, tables.textLines), ...found };
}

function readLines(input: readonly string[], afterBlank: readonly boolean[], rowCells: ReadonlyMap<number, TableCells>, tableText: ReadonlySet<number>): { header: readonly string[]; points: SourcePoint[]; unnumbered?: true; preamble?: Preamble } {
  // Flattened lists are split, and a marker alone on its line takes the line after it.
  const lines: string[] = [];
  const para: boolean[] = []; // a blank line came before this one
  // A table of contents ("1. Recommendations Page 1") lists no points: its lines are left out.
  let contents = false;
  // For a line of `lines`: the cells of the table row it was made from; whether it is a line of a table kept as text.
  const cellAt = new Map<number, TableCells>();
  const textAt = new Set<number>();
  input.forEach((line, n) => {
    if (rowCells.has(n) || tableText.has(n)) {
      // A table's line is never split nor joined to a marker before it.
      (rowCells.has(n) ? cellAt.set(lines.length, rowCells.get(n)!) : textAt.add(lines.length));
      lines.push(line);
      para.push(afterBlank[n] ?? false);
      return;
    }
    const toc = /\b(?:table\s+of\s+contents|índice|contenido)\s*$/i.test(line);
    if (!toc && contents && (markerOf(line) || /\b(?:page|p[aá]gina)\s+\d+(?:\s*[–-]\s*\d+)?$/i.test(line))) return;
    contents = toc;
    splitInline(line).forEach((raw, k) => {
      const prev = lines[lines.length - 1];
      const mark = prev !== undefined ? markerOf(prev) : undefined;
      if (prev !== undefined && mark && mark.rest === '' && !markerOf(raw)) lines[lines.length - 1] = `${prev} ${raw}`;
      else {
        lines.push(raw);
        para.push(k === 0 && (afterBlank[n] ?? false));
      }
    });
  });
  const marks = lines.map((l) => {
    const m = markerOf(l);
    return m && m.rest !== '' ? m : undefined;
  });
  const isFirst = (m: Marker | undefined): boolean => !!m && (m.kind === 'digit' || m.kind === 'roman' || m.kind === 'ordinal' || (m.kind === 'upper' && m.printed === 'I')) && m.value === 1;
  let first = marks.findIndex(isFirst);
  const opener = (m: Marker | undefined): boolean => m !== undefined && m.kind !== 'letter' && m.kind !== 'lroman';
  if (first < 0) {
    // Bullets: those after the last line that leads into agreements ("concluyó lo siguiente:"); else the last run of
    // bullets after an unmarked line (a heading: the description of the meeting often comes in bullets too).
    let lead = -1;
    const bullet = (m: Marker | undefined): boolean => m?.kind === 'bullet';
    for (let i = 0; i < lines.length; i++) if (LEADS.test(lines[i]!) && marks.slice(i + 1).some(bullet)) lead = i;
    if (lead >= 0) first = marks.findIndex((m, i) => i > lead && bullet(m));
    else for (let i = marks.length - 1; i > 0 && first < 0; i--) if (marks[i]?.kind === 'bullet' && marks[i - 1] === undefined) first = i;
  }
  // A numbered preamble ("CONSIDERANDO: 1. … 2. …") or agenda before the operative part: when a line standing alone
  // heads the agreements ("ACUERDAN:", "ACUERDOS", "Se acuerda:", "DECIDE:") and a "1." follows it, the points start
  // there, and the numbered paragraphs before it are the header (said in a note), not points.
  const operative = first < 0 ? -1 : lines.findIndex((l, i) => i > first && OPERATIVE.test(l) && isFirst(marks[i + 1]));
  const preamble: Preamble | undefined = operative > first ? { heading: lines[operative]!, skipped: marks.slice(first, operative).filter(opener).length } : undefined;
  if (preamble) first = operative + 1;
  if (first < 0) first = marks.findIndex(opener);
  if (first < 0) {
    // No number, bullet or heading marker: the un-numbered paragraphs after "acordaron:"; else a list lettered from
    // "a)" with a "b)" after it ("a) Agradecer … b) Solicitar …"), whose letters are then the points' own markers.
    const plain = unnumbered(lines);
    if (plain.points.length > 0) return plain;
    first = marks.findIndex((m, i) => m?.kind === 'letter' && m.printed === 'a' && marks.slice(i + 1).some((n) => n?.kind === 'letter' && n.printed === 'b'));
    if (first < 0) return plain;
  }
  const top: Kind = marks[first]!.kind === 'upper' && marks[first]!.printed === 'I' ? 'roman' : marks[first]!.kind;
  const points: Building[] = [];
  let subRun: string | undefined; // the repeated printed number of a damaged sub-list
  let restarted = 0; // the last printed number of a sub-list numbered again from 1
  let closed = false; // after a heading, unmarked lines belong to no point
  let counter = 0;
  for (let i = first; i < lines.length; i++) {
    const line = lines[i]!;
    let mark = marks[i];
    const current = points[points.length - 1];
    // "I", "V", "X" in a list of capital letters are letters; in a list of roman numerals, numerals.
    if (mark?.kind === 'upper' && top === 'roman' && mark.value !== undefined) mark = { ...mark, kind: 'roman' };
    const next = marks[i + 1];
    const opensList = current !== undefined && current.items.length === 0 && /:\s*$/.test(tail(current));
    const repeats = mark?.kind === 'digit' && top === 'digit' && (mark.printed === subRun || (opensList && next?.kind === 'digit' && next.printed === mark.printed && mark.printed !== (current.printed ?? current.number)));
    const restarts = mark?.kind === 'digit' && top === 'digit' && ((opensList && mark.value === 1 && counter >= 1) || (restarted > 0 && mark.value === restarted + 1));
    const sub = mark && current && !closed && ((mark.kind === 'letter' && top !== 'letter') || mark.kind === 'lroman' || repeats || restarts || (mark.kind !== top && mark.kind !== 'upper' && mark.kind !== 'roman'));
    if (mark && current && sub) {
      subRun = repeats ? mark.printed : undefined;
      restarted = restarts ? mark.value! : 0;
      const number = letter(current.items.length);
      const cells = cellAt.get(i);
      const printed = cells ? cells.number?.replace(/[.)]$/, '') : mark.printed;
      current.items.push({ number, ...(printed !== undefined && printed !== number ? { printed } : {}), parts: [mark.rest], ...(cells ? { cells } : {}) });
    } else if (mark) {
      subRun = undefined;
      restarted = 0;
      closed = false;
      let number: string;
      if (mark.kind === 'upper') number = mark.printed;
      else {
        counter = counter === 0 && mark.kind === 'digit' && mark.value ? mark.value : counter + 1;
        number = String(counter);
      }
      const cells = cellAt.get(i);
      // A table row's marker was made by read-table: only a number column of the table is printed.
      const printed = cells ? cells.number?.replace(/[.)]$/, '') : mark.printed;
      points.push({ number, ...(printed !== undefined && printed !== number ? { printed } : {}), parts: [mark.rest], items: [], ...(cells ? { cells } : {}) });
    } else if (textAt.has(i)) {
      // A table that is not about agreements stays text, in the point it follows (the draft notes it).
      if (current && !closed) append(current.items[current.items.length - 1] ?? current, line);
    } else if (isHeading(line, lines[i - 1], lines[i + 1], marks[i + 1] !== undefined, para[i] ?? false)) {
      if (current && !closed) {
        const last = current.items[current.items.length - 1] ?? current;
        if (!closes(tail(last))) last.uncertainEnd = true;
      }
      closed = true;
    } else if (current && !closed) {
      append(current.items[current.items.length - 1] ?? current, line);
    }
  }
  return { header: lines.slice(0, first), points: points.map(finish), ...(preamble ? { preamble } : {}) };
}

/** A heading between points ("Seminarios y talleres", "CONCLUSIONES"): by its form (capitals; short, no closing
 * punctuation) and its place (after a closed sentence, before a marker or the end). A short line in the middle of a
 * sentence is a wrapped line, not a heading. */
function isHeading(line: string, prev: string | undefined, next: string | undefined, nextMarked: boolean, newParagraph = false): boolean {
  if (line.length > 100 || closes(line) || /^\p{Ll}/u.test(line)) return false;
  // Nothing follows it, it ends on a word that cannot end a title ("… migrantes en"), or a long line is continued in
  // lower case: a wrapped line, not a heading.
  if (next === undefined || /(?:^|\s)(?:de|del|en|la|el|los|las|y|o|a|al|para|por|con|que|of|the|and|or|to|in|for|with|on|by)$/i.test(line)) return false;
  if (/^\p{Ll}/u.test(next) && line.length > 50) return false;
  if (upperLine(line) && /\p{L}{3}/u.test(line)) return prev === undefined || closes(prev) || upperLine(prev);
  return (prev === undefined || closes(prev)) && (newParagraph || nextMarked || upperLine(next) || /:$/.test(next));
}

function finish(p: Building): SourcePoint {
  const text = p.parts.join(' ').trim();
  return {
    number: p.number,
    ...(p.printed !== undefined ? { printed: p.printed } : {}),
    text,
    items: p.items.map((x) => {
      const t = x.parts.join(' ').trim();
      return { number: x.number, ...(x.printed !== undefined ? { printed: x.printed } : {}), text: t, items: [], ...(x.cells ? { cells: x.cells } : {}), ...(!x.cells && (x.uncertainEnd || !closes(t)) ? { uncertainEnd: true } : {}) };
    }),
    ...(p.cells ? { cells: p.cells } : {}),
    // A table row ends at its cell: its end is certain.
    ...(!p.cells && (p.uncertainEnd || !closes(text)) ? { uncertainEnd: true } : {}),
  };
}

/** No marker at all: the paragraphs after a line that ends "acordaron:" / "agreed to:" are the points (numbered in
 * order; nothing printed), each opening with a capital after a closed sentence; a paragraph that reports what was done
 * ends them. In a paragraph flattened into one line, the sentences after a colon that open with an infinitive
 * ("…y acciones: Profundizar … Intensificar … Reforzar …", "… agreed: To … To …") are the points. */
function unnumbered(lines: readonly string[]): { header: readonly string[]; points: SourcePoint[]; unnumbered?: true } {
  const lead = lines.findIndex((l) => LEADS.test(l));
  if (lead < 0) return inlineInfinitives(lines);
  const points: Building[] = [];
  for (let i = lead + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const current = points[points.length - 1];
    if (!current || (closes(tail(current)) && /^[\p{Lu}"“«¿¡]/u.test(line))) {
      if (REPORTS.test(line) || (isHeading(line, lines[i - 1], lines[i + 1], false) && upperLine(line))) break;
      points.push({ number: String(points.length + 1), parts: [line], items: [] });
    } else append(current, line);
  }
  return { header: lines.slice(0, lead + 1), points: points.map(finish), unnumbered: true };
}

const INFINITIVE = /^(?:\p{Lu}\p{Ll}+(?:ar|er|ir)(?:se)?|To\s+\p{Ll}+)\b/u;

function inlineInfinitives(lines: readonly string[]): { header: readonly string[]; points: SourcePoint[]; unnumbered?: true } {
  for (const [n, line] of lines.entries()) {
    for (const colon of line.matchAll(/:\s+/g)) {
      const rest = line.slice(colon.index + colon[0].length);
      const sentences = rest.split(/(?<=[.;])\s+(?=[\p{Lu}"“¿¡])/u);
      const run: string[] = [];
      for (const sentence of sentences) {
        if (!INFINITIVE.test(sentence)) break;
        run.push(sentence.trim());
      }
      if (run.length >= 2) {
        return { header: [...lines.slice(0, n), line.slice(0, colon.index + 1)], points: run.map((text, i) => finish({ number: String(i + 1), parts: [text], items: [] })), unnumbered: true };
      }
    }
  }
  return { header: lines, points: [] };
}

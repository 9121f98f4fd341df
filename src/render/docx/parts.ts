// The pieces every acta Word document is built of: text runs (record text sanitised, never markup), styled paragraphs,
// tables in the table style (header row repeated on each page, no row split across pages), the A4 page with its header
// ("reference · date of issue") and footer ("página X de Y"). Pure: view data in, docx library objects out.
import type { FileChild, ISectionOptions, ParagraphChild } from 'docx';
import { AlignmentType, ExternalHyperlink, Footer, Header, PageNumber, Paragraph, Table, TableCell, TableOfContents, TableRow, Tab, TabStopType, TextRun, WidthType } from 'docx';
import type { Day } from '../../core/dates.js';
import type { Lang } from '../../core/model.js';
import { docxText } from '../escape.js';
import { deferredChunks } from './deferred.js';
import { day } from '../i18n.js';
import { STYLE } from './styles.js';
import { documentWords } from './words.js';

/** A piece of a paragraph: text (record text included), a styled text, a link (only http(s) becomes one), a line break. */
export type Piece = string | { readonly text: string; readonly style?: 'muted' | 'late' | 'bold' | 'italic' } | { readonly url: string; readonly label?: string } | { readonly br: true };
export type Line = readonly Piece[];

const HTTP = /^https?:\/\/[^\s]+$/i;
export const isHttp = (url: string): boolean => HTTP.test(url);

const CHAR_STYLE = { muted: STYLE.muted, late: STYLE.late } as const;

/** Text as runs: sanitised (docxText); a newline in record text becomes a line break, never a new paragraph. */
function textRuns(text: string, style?: 'muted' | 'late' | 'bold' | 'italic'): TextRun[] {
  const lines = docxText(text).replace(/\r\n?/g, '\n').split('\n');
  const format = style === 'bold' ? { bold: true } : style === 'italic' ? { italics: true } : style ? { style: CHAR_STYLE[style] } : {};
  return lines.map((line, i) => new TextRun({ text: line.replace(/\t/g, ' '), ...(i > 0 ? { break: 1 } : {}), ...format }));
}

export function runs(line: Line): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const p of line) {
    if (typeof p === 'string') out.push(...textRuns(p));
    else if ('br' in p) out.push(new TextRun({ break: 1 }));
    else if ('url' in p) {
      if (isHttp(p.url)) out.push(new ExternalHyperlink({ link: p.url, children: [new TextRun({ text: docxText(p.label ?? p.url), style: STYLE.hyperlink })] }));
      else out.push(...textRuns(p.url));
    }
    else out.push(...textRuns(p.text, p.style));
  }
  return out;
}

export const para = (line: Line | string, style?: string, extra: { keepNext?: boolean; align?: 'right' | 'center' } = {}): Paragraph =>
  new Paragraph({ children: runs(typeof line === 'string' ? [line] : line), ...(style ? { style } : {}), ...(extra.keepNext ? { keepNext: true } : {}), ...(extra.align ? { alignment: extra.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER } : {}) });

export const heading = (level: 1 | 2 | 3 | 4, text: string): Paragraph => para([text], [STYLE.heading1, STYLE.heading2, STYLE.heading3, STYLE.heading4][level - 1]);
export const caption = (text: string): Paragraph => para([text], STYLE.caption);
export const scope = (line: Line | string): Paragraph => para(line, STYLE.scope);

/** A table cell: lines of pieces (each its own paragraph); `num` right-aligns it. */
export interface Cell {
  readonly lines: readonly Line[];
  readonly num?: boolean;
}
export const cell = (...lines: Line[]): Cell => ({ lines });
export const num = (value: number | string): Cell => ({ lines: [[String(value)]], num: true });

/** Table rows from items, each made into cells only when its piece of the table is written (deferred.ts). */
export interface LazyRows {
  readonly items: readonly unknown[];
  readonly cells: (item: never) => readonly Cell[];
}
export const lazyRows = <T>(items: readonly T[], cells: (item: T) => readonly Cell[]): LazyRows => ({ items, cells: cells as (item: never) => readonly Cell[] });

export interface TableSpec {
  /** The header row (repeated on each page). */
  readonly head: readonly (string | { readonly text: string; readonly num?: boolean })[];
  /** Relative widths of the columns (any unit; the table fills the text width). */
  readonly widths?: readonly number[];
  /** The body rows: items and how each becomes cells (made only when written, a piece at a time). */
  readonly rows: LazyRows;
  /** A last row of totals (the table style sets it apart). */
  readonly total?: readonly Cell[];
  /** The first column names the row (bold). */
  readonly rowHeads?: boolean;
}

/** Table rows made and written together (see deferred.ts): small enough that a piece's objects are a few MB. */
const ROWS_PER_PIECE = 50;

/** A4 with 20 mm margins: the text is 170 mm wide. */
const TEXT_WIDTH = 9638;

function tableCell(c: Cell, width: number | undefined): TableCell {
  const paragraphs = (c.lines.length ? c.lines : [[]]).map((l) => new Paragraph({ children: runs(l), style: STYLE.cell, ...(c.num ? { alignment: AlignmentType.RIGHT } : {}) }));
  return new TableCell({ children: paragraphs, ...(width !== undefined ? { width: { size: width, type: WidthType.DXA } } : {}) });
}

/**
 * A table. A small one (up to ROWS_PER_PIECE body rows) is made whole when the document is written, as one piece
 * (deferred.ts): a statement at 8,000 meetings has ~7,700 of them (one per group), which as objects took 100 MB and,
 * formatted, held their head rows' XML objects until the document's XML was written. A larger one stays in the tree
 * with its body rows made ROWS_PER_PIECE at a time.
 */
export function table(spec: TableSpec): FileChild {
  if (spec.rows.items.length <= ROWS_PER_PIECE) return deferredChunks([spec], 1, ([s]) => [tableWith(s!, false)])[0]!;
  return tableWith(spec, true);
}

function tableWith(spec: TableSpec, deferRows: boolean): Table {
  const n = spec.head.length;
  const sum = (spec.widths ?? []).reduce((a, b) => a + b, 0);
  const widths = spec.widths && spec.widths.length === n && sum > 0 ? spec.widths.map((w) => Math.floor((w / sum) * TEXT_WIDTH)) : Array.from({ length: n }, () => Math.floor(TEXT_WIDTH / n));
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: spec.head.map((h, i) => tableCell(typeof h === 'string' ? cell([h]) : { lines: [[h.text]], ...(h.num ? { num: true } : {}) }, widths[i])),
  });
  const row = (cells: readonly Cell[]): TableRow => new TableRow({ cantSplit: true, children: cells.map((c, i) => tableCell(c, widths[i])) });
  const t = new Table({
    style: STYLE.table,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    tableLook: { firstRow: true, lastRow: spec.total !== undefined, firstColumn: spec.rowHeads ?? true, lastColumn: false, noHBand: false, noVBand: true },
    rows: [head],
  });
  // The body rows are made when the document is written, ROWS_PER_PIECE at a time (deferred.ts): a table of tens of
  // thousands of rows is never whole as objects. Appended after the head as the library's constructor appends rows;
  // its other work on rows (merged cells, widths for cells without one) does not apply to acta's (each has a width).
  // A table made whole inside a piece makes its rows at once (a piece's placeholder is never inside another piece).
  const cellsOf = spec.rows.cells as (item: unknown) => readonly Cell[];
  const make = (chunk: readonly unknown[]): TableRow[] => chunk.map((item) => row(cellsOf(item)));
  for (const r of deferRows ? deferredChunks(spec.rows.items, ROWS_PER_PIECE, make) : make(spec.rows.items)) t.addChildElement(r);
  if (spec.total) t.addChildElement(row(spec.total));
  return t;
}

/** What the page header says: the document's reference and date of issue; and the language it was written in. */
export interface DocumentMeta {
  readonly lang: Lang;
  /** The document symbol (--reference), if any. */
  readonly reference?: string;
  /** Date of issue (--issued, else the as-of date). */
  readonly issued: Day;
  /** The language the document was drawn up in (its original). */
  readonly original: Lang;
}

/** The "Original: español" line under the title. */
export const originalLine = (meta: DocumentMeta): Paragraph => para([documentWords(meta.lang).original(meta.original)], STYLE.facts);

/** The table of contents: a field Word updates (headings 1 and 2: sections and what they hold), pre-filled so a
 * reader that does not update fields still lists them. */
export const contents = (lang: Lang): TableOfContents => new TableOfContents(documentWords(lang).contents, { hyperlink: true, headingStyleRange: '1-2' });

/** The page: A4 portrait, 20 mm margins, the header and the footer. */
export function section(meta: DocumentMeta, children: readonly FileChild[]): ISectionOptions {
  const w = documentWords(meta.lang);
  const issued = `${w.issued} ${day(meta.issued, meta.lang)}`;
  return {
    properties: {
      page: {
        size: { width: 11906, height: 16838 },
        margin: { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 },
      },
    },
    headers: {
      default: new Header({
        children: [new Paragraph({ style: STYLE.scope, tabStops: [{ type: TabStopType.RIGHT, position: 9638 }], children: [...runs([meta.reference ?? '']), new TextRun({ children: [new Tab()] }), ...runs([issued])] })],
      }),
    },
    footers: {
      default: new Footer({
        children: [new Paragraph({ style: STYLE.scope, alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${w.page} `, PageNumber.CURRENT, ` ${w.of} `, PageNumber.TOTAL_PAGES] })] })],
      }),
    },
    children: [...children],
  };
}

// Markdown tables in a report ("| Acción | Responsable | Plazo |" / "| --- | --- | --- |" / rows). A table of
// agreements or of steps — a column for what is to be done (acción, acuerdo, actividad, tarea, paso, action, task, …)
// and one for who (responsable, responsible, owner) or when (plazo, fecha, deadline, date) — gives one point per row,
// its text the row's action, its owners and deadline read from those columns. Any other table is not about
// agreements: its lines are left as text, and the draft says so. Pure: lines in, lines and rows out.

/** The columns of an agreements table, as a row gives them. */
export interface TableCells {
  /** The row's own number ("Punto", "N.°", "#"), when the table has one. */
  readonly number?: string;
  readonly responsible?: string;
  readonly deadline?: string;
}

export interface TableReading {
  /** The lines with each agreements table replaced by one marked line per row ("1. <action>"). */
  readonly lines: string[];
  readonly afterBlank: boolean[];
  /** For a line made from a table row: its cells. */
  readonly cells: ReadonlyMap<number, TableCells>;
  /** Lines of tables that are not about agreements (left as text). */
  readonly textLines: ReadonlySet<number>;
  readonly agreementTables: number;
  /** The header of each table left as text ("Indicador | 2016 | 2017"). */
  readonly textTables: readonly string[];
}

const ROW = /^\|.*\|$/;
const SEPARATOR = /^\|(?:\s*:?-{3,}:?\s*\|)+$/;

const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

// Header cells, folded (no accents, lower case).
const NUMBER_HEAD = /^(?:n|no|nro|num|numero|n\.?\s*[o°º]|#|item|punto|point|acuerdo\s+n.*)\.?$/;
const ACTION_HEAD = /^(?:accion(?:es)?|action(?:s)?|acuerdo(?:s)?|agreement(?:s)?|actividad(?:es)?|activit(?:y|ies)|tarea(?:s)?|task(?:s)?|paso(?:s)?|step(?:s)?|compromiso(?:s)?|commitment(?:s)?|decision(?:es|s)?|punto|point|descripcion|description|que|what)\b/;
const RESPONSIBLE_HEAD = /^(?:responsable(?:s)?|responsib(?:le|ility)|owner(?:s)?|encargad[oa]s?|a\s+cargo(?:\s+de)?|lead|quien|who)\b/;
const DEADLINE_HEAD = /^(?:plazo(?:s)?|fecha(?:\s+limite)?|deadline(?:s)?|due(?:\s+date)?|date|cuando|when|calendario|timeline|timeframe|periodo|period)\b/;

export const cellsOf = (line: string): string[] => line.slice(1, -1).split('|').map((c) => c.trim());

interface Columns {
  readonly number?: number;
  readonly action: number;
  readonly responsible?: number;
  readonly deadline?: number;
}

/** Which column holds what, or undefined for a table that is not about agreements. */
export function tableColumns(header: readonly string[], rows: readonly (readonly string[])[]): Columns | undefined {
  const heads = header.map(fold);
  const find = (re: RegExp, not: readonly (number | undefined)[] = []): number | undefined => {
    const i = heads.findIndex((h, k) => re.test(h) && !not.includes(k));
    return i >= 0 ? i : undefined;
  };
  // "Punto" or "N.°" is the row's number when every row gives a number there.
  const numeric = (i: number): boolean => rows.every((r) => /^\(?[0-9]{1,3}[.)]?$|^[a-z][.)]$|^[IVXL]{1,7}\.?$/.test(r[i] ?? ''));
  const numberCol = heads.findIndex((h, i) => NUMBER_HEAD.test(h) && numeric(i));
  const number = numberCol >= 0 ? numberCol : undefined;
  const responsible = find(RESPONSIBLE_HEAD, [number]);
  const deadline = find(DEADLINE_HEAD, [number, responsible]);
  const action = find(ACTION_HEAD, [number, responsible, deadline]);
  if (action === undefined || (responsible === undefined && deadline === undefined)) return undefined;
  return { action, ...(number !== undefined ? { number } : {}), ...(responsible !== undefined ? { responsible } : {}), ...(deadline !== undefined ? { deadline } : {}) };
}

/** Finds the Markdown tables among the clean lines; an agreements table becomes one marked line per row. */
export function readTables(input: readonly string[], afterBlank: readonly boolean[] = []): TableReading {
  const lines: string[] = [];
  const blank: boolean[] = [];
  const cells = new Map<number, TableCells>();
  const textLines = new Set<number>();
  const textTables: string[] = [];
  let agreementTables = 0;
  for (let i = 0; i < input.length; i++) {
    const head = input[i]!;
    if (!(ROW.test(head) && SEPARATOR.test((input[i + 1] ?? '').replace(/\s+/g, '')))) {
      lines.push(head);
      blank.push(afterBlank[i] ?? false);
      continue;
    }
    let end = i + 2;
    while (end < input.length && ROW.test(input[end]!)) end++;
    const header = cellsOf(head);
    const rows = input.slice(i + 2, end).map(cellsOf).filter((r) => r.some((c) => c !== ''));
    const cols = rows.length ? tableColumns(header, rows) : undefined;
    if (!cols) {
      textTables.push(header.join(' | '));
      for (let k = i; k < end; k++) {
        if (k === i + 1) continue; // the "| --- |" line says nothing
        textLines.add(lines.length);
        lines.push(input[k]!);
        blank.push(k === i ? (afterBlank[i] ?? false) : false);
      }
    } else {
      agreementTables++;
      rows.forEach((r, k) => {
        const text = r[cols.action] ?? '';
        const number = cols.number !== undefined ? r[cols.number] : undefined;
        const responsible = cols.responsible !== undefined ? r[cols.responsible] : undefined;
        const deadline = cols.deadline !== undefined ? r[cols.deadline] : undefined;
        cells.set(lines.length, { ...(number ? { number } : {}), ...(responsible ? { responsible } : {}), ...(deadline ? { deadline } : {}) });
        // The marker only places the row in the list; the point's number comes from the list (the printed one is kept).
        lines.push(`${k + 1}. ${text === '' ? '…' : text}`);
        blank.push(k === 0 ? (afterBlank[i] ?? false) : false);
      });
    }
    i = end - 1;
  }
  return { lines, afterBlank: blank, cells, textLines, agreementTables, textTables };
}

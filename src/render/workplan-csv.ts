// `acta workplan --format csv`: one row per activity (a spreadsheet's matrix), stable English keys, per column the
// schedule cell and its state.
import type { WorkplanModel } from '../core/queries/workplan.js';
import type { CsvValue } from './csv.js';
import { csvTable } from './csv.js';

export function formatWorkplanCsv(m: WorkplanModel): string {
  const columns = [...new Set(m.plans.flatMap((p) => p.columns))].sort();
  const head: CsvValue[] = ['plan', 'ref', 'axis', 'objective', 'result', 'activity', 'text', 'text_lang', 'responsible', 'followup', ...columns.flatMap((c) => [c, `${c}_state`])];
  const rows: CsvValue[][] = [];
  for (const p of m.plans) {
    for (const axis of p.axes) {
      for (const o of axis.objectives) {
        for (const r of o.results) {
          for (const a of r.activities) {
            const byColumn = new Map(a.cells.map((c) => [c.column, c]));
            rows.push([p.id, a.ref, axis.number, o.number, r.number, a.number, a.text?.text, a.text?.lang, a.responsible.map((x) => x.id).join(' '), a.followup, ...columns.flatMap((c) => [byColumn.get(c)?.cell, byColumn.get(c)?.state])]);
          }
        }
      }
    }
  }
  return csvTable([head, ...rows]);
}

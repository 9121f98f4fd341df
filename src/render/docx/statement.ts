// One actor's statement as a Word document: the StatementView `acta statement -f html` lays out (same sections, same
// words), in Word styles. Also the blocks of the report's annex (one statement per country).
import type { FileChild } from 'docx';
import { Document } from 'docx';
import type { StatementView } from '../statement-view.js';
import type { DocumentMeta, Line } from './parts.js';
import { cell, contents, heading, lazyRows, num, originalLine, para, scope, section, table } from './parts.js';
import { STYLE, stylesXml } from './styles.js';

/** The sections of a statement: a heading per section (level `hs`), per group (`hs + 1`), and its table. */
export function statementBlocks(view: Omit<StatementView, 'statement'>, hs: 1 | 2 | 3): FileChild[] {
  const out: FileChild[] = [];
  const hg = (hs + 1) as 2 | 3 | 4;
  for (const s of view.sections) {
    out.push(heading(hs, s.title));
    for (const g of s.groups) {
      out.push(heading(hg, g.title));
      out.push(
        table({
          head: [s.columns[0], { text: s.columns[1], num: true }, view.head.commitment, view.head.task],
          widths: [15, 9, 27, 49],
          rows: lazyRows(g.rows, (r) => {
            const task: Line[] = [[r.task]];
            if (r.wording) task.push([{ text: `«${r.wording}»`, style: 'italic' }]);
            for (const n of r.notes) task.push([{ text: n, style: 'muted' }]);
            // Evidence: its web address a link (http(s) only), the record and document as text, as the HTML lists them.
            for (const e of r.evidence) task.push([...(e.url ? [{ url: e.url }] : []), ...[e.record, e.document].filter((x): x is string => typeof x === 'string' && x !== '').map((x, i) => (i > 0 || e.url ? `, ${x}` : x))]);
            return [cell([r.when]), r.late ? { lines: [[{ text: r.days, style: 'late' }]], num: true } : num(r.days), cell([r.id]), { lines: task }];
          }),
        }),
      );
    }
  }
  return out;
}

/** The statement document: title, the groups it owes through, the counts line, then the sections. */
export function statementDocument(view: StatementView, meta: DocumentMeta): Document {
  const children: FileChild[] = [
    para([view.title], STYLE.title),
    ...(view.via ? [scope(view.via)] : []),
    para([view.summary], STYLE.facts),
    originalLine(meta),
    ...(view.sections.length > 1 ? [contents(meta.lang)] : []),
    ...(view.empty ? [para([view.empty])] : []),
    ...statementBlocks(view, 1),
  ];
  return new Document({
    creator: 'acta',
    title: view.title,
    externalStyles: stylesXml(meta.lang),
    features: { updateFields: true },
    sections: [section(meta, children)],
  });
}

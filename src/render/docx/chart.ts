// The report's "commitments by state per body" chart as a native Word chart (a stacked bar chart with its data in an
// embedded workbook: Word's "Edit data" opens it), from the same geometry the HTML report's SVG is drawn from: the
// bodies in the same order, the states it shows, the same colours.
import type { FileChild } from 'docx';
import { Paragraph } from 'docx';
import { ChartRun } from 'docx/charts';
import type { CommitmentState } from '../../core/followup/index.js';
import type { Lang } from '../../core/model.js';
import { docxText } from '../escape.js';
import { labels } from '../i18n.js';
import type { StateBarsChart } from '../svg/state-bars.js';
import { caption } from './parts.js';

/** The HTML report's state colours (templates/report/partials/html/style.hbs). */
const STATE_COLOUR: Record<CommitmentState, string> = {
  overdue: 'C0392B',
  upcoming: 'E67E22',
  open: '2E86C1',
  waiting: '8E44AD',
  'no-date': 'A3ADB8',
  continuous: '17A589',
  done: '27AE60',
  'not-applicable': 'CFD6DD',
  superseded: 'CFD6DD',
  cancelled: 'CFD6DD',
};

const cap = (s: string): string => s.charAt(0).toLocaleUpperCase() + s.slice(1);

export function chartParagraph(chart: StateBarsChart, lang: Lang, title: string): FileChild[] {
  const l = labels(lang);
  const states = chart.legend.map((x) => x.state);
  // Word draws a bar chart's first category at the bottom: reversed, the bodies read top-down as in the tables.
  const rows = [...chart.rows].reverse();
  const countOf = (row: StateBarsChart['rows'][number], state: CommitmentState): number | null => row.segments.find((s) => s.state === state)?.count ?? null;
  const describe = chart.rows.map((r) => `${r.fullLabel}: ${r.segments.map((s) => `${l.states[s.state]} ${s.count}`).join(', ')}`).join('; ');
  return [
    caption(title),
    new Paragraph({
      keepNext: false,
      children: [
        new ChartRun({
          type: 'bar',
          stacking: 'stacked',
          gapWidth: 60,
          categories: rows.map((r) => docxText(r.fullLabel)),
          series: states.map((state) => ({ name: cap(l.states[state]), values: rows.map((r) => countOf(r, state)), color: STATE_COLOUR[state] })),
          legend: { position: 'top' },
          valueAxis: { gridlines: true, numberFormat: '0' },
          dataLabels: { value: true },
          transformation: { width: 620, height: Math.max(160, 70 + chart.rows.length * 34) },
          altText: { name: docxText(title), title: docxText(title), description: docxText(`${title}. ${describe}.`) },
        }),
      ],
    }),
  ];
}

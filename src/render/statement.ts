// Formatters for `acta statement`: pure (statement, options) → string — table and Markdown here, JSON the result
// itself; HTML goes through templates/statement (with the report's print stylesheet).
import { t } from './catalog.js';
import type { Lang } from '../core/model.js';
import type { Evidence, Statement, StatementGroup, StatementRow, StatementSection } from '../core/queries/statement.js';
import { dayOf } from './statement-cells.js';
import { idCell, lateCell, leftCell, renderTable, taskCell } from './commitment-cells.js';
import { jsonText, oneLine } from './escape.js';
import { day, labels, localText } from './i18n.js';
import { daysLateText, waitingText } from './late-phrases.js';
import { wrapWords } from './wrap.js';
import { mdCell, mdTable } from './markdown.js';
import { statementLabels, viaLine } from './statement-labels.js';
import type { Style } from './style.js';

export interface StatementFormatOptions {
  readonly style: Style;
  readonly width?: number | undefined;
}

export type StatementFormat = 'table' | 'md' | 'json';

export const STATEMENT_FORMATTERS: Record<StatementFormat, (s: Statement, o: StatementFormatOptions) => string> = {
  table: formatStatementTable,
  md: formatStatementMarkdown,
  json: (s) => jsonText(s),
};

/** "Statement — Mexico (MX) as of 1 Aug 2017". */
export function statementTitle(s: Statement): string {
  const w = statementLabels(s.lang);
  return `${w.title} — ${s.actor.label}${s.actor.label === s.actor.id ? '' : ` (${s.actor.id})`} ${w.asOf} ${day(s.asOf, s.lang)}`;
}

/** "2015-08-18-ad-hoc-nna — Ad Hoc Group (meeting of 18 Aug 2015)". */
export function groupTitle(g: StatementGroup, lang: Lang): string {
  const w = statementLabels(lang);
  return `${g.body.label} — ${g.recordKind === 'meeting' ? w.meeting : w.plan} ${g.record}${g.meetingDate ? ` (${day(g.meetingDate, lang)})` : ''}`;
}

/** The first two columns of a section's table: what day, and how many days. */
function columns(section: StatementSection, lang: Lang): [string, string] {
  const l = labels(lang);
  const w = statementLabels(lang);
  switch (section) {
    case 'overdue':
      return [l.words.due, l.words.daysLate];
    case 'due-next':
      return [l.words.due, l.words.daysLeft];
    case 'delivered':
      return [w.delivered, w.late];
    case 'waiting':
      return [w.expected, w.daysSince];
    default:
      return [l.words.deadline, ''];
  }
}

export function evidenceText(e: Evidence): string {
  return [e.url, e.record, e.document].filter((x): x is string => typeof x === 'string' && x !== '').join(', ');
}

function notes(r: StatementRow, section: StatementSection, lang: Lang): string[] {
  const w = statementLabels(lang);
  const out: string[] = [];
  if (section === 'delivered') out.push(r.deliveredLate !== undefined ? daysLateText(r.deliveredLate, lang) : w.onTime);
  for (const e of r.evidence) out.push(`${w.evidence}: ${evidenceText(e)}`);
  if (section === 'waiting') out.push(waitingText(r.commitment.due, lang));
  if (r.commitment.inferred) out.push(t(lang, 'marks.inferred'));
  return out;
}

function tableRow(r: StatementRow, section: StatementSection, lang: Lang, s: Style): (string | number)[] {
  const l = labels(lang);
  const c = r.commitment;
  const task = [taskCell(c, l, s), ...notes(r, section, lang).map((n) => s.dim(oneLine(n)))].join('\n');
  return [dayOf(r, section, lang), daysCell(r, section, s, lang), idCell(c.id), task];
}

function daysCell(r: StatementRow, section: StatementSection, s: Style, lang: Lang): string {
  if (section === 'overdue') return lateCell(r.daysLate, s);
  if (section === 'due-next') return r.daysLeft === 0 ? s.yellow(statementLabels(lang).dueToday) : leftCell(r.daysLeft, s);
  if (section === 'delivered') return r.deliveredLate !== undefined ? s.yellow(String(r.deliveredLate)) : s.green('0');
  if (section === 'waiting') return r.daysPastExpected !== undefined ? s.yellow(String(r.daysPastExpected)) : '';
  return '';
}

const WIDTHS = [18, 10, 26, 66];

export function formatStatementTable(st: Statement, o: StatementFormatOptions): string {
  const s = o.style;
  const w = statementLabels(st.lang);
  const fit = (text: string): string[] => (o.width === undefined ? [text] : wrapWords(text, o.width));
  const out = [...fit(statementTitle(st)).map((t) => s.bold(t))];
  if (st.via.length) out.push(...fit(oneLine(viaLine(st))).map((t) => s.dim(t)));
  out.push(...fit(summaryLine(st)), '');
  for (const { section, groups } of st.sections) {
    if (!groups.length) continue;
    out.push(s.bold(`${w.sections[section]} — ${st.counts[section]}`));
    const [a, b] = columns(section, st.lang);
    // A section without a count (no date) has no count column: no empty header, no empty cells.
    const keep = (row: readonly (string | number)[]): (string | number)[] => (b ? [...row] : row.filter((_, i) => i !== 1));
    for (const g of groups) {
      out.push(oneLine(groupTitle(g, st.lang)));
      out.push(renderTable(keep([a, b, labels(st.lang).words.commitment, labels(st.lang).words.task]) as string[], keep(WIDTHS) as number[], g.rows.map((r) => keep(tableRow(r, section, st.lang, s))), s, o.width));
    }
    out.push('');
  }
  if (st.counts.total === 0) out.push(w.empty, '');
  return out.join('\n');
}

/** "Overdue 4 · Due next 2 · Delivered 0 · Waiting for a meeting 0 · No date 30 — 36 commitments in all". */
export function summaryLine(st: Statement): string {
  const w = statementLabels(st.lang);
  return `${st.sections.map(({ section }) => `${w.sections[section]} ${st.counts[section]}`).join(' · ')} — ${t(st.lang, 'statement.total', { count: st.counts.total })}`;
}

export function formatStatementMarkdown(st: Statement): string {
  const w = statementLabels(st.lang);
  const l = labels(st.lang);
  const out = [`## ${mdCell(statementTitle(st))}`, ''];
  if (st.via.length) out.push(mdCell(viaLine(st)), '');
  out.push(mdCell(summaryLine(st)), '');
  for (const { section, groups } of st.sections) {
    if (!groups.length) continue;
    out.push(`### ${mdCell(w.sections[section])} — ${st.counts[section]}`, '');
    const [a, b] = columns(section, st.lang);
    for (const g of groups) {
      out.push(`#### ${mdCell(groupTitle(g, st.lang))}`, '');
      const rows = g.rows.map((r) => {
        const c = r.commitment;
        const extra = [c.deadlineText ? `«${localText(c.deadlineText, st.lang)}»` : '', ...notes(r, section, st.lang)].filter(Boolean);
        const cells = [mdCell(dayOf(r, section, st.lang)), daysOf(r, section), `\`${c.id}\``, [mdCell(localText(c.task, st.lang)), ...extra.map((n) => `<br>_${mdCell(n)}_`)].join('')];
        return b ? cells : cells.filter((_, i) => i !== 1);
      });
      out.push(b ? mdTable([a, b, l.words.commitment, l.words.task], rows, [1]) : mdTable([a, l.words.commitment, l.words.task], rows, []));
    }
  }
  if (st.counts.total === 0) out.push(w.empty, '');
  return out.join('\n');
}

function daysOf(r: StatementRow, section: StatementSection): string {
  const n = section === 'overdue' ? r.daysLate : section === 'due-next' ? r.daysLeft : section === 'delivered' ? (r.deliveredLate ?? 0) : section === 'waiting' ? r.daysPastExpected : undefined;
  return n === undefined ? '' : String(n);
}


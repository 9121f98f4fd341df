// The view model handed to templates/statement/statement.html.hbs: the statement, with its labels and each row's
// texts already chosen (day, days, notes), so the template only lays them out. Documented in the README.
import { t } from './catalog.js';
import type { Lang } from '../core/model.js';
import type { Evidence, Statement, StatementRow, StatementSection } from '../core/queries/statement.js';
import { evidenceText, groupTitle, statementTitle, summaryLine } from './statement.js';
import { dayOf } from './statement-cells.js';
import { labels, localText } from './i18n.js';
import { daysLateText, waitingText } from './late-phrases.js';
import { statementLabels, viaLine } from './statement-labels.js';

export interface StatementView {
  readonly lang: Lang;
  readonly title: string;
  readonly via: string;
  readonly summary: string;
  readonly empty?: string;
  readonly head: { readonly commitment: string; readonly task: string };
  readonly sections: readonly {
    readonly section: StatementSection;
    readonly title: string;
    readonly columns: readonly [string, string];
    readonly groups: readonly { readonly title: string; readonly rows: readonly StatementRowView[] }[];
  }[];
  readonly statement: Statement;
}

/** A row's texts: its day, its days (late, left, since), its notes, its task and wording in the statement's language. */
export interface StatementRowView {
  readonly id: string;
  readonly when: string;
  readonly days: string;
  readonly late: boolean;
  readonly task: string;
  readonly wording: string;
  readonly notes: readonly string[];
  readonly links: readonly string[];
  readonly evidence: readonly Evidence[];
}

export function statementView(st: Statement): StatementView {
  const w = statementLabels(st.lang);
  const l = labels(st.lang);
  const sections = st.sections
    .filter((s) => s.groups.length)
    .map(({ section, groups }) => ({
      section,
      ...sectionHead(st, section),
      groups: groups.map((g) => ({ title: groupTitle(g, st.lang), rows: g.rows.map((r) => statementRowView(r, section, st.lang)) })),
    }));
  return {
    lang: st.lang,
    title: statementTitle(st),
    via: st.via.length ? viaLine(st) : '',
    summary: summaryLine(st),
    ...(st.counts.total === 0 ? { empty: w.empty } : {}),
    head: { commitment: l.words.commitment, task: l.words.task },
    sections,
    statement: st,
  };
}

/** A section's title (with its count) and its two columns' names. */
export function sectionHead(st: Statement, section: StatementSection): { readonly title: string; readonly columns: readonly [string, string] } {
  return { title: `${statementLabels(st.lang).sections[section]} — ${st.counts[section]}`, columns: columnsOf(section, st.lang) };
}

/** One row's texts, made alone: the site makes those of the rows a page shows (a country's statement at 8,000 meetings
 * has ~15,000 rows, and their texts made at once were held through all its pages). */
export function statementRowView(r: StatementRow, section: StatementSection, lang: Lang): StatementRowView {
  const w = statementLabels(lang);
  const c = r.commitment;
  const days = section === 'overdue' ? r.daysLate : section === 'due-next' ? r.daysLeft : section === 'delivered' ? (r.deliveredLate ?? 0) : section === 'waiting' ? r.daysPastExpected : undefined;
  const notes = [
    ...(section === 'delivered' ? [r.deliveredLate !== undefined ? daysLateText(r.deliveredLate, lang) : w.onTime] : []),
    ...(section === 'waiting' ? [waitingText(c.due, lang)] : []),
    ...(c.inferred ? [t(lang, 'marks.inferred')] : []),
  ];
  return { id: c.id, when: dayOf(r, section, lang), days: days === undefined ? '' : section === 'due-next' && days === 0 ? w.dueToday : String(days), late: section === 'overdue' || r.deliveredLate !== undefined, task: localText(c.task, lang), wording: c.deadlineText ? localText(c.deadlineText, lang) : '', notes, links: r.evidence.map(evidenceText), evidence: r.evidence };
}

function columnsOf(section: StatementSection, lang: Lang): [string, string] {
  const l = labels(lang);
  const w = statementLabels(lang);
  if (section === 'overdue') return [l.words.due, l.words.daysLate];
  if (section === 'due-next') return [l.words.due, l.words.daysLeft];
  if (section === 'delivered') return [w.delivered, w.late];
  if (section === 'waiting') return [w.expected, w.daysSince];
  return [l.words.deadline, ''];
}

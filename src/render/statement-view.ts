// The view model handed to templates/statement/statement.html.hbs: the statement, with its labels and each row's
// texts already chosen (day, days, notes), so the template only lays them out. Documented in the README.
import { t } from './catalog.js';
import type { Lang } from '../core/model.js';
import type { Evidence, Statement, StatementSection } from '../core/queries/statement.js';
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
    readonly groups: readonly { readonly title: string; readonly rows: readonly { readonly id: string; readonly when: string; readonly days: string; readonly late: boolean; readonly task: string; readonly wording: string; readonly notes: readonly string[]; readonly links: readonly string[]; readonly evidence: readonly Evidence[] }[] }[];
  }[];
  readonly statement: Statement;
}

export function statementView(st: Statement): StatementView {
  const w = statementLabels(st.lang);
  const l = labels(st.lang);
  const sections = st.sections
    .filter((s) => s.groups.length)
    .map(({ section, groups }) => ({
      section,
      title: `${w.sections[section]} — ${st.counts[section]}`,
      columns: columnsOf(section, st.lang),
      groups: groups.map((g) => ({
        title: groupTitle(g, st.lang),
        rows: g.rows.map((r) => {
          const c = r.commitment;
          const days = section === 'overdue' ? r.daysLate : section === 'due-next' ? r.daysLeft : section === 'delivered' ? (r.deliveredLate ?? 0) : section === 'waiting' ? r.daysPastExpected : undefined;
          const notes = [
            ...(section === 'delivered' ? [r.deliveredLate !== undefined ? daysLateText(r.deliveredLate, st.lang) : w.onTime] : []),
            ...(section === 'waiting' ? [waitingText(c.due, st.lang)] : []),
            ...(c.inferred ? [t(st.lang, 'marks.inferred')] : []),
          ];
          return { id: c.id, when: dayOf(r, section, st.lang), days: days === undefined ? '' : String(days), late: section === 'overdue' || r.deliveredLate !== undefined, task: localText(c.task, st.lang), wording: c.deadlineText ? localText(c.deadlineText, st.lang) : '', notes, links: r.evidence.map(evidenceText), evidence: r.evidence };
        }),
      })),
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

function columnsOf(section: StatementSection, lang: Lang): [string, string] {
  const l = labels(lang);
  const w = statementLabels(lang);
  if (section === 'overdue') return [l.words.due, l.words.daysLate];
  if (section === 'due-next') return [l.words.due, l.words.daysLeft];
  if (section === 'delivered') return [w.delivered, w.late];
  if (section === 'waiting') return [w.expected, w.daysSince];
  return [l.words.deadline, ''];
}

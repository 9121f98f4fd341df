// Formatters for `acta show`: one meeting, agreement, plan or activity, as text for people or the JSON result.
import type { ShowResult } from '../core/queries/show.js';
import type { CommitmentView, FollowUpView, LocalText } from '../core/queries/view.js';
import { actorList, commitmentStateCell, dueCell, idCell, lateCell, leftCell, owersCell, renderTable, stateCell, taskCell } from './commitment-cells.js';
import { jsonText, oneLine } from './escape.js';
import type { Labels } from './i18n.js';
import { t } from './catalog.js';
import { day, dayRange, dueText, labels, localText, participantsText } from './i18n.js';
import type { Style } from './style.js';

export type ShowFormat = 'text' | 'json';

export interface ShowFormatOptions {
  readonly style: Style;
  /** Tables fit this many columns (a terminal's); none (piped): each table's fixed layout. */
  readonly width?: number | undefined;
}

export const SHOW_FORMATTERS: Record<ShowFormat, (r: ShowResult, o: ShowFormatOptions) => string> = {
  text: formatShowText,
  json: (r) => jsonText(r),
};

type Field = readonly [string, string];
const fields = (list: readonly (Field | undefined)[], s: Style): string[] => {
  const shown = list.filter((f): f is Field => f !== undefined && f[1] !== '');
  const width = Math.max(...shown.map(([k]) => k.length)) + 2;
  return shown.map(([k, v]) => `${s.dim((k + ':').padEnd(width))}${oneLine(v)}`);
};
const text = (t: LocalText | undefined, l: Labels): string => localText(t, l.lang);

export function formatShowText(r: ShowResult, o: ShowFormatOptions): string {
  const l = labels(r.lang);
  const s = o.style;
  const w = l.words;
  const out: string[] = [];
  switch (r.kind) {
    case 'meeting': {
      out.push(s.bold(`${r.id} — ${oneLine(r.body.label)}`));
      if (r.title) out.push(oneLine(text(r.title, l)));
      out.push(...fields([[w.dates, dayRange(r.start, r.end, l.lang)], [w.place, [r.place?.city, r.place?.country?.label].filter(Boolean).join(', ')], [w.session, [r.session ? l.sessions[r.session] : '', r.ordinal !== undefined ? `#${r.ordinal}` : ''].filter(Boolean).join(' ')], [w.participants, participantsText(r.participants.length ? actorList(r.participants, l.lang) : '', r.attendance, l.lang)], [w.observers, r.observers.length ? actorList(r.observers, l.lang) : ''], [w.guests, r.guests.map((g) => [g.name, g.actor?.label, g.role ? text(g.role, l) : ''].filter(Boolean).join(' — ')).join('; ')], [w.source, r.source]], s), ...notHeldYet(r.start, r.asOf, l, s), '');
      out.push(renderTable([w.number, w.action, w.actors, w.text, `${w.deadline} / ${w.state}`], [7, 16, 20, 56, 30], r.points.map((p) => [p.number, p.action ? l.actions[p.action] : '', actorList(p.actors, l.lang), oneLine(text(p.text, l)), p.commitments.map((c) => deadlineLines(c, l, s)).join('\n')]), s, o.width));
      break;
    }
    case 'agreement': {
      out.push(s.bold(`${r.ref}${r.action ? ` — ${l.actions[r.action]}` : ''}`));
      if (r.printed !== undefined) out.push(s.dim(t(l.lang, 'marks.restoredNumber', { printed: oneLine(r.printed) })));
      out.push(...fields([[w.meeting, `${r.meeting.id} (${oneLine(r.meeting.body.label)}, ${dayRange(r.meeting.start, r.meeting.end, l.lang)})`], [w.actors, r.actors.length ? actorList(r.actors, l.lang) : ''], [w.supersedes, r.supersedes ?? ''], [w.text, text(r.text, l)]], s), ...notHeldYet(r.meeting.start, r.asOf, l, s));
      out.push(...commitmentsBlock(r.commitments, l, s, o.width), ...followupBlock(r.followup, l, s));
      break;
    }
    case 'plan': {
      out.push(s.bold(`${r.id} — ${oneLine(r.body.label)}`), oneLine(text(r.title, l)));
      out.push(...fields([[w.period, `${r.period.start}–${r.period.end}`], [w.objective, r.objective ? text(r.objective, l) : ''], [w.source, r.source]], s), '');
      out.push(renderTable([w.activity, w.text, w.responsible, w.schedule, w.state], [26, 50, 20, 26, 14], r.activities.map((a) => [idCell(a.ref), oneLine(text(a.text, l)), actorList(a.responsible, l.lang), a.schedule.map((c) => `${c.column}: ${l.cells[c.cell]}`).join('\n'), a.state ? stateCell(a.state, l, s) : '']), s, o.width));
      break;
    }
    case 'activity': {
      out.push(s.bold(r.ref), oneLine(text(r.text, l)));
      out.push(...fields([[w.plan, `${r.plan.id} — ${text(r.plan.title, l)}`], [w.axis, text(r.axis, l)], [w.objective, text(r.objective, l)], [w.result, text(r.result, l)], [w.responsible, r.responsible.length ? actorList(r.responsible, l.lang) : ''], [w.schedule, r.schedule.map((c) => `${c.column}: ${l.cells[c.cell]}`).join('; ')]], s));
      out.push(...commitmentsBlock(r.commitments, l, s, o.width), ...followupBlock(r.followup, l, s));
      break;
    }
  }
  return out.join('\n') + '\n';
}

function deadlineLines(c: CommitmentView, l: Labels, s: Style): string {
  const head = c.step !== undefined ? `${l.words.step} ${c.step}: ` : c.occurrence !== undefined ? `${c.occurrence}: ` : '';
  const days = c.daysLate !== undefined ? ` (${c.daysLate})` : '';
  const said = c.state === 'no-date' || c.state === 'continuous' || c.state === 'waiting'; // the deadline already says it
  const inferred = c.inferred ? `\n  ${s.dim(t(l.lang, 'marks.inferred'))}` : '';
  return `${head}${oneLine(dueText(c.due, l.lang))}${said ? '' : `\n  ${commitmentStateCell(c, l, s)}${days}`}${inferred}`;
}

function commitmentsBlock(list: readonly CommitmentView[], l: Labels, s: Style, width: number | undefined): string[] {
  if (!list.length) return [];
  const rows = list.map((c) => [idCell(c.id), dueCell(c, l.lang), commitmentStateCell(c, l, s), c.daysLate !== undefined ? lateCell(c.daysLate, s) : leftCell(c.daysLeft, s), taskCell(c, l, s), owersCell(c, l.lang)]);
  return ['', s.bold(l.words.commitments), renderTable([l.words.commitment, l.words.due, l.words.state, l.words.days, l.words.task, l.words.owedBy], [26, 18, 12, 9, 46, 24], rows, s, width)];
}

function followupBlock(list: readonly FollowUpView[], l: Labels, s: Style): string[] {
  const title = s.bold(l.words.followup);
  if (!list.length) return ['', title, l.lang === 'es' ? 'Sin seguimiento registrado.' : 'No follow-up recorded.'];
  const lines = list.map((f) => {
    const parts = [f.step !== undefined ? `${l.words.step} ${f.step}` : '', f.occurrence ?? '', f.deliveredBy.length ? `${l.words.delivered}: ${actorList(f.deliveredBy, l.lang)}` : '', f.deadline ? `${l.words.deadline} → ${f.deadline}` : '', f.decidedBy ? `${l.words.decidedBy} ${f.decidedBy}` : '', f.supersededBy ? `${l.words.supersededBy} ${f.supersededBy}` : ''].filter(Boolean);
    const evidence = f.evidence ? [f.evidence.record, f.evidence.document, f.evidence.url].filter(Boolean).join(', ') : '';
    return [`${day(f.date, l.lang)}  ${f.status ? l.statuses[f.status] : l.lang === 'es' ? 'prórroga' : 'extension'}${parts.length ? ` — ${oneLine(parts.join('; '))}` : ''}`, f.note ? `    ${oneLine(text(f.note, l))}` : '', evidence ? `    ${s.dim(`${l.words.evidence}: ${oneLine(evidence)}`)}` : ''].filter(Boolean).join('\n');
  });
  return ['', title, ...lines];
}

// A meeting on record that starts after --as-of has adopted nothing yet (core/followup/derive.ts): said, so that its
// points' empty deadlines and states are not read as "no commitment".
function notHeldYet(start: string, asOf: string, l: Labels, s: Style): string[] {
  return start > asOf ? [s.dim(t(l.lang, 'marks.notHeldYet', { date: day(asOf, l.lang) }))] : [];
}

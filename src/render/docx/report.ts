// The consolidated report as a Word document, from the report's view model (the one `acta report -f json` prints and
// the HTML template lays out): the same sections, figures and words as the HTML report, in Word styles — a title, a
// table of contents field, Heading 1 per section, captioned tables in the table style, the states chart as an image.
import type { FileChild } from 'docx';
import { Document } from 'docx';
import type { CommitmentState } from '../../core/followup/index.js';
import type { Lang } from '../../core/model.js';
import type { OverdueRow } from '../../core/queries/report.js';
import type { CommitmentLine } from '../../core/queries/view.js';
import type { StateSummary } from '../../core/followup/index.js';
import { t } from '../catalog.js';
import { day, dueText, labels, localText } from '../i18n.js';
import { daysLateText } from '../late-phrases.js';
import { reportLabels } from '../report-labels.js';
import { statementView } from '../statement-view.js';
import type { ReportView } from '../svg/report-charts.js';

/** The report's view as this document reads it: the commitment rows' printed members (CommitmentLine) are all it
 * needs, so the report hands it lean rows (a whole view is one too). */
type DocumentView = ReportView<CommitmentLine>;
import { chartParagraph } from './chart.js';
import { deferredChunks } from './deferred.js';
import type { Cell, DocumentMeta, LazyRows, Line, Piece } from './parts.js';
import { caption, cell, contents, heading, isHttp, lazyRows, num, originalLine, para, scope, section, table } from './parts.js';
import { statementBlocks } from './statement.js';
import { shortUrl } from '../short-url.js';
import { STYLE, stylesXml } from './styles.js';

const cap = (s: string): string => s.charAt(0).toLocaleUpperCase() + s.slice(1);
// An actor whose membership the sources do not give is marked † (as the HTML report's `name` and `names` helpers do).
const name = (a: { readonly label: string; readonly unsourced?: true }): string => `${a.label}${a.unsourced ? '†' : ''}`;
const names = (list: readonly ({ readonly label: string; readonly unsourced?: true } | string)[]): string => (list.length ? list.map((a) => (typeof a === 'string' ? a : name(a))).join(', ') : '—');

interface Words {
  readonly lang: Lang;
  readonly r: ReturnType<typeof reportLabels>['report'];
  readonly a: ReturnType<typeof reportLabels>;
  readonly l: ReturnType<typeof labels>;
}

/** The report's title: "Informe consolidado 2017". */
export function reportTitle(view: DocumentView): string {
  return `${reportLabels(view.lang).report.title}${view.period.year ? ` ${view.period.year}` : ''}`;
}

export function reportDocument(view: DocumentView, meta: DocumentMeta): Document {
  const w: Words = { lang: view.lang, r: reportLabels(view.lang).report, a: reportLabels(view.lang), l: labels(view.lang) };
  const children: FileChild[] = [
    ...cover(view, w, meta),
    ...summary(view, w),
    ...meetings(view, w),
    ...participation(view, w),
    ...agreements(view, w),
    ...commitments(view, w),
    ...delivered(view, w),
    ...overdue(view, w),
    ...dueNext(view, w),
    ...workplan(view, w),
    ...records(view, w),
    ...texts(view, w),
    ...annex(view, w),
    para([`${w.r.generated} ${day(view.asOf, view.lang)}.`], STYLE.scope),
  ];
  return new Document({
    creator: 'acta',
    title: reportTitle(view),
    ...(view.secretariat ? { subject: localText(view.secretariat, view.lang) } : {}),
    externalStyles: stylesXml(view.lang),
    features: { updateFields: true },
    sections: [section(meta, children)],
  });
}

function cover(view: DocumentView, { r, lang }: Words, meta: DocumentMeta): FileChild[] {
  return [
    ...(view.secretariat ? [para([localText(view.secretariat, lang)], STYLE.subtitle)] : []),
    para([reportTitle(view)], STYLE.title),
    para([{ text: `${r.period}: `, style: 'muted' }, `${day(view.period.from, lang)} – ${day(view.period.to, lang)}`], STYLE.facts),
    para([{ text: `${r.asOf}: `, style: 'muted' }, day(view.asOf, lang)], STYLE.facts),
    para([{ text: `${r.bodies}: `, style: 'muted' }, view.bodies.length ? names(view.bodies) : r.allBodies], STYLE.facts),
    originalLine(meta),
    contents(lang),
  ];
}

const sectionTitle = (n: string, text: string): FileChild => heading(1, `${n} ${text}`);

// The HTML report's cards as lines: the figure in bold (overdue in red), what it counts, a note in grey.
function summary(view: DocumentView, { r }: Words): FileChild[] {
  const s = view.summary;
  const muted = (text: string): Piece => ({ text, style: 'muted' });
  const lines: Line[] = [
    [{ text: String(s.meetings), style: 'bold' }, ` ${r.meetingsHeld}`],
    [{ text: String(s.agreements), style: 'bold' }, ` ${r.agreementsAdopted}`],
    [{ text: String(s.commitments.total), style: 'bold' }, ` ${r.commitmentsAdopted}`],
    [{ text: String(s.overdue), style: s.overdue ? 'late' : 'bold' }, ` ${r.overdueCommitments}`, ...(s.overdueEarlier ? [muted(` (${s.overdueEarlier} ${r.earlierTotal})`)] : [])],
    [{ text: String(s.dueNext), style: 'bold' }, ` ${r.dueNext}`, ...(s.doneLate ? [muted(` (${r.doneLate}: ${s.doneLate})`)] : [])],
    [{ text: view.records.valid ? '✓' : String(view.records.errors), style: view.records.valid ? 'bold' : 'late' }, ` ${view.records.valid ? r.validTotal : r.invalidTotal}`, ...(view.records.warnings ? [muted(` (${r.warnings}: ${view.records.warnings})`)] : [])],
  ];
  return [heading(1, r.atAGlance), ...lines.map((l, i) => para(l, STYLE.facts, { keepNext: i < lines.length - 1 }))];
}

function meetings(view: DocumentView, { r, l, lang }: Words): FileChild[] {
  const out: FileChild[] = [sectionTitle('1', r.meetingsHeld)];
  if (!view.meetings.length) return [...out, para([r.noMeetings])];
  out.push(caption(`${r.meetingsHeld}: ${view.meetings.length}`));
  out.push(
    table({
      head: [l.words.dates, l.words.meeting, l.words.place, l.words.participants, { text: l.words.agreements, num: true }, { text: l.words.commitments, num: true }],
      widths: [12, 26, 12, 27, 11, 12],
      rows: lazyRows(view.meetings, (m) => {
        const when: Line[] = [[day(m.start, lang)], ...(m.end ? [[`– ${day(m.end, lang)}`]] : [])];
        const what: Line[] = [[{ text: m.body.label, style: 'bold' }], ...(m.title ? [[localText(m.title, lang)]] : []), [{ text: m.id, style: 'muted' }], [{ text: `${l.words.source}: ${m.source.document}`, style: 'muted' }, ...(m.source.url && isHttp(m.source.url) ? [' · ', { url: m.source.url, label: shortUrl(m.source.url) }] : [])]];
        const where: Line[] = m.place.virtual ? [[r.virtual]] : [[m.place.city ?? ''], ...(m.place.country ? [[{ text: m.place.country.label, style: 'muted' as const }]] : [])];
        const who: Line[] = m.listed
          ? [[{ text: `${m.participants.length}/${m.members}`, style: 'bold' }, ` ${names(m.participants)}`], ...(m.absent.length ? [[{ text: `${r.absent}: ${names(m.absent)}`, style: 'muted' as const }]] : [])]
          : m.participants.length
            ? [[names(m.participants), ' ', { text: `(${r.othersNotListed})`, style: 'italic' }]]
            : [[{ text: r.notListed, style: 'italic' }]];
        if (m.observers.length) who.push([{ text: `${l.words.observers}: ${names(m.observers)}`, style: 'muted' }]);
        if (m.guests.length) who.push([{ text: `${l.words.guests}: ${names(m.guests)}`, style: 'muted' }]);
        return [{ lines: when }, { lines: what }, { lines: where }, { lines: who }, num(m.agreements), num(m.commitments.total)];
      }),
    }),
  );
  return out;
}

// Word takes at most 63 columns and a portrait page a few more than eight: a table per eight meetings, each with the
// countries and their totals (the caption says which part it is when there are several).
const MEETINGS_PER_TABLE = 8;

function participation(view: DocumentView, { r, a, lang }: Words): FileChild[] {
  const p = view.participation;
  const out: FileChild[] = [sectionTitle('2', r.participation)];
  if (!p.columns.length) return [...out, para([r.noMeetings])];
  const parts = Math.ceil(p.columns.length / MEETINGS_PER_TABLE);
  for (let part = 0; part < parts; part++) {
    const from = part * MEETINGS_PER_TABLE;
    const columns = p.columns.slice(from, from + MEETINGS_PER_TABLE);
    out.push(caption(`${r.participation} — ${r.participationNote}${parts > 1 ? ` (${part + 1}/${parts})` : ''}`));
    out.push(
      table({
        head: [r.country, ...columns.map((c) => `${day(c.date, lang)} ${c.body.label}`), { text: r.attended, num: true }],
        widths: [22, ...columns.map(() => 66 / columns.length), 12],
        rows: lazyRows(p.rows, (row) => [cell([name(row.country)]), ...row.cells.slice(from, from + MEETINGS_PER_TABLE).map((c) => cell([a.attendance[c]])), num(`${row.attended}/${row.listed}`)]),
        // Attendance not listed: "≥N" when some came on record (observers), else "?".
        total: [cell([r.present]), ...columns.map((c) => cell([c.listed ? String(c.present) : c.present ? `≥${c.present}` : '?'])), cell()],
      }),
    );
  }
  if (view.unsourcedMembership.length) {
    out.push(para([{ text: `${r.unsourcedTitle}:`, style: 'bold' }, ` ${view.unsourcedMembership.map((u) => `${u.member.label} — ${r.unsourcedNote} ${names(u.groups)}`).join('; ')}. ${r.unsourcedAfter}`]));
  }
  return out;
}

function agreements(view: DocumentView, { r, l }: Words): FileChild[] {
  const t = view.agreements;
  const out: FileChild[] = [sectionTitle('3', r.agreementsByAction)];
  if (t.rows.length) {
    out.push(caption(`${r.agreementsByAction} — ${r.pointsWithCommitments}: ${t.commitments} ${r.of} ${t.total}`));
    out.push(
      table({
        head: [l.words.action, r.kind, ...t.bodies.map((b) => ({ text: b.label, num: true })), { text: cap(l.words.total), num: true }],
        widths: [24, 14, ...t.bodies.map(() => 52 / t.bodies.length), 10],
        rows: lazyRows(t.rows, (row) => [
          cell(row.action === 'none' ? [{ text: r.noAction, style: 'italic' }] : [cap(l.actions[row.action])]),
          cell([row.informational ? r.informational : row.action === 'none' ? '' : r.operational]),
          ...row.counts.map((n) => num(n)),
          { lines: [[{ text: String(row.total), style: 'bold' }]], num: true },
        ]),
        total: [cell([cap(l.words.total)]), cell(), ...t.totals.map((n) => num(n)), num(t.total)],
      }),
    );
  } else out.push(para([r.noMeetings]));
  out.push(scope(r.recommendationsScope));
  if (!view.recommendations.length) return [...out, para([`${r.recommendations}: ${r.noRecommendations}`])];
  out.push(caption(r.recommendations));
  out.push(
    table({
      head: [l.words.point, r.addressee, l.words.text],
      widths: [24, 16, 60],
      rows: lazyRows(view.recommendations, (rec) => [cell([rec.ref]), cell([rec.addressee.label]), cell([localText(rec.text, view.lang)])]),
    }),
  );
  return out;
}

function stateTable(view: DocumentView, w: Words, rows: readonly { label: string; counts: StateSummary }[], captionText: string, head: string, total?: StateSummary): FileChild[] {
  const states = view.commitments.states;
  const count = (s: StateSummary, state: CommitmentState): number => s[state];
  return [
    caption(captionText),
    table({
      head: [head, ...states.map((s) => ({ text: cap(w.l.states[s]), num: true })), { text: cap(w.l.words.total), num: true }],
      widths: [19, ...states.map(() => 72 / states.length), 9],
      rows: lazyRows(rows, (row) => [cell([row.label]), ...states.map((s) => (s === 'overdue' && count(row.counts, s) ? { lines: [[{ text: String(count(row.counts, s)), style: 'late' as const }]], num: true } : num(count(row.counts, s)))), { lines: [[{ text: String(row.counts.total), style: 'bold' }]], num: true }]),
      ...(total ? { total: [cell([cap(w.l.words.total)]), ...states.map((s) => num(count(total, s))), num(total.total)] } : {}),
    }),
  ];
}

function commitments(view: DocumentView, w: Words): FileChild[] {
  const { r, l } = w;
  const out: FileChild[] = [sectionTitle('4', r.commitmentsByState), scope(r.commitmentsScope)];
  if (!view.commitments.total.total) return [...out, para([r.noCommitments])];
  if (view.charts.states) out.push(...chartParagraph(view.charts.states, view.lang, r.statesChart));
  out.push(...stateTable(view, w, view.commitments.byBody.map((b) => ({ label: b.body.label, counts: b.counts })), r.byBody, l.words.body, view.commitments.total));
  // The same note as the HTML report's: where the overdue total is larger than this table's, by how much and why.
  if (view.overdueOutside) out.push(scope(`${r.overdueOutside1} (${view.summary.overdue}, ${r.overdueOutside2} ${view.overdueOutside} ${r.overdueOutside3}`));
  out.push(...stateTable(view, w, view.commitments.byActor.map((b) => ({ label: name(b.actor), counts: b.counts })), r.byActor, r.actor));
  return out;
}

function delivered(view: DocumentView, { r, l, lang }: Words): FileChild[] {
  const out: FileChild[] = [sectionTitle('5', r.delivered), scope(r.deliveredScope)];
  if (!view.delivered.length) return [...out, para([r.nothingDelivered])];
  out.push(caption(`${r.delivered}: ${view.delivered.length}`));
  out.push(
    table({
      head: [l.words.date, l.words.commitment, l.words.task, r.deliveredBy, r.onTimeOrLate],
      widths: [13, 22, 37, 16, 12],
      rows: lazyRows(view.delivered, (d) => {
        const task: Line[] = [[localText(d.commitment.task, lang)]];
        for (const e of d.evidence) task.push([{ text: `${l.words.evidence}:`, style: 'muted' }, ...(e.url ? [' ', { url: e.url }] : []), ...(e.record ? [` ${e.record}`] : []), ...(e.document ? [` ${e.document}`] : [])]);
        return [cell([day(d.date, lang)]), cell([d.commitment.id], [{ text: d.commitment.body.label, style: 'muted' }]), { lines: task }, cell([names(d.by)]), cell([d.daysLate ? { text: daysLateText(d.daysLate, lang), style: 'late' } : r.onTime])];
      }),
    }),
  );
  return out;
}

function commitmentRows(rows: readonly (CommitmentLine & { earlier?: boolean })[], days: 'late' | 'left', { r, l, lang }: Words): LazyRows {
  return lazyRows(rows, (c): Cell[] => {
    const task: Line[] = [[localText(c.task, lang)]];
    if (c.deadlineText) task.push([{ text: localText(c.deadlineText, lang), style: 'italic' }]);
    if (c.delivered.length) task.push([{ text: `${l.words.delivered}: ${c.delivered.map((d) => `${d.actor.label} (${day(d.date, lang)}${d.daysLate ? `, ${daysLateText(d.daysLate, lang)}` : ''})`).join(', ')}`, style: 'muted' }]);
    const n = days === 'late' ? c.daysLate : c.daysLeft;
    return [
      cell([dueText(c.due, lang)]),
      days === 'late' ? { lines: [[{ text: String(n ?? ''), style: 'late' }]], num: true } : num(n ?? ''),
      { lines: [[c.id], ...(c.earlier ? [[{ text: r.earlier, style: 'italic' as const }]] : []), [{ text: c.body.label, style: 'muted' as const }]] },
      { lines: task },
      { lines: [[c.pending.length ? names(c.pending) : { text: l.words.nobody, style: 'muted' }], ...(c.inferred ? [[{ text: `${r.inferred} ${names(c.owners)}.`, style: 'italic' as const }]] : [])] },
    ];
  });
}

function commitmentTable(rows: readonly (CommitmentLine & { earlier?: boolean })[], days: 'late' | 'left', w: Words): FileChild {
  return table({
    head: [w.l.words.due, { text: days === 'late' ? w.l.words.daysLate : w.l.words.daysLeft, num: true }, w.l.words.commitment, w.l.words.task, w.l.words.owedBy],
    widths: [13, 9, 25, 35, 18],
    rows: commitmentRows(rows, days, w),
  });
}

function overdue(view: DocumentView, w: Words): FileChild[] {
  const { r } = w;
  const out: FileChild[] = [sectionTitle('6', r.overdue), scope(r.overdueScope)];
  if (!view.overdue.length) return [...out, para([r.nothingOverdue])];
  return [...out, caption(`${r.overdue}: ${view.overdue.length}`), commitmentTable(view.overdue as readonly OverdueRow<CommitmentLine>[], 'late', w)];
}

function dueNext(view: DocumentView, w: Words): FileChild[] {
  const { r, lang } = w;
  const out: FileChild[] = [sectionTitle('7', r.dueNext), scope(`${r.dueNextScope} ${day(view.next.from, lang)} ${r.and} ${day(view.next.to, lang)} (${t(lang, 'report.dayCount', { count: view.next.days })}).`)];
  if (!view.dueNext.length) return [...out, para([r.nothingDue])];
  return [...out, caption(`${r.dueNext}: ${view.dueNext.length}`), commitmentTable(view.dueNext, 'left', w)];
}

function workplan(view: DocumentView, { r, a, l, lang }: Words): FileChild[] {
  const out: FileChild[] = [sectionTitle('8', r.workplan), scope(r.workplanScope)];
  if (!view.workplan.length) return [...out, para([r.noPlans])];
  for (const plan of view.workplan) {
    out.push(caption(`${localText(plan.title, lang)} (${plan.body.label}, ${plan.period.start}–${plan.period.end})`));
    out.push(
      table({
        head: [l.words.axis, { text: l.words.activities, num: true }, { text: r.scheduled, num: true }, { text: r.withFollowup, num: true }, { text: r.withoutFollowup, num: true }, { text: cap(l.states.overdue), num: true }],
        widths: [40, 12, 12, 12, 12, 12],
        rows: lazyRows(plan.axes, (axis) => [cell([`${axis.number} ${localText(axis.title, lang)}`]), num(axis.activities), num(axis.scheduled), num(axis.withFollowup), num(axis.withoutFollowup), num(axis.states.overdue)]),
        total: [cell([cap(l.words.total)]), num(plan.total.activities), num(plan.total.scheduled), num(plan.total.withFollowup), num(plan.total.withoutFollowup), num(plan.total.states.overdue)],
      }),
    );
    // What acta inferred about the plan, said under its table (as the HTML report does).
    if (plan.columnsInferred) out.push(scope(a.workplan.columnsInferred));
    if (plan.tentative) out.push(scope(a.workplan.tentative));
  }
  return out;
}

function records(view: DocumentView, { r }: Words): FileChild[] {
  const h = view.records;
  const out: FileChild[] = [
    sectionTitle('9', r.records),
    para([{ text: h.valid ? r.recordsValid : r.recordsInvalid, style: h.valid ? 'bold' : 'late' }]),
    para([`${cap(r.files)}: ${h.files} · ${cap(r.errors)}: ${h.errors} · ${cap(r.warnings)}: ${h.warnings} · ${cap(r.explained)}: ${h.explained}`]),
  ];
  if (h.leftOut.length) out.push(para([{ text: `${r.leftOut}: ${names(h.leftOut)}`, style: 'late' }]));
  if (!h.items.length) return [...out, para([r.noProblems])];
  out.push(caption(r.records));
  out.push(
    table({
      head: [r.severity, r.where, r.code, r.problem],
      widths: [13, 27, 20, 40],
      rows: lazyRows(h.items, (i) => [cell([cap(r[i.severity])]), cell([`${i.file}:${i.line}`]), cell([i.code]), cell([i.message], ...(i.explained ? [[{ text: `${r.explained}: ${i.explained}`, style: 'muted' as const }]] : []))]),
    }),
  );
  if (h.more) out.push(para([`… ${h.more} ${r.more}`]));
  return out;
}

const POINTS_PER_PIECE = 50;

function texts(view: DocumentView, { r, lang }: Words): FileChild[] {
  if (!view.texts) return [];
  const out: FileChild[] = [heading(1, `A ${r.textsTitle}`), scope(r.textsScope)];
  for (const m of view.texts) {
    // The heading stays in the tree (the table of contents is filled from the headings there); the points' paragraphs
    // are made when written (deferred.ts).
    out.push(heading(2, `${m.body.label} — ${day(m.date, lang)}${m.title ? `: ${localText(m.title, lang)}` : ''} ${m.meeting}`));
    out.push(...deferredChunks(m.points, POINTS_PER_PIECE, (points) => points.map((p) => {
      const line: Line = [`${p.number}. `, p.text ? localText(p.text, lang) : { text: r.noText, style: 'italic' }, ...(p.commitment ? [' ', { text: r.holdsCommitment, style: 'muted' as const }] : [])];
      return para(line, undefined, {});
    })));
  }
  return out;
}

function annex(view: DocumentView, { r }: Words): FileChild[] {
  if (!view.annex?.length) return [];
  const out: FileChild[] = [heading(1, `${view.texts ? 'B' : 'A'} ${r.annexTitle}`), scope(r.annexScope)];
  for (const st of view.annex) {
    const v = statementView(st);
    out.push(heading(2, v.title));
    if (v.via) out.push(scope(v.via));
    out.push(para([v.summary], STYLE.facts));
    if (v.empty) out.push(para([v.empty]));
    out.push(...statementBlocks(v, 3));
  }
  return out;
}

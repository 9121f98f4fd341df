// Every label acta prints, in Spanish and English: states, statuses, actions, precisions, cells, column headers, phrases.
// Dates go through core/dates.ts (date-fns locales es / enUS); record text is marked when shown in the other language.
import type { Day, Period, Precision } from '../core/dates.js';
import { formatDay, formatDue } from '../core/dates.js';
import type { CommitmentKind, CommitmentState } from '../core/followup/index.js';
import type { Action, Cell, Lang, Meeting, Status } from '../core/model.js';
import type { DueView, ExtensionView, LocalText } from '../core/queries/view.js';

type Session = NonNullable<Meeting['session']>;
type Both = { readonly es: string; readonly en: string };
const pick = <K extends string>(table: Record<K, Both>, lang: Lang): Record<K, string> =>
  Object.fromEntries(Object.entries<Both>(table).map(([k, v]) => [k, v[lang]])) as Record<K, string>;

const STATES: Record<CommitmentState, Both> = {
  overdue: { es: 'vencido', en: 'overdue' },
  upcoming: { es: 'próximo', en: 'upcoming' },
  open: { es: 'abierto', en: 'open' },
  waiting: { es: 'en espera de fecha', en: 'waiting for a date' },
  'no-date': { es: 'sin fecha', en: 'no date' },
  continuous: { es: 'continuo', en: 'continuous' },
  done: { es: 'cumplido', en: 'done' },
  'not-applicable': { es: 'no aplica', en: 'not applicable' },
  superseded: { es: 'sustituido', en: 'superseded' },
  cancelled: { es: 'cancelado', en: 'cancelled' },
};

const STATUSES: Record<Status, Both> = {
  pending: { es: 'pendiente', en: 'pending' },
  'in-progress': { es: 'en curso', en: 'in progress' },
  done: { es: 'cumplido', en: 'done' },
  partial: { es: 'parcial', en: 'partial' },
  'no-information': { es: 'sin información', en: 'no information' },
  'not-applicable': { es: 'no aplica', en: 'not applicable' },
  superseded: { es: 'sustituido', en: 'superseded' },
  cancelled: { es: 'cancelado', en: 'cancelled' },
};

const ACTIONS: Record<Action, Both> = {
  thank: { es: 'agradecer', en: 'thank' },
  'take-note': { es: 'tomar nota', en: 'take note' },
  welcome: { es: 'acoger con beneplácito', en: 'welcome' },
  acknowledge: { es: 'reconocer', en: 'acknowledge' },
  inform: { es: 'informar', en: 'inform' },
  reaffirm: { es: 'reafirmar', en: 'reaffirm' },
  request: { es: 'solicitar', en: 'request' },
  entrust: { es: 'encomendar', en: 'entrust' },
  recommend: { es: 'recomendar', en: 'recommend' },
  suggest: { es: 'sugerir', en: 'suggest' },
  send: { es: 'enviar', en: 'send' },
  organise: { es: 'organizar', en: 'organise' },
  convene: { es: 'convocar', en: 'convene' },
  designate: { es: 'designar', en: 'designate' },
  establish: { es: 'establecer', en: 'establish' },
  consider: { es: 'considerar', en: 'consider' },
  circulate: { es: 'circular', en: 'circulate' },
  coordinate: { es: 'coordinar', en: 'coordinate' },
  share: { es: 'compartir', en: 'share' },
  undertake: { es: 'emprender', en: 'undertake' },
};

const PRECISIONS: Record<Precision, Both> = {
  day: { es: 'día', en: 'day' },
  month: { es: 'mes', en: 'month' },
  quarter: { es: 'trimestre', en: 'quarter' },
  semester: { es: 'semestre', en: 'half-year' },
  year: { es: 'año', en: 'year' },
};

const KINDS: Record<CommitmentKind, Both> = {
  agreement: { es: 'acuerdo', en: 'agreement' },
  step: { es: 'paso', en: 'step' },
  activity: { es: 'actividad', en: 'activity' },
};

const SESSIONS: Record<Session, Both> = {
  ordinary: { es: 'ordinaria', en: 'ordinary' },
  extraordinary: { es: 'extraordinaria', en: 'extraordinary' },
  virtual: { es: 'virtual', en: 'virtual' },
  workshop: { es: 'taller', en: 'workshop' },
};

const CELLS: Record<Cell, Both> = {
  continuous: { es: 'Continuo', en: 'Continuous' },
  'twice-a-year': { es: 'Dos veces al año', en: 'Twice a year' },
  H1: { es: 'I Semestre', en: 'First half' },
  H2: { es: 'II Semestre', en: 'Second half' },
  Q1: { es: 'I Trimestre', en: 'First quarter' },
  Q2: { es: 'II Trimestre', en: 'Second quarter' },
  Q3: { es: 'III Trimestre', en: 'Third quarter' },
  Q4: { es: 'IV Trimestre', en: 'Fourth quarter' },
  year: { es: 'Todo el año', en: 'Whole year' },
  tbd: { es: 'Por definir', en: 'To be defined' },
};

const WORDS = {
  due: { es: 'Vence', en: 'Due' },
  daysLate: { es: 'Días de atraso', en: 'Days late' },
  daysLeft: { es: 'Días restantes', en: 'Days left' },
  days: { es: 'Días', en: 'Days' },
  commitment: { es: 'Compromiso', en: 'Commitment' },
  task: { es: 'Tarea', en: 'Task' },
  owedBy: { es: 'Pendiente de', en: 'Owed by' },
  owners: { es: 'Responsables', en: 'Owners' },
  state: { es: 'Estado', en: 'State' },
  status: { es: 'Informado', en: 'Reported' },
  body: { es: 'Instancia', en: 'Body' },
  meeting: { es: 'Reunión', en: 'Meeting' },
  dates: { es: 'Fechas', en: 'Dates' },
  place: { es: 'Lugar', en: 'Place' },
  agreements: { es: 'Acuerdos', en: 'Agreements' },
  commitments: { es: 'Compromisos', en: 'Commitments' },
  number: { es: 'N.º', en: 'No.' },
  point: { es: 'Punto', en: 'Point' },
  action: { es: 'Acción', en: 'Action' },
  actors: { es: 'Actores', en: 'Actors' },
  text: { es: 'Texto', en: 'Text' },
  deadline: { es: 'Plazo', en: 'Deadline' },
  plan: { es: 'Plan', en: 'Plan' },
  period: { es: 'Periodo', en: 'Period' },
  activity: { es: 'Actividad', en: 'Activity' },
  activities: { es: 'Actividades', en: 'Activities' },
  participants: { es: 'Participantes', en: 'Participants' },
  observers: { es: 'Observadores', en: 'Observers' },
  guests: { es: 'Invitados', en: 'Guests' },
  source: { es: 'Fuente', en: 'Source' },
  followup: { es: 'Seguimiento', en: 'Follow-up' },
  date: { es: 'Fecha', en: 'Date' },
  note: { es: 'Nota', en: 'Note' },
  delivered: { es: 'cumplieron', en: 'delivered' },
  schedule: { es: 'Cronograma', en: 'Schedule' },
  responsible: { es: 'Responsables', en: 'Responsible' },
  session: { es: 'Sesión', en: 'Session' },
  axis: { es: 'Eje', en: 'Axis' },
  objective: { es: 'Objetivo', en: 'Objective' },
  result: { es: 'Resultado', en: 'Expected result' },
  step: { es: 'paso', en: 'step' },
  none: { es: 'ninguno', en: 'none' },
  total: { es: 'total', en: 'total' },
  supersededBy: { es: 'sustituido por', en: 'superseded by' },
  supersedes: { es: 'sustituye a', en: 'supersedes' },
  decidedBy: { es: 'decidido por', en: 'decided by' },
  evidence: { es: 'evidencia', en: 'evidence' },
  nobody: { es: 'nadie registrado', en: 'no one on record' },
  points: { es: 'Puntos', en: 'Points' },
  open: { es: 'Abiertos', en: 'Open' },
  overdue: { es: 'Vencidos', en: 'Overdue' },
  title: { es: 'Título', en: 'Title' },
} satisfies Record<string, Both>;

export interface Labels {
  readonly lang: Lang;
  readonly states: Record<CommitmentState, string>;
  readonly statuses: Record<Status, string>;
  readonly actions: Record<Action, string>;
  readonly precisions: Record<Precision, string>;
  readonly kinds: Record<CommitmentKind, string>;
  readonly sessions: Record<Session, string>;
  readonly cells: Record<Cell, string>;
  readonly words: Record<keyof typeof WORDS, string>;
}

// Built once per language: formatters look labels up, never spell them.
const BUILT = new Map<Lang, Labels>();
export function labels(lang: Lang): Labels {
  return BUILT.get(lang) ?? BUILT.set(lang, buildLabels(lang)).get(lang)!;
}

function buildLabels(lang: Lang): Labels {
  return { lang, states: pick(STATES, lang), statuses: pick(STATUSES, lang), actions: pick(ACTIONS, lang), precisions: pick(PRECISIONS, lang), kinds: pick(KINDS, lang), sessions: pick(SESSIONS, lang), cells: pick(CELLS, lang), words: pick(WORDS, lang) };
}

/** Record text, with " [es]" (or " [en]") when it is not in the language asked for. */
export function localText(t: LocalText | undefined, lang: Lang): string {
  if (!t) return '';
  const shown = t.lang === lang ? t.text : `${t.text} [${t.lang}]`;
  return t.translation ? `${shown} ${TRANSLATION_MARK[lang]}` : shown;
}

/** Appended to text that is not in its authentic language (acta.yaml `authentic`). */
/** Beside a period that is acta's inference (`tentative`: a proposed plan's inferred columns, an uncertain cell). */
export const TENTATIVE_MARK: Record<Lang, string> = { en: '(inferred period: never overdue)', es: '(periodo inferido: no vence)' };

/** Beside a commitment whose owners the source does not name (`inferred: true`). */
export const INFERRED_MARK: Record<Lang, string> = { en: '(inferred: see notes)', es: '(inferido: ver notas)' };

export const TRANSLATION_MARK: Record<Lang, string> = { en: '(unofficial translation)', es: '(traducción no oficial)' };

export const day = (d: Day, lang: Lang): string => formatDay(d, lang);
export const period = (p: Period, lang: Lang): string => formatDue(p, lang);

/** One or several days: "16–17 Mar 2017" is spelt out as "16 Mar 2017 – 17 Mar 2017" (plain and unambiguous). */
export function dayRange(start: Day, end: Day | undefined, lang: Lang): string {
  return end && end !== start ? `${formatDay(start, lang)} – ${formatDay(end, lang)}` : formatDay(start, lang);
}

/** A deadline for people: the period; an event's meeting; waiting; continuous; every six months; no date. */
export function dueText(due: DueView, lang: Lang): string {
  const es = lang === 'es';
  switch (due.kind) {
    case 'dated': {
      const when = formatDue(due.period!, lang);
      if (due.within) return `${when} (${es ? `${due.within.days} días desde ${formatDay(due.within.from, lang)}` : `${due.within.days} days from ${formatDay(due.within.from, lang)}`})`;
      if (!due.event) return when;
      const rel = due.event.relation === 'before' ? (es ? 'antes de' : 'before') : es ? 'en' : 'at';
      return `${when} (${rel} ${due.event.meeting})`;
    }
    case 'waiting': {
      const e = due.event!;
      const rel = e.relation === 'before' ? (es ? 'antes de la próxima reunión' : 'before the next meeting') : es ? 'en la próxima reunión' : 'at the next meeting';
      const expected = e.expected ? (es ? `, prevista: ${formatDue(e.expected, lang)}` : `, expected ${formatDue(e.expected, lang)}`) : '';
      return `${es ? 'en espera' : 'waiting'}: ${rel} (${e.body.label}${expected})`;
    }
    case 'continuous':
      return es ? 'continuo' : 'continuous';
    case 'recurring':
      return es ? `cada seis meses; próximo: ${formatDay(due.day!, lang)}` : `every six months; next ${formatDay(due.day!, lang)}`;
    case 'none':
      if (due.asap) return es ? 'a la brevedad' : 'as soon as possible';
      return due.tbd ? (es ? 'por definir' : 'to be defined') : es ? 'sin fecha' : 'no date';
  }
}

/** A deadline in a narrow column: like dueText, but a meeting-resolved date without its meeting (see eventText). */
/** "the other countries: not recorded": after the countries a record names present without listing them all. */
export function othersNotRecorded(lang: Lang): string {
  return lang === 'es' ? 'los demás países: no consta' : 'other countries: not recorded';
}

/** Who took part, as the record says: the list; those named present and "the others not recorded"; or "not recorded". */
export function participantsText(names: string, attendance: 'listed' | 'partial' | 'not-recorded', lang: Lang): string {
  if (attendance === 'listed') return names;
  if (!names) return lang === 'es' ? 'no consta' : 'not recorded';
  return `${names} (${othersNotRecorded(lang)})`;
}

export function dueShort(due: DueView, lang: Lang): string {
  return due.kind === 'dated' ? formatDue(due.period!, lang) : dueText(due, lang);
}

/** "before meeting 2020-04-20-grcm": where an event deadline took its date from; '' for other deadlines. */
export function eventText(due: DueView, lang: Lang): string {
  if (due.kind !== 'dated' || !due.event?.meeting) return '';
  const es = lang === 'es';
  return `${due.event.relation === 'before' ? (es ? 'antes de la reunión' : 'before meeting') : es ? 'en la reunión' : 'at meeting'} ${due.event.meeting}`;
}

/** "extended from 21 Jul 2017 to 15 Aug 2017 by 2017-07-10-grcm (on 10 Jul 2017)". */
export function extensionText(e: ExtensionView, lang: Lang): string {
  const es = lang === 'es';
  const by = e.decidedBy ? (es ? ` por ${e.decidedBy}` : ` by ${e.decidedBy}`) : '';
  const on = es ? ` (el ${formatDay(e.date, lang)})` : ` (on ${formatDay(e.date, lang)})`;
  return es ? `prorrogado de ${dueText(e.from, lang)} a ${dueText(e.to, lang)}${by}${on}` : `extended from ${dueText(e.from, lang)} to ${dueText(e.to, lang)}${by}${on}`;
}

/** Titles and sentences of the follow-up reports. */
export function reportTitle(kind: 'overdue' | 'upcoming', asOf: Day, within: number | undefined, lang: Lang): string {
  const es = lang === 'es';
  const d = formatDay(asOf, lang);
  if (kind === 'overdue') return es ? `Compromisos vencidos al ${d}` : `Overdue commitments as of ${d}`;
  if (within === undefined) return es ? `Compromisos próximos a vencer al ${d}` : `Commitments coming due as of ${d}`;
  return es ? `Compromisos que vencen en los próximos ${within} días (al ${d})` : `Commitments due within ${within} days (as of ${d})`;
}

/** "2 meetings." — the closing line of a list. */
export function listCountLine(kind: 'meetings' | 'agreements' | 'commitments' | 'plans', count: number, lang: Lang): string {
  const names = { meetings: ['reunión', 'reuniones', 'meeting', 'meetings'], agreements: ['acuerdo', 'acuerdos', 'agreement', 'agreements'], commitments: ['compromiso', 'compromisos', 'commitment', 'commitments'], plans: ['plan', 'planes', 'plan', 'plans'] }[kind];
  const i = (lang === 'es' ? 0 : 2) + (count === 1 ? 0 : 1);
  return `${count} ${names[i]}.`;
}

export function countLine(kind: 'overdue' | 'upcoming', count: number, lang: Lang): string {
  if (count === 0) return kind === 'overdue' ? (lang === 'es' ? 'Nada vencido.' : 'Nothing overdue.') : lang === 'es' ? 'Nada próximo a vencer.' : 'Nothing coming due.';
  const one = count === 1;
  if (lang === 'es') return `${count} ${one ? 'compromiso' : 'compromisos'} ${kind === 'overdue' ? (one ? 'vencido' : 'vencidos') : one ? 'próximo' : 'próximos'}.`;
  return `${count} ${kind === 'overdue' ? 'overdue' : 'upcoming'} ${one ? 'commitment' : 'commitments'}.`;
}

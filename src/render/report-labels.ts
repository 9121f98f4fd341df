// The words of the consolidated report, the work-plan views and the dashboard, in Spanish and English. Templates reach
// them as {{t "report" "key"}}; the shared vocabulary (states, actions, cells, column words) is i18n.ts's.
import type { Lang } from '../core/model.js';

type Both = { readonly es: string; readonly en: string };

const REPORT = {
  title: { es: 'Informe consolidado', en: 'Consolidated report' },
  period: { es: 'Periodo', en: 'Period' },
  asOf: { es: 'Situación al', en: 'Status as of' },
  bodies: { es: 'Instancias', en: 'Bodies' },
  allBodies: { es: 'todas las instancias', en: 'all bodies' },
  from: { es: 'del', en: 'from' },
  to: { es: 'al', en: 'to' },
  contents: { es: 'Contenido', en: 'Contents' },
  atAGlance: { es: 'En síntesis', en: 'At a glance' },
  meetingsHeld: { es: 'Reuniones celebradas', en: 'Meetings held' },
  noMeetings: { es: 'No hay reuniones registradas en el periodo.', en: 'No meetings on record in the period.' },
  participation: { es: 'Participación de los Países Miembros', en: 'Participation of the Member Countries' },
  participationNote: { es: 'P: participó · O: observador · —: ausente · ?: no consta (la fuente no enumera a los participantes; nunca se cuenta como ausencia) · ≥: la fuente nombra a esos países presentes sin enumerar a todos.', en: 'P: took part · O: observer · —: absent · ?: not recorded (the source does not list the participants; never counted as absent) · ≥: the source names those countries present without listing them all.' },
  country: { es: 'País', en: 'Country' },
  attended: { es: 'Asistió', en: 'Attended' },
  present: { es: 'Presentes', en: 'Present' },
  agreementsByAction: { es: 'Acuerdos por acción e instancia', en: 'Agreements by action and body' },
  informational: { es: 'informativo', en: 'informational' },
  operational: { es: 'operativo', en: 'operational' },
  noAction: { es: 'sin acción indicada', en: 'no action stated' },
  kind: { es: 'Tipo', en: 'Kind' },
  withCommitments: { es: 'con compromisos', en: 'with commitments' },
  commitmentsByState: { es: 'Compromisos por estado', en: 'Commitments by state' },
  commitmentsScope: { es: 'Compromisos de las reuniones celebradas en el periodo, según su estado a la fecha del informe. Un compromiso de un grupo cuenta para cada miembro; quien ya cumplió cuenta como cumplido.', en: 'Commitments of the meetings held in the period, by their state on the date of the report. A commitment owed by a group counts for each member; a member who has delivered counts as done.' },
  byBody: { es: 'Por instancia', en: 'By body' },
  byActor: { es: 'Por actor', en: 'By actor' },
  actor: { es: 'Actor', en: 'Actor' },
  noCommitments: { es: 'Las reuniones del periodo no adoptaron compromisos.', en: 'The meetings of the period adopted no commitments.' },
  overdue: { es: 'Compromisos vencidos', en: 'Overdue commitments' },
  overdueScope: { es: 'Todo lo vencido a la fecha del informe en las instancias del informe, sea cual sea la fecha en que se adoptó; lo anterior al periodo va marcado «anterior».', en: 'Everything overdue on the date of the report in the bodies reported on, whenever it was adopted; what comes from before the period is marked "earlier".' },
  earlier: { es: 'anterior', en: 'earlier' },
  recommendations: { es: 'Recomendaciones a otras instancias', en: 'Recommendations to other bodies' },
  recommendationsScope: { es: 'Lo que las reuniones del periodo sugieren o recomiendan a otra instancia: no obliga a esa instancia mientras un registro suyo no lo adopte, por eso no figura entre los compromisos.', en: 'What the meetings of the period suggest or recommend to another body: it does not bind that body until a record of its own adopts it, so it is not counted among commitments.' },
  noRecommendations: { es: 'Ninguna reunión del periodo hizo recomendaciones a otra instancia.', en: 'No meeting of the period made recommendations to another body.' },
  addressee: { es: 'Destinatario', en: 'Addressed to' },
  inferred: { es: 'inferido: ver las notas del registro', en: "inferred: see the record's notes" },
  nothingOverdue: { es: 'Nada vencido.', en: 'Nothing overdue.' },
  dueNext: { es: 'Lo que vence en el próximo periodo', en: 'Due in the next period' },
  dueNextScope: { es: 'Compromisos abiertos que vencen entre', en: 'Open commitments falling due between' },
  and: { es: 'y el', en: 'and' },
  days: { es: 'días', en: 'days' },
  nothingDue: { es: 'Nada vence en el próximo periodo.', en: 'Nothing falls due in the next period.' },
  workplan: { es: 'Avance de los planes de trabajo', en: 'Work-plan progress' },
  workplanScope: { es: 'Actividades con celda de cronograma en el periodo, con y sin seguimiento registrado.', en: 'Activities with a schedule cell in the period, with and without recorded follow-up.' },
  noPlans: { es: 'No hay planes de trabajo vigentes en el periodo.', en: 'No work plan covers the period.' },
  scheduled: { es: 'Programadas', en: 'Scheduled' },
  withFollowup: { es: 'Con seguimiento', en: 'With follow-up' },
  withoutFollowup: { es: 'Sin seguimiento', en: 'Without follow-up' },
  records: { es: 'Calidad de los registros', en: 'State of the records' },
  recordsValid: { es: 'Los registros validan: ningún error.', en: 'The records validate: no errors.' },
  recordsInvalid: { es: 'Los registros tienen errores: las cifras pueden estar incompletas.', en: 'The records have errors: the figures may be incomplete.' },
  errors: { es: 'errores', en: 'errors' },
  warnings: { es: 'advertencias', en: 'warnings' },
  explained: { es: 'explicadas por una nota', en: 'explained by a note' },
  files: { es: 'archivos', en: 'files' },
  leftOut: { es: 'Registros excluidos de las cifras por errores de esquema', en: 'Records left out of the figures because of schema errors' },
  problem: { es: 'Problema', en: 'Problem' },
  where: { es: 'Dónde', en: 'Where' },
  code: { es: 'Código', en: 'Code' },
  severity: { es: 'Gravedad', en: 'Severity' },
  error: { es: 'error', en: 'error' },
  warning: { es: 'advertencia', en: 'warning' },
  info: { es: 'información', en: 'info' },
  more: { es: 'problemas más (acta validate los muestra todos)', en: 'more problems (acta validate shows them all)' },
  noProblems: { es: 'El validador no señala ningún problema.', en: 'The validator flags no problem.' },
  generated: { es: 'Generado por acta a partir de los registros, con fecha de referencia', en: 'Generated by acta from the records, as of' },
  statesChart: { es: 'Compromisos por estado y por instancia', en: 'Commitments by state and body' },
  participationChart: { es: 'Participación de los Países Miembros por reunión', en: 'Participation of the Member Countries by meeting' },
  meetingsTotal: { es: 'reuniones', en: 'meetings' },
  agreementsTotal: { es: 'acuerdos', en: 'agreements' },
  commitmentsTotal: { es: 'compromisos', en: 'commitments' },
  overdueTotal: { es: 'vencidos', en: 'overdue' },
  earlierTotal: { es: 'anteriores al periodo', en: 'from before the period' },
  dueNextTotal: { es: 'vencen pronto', en: 'due next' },
  validTotal: { es: 'Registros válidos', en: 'Records valid' },
  invalidTotal: { es: 'Registros con errores', en: 'Records with errors' },
  yes: { es: 'sí', en: 'yes' },
  no: { es: 'no', en: 'no' },
  virtual: { es: 'virtual', en: 'virtual' },
  notListed: { es: 'no consta', en: 'not recorded' },
  unsourcedTitle: { es: '† Pertenencia sin fuente', en: '† Membership without a source' },
  unsourcedNote: { es: 'ninguna fuente de los registros lo nombra miembro de', en: 'no source on record names it a member of' },
  unsourcedAfter: { es: 'Lo que se le atribuye por esa pertenencia (compromisos, ausencias) descansa en el registro de grupos, no en una fuente.', en: 'What is ascribed to it through that membership (commitments, absences) rests on the groups registry, not on a source.' },
  othersNotListed: { es: 'los demás países: no consta', en: 'other countries: not recorded' },
  ordinal: { es: 'Reunión n.º', en: 'Meeting no.' },
  pointsWithCommitments: { es: 'Puntos con compromisos', en: 'Points holding commitments' },
  of: { es: 'de', en: 'of' },
  absent: { es: 'ausentes', en: 'absent' },
  membersPresent: { es: 'Países Miembros presentes', en: 'Member Countries present' },
  overdueCommitments: { es: 'Compromisos vencidos', en: 'Overdue commitments' },
  doneLate: { es: 'Cumplidos con retraso', en: 'Done late' },
  commitmentsAdopted: { es: 'Compromisos registrados', en: 'Commitments recorded' },
  agreementsAdopted: { es: 'Acuerdos registrados', en: 'Agreements recorded' },
  delivered: { es: 'Lo cumplido en el periodo', en: 'Delivered in the period' },
  deliveredScope: { es: 'Entregas registradas en el seguimiento con fecha dentro del periodo, en las instancias del informe, sea cual sea la fecha en que se adoptó el compromiso: quién, cuándo, a tiempo o con retraso respecto del plazo vigente, y la evidencia citada.', en: 'Deliveries recorded in the follow-up with a date within the period, in the bodies reported on, whenever the commitment was adopted: by whom, when, on time or late against the deadline in force, and the evidence cited.' },
  deliveredBy: { es: 'Cumplido por', en: 'Delivered by' },
  onTimeOrLate: { es: 'Plazo', en: 'Timeliness' },
  onTime: { es: 'a tiempo', en: 'on time' },
  nothingDelivered: { es: 'No se registró ninguna entrega en el periodo.', en: 'No delivery was recorded in the period.' },
  textsTitle: { es: 'Anexo: textos adoptados', en: 'Annex: adopted texts' },
  textsScope: { es: 'El texto de cada punto de las reuniones celebradas en el periodo, tal como consta en el registro.', en: 'The text of every point of the meetings held in the period, as the record keeps it.' },
  noText: { es: 'sin texto propio (introduce los subpuntos)', en: 'no text of its own (introduces the sub-items)' },
  holdsCommitment: { es: 'compromiso', en: 'commitment' },
  annexTitle: { es: 'Anexo: estado de cuenta por país', en: 'Annex: statement by country' },
  annexScope: { es: 'Lo que cada país debe a la fecha del informe en las instancias del informe: vencido, por vencer, cumplido (a tiempo o con retraso), en espera de una reunión, sin fecha.', en: 'What each country owes on the date of the report in the bodies reported on: overdue, due next, delivered (on time or late), waiting for a meeting, no date.' },
} satisfies Record<string, Both>;

const ATTENDANCE = {
  present: { es: 'P', en: 'P' },
  observer: { es: 'O', en: 'O' },
  absent: { es: '—', en: '—' },
  unknown: { es: '?', en: '?' },
} satisfies Record<string, Both>;

const ATTENDANCE_WORDS = {
  present: { es: 'participó', en: 'took part' },
  observer: { es: 'observador', en: 'observer' },
  absent: { es: 'ausente', en: 'absent' },
  unknown: { es: 'no consta (sin lista de participantes)', en: 'not recorded (no list of participants)' },
} satisfies Record<string, Both>;

// Schedule cells, short: for matrix columns (the full words are i18n.ts's `cells`).
const CELLS_SHORT = {
  continuous: { es: 'Cont.', en: 'Cont.' },
  'twice-a-year': { es: '2×/año', en: '2×/yr' },
  H1: { es: 'I Sem.', en: 'H1' },
  H2: { es: 'II Sem.', en: 'H2' },
  Q1: { es: 'I Trim.', en: 'Q1' },
  Q2: { es: 'II Trim.', en: 'Q2' },
  Q3: { es: 'III Trim.', en: 'Q3' },
  Q4: { es: 'IV Trim.', en: 'Q4' },
  year: { es: 'Año', en: 'Year' },
  tbd: { es: 'P. def.', en: 'TBD' },
} satisfies Record<string, Both>;

const WORKPLAN = {
  title: { es: 'Matriz del plan de trabajo', en: 'Work-plan matrix' },
  legend: { es: 'Celdas', en: 'Cells' },
  marks: { es: '! vencido · ✓ cumplido · › próximo', en: '! overdue · ✓ done · › upcoming' },
  noPlans: { es: 'Ningún plan de trabajo coincide.', en: 'No work plan matches.' },
  noActivities: { es: 'Ninguna actividad coincide con los filtros.', en: 'No activity matches the filters.' },
  responsible: { es: 'Resp.', en: 'Resp.' },
  activitiesShown: { es: 'actividades', en: 'activities' },
  asOf: { es: 'al', en: 'as of' },
  filtered: { es: 'filtros', en: 'filters' },
} satisfies Record<string, Both>;

const DASHBOARD = {
  asOf: { es: 'Situación al', en: 'As of' },
  meetings: { es: 'Reuniones', en: 'Meetings' },
  latest: { es: 'última', en: 'latest' },
  agreements: { es: 'Acuerdos', en: 'Agreements' },
  plans: { es: 'Planes', en: 'Work plans' },
  activities: { es: 'actividades', en: 'activities' },
  commitments: { es: 'Compromisos', en: 'Commitments' },
  records: { es: 'Registros', en: 'Records' },
  valid: { es: 'validan', en: 'validate' },
  invalid: { es: 'no validan', en: 'do not validate' },
  files: { es: 'archivos', en: 'files' },
  errors: { es: 'errores', en: 'errors' },
  warnings: { es: 'advertencias', en: 'warnings' },
  leftOut: { es: 'registros excluidos de las cifras', en: 'records left out of the figures' },
  mostOverdue: { es: 'Lo más vencido', en: 'Most overdue' },
  ofTotal: { es: 'de', en: 'of' },
  nextDeadlines: { es: 'Próximos plazos', en: 'Next deadlines' },
  nothingOverdue: { es: 'Nada vencido.', en: 'Nothing overdue.' },
  nothingDue: { es: 'Ningún plazo por delante.', en: 'No deadline ahead.' },
  daysLate: { es: 'días', en: 'days' },
  today: { es: 'hoy', en: 'today' },
  inDays: { es: 'en {n} días', en: 'in {n} days' },
  deeper: { es: 'Para ver más', en: 'To go deeper' },
  cmdOverdue: { es: 'lo vencido, por actor', en: 'what is overdue, by actor' },
  cmdUpcoming: { es: 'lo que vence pronto', en: 'what falls due soon' },
  cmdReport: { es: 'el informe consolidado, para imprimir', en: 'the consolidated report, to print' },
  cmdWorkplan: { es: 'la matriz del plan de trabajo', en: 'the work-plan matrix' },
  cmdList: { es: 'las reuniones registradas', en: 'the meetings on record' },
  cmdValidate: { es: 'cada problema de los registros, en su línea', en: 'every problem in the records, at its line' },
  noRecords: { es: 'No hay registros aquí. Use --root o cree uno con acta new.', en: 'No records here. Pass --root, or create one with acta new.' },
} satisfies Record<string, Both>;

const pick = <K extends string>(table: Record<K, Both>, lang: Lang): Record<K, string> =>
  Object.fromEntries(Object.entries<Both>(table).map(([k, v]) => [k, v[lang]])) as Record<K, string>;

export interface ReportLabels {
  readonly report: Record<keyof typeof REPORT, string>;
  readonly attendance: Record<keyof typeof ATTENDANCE, string>;
  readonly attendanceWords: Record<keyof typeof ATTENDANCE_WORDS, string>;
  readonly cellsShort: Record<keyof typeof CELLS_SHORT, string>;
  readonly workplan: Record<keyof typeof WORKPLAN, string>;
  readonly dashboard: Record<keyof typeof DASHBOARD, string>;
}

const BUILT = new Map<Lang, ReportLabels>();
// Built once per language and shared (read-only): callers look labels up per row.
export function reportLabels(lang: Lang): ReportLabels {
  return BUILT.get(lang) ?? BUILT.set(lang, buildReportLabels(lang)).get(lang)!;
}

function buildReportLabels(lang: Lang): ReportLabels {
  return { report: pick(REPORT, lang), attendance: pick(ATTENDANCE, lang), attendanceWords: pick(ATTENDANCE_WORDS, lang), cellsShort: pick(CELLS_SHORT, lang), workplan: pick(WORKPLAN, lang), dashboard: pick(DASHBOARD, lang) };
}

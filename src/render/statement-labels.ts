// The words of `acta statement`, in Spanish and English (the HTML template reads them too, as `statement.*`).
import type { Lang } from '../core/model.js';
import type { StatementSection } from '../core/queries/statement.js';

const ES = {
  title: 'Estado de cumplimiento',
  asOf: 'al',
  via: 'Debe como miembro de',
  sections: { overdue: 'Vencidos', 'due-next': 'Próximos vencimientos', delivered: 'Cumplidos', waiting: 'En espera de una reunión', 'no-date': 'Sin fecha' } as Record<StatementSection, string>,
  empty: 'Nada que le corresponda.',
  delivered: 'Cumplido',
  late: 'Atraso',
  onTime: 'a tiempo',
  dueToday: 'vence hoy',
  evidence: 'Evidencia',
  expected: 'Prevista',
  daysSince: 'Días desde',
  meeting: 'reunión',
  plan: 'plan',
  total: 'compromisos en total',
};

type StatementLabels = typeof ES;

const EN: StatementLabels = {
  title: 'Statement',
  asOf: 'as of',
  via: 'Owes as a member of',
  sections: { overdue: 'Overdue', 'due-next': 'Due next', delivered: 'Delivered', waiting: 'Waiting for a meeting', 'no-date': 'No date' },
  empty: 'Nothing it owes.',
  delivered: 'Delivered',
  late: 'Late',
  onTime: 'on time',
  dueToday: 'due today',
  evidence: 'Evidence',
  expected: 'Expected',
  daysSince: 'Days since',
  meeting: 'meeting',
  plan: 'plan',
  total: 'commitments in all',
};

export function statementLabels(lang: Lang): StatementLabels {
  return lang === 'es' ? ES : EN;
}

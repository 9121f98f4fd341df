// The words of `acta statement`, in Spanish and English (the HTML template reads them too, as `statement.*`).
import type { Lang } from '../core/model.js';
import type { StatementSection } from '../core/queries/statement.js';

const ES = {
  title: 'Estado de cumplimiento',
  asOf: 'al',
  via: 'Debe como miembro de',
  unsourced: 'ninguna fuente de los registros lo nombra miembro: lo que debe como tal descansa en el registro de grupos',
  sections: { overdue: 'Vencidos', 'due-next': 'Próximos vencimientos', delivered: 'Cumplidos', waiting: 'En espera de una reunión', 'no-date': 'Sin fecha' } as Record<StatementSection, string>,
  empty: 'Nada que le corresponda.',
  delivered: 'Cumplido',
  late: 'Atraso',
  onTime: 'a tiempo',
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
  unsourced: 'no source on record names it a member: what it owes as one rests on the groups registry',
  sections: { overdue: 'Overdue', 'due-next': 'Due next', delivered: 'Delivered', waiting: 'Waiting for a meeting', 'no-date': 'No date' },
  empty: 'Nothing it owes.',
  delivered: 'Delivered',
  late: 'Late',
  onTime: 'on time',
  evidence: 'Evidence',
  expected: 'Expected',
  daysSince: 'Days since',
  meeting: 'meeting',
  plan: 'plan',
  total: 'commitments in all',
};

/** "Owes as a member of: Member Countries", and, for a member no source names (ActorRef.unsourced), that it has no source. */
export function viaLine(st: { readonly actor: { readonly unsourced?: true }; readonly via: readonly { readonly label: string }[]; readonly lang: Lang }): string {
  const w = statementLabels(st.lang);
  return `${w.via}: ${st.via.map((a) => a.label).join(', ')}${st.actor.unsourced ? ` (${w.unsourced})` : ''}`;
}

export function statementLabels(lang: Lang): StatementLabels {
  return lang === 'es' ? ES : EN;
}

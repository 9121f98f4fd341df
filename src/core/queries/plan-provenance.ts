// What a plan's columns and periods rest on, for the views that show a plan (workplan, the report's progress).
import type { Commitment } from '../followup/index.js';
import type { Plan } from '../model.js';

export interface PlanProvenance {
  /** The columns' years are acta's inference (plan `inferred: [columns]`). */
  readonly columnsInferred?: true;
  /** Some occurrence shown has a tentative period: never overdue or upcoming (CommitmentView.tentative). */
  readonly tentative?: true;
}

export function planProvenance(plan: Plan, occurrences: readonly Commitment[]): PlanProvenance {
  return {
    ...(plan.inferred?.includes('columns') ? { columnsInferred: true as const } : {}),
    ...(occurrences.some((c) => c.tentative) ? { tentative: true as const } : {}),
  };
}

// Walk the nested parts of records with their JSON pointers and their ids (MEETING#2.b, PLAN#1/I/1/1.1).
import type { Activity, Agreement, Axis, Meeting, Objective, Plan, Result } from './model.js';

export interface AgreementAt {
  readonly agreement: Agreement;
  /** 2, 2.b */
  readonly key: string;
  /** MEETING#2.b */
  readonly ref: string;
  readonly pointer: string;
  readonly parent: Agreement | undefined;
}

// Each record walked once per run: the checks, the indexes and the queries walk the same records again and again,
// and the refs and pointers made anew each time were garbage (and hashing work for the sets of refs). Records are
// readonly data; a walk's list is shared, never changed.
const AGREEMENTS = new WeakMap<Meeting, readonly AgreementAt[]>();
const ACTIVITIES = new WeakMap<Plan, readonly ActivityAt[]>();

/** Forget a record's walk (validate's facts path, core/facts.ts, once the record is checked and its data dropped): a
 * weak map's entry keeps its value through young-generation collections, and the value holds the record's data. */
export function forgetWalk(record: Meeting | Plan): void {
  AGREEMENTS.delete(record as Meeting);
  ACTIVITIES.delete(record as Plan);
}

export function walkAgreements(meeting: Meeting): readonly AgreementAt[] {
  let walked = AGREEMENTS.get(meeting);
  if (!walked) AGREEMENTS.set(meeting, (walked = agreementsOf(meeting)));
  return walked;
}

function agreementsOf(meeting: Meeting): AgreementAt[] {
  const out: AgreementAt[] = [];
  const visit = (list: readonly Agreement[], prefix: string, pointer: string, parent: Agreement | undefined): void => {
    list.forEach((agreement, i) => {
      const key = prefix ? `${prefix}.${agreement.number}` : agreement.number;
      const at = `${pointer}/${i}`;
      out.push({ agreement, key, ref: `${meeting.id}#${key}`, pointer: at, parent });
      if (agreement.items) visit(agreement.items, key, `${at}/items`, agreement);
    });
  };
  visit(meeting.agreements ?? [], '', '/agreements', undefined);
  return out;
}

export interface ActivityAt {
  readonly activity: Activity;
  readonly axis: Axis;
  readonly objective: Objective;
  readonly result: Result;
  /** 1/I/1/1.1 */
  readonly key: string;
  /** PLAN#1/I/1/1.1 */
  readonly ref: string;
  readonly pointer: string;
}

export function walkActivities(plan: Plan): readonly ActivityAt[] {
  let walked = ACTIVITIES.get(plan);
  if (!walked) ACTIVITIES.set(plan, (walked = activitiesOf(plan)));
  return walked;
}

function activitiesOf(plan: Plan): ActivityAt[] {
  const out: ActivityAt[] = [];
  (plan.axes ?? []).forEach((axis, a) =>
    (axis.objectives ?? []).forEach((objective, o) =>
      (objective.results ?? []).forEach((result, r) =>
        (result.activities ?? []).forEach((activity, n) => {
          const key = [axis.number, objective.number, result.number, activity.number].join('/');
          out.push({ activity, axis, objective, result, key, ref: `${plan.id}#${key}`, pointer: `/axes/${a}/objectives/${o}/results/${r}/activities/${n}` });
        }),
      ),
    ),
  );
  return out;
}

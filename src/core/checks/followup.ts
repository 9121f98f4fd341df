// Follow-up that cannot be right: delivered by an actor who owes nothing there, for an occurrence the commitment does
// not have; and (validate --as-of) entries dated after the date a report is made for.
import type { ActorDirectory } from '../actors.js';
import { buildActorDirectory, expandActors } from '../actors.js';
import type { Day } from '../dates.js';
import { isRealDate } from '../dates.js';
import type { Diagnostic } from '../diagnostics.js';
import { names } from '../diagnostics.js';
import { halfYearsOf } from '../followup/deadline.js';
import { occurrencesOf } from '../followup/sources.js';
import type { ActorId, Deadline, FollowUp, Registries } from '../model.js';
import type { ParsedFile } from '../read/index.js';
import type { RecordSet } from '../records.js';
import { walkActivities, walkAgreements } from '../walk.js';
import type { Check, Indexes } from './context.js';
import { diagnosticAt } from './context.js';

/** What the entries of one follow-up list may name: who owes (per step), and the occurrences there are. */
interface Owed {
  owners(step: number | undefined): readonly ActorId[];
  occurrences(step: number | undefined): ReadonlySet<string>;
}

function checkList(parsed: ParsedFile, pointer: string, list: readonly FollowUp[] | undefined, owed: Owed, dir: ActorDirectory | undefined, index: Indexes, out: Diagnostic[]): void {
  list?.forEach((f, i) => {
    const at = `${pointer}/${i}`;
    const owners = owed.owners(f.step);
    if (dir && owners.length > 0) {
      const owing = new Set(expandActors(dir, owners));
      f.delivered_by?.forEach((actor, j) => {
        if (!index.actors.has(actor)) return; // an unknown actor is ref/unknown-actor's to report
        const strangers = expandActors(dir, [actor]).filter((a) => !owing.has(a));
        if (strangers.length === 0) return;
        const who = strangers.length === 1 && strangers[0] === actor ? `\`${actor}\`` : `\`${actor}\` (${strangers.join(', ')})`;
        out.push(diagnosticAt(parsed, `${at}/delivered_by/${j}`, 'followup/not-owed', { actor: who, owners: names(owners) }));
      });
    }
    if (f.occurrence !== undefined) {
      const there = owed.occurrences(f.step);
      if (!there.has(f.occurrence)) {
        // The half-years when there are any, else the years (a plan's yearly cells recur by year).
        const listed = [...there].some((o) => o.length > 4) ? [...there].filter((o) => o.length > 4) : [...there];
        out.push(listed.length ? diagnosticAt(parsed, `${at}/occurrence`, 'ref/unknown-occurrence', { occurrence: String(f.occurrence), occurrences: names(listed) }) : diagnosticAt(parsed, `${at}/occurrence`, 'ref/unknown-occurrence', { occurrence: String(f.occurrence) }, { variant: 'notRecurring' }));
      }
    }
  });
}

// Occurrence labels (2020-H1) and their years, from the deadline and any extension in the list.
function halfYears(deadlines: readonly (Deadline | undefined)[], setDay: Day | undefined): Set<string> {
  const labels = deadlines.flatMap((d) => (d ? halfYearsOf(d, setDay) : []));
  return new Set([...labels, ...labels.map((l) => l.slice(0, 4))]);
}

// One directory per registries (validate's facts path checks each record alone, with the same registries).
const DIRECTORIES = new WeakMap<Registries, ActorDirectory>();
function directoryOf(registries: Registries): ActorDirectory {
  let dir = DIRECTORIES.get(registries);
  if (!dir) DIRECTORIES.set(registries, (dir = buildActorDirectory(registries)));
  return dir;
}

export const followupRules: Check = {
  name: 'follow-up names owners and occurrences the commitment has',
  run(records, index) {
    const out: Diagnostic[] = [];
    const dir = index.hasRegistry.actors ? directoryOf(records.registries) : undefined;
    for (const { data: m, parsed, valid } of records.meetings) {
      if (!valid) continue;
      for (const { agreement: a, pointer } of walkAgreements(m)) {
        const k = a.commitment;
        const moved = (step: number | undefined): Deadline[] => (a.followup ?? []).filter((f) => f.step === step && f.deadline).map((f) => f.deadline!);
        const owed: Owed = {
          owners: (step) => (step !== undefined ? k?.schedule?.[step - 1]?.owners : undefined) ?? k?.owners ?? a.actors ?? [],
          occurrences: (step) => halfYears([step !== undefined ? k?.schedule?.[step - 1]?.deadline : k?.deadline, ...moved(step)], m.dates.start),
        };
        checkList(parsed, `${pointer}/followup`, a.followup, owed, dir, index, out);
      }
    }
    for (const { data: p, parsed, valid } of records.plans) {
      if (!valid) continue;
      for (const { activity, pointer } of walkActivities(p)) {
        const cells = occurrencesOf(activity.schedule ?? {});
        const labels = new Set([...cells.map((c) => c.label), ...cells.map((c) => c.column)]);
        checkList(parsed, `${pointer}/followup`, activity.followup, { owners: () => activity.responsible ?? [], occurrences: () => labels }, dir, index, out);
      }
    }
    return out;
  },
};

/** validate --as-of DATE: entries dated after DATE, which a report made as of DATE does not take into account. */
export function followupAfterAsOf(records: RecordSet, asOf: Day): Diagnostic[] {
  const out: Diagnostic[] = [];
  const each = (parsed: ParsedFile, pointer: string, list: readonly FollowUp[] | undefined): void =>
    list?.forEach((f, i) => {
      if (typeof f.date !== 'string' || !isRealDate(f.date) || f.date <= asOf) return;
      out.push(diagnosticAt(parsed, `${pointer}/${i}/date`, 'followup/after-as-of', { date: f.date, asOf }));
    });
  for (const { data: m, parsed, valid } of records.meetings) if (valid) for (const { agreement: a, pointer } of walkAgreements(m)) each(parsed, `${pointer}/followup`, a.followup);
  for (const { data: p, parsed, valid } of records.plans) if (valid) for (const { activity, pointer } of walkActivities(p)) each(parsed, `${pointer}/followup`, activity.followup);
  return out;
}

// Every reference resolves: countries, actors, bodies, meetings, agreements, plan activities, schedule columns.
import type { Code, Diagnostic } from '../diagnostics.js';
import { names, quoted } from '../diagnostics.js';
import type { Deadline, FollowUp } from '../model.js';
import type { RecordSet } from '../records.js';
import type { ParsedFile } from '../read/index.js';
import { closestMatches } from '../text-distance.js';
import { walkActivities, walkAgreements } from '../walk.js';
import type { Check, Found, Indexes } from './context.js';
import { diagnosticAt } from './context.js';

/** How many different unknown names of one kind get a "did you mean" in a run (README: Limits). */
export const MAX_SUGGESTED = 200;

// "Did you mean" for unknown names, shared by every file of a run: each name is searched once, and past
// MAX_SUGGESTED different names of a kind no more are searched. A search walks every candidate — every meeting id for
// an unknown meeting — so without the cap, a corpus whose every record names a missing meeting costs records².
export class Suggestions {
  private readonly found = new Map<string, readonly string[]>();
  private readonly searched = new Map<Code, number>();

  /** The nearest names to an unknown one (none past the cap). */
  near(code: Code, value: string, candidates: () => Iterable<string>): readonly string[] {
    const key = `${code}\u0000${value}`;
    const known = this.found.get(key);
    if (known !== undefined) return known;
    const count = this.searched.get(code) ?? 0;
    if (count >= MAX_SUGGESTED) return [];
    this.searched.set(code, count + 1);
    const near = closestMatches(value, candidates());
    this.found.set(key, near);
    return near;
  }
}

// One memo per run of the pipeline (its indexes): records checked one at a time (invalid ones) share it too.
const RUNS = new WeakMap<Indexes, Suggestions>();
function suggestionsFor(index: Indexes): Suggestions {
  let s = RUNS.get(index);
  if (!s) RUNS.set(index, (s = new Suggestions()));
  return s;
}

// The candidates of an unknown name, by its code (a deferred miss keeps only the code: see miss()).
function candidatesOf(code: Code, index: Indexes): Iterable<string> {
  switch (code) {
    case 'ref/unknown-country':
      return index.countries;
    case 'ref/unknown-actor':
      return index.actors;
    default:
      return index.bodies;
  }
}

// A Later is plain data (checks/context.ts): these resolve one at the end, on the whole set's indexes (checks/later.ts).
export function resolveMiss(parsed: ParsedFile, index: Indexes, pointer: string, code: Code, value: string, out: Diagnostic[]): void {
  out.push(missAt(parsed, pointer, code, value, suggestionsFor(index).near(code, value, () => candidatesOf(code, index))));
}

export function resolveWhole(parsed: ParsedFile, index: Indexes, how: 'meeting' | 'agreement' | 'record', value: string, pointer: string, out: Diagnostic[]): void {
  const c = new RefChecker(parsed, index, suggestionsFor(index));
  if (how === 'meeting') c.meeting(value, pointer);
  else if (how === 'agreement') c.agreement(value, pointer);
  else c.record(value, pointer);
  for (const d of c.out) out.push(d as Diagnostic);
}

class RefChecker {
  readonly out: Found[] = [];
  /** Fresh (core/facts.ts): references into other records, and every "did you mean", are left as Laters in place. */
  private readonly defer: boolean;
  constructor(readonly parsed: ParsedFile, readonly index: Indexes, readonly suggestions: Suggestions | undefined) {
    this.defer = index.fresh === true;
  }

  private miss(pointer: string, code: Code, value: string, candidates: () => Iterable<string>): void {
    if (this.defer) {
      // Which names get a suggestion depends on the order of every miss of the run (MAX_SUGGESTED): searched at the end,
      // in the whole-set run's order. Only the registries' codes come here (the others are deferred whole).
      this.out.push({ later: 'miss', pointer, code, value });
      return;
    }
    this.out.push(missAt(this.parsed, pointer, code, value, this.suggestions!.near(code, value, candidates)));
  }

  // A lookup in the ids of other records: now, or (fresh) at the end, by the same code on the whole set's index.
  private whole(how: 'meeting' | 'agreement' | 'record', value: string, pointer: string): boolean {
    if (!this.defer) return false;
    this.out.push({ later: 'whole', how, value, pointer });
    return true;
  }
  country(value: unknown, pointer: string): void {
    if (typeof value !== 'string' || !this.index.hasRegistry.countries || this.index.countries.has(value)) return;
    this.miss(pointer, 'ref/unknown-country', value, () => this.index.countries);
  }

  actor(value: unknown, pointer: string): void {
    if (typeof value !== 'string' || this.index.actors.has(value)) return;
    if (/^[A-Z]{2}$/.test(value)) return this.country(value, pointer);
    if (!this.index.hasRegistry.actors) return;
    this.miss(pointer, 'ref/unknown-actor', value, () => this.index.actors);
  }

  /** Each actor of a list; the pointer (`base` + `path` + `/i`) made only for one that is not known — most are. */
  actors(list: readonly unknown[] | undefined, base: string, path = ''): void {
    if (!list) return;
    // Not a list (a record that failed its schema, checked alone): as forEach did, which throws on what has none.
    if (!Array.isArray(list)) return void list.forEach((a, i) => this.actor(a, `${base}${path}/${i}`));
    const known = this.index.actors;
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      if (typeof a === 'string' && known.has(a)) continue;
      this.actor(a, `${base}${path}/${i}`);
    }
  }

  body(value: unknown, pointer: string): void {
    if (typeof value !== 'string' || !this.index.hasRegistry.bodies || this.index.bodies.has(value)) return;
    this.miss(pointer, 'ref/unknown-body', value, () => this.index.bodies);
  }

  meeting(value: string, pointer: string): void {
    if (this.whole('meeting', value, pointer)) return;
    if (this.index.meetings.has(value)) return;
    this.miss(pointer, 'ref/unknown-meeting', value, () => this.index.meetings.keys());
  }

  agreement(value: unknown, pointer: string): void {
    if (typeof value !== 'string') return;
    if (this.whole('agreement', value, pointer)) return;
    const [meeting] = value.split('#');
    if (!this.index.meetings.has(meeting!)) return this.meeting(meeting!, pointer);
    if (!this.index.agreements.has(value)) this.miss(pointer, 'ref/unknown-agreement', value, () => this.index.agreementsOf.get(meeting!) ?? []);
  }

  /** A meeting, an agreement or a plan activity. */
  record(value: unknown, pointer: string): void {
    if (typeof value !== 'string') return;
    if (this.whole('record', value, pointer)) return;
    const [head, tail] = value.split('#');
    if (this.index.plans.has(head!)) {
      if (tail !== undefined && !this.index.activities.has(value)) this.miss(pointer, 'ref/unknown-activity', value, () => this.index.activitiesOf.get(head!) ?? []);
      return;
    }
    if (tail === undefined) this.meeting(head!, pointer);
    else this.agreement(value, pointer);
  }

  deadline(d: Deadline | undefined, base: string, path: string): void {
    if (d?.event) this.body(d.event.body, `${base}${path}/event/body`);
  }

  followups(list: readonly FollowUp[] | undefined, pointer: string, steps: number | undefined): void {
    list?.forEach((f, i) => {
      const at = `${pointer}/${i}`;
      this.actors(f.delivered_by, at, '/delivered_by');
      this.deadline(f.deadline, at, '/deadline');
      if (f.decided_by) this.record(f.decided_by, `${at}/decided_by`);
      if (f.superseded_by) this.agreement(f.superseded_by, `${at}/superseded_by`);
      if (f.evidence?.record) this.record(f.evidence.record, `${at}/evidence/record`);
      if (f.step !== undefined && (steps === undefined || f.step > steps)) {
        this.out.push(steps === undefined ? diagnosticAt(this.parsed, `${at}/step`, 'ref/unknown-step', { step: f.step }, { variant: 'noSchedule' }) : diagnosticAt(this.parsed, `${at}/step`, 'ref/unknown-step', { step: f.step, steps }));
      }
    });
  }
}

function missAt(parsed: ParsedFile, pointer: string, code: Code, value: string, near: readonly string[]): Diagnostic {
  return diagnosticAt(parsed, pointer, code, near.length ? { value, didYouMean: quoted(near) } : { value });
}

export const references: Check = {
  name: 'references resolve',
  run(records, index) {
    return resolve(records, index) as Diagnostic[];
  },
  fresh(records, index) {
    return resolve(records, index);
  },
};

function resolve(records: RecordSet, index: Indexes): Found[] {
  const out: Found[] = [];
  const suggestions = index.fresh ? undefined : suggestionsFor(index);
  for (const { data: m, parsed, valid } of records.meetings) {
    if (!valid) continue;
    const c = new RefChecker(parsed, index, suggestions);
    c.body(m.body, '/body');
    c.country(m.place?.country, '/place/country');
    c.actors(m.participants, '/participants');
    c.actors(m.observers, '/observers');
    m.guests?.forEach((g, i) => c.actor(g.actor, `/guests/${i}/actor`));
    m.follows?.forEach((f, i) => f.ref && c.record(f.ref, `/follows/${i}/ref`));
    for (const { agreement: a, pointer } of walkAgreements(m)) {
      c.actors(a.actors, pointer, '/actors');
      if (a.supersedes) c.agreement(a.supersedes, `${pointer}/supersedes`);
      const k = a.commitment;
      if (k) {
        c.actors(k.owners, pointer, '/commitment/owners');
        c.deadline(k.deadline, pointer, '/commitment/deadline');
        k.schedule?.forEach((s, i) => {
          c.actors(s.owners, pointer, `/commitment/schedule/${i}/owners`);
          c.deadline(s.deadline, pointer, `/commitment/schedule/${i}/deadline`);
        });
      }
      c.followups(a.followup, `${pointer}/followup`, k?.schedule?.length);
    }
    for (const d of c.out) out.push(d);
  }
  for (const { data: p, parsed, valid } of records.plans) {
    if (!valid) continue;
    const c = new RefChecker(parsed, index, suggestions);
    c.body(p.body, '/body');
    if (p.entrusted_by) c.agreement(p.entrusted_by, '/entrusted_by');
    const columns = new Set(p.columns);
    for (const { activity, pointer } of walkActivities(p)) {
      c.actors(activity.responsible, pointer, '/responsible');
      for (const column of Object.keys(activity.schedule ?? {})) {
        if (!columns.has(column)) c.out.push(diagnosticAt(parsed, `${pointer}/schedule/${column}`, 'ref/unknown-column', { column, columns: names(p.columns) }, { at: 'key' }));
      }
      c.followups(activity.followup, `${pointer}/followup`, undefined);
    }
    for (const d of c.out) out.push(d);
  }
  for (const f of records.registryFiles) {
    if (!f.valid) continue;
    const c = new RefChecker(f.parsed, index, suggestions);
    const data = f.parsed.data as Record<string, readonly Record<string, unknown>[]>;
    data[f.kind]?.forEach((e, i) => {
      if (f.kind === 'organisations') c.country(e['country'], `/organisations/${i}/country`);
      if (f.kind === 'bodies') {
        c.body(e['reports_to'], `/bodies/${i}/reports_to`);
        c.body(e['became'], `/bodies/${i}/became`);
      }
      if (f.kind === 'groups') {
        c.actors(e['members'] as unknown[], `/groups/${i}/members`);
        (e['membership'] as readonly Record<string, unknown>[] | undefined)?.forEach((m, j) => c.actors(m['members'] as unknown[], `/groups/${i}/membership/${j}/members`));
      }
    });
    for (const d of c.out) out.push(d);
  }
  return out;
}

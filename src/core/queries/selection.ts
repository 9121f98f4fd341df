// What a user asked for (--body, --actor, --meeting, --plan, --state, --from, --to) → a checked selection, and the matching of commitments.
import type { ActorDirectory } from '../actors.js';
import { actorWords, expandActors, findActors } from '../actors.js';
import type { Day } from '../dates.js';
import { parsePeriod } from '../dates.js';
import type { Commitment } from '../followup/index.js';
import { CLOSED_STATES, dueDay, STATES } from '../followup/index.js';
import type { RecordSet } from '../records.js';
import { closestMatches } from '../text-distance.js';
import type { DiagnosticParams, Said } from '../diagnostics.js';
import { quoted, say } from '../diagnostics.js';

export interface RawSelection {
  readonly body?: string;
  readonly actor?: string;
  readonly meeting?: string;
  readonly plan?: string;
  /** States (overdue, open, …), recorded statuses (no-information, partial, …) or `closed`. */
  readonly state?: string;
  readonly from?: string;
  readonly to?: string;
}

export interface Selection {
  readonly bodies?: ReadonlySet<string>;
  readonly actors?: ReadonlySet<string>;
  /** The --actor names with groups expanded to their members (and the groups kept): whose rows a CSV lists. */
  readonly members?: ReadonlySet<string>;
  readonly meetings?: ReadonlySet<string>;
  readonly plans?: ReadonlySet<string>;
  readonly states?: ReadonlySet<string>;
  readonly from?: Day;
  readonly to?: Day;
}

/** A value, or why not: a refusal as a catalog key and parameters (the words are rendered at the edge). */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Said };

export const STATUSES = ['pending', 'in-progress', 'done', 'partial', 'no-information', 'not-applicable', 'superseded', 'cancelled'] as const;

const list = (s: string): string[] => s.split(',').map((x) => x.trim()).filter(Boolean);
const suggest = (word: string, candidates: Iterable<string>): DiagnosticParams => {
  const near = closestMatches(word, candidates);
  return near.length ? { didYouMean: quoted(near) } : {};
};

/** A warning window: 30, 30d (days) or 4w (weeks). */
export function parseWindow(value: string): number | undefined {
  const m = /^(\d{1,4})([dw]?)$/i.exec(value.trim());
  if (!m) return undefined;
  const days = Number(m[1]) * (m[2]?.toLowerCase() === 'w' ? 7 : 1);
  return days <= 3660 ? days : undefined;
}

function resolveNames(option: string, raw: string, find: (w: string) => string[], words: () => Iterable<string>): Checked<Set<string>> {
  const out = new Set<string>();
  for (const w of list(raw)) {
    const found = find(w);
    if (!found.length) return { ok: false, error: say('refusals.unknownName', { option, value: w, ...suggest(w, words()) }) };
    found.forEach((f) => out.add(f));
  }
  return { ok: true, value: out };
}

// Ids accept unambiguous prefixes here too; a prefix naming several records selects them all (--meeting 2017).
function resolveIds(option: string, raw: string, ids: readonly string[]): Checked<Set<string>> {
  return resolveNames(option, raw, (w) => ids.filter((id) => id.startsWith(w)), () => ids);
}

export function resolveSelection(records: RecordSet, dir: ActorDirectory, raw: RawSelection): Checked<Selection> {
  const sel: { -readonly [K in keyof Selection]: Selection[K] } = {};
  const steps: [keyof RawSelection, () => Checked<unknown>, (v: never) => void][] = [
    ['body', () => resolveNames('--body', raw.body!, (w) => findActors(dir, w, ['body']), () => actorWords(dir, ['body'])), (v) => (sel.bodies = v)],
    ['actor', () => resolveNames('--actor', raw.actor!, (w) => findActors(dir, w), () => actorWords(dir)), (v) => (sel.actors = v)],
    ['meeting', () => resolveIds('--meeting', raw.meeting!, records.meetings.map((m) => m.data.id)), (v) => (sel.meetings = v)],
    ['plan', () => resolveIds('--plan', raw.plan!, records.plans.map((p) => p.data.id)), (v) => (sel.plans = v)],
    ['state', () => resolveNames('--state', raw.state!, (w) => ([...STATES, ...STATUSES, 'closed'] as string[]).filter((s) => s === w.toLowerCase()), () => [...STATES, ...STATUSES, 'closed']), (v) => (sel.states = v)],
    ['from', () => periodBound('--from', raw.from!, 'start'), (v) => (sel.from = v)],
    ['to', () => periodBound('--to', raw.to!, 'end'), (v) => (sel.to = v)],
  ];
  for (const [key, resolve, set] of steps) {
    if (raw[key] === undefined) continue;
    const r = resolve();
    if (!r.ok) return r;
    set(r.value as never);
  }
  if (sel.actors) sel.members = new Set([...sel.actors, ...expandActors(dir, [...sel.actors])]);
  return { ok: true, value: sel };
}

function periodBound(option: string, value: string, side: 'start' | 'end'): Checked<Day> {
  const p = parsePeriod(value);
  return p ? { ok: true, value: p[side] } : { ok: false, error: say('refusals.badPeriod', { option, value }) };
}

const meets = (ids: readonly string[], set: ReadonlySet<string>): boolean => ids.some((id) => set.has(id));

/** Does the commitment fall in the selection? `owing`: the actor must still owe it (overdue, upcoming), not merely be named. */
export function matchesCommitment(c: Commitment, sel: Selection, options: { owing?: boolean } = {}): boolean {
  if (sel.bodies && !sel.bodies.has(c.origin.body)) return false;
  // Owing: one of them (a group's members included) has not delivered yet; a member who delivered is off the list.
  if (sel.actors && !(options.owing ? meets(c.pending, sel.members ?? sel.actors) || (c.owed.length === 0 && meets(c.owners, sel.actors)) : meets([...c.owners, ...c.owed], sel.actors))) return false;
  if ((sel.meetings || sel.plans) && !(sel.meetings?.has(c.origin.record) || sel.plans?.has(c.origin.record))) return false;
  if (sel.states && !(sel.states.has(c.state) || (c.status !== undefined && sel.states.has(c.status)) || (sel.states.has('closed') && CLOSED_STATES.has(c.state)))) return false;
  return inRange(dueDay(c), sel);
}

/** A day inside --from/--to (always true when neither is given; never for no day when one is). */
export function inRange(day: Day | undefined, sel: Selection): boolean {
  if (sel.from === undefined && sel.to === undefined) return true;
  if (day === undefined) return false;
  return (sel.from === undefined || day >= sel.from) && (sel.to === undefined || day <= sel.to);
}

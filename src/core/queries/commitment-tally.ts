// Commitments by state, per body and per actor: the engine's states counted, never recomputed.
import type { ActorDirectory } from '../actors.js';
import type { ActorId, Lang } from '../model.js';
import type { Commitment, CommitmentState, StateSummary } from '../followup/index.js';
import { STATES, stateCounter, summariseStates } from '../followup/index.js';
import { groupBy } from './group-by.js';
import type { ActorRef, ViewContext } from './view.js';
import { actorRefs } from './view.js';

export interface BodyStates {
  readonly body: ActorRef;
  readonly counts: StateSummary;
}

export interface ActorStates {
  readonly actor: ActorRef;
  readonly counts: StateSummary;
}

export interface CommitmentTally {
  /** The state columns worth showing: always overdue, open, waiting, no-date and done; the others when any is counted. */
  readonly states: readonly CommitmentState[];
  readonly byBody: readonly BodyStates[];
  /** Each actor a commitment is owed by (groups expanded), counted with its own state: done once it has delivered. */
  readonly byActor: readonly ActorStates[];
  readonly total: StateSummary;
}

const ALWAYS: ReadonlySet<CommitmentState> = new Set(['overdue', 'open', 'waiting', 'no-date', 'done']);

// An actor who delivered has done its part, whatever the others still owe; otherwise it shares the commitment's state.
function stateFor(c: Commitment, actor: ActorId): CommitmentState {
  return c.delivered.some((d) => d.actor === actor) ? 'done' : c.state;
}

const KIND_RANK = { country: 0, organisation: 1, body: 2, group: 3 } as const;

function actorOrder(dir: ActorDirectory, lang: Lang): (a: ActorRef, b: ActorRef) => number {
  const collator = new Intl.Collator(lang);
  const rank = (id: string): number => {
    const kind = dir.byId.get(id)?.kind;
    return kind ? KIND_RANK[kind] : 4;
  };
  return (a, b) => rank(a.id) - rank(b.id) || collator.compare(a.label, b.label) || (a.id < b.id ? -1 : 1);
}

/** `bodies`: the column order (ids); commitments of other bodies are still counted, after them. */
export function tallyCommitments(commitments: readonly Commitment[], bodies: readonly string[], ctx: ViewContext): CommitmentTally {
  const perBody = groupBy(commitments, (c) => c.origin.body);
  const bodyIds = [...new Set([...bodies, ...perBody.keys()])];
  const byBody = bodyIds
    .map((id) => ({ body: actorRefs([id], ctx)[0]!, counts: summariseStates(perBody.get(id) ?? []) }))
    .filter((row) => row.counts.total > 0);
  // Only the state is counted, per (commitment, actor): no record kept per pair.
  const perActor = new Map<ActorId, ReturnType<typeof stateCounter>>();
  for (const c of commitments) {
    for (const actor of c.owed) {
      const own = perActor.get(actor) ?? perActor.set(actor, stateCounter()).get(actor)!;
      own.add(stateFor(c, actor));
    }
  }
  const order = actorOrder(ctx.dir, ctx.lang);
  const byActor = [...perActor.entries()]
    .map(([id, own]) => ({ actor: actorRefs([id], ctx)[0]!, counts: own.summary() }))
    .sort((a, b) => order(a.actor, b.actor));
  const total = summariseStates(commitments);
  const states = STATES.filter((s) => ALWAYS.has(s) || total[s] > 0);
  return { states, byBody, byActor, total };
}

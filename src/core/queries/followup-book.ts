// The overdue or upcoming list as a book a reader can page through at ten thousand commitments: one entry per actor
// that owes something, countries first, then organs, organisations and groups. A commitment owed by a group stands
// once, in full, under the group (with each member's state); under each member that still owes it, it is a one-line
// reference. Commitments that name no one come last. The site lays each entry out as pages of its own.
import type { ActorKind } from '../actors.js';
import type { Day } from '../dates.js';
import type { Commitment } from '../followup/index.js';
import type { ActorId, Lang } from '../model.js';
import { buildFollowupReport } from './followup-report.js';
import type { ActorRef, CommitmentView, ViewContext } from './view.js';
import { actorRefs } from './view.js';

export type BookSectionKind = ActorKind | 'none';
export const BOOK_SECTIONS: readonly BookSectionKind[] = ['country', 'body', 'organisation', 'group', 'none'];

export interface BookEntry {
  /** The actor's id; '' for the commitments that name no one. */
  readonly key: ActorId | '';
  readonly label: string;
  readonly kind: BookSectionKind;
  /** What it is named as owing itself (a group: what the group is named as owing), most late first. */
  readonly own: readonly CommitmentView[];
  /** What it still owes as a member of a group, by group: shown as one-line references to the group's entry. */
  readonly through: readonly { readonly group: ActorRef; readonly rows: readonly CommitmentView[] }[];
  /** Own and through, a commitment counted once. */
  readonly count: number;
  /** The most days late (overdue) or the fewest days left (upcoming) among its commitments. */
  readonly worst?: number;
}

export interface FollowupBook {
  readonly kind: 'overdue' | 'upcoming';
  readonly asOf: Day;
  readonly lang: Lang;
  /** Commitments listed, each once. */
  readonly count: number;
  readonly sections: readonly { readonly kind: BookSectionKind; readonly entries: readonly BookEntry[] }[];
  /** Overdue only: waiting for a meeting whose expected period has passed. */
  readonly waiting: readonly CommitmentView[];
}

export function buildFollowupBook(commitments: readonly Commitment[], ctx: ViewContext, kind: 'overdue' | 'upcoming', asOf: Day): FollowupBook {
  const report = buildFollowupReport(commitments, {}, ctx, { kind, asOf });
  const rows = report.groups.flatMap((g) => g.rows);
  const groups = ctx.dir.groupMembers;
  const own = new Map<string, CommitmentView[]>();
  const through = new Map<string, Map<ActorId, CommitmentView[]>>();
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => void (map.get(key) ?? map.set(key, []).get(key)!).push(value);
  for (const row of rows) {
    const pending = new Set(row.pending.map((a) => a.id));
    const direct = new Set<ActorId>();
    let named = false;
    for (const owner of row.owners) {
      const members = groups.get(owner.id);
      if (members) {
        const left = members.filter((m) => pending.has(m));
        if (!left.length) continue;
        named = true;
        push(own, owner.id, row);
        for (const m of left) {
          if (direct.has(m)) continue;
          const byGroup = through.get(m) ?? through.set(m, new Map()).get(m)!;
          push(byGroup, owner.id, row);
        }
      } else if (pending.has(owner.id)) {
        named = true;
        direct.add(owner.id);
        push(own, owner.id, row);
      }
    }
    // Owed by someone no owner names (an owner outside the registries, or none at all): under each still owing.
    if (!named) {
      if (pending.size) for (const id of pending) push(own, id, row);
      else push(own, '', row);
    }
  }
  // A member named itself and through a group: the full row under its own name is enough.
  for (const [id, byGroup] of through) {
    const mine = new Set(own.get(id) ?? []);
    for (const [g, list] of byGroup) {
      const rest = list.filter((r) => !mine.has(r));
      if (rest.length) byGroup.set(g, rest);
      else byGroup.delete(g);
    }
  }
  const collator = new Intl.Collator(ctx.lang);
  const kindOf = (id: string): BookSectionKind => (id === '' ? 'none' : groups.has(id) ? 'group' : (ctx.dir.byId.get(id)?.kind ?? 'organisation'));
  const worstOf = (list: readonly CommitmentView[]): number | undefined => {
    const days = list.map((r) => (kind === 'overdue' ? r.daysLate : r.daysLeft)).filter((d): d is number => d !== undefined);
    return days.length ? (kind === 'overdue' ? Math.max(...days) : Math.min(...days)) : undefined;
  };
  const ids = new Set([...own.keys(), ...[...through].filter(([, m]) => m.size).map(([id]) => id)]);
  const entries: BookEntry[] = [...ids].map((id) => {
    const mine = own.get(id) ?? [];
    const via = [...(through.get(id) ?? new Map<ActorId, CommitmentView[]>())].map(([g, list]) => ({ group: actorRefs([g], ctx)[0]!, rows: list }));
    const all = new Set([...mine, ...via.flatMap((v) => v.rows)]);
    const worst = worstOf([...all]);
    return { key: id, label: id === '' ? '' : actorRefs([id], ctx)[0]!.label, kind: kindOf(id), own: mine, through: via, count: all.size, ...(worst !== undefined ? { worst } : {}) };
  });
  return {
    kind,
    asOf,
    lang: ctx.lang,
    count: rows.length,
    sections: BOOK_SECTIONS.map((k) => ({ kind: k, entries: entries.filter((e) => e.kind === k).sort((a, b) => collator.compare(a.label, b.label) || (a.key < b.key ? -1 : 1)) })).filter((s) => s.entries.length),
    waiting: report.waiting ?? [],
  };
}

// Actors from the registries: display names per language, lookup by id, code, acronym or name, group expansion.
import { pickText } from './local-text.js';
import type { ActorId, Group, Lang, Registries, Text } from './model.js';

export type ActorKind = 'country' | 'organisation' | 'body' | 'group';

export interface ActorInfo {
  readonly id: ActorId;
  readonly kind: ActorKind;
  readonly name: Text;
  readonly acronym?: Text;
  /** Other spellings of the name in the sources (registry `aliases`): a user's word matches them too. */
  readonly aliases?: readonly string[];
  /** Groups only: the actors the group stands for. */
  readonly members?: readonly ActorId[];
  /** Groups only: the members no membership source names (registry `membership`): all of them when it has none. */
  readonly unsourced?: readonly ActorId[];
}

export interface ActorDirectory {
  readonly byId: ReadonlyMap<ActorId, ActorInfo>;
  /** Each group → the actors it stands for, nested groups expanded (never a group itself); computed once. */
  readonly groupMembers: ReadonlyMap<ActorId, readonly ActorId[]>;
  /** Each actor that is a member of some group with no source for it → those groups, in registry order. */
  readonly unsourcedIn: ReadonlyMap<ActorId, readonly ActorId[]>;
}

// One directory of every actor the registries name, so any part of acta can name or expand an actor the same way.
export function buildActorDirectory(registries: Registries): ActorDirectory {
  const byId = new Map<ActorId, ActorInfo>();
  const add = (info: ActorInfo): void => void (byId.has(info.id) || byId.set(info.id, info));
  for (const c of registries.countries) add({ id: c.code, kind: 'country', name: c.name, ...(c.aliases ? { aliases: c.aliases } : {}) });
  for (const o of registries.organisations) add({ id: o.id, kind: 'organisation', name: o.name, ...(o.acronym ? { acronym: o.acronym } : {}), ...(o.aliases ? { aliases: o.aliases } : {}) });
  for (const b of registries.bodies) add({ id: b.id, kind: 'body', name: b.name, ...(b.acronym ? { acronym: b.acronym } : {}), ...(b.aliases ? { aliases: b.aliases } : {}) });
  for (const g of registries.groups) add({ id: g.id, kind: 'group', name: g.name, members: g.members, unsourced: unsourcedMembers(g) });
  return { byId, groupMembers: expandGroups(byId), unsourcedIn: unsourcedIndex(byId) };
}

/** The members of a group that no membership source names (all of them when the group has no `membership`). */
export function unsourcedMembers(g: Group): ActorId[] {
  const sourced = new Set((g.membership ?? []).flatMap((s) => s.members));
  return g.members.filter((m) => !sourced.has(m));
}

function unsourcedIndex(byId: ReadonlyMap<ActorId, ActorInfo>): Map<ActorId, ActorId[]> {
  const out = new Map<ActorId, ActorId[]>();
  for (const info of byId.values()) for (const m of info.unsourced ?? []) out.set(m, [...(out.get(m) ?? []), info.id]);
  return out;
}

// Every group once, in one depth-first pass (Tarjan's components, with an explicit stack: nesting may be deep): a
// group's list is built from its nested groups' finished lists, so the work is linear in groups and members. Groups
// in a ring (validate reports it as ref/group-cycle) stand for the same actors: every actor reachable from any of them.
function expandGroups(byId: ReadonlyMap<ActorId, ActorInfo>): Map<ActorId, readonly ActorId[]> {
  const done = new Map<ActorId, readonly ActorId[]>();
  const order = new Map<ActorId, number>();
  const low = new Map<ActorId, number>();
  const open: ActorId[] = [];
  const isOpen = new Set<ActorId>();
  const membersOf = (id: ActorId): readonly ActorId[] => byId.get(id)?.members ?? [];
  const enter = (id: ActorId, work: { id: ActorId; next: number }[]): void => {
    order.set(id, order.size);
    low.set(id, order.size - 1);
    open.push(id);
    isOpen.add(id);
    work.push({ id, next: 0 });
  };
  for (const info of byId.values()) {
    if (!info.members || order.has(info.id)) continue;
    const work: { id: ActorId; next: number }[] = [];
    enter(info.id, work);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const members = membersOf(top.id);
      if (top.next < members.length) {
        const m = members[top.next++]!;
        if (!byId.get(m)?.members) continue;
        if (!order.has(m)) enter(m, work);
        else if (isOpen.has(m)) low.set(top.id, Math.min(low.get(top.id)!, order.get(m)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(top.id)!));
      if (low.get(top.id) !== order.get(top.id)) continue;
      const ring = open.splice(open.lastIndexOf(top.id));
      ring.forEach((g) => isOpen.delete(g));
      const inRing = new Set(ring);
      const out = new Set<ActorId>();
      for (const g of ring) {
        for (const m of membersOf(g)) {
          if (!byId.get(m)?.members) out.add(m);
          else if (!inRing.has(m)) for (const leaf of done.get(m)!) out.add(leaf);
        }
      }
      const list = [...out];
      for (const g of ring) done.set(g, list);
    }
  }
  return done;
}

function inLang(text: Text | undefined, lang: Lang): string | undefined {
  return pickText(text, lang)?.text;
}

/** Short display name: a country's name, an organisation's or body's acronym, a group's name; the id when unknown. */
export function actorLabel(dir: ActorDirectory, id: ActorId, lang: Lang): string {
  const info = dir.byId.get(id);
  if (!info) return id;
  return (info.kind === 'organisation' || info.kind === 'body' ? inLang(info.acronym, lang) : undefined) ?? inLang(info.name, lang) ?? id;
}

/** Full display name in the language asked for (the other language when the registry has only that). */
export function actorName(dir: ActorDirectory, id: ActorId, lang: Lang): string {
  return inLang(dir.byId.get(id)?.name, lang) ?? id;
}

/** Every actor owing on behalf of `ids`: a group stands for each of its members (nested groups expanded); order kept, each once. */
export function expandActors(dir: ActorDirectory, ids: readonly ActorId[]): ActorId[] {
  const out = new Set<ActorId>();
  for (const id of ids) {
    const members = dir.groupMembers.get(id);
    if (members) for (const m of members) out.add(m);
    else out.add(id);
  }
  return [...out];
}

/** How a user's word is compared with the names of actors: case and accents ignored, spaces around trimmed. */
export const foldActorWord = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
const fold = foldActorWord;

/** The actors a user's word names: an id or country code, or an acronym or name in either language (case and accents ignored). */
export function findActors(dir: ActorDirectory, query: string, kinds?: readonly ActorKind[]): ActorId[] {
  const q = fold(query);
  const out: ActorId[] = [];
  for (const info of dir.byId.values()) {
    if (kinds && !kinds.includes(info.kind)) continue;
    const words = [info.id, info.acronym?.es, info.acronym?.en, info.name.es, info.name.en, ...(info.aliases ?? [])];
    if (words.some((w) => w !== undefined && fold(w) === q)) out.push(info.id);
  }
  return out;
}

/** Every word a user may type for an actor (for "did you mean" suggestions). */
export function actorWords(dir: ActorDirectory, kinds?: readonly ActorKind[]): string[] {
  const out = new Set<string>();
  for (const info of dir.byId.values()) {
    if (kinds && !kinds.includes(info.kind)) continue;
    out.add(info.id);
    if (info.acronym?.es) out.add(info.acronym.es);
    if (info.acronym?.en) out.add(info.acronym.en);
  }
  return [...out];
}

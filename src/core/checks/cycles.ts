// No ring of references: a point does not supersede itself (or a point that leads back to it), a group does not contain
// itself (or a group that leads back to it). Either would hide who owes what.
import { findCycles } from '../cycles.js';
import type { Diagnostic } from '../diagnostics.js';
import { phrase } from '../diagnostics.js';
import type { ParsedFile } from '../read/index.js';
import { walkAgreements } from '../walk.js';
import type { Check } from './context.js';
import { diagnosticAt, relatedAt } from './context.js';

interface Place { readonly parsed: ParsedFile; readonly pointer: string }

const ring = (path: readonly string[]): string => [...path, path[0]].map((id) => `\`${id}\``).join(' → ');

export const supersessionCycles: Check = {
  name: 'no supersession cycles',
  run(records) {
    const out: Diagnostic[] = [];
    const supersedes = new Map<string, { target: string; at: Place }>();
    for (const { data: m, parsed, valid } of records.meetings) {
      if (!valid) continue;
      for (const { agreement: a, ref, pointer } of walkAgreements(m)) {
        if (a.supersedes) supersedes.set(ref, { target: a.supersedes, at: { parsed, pointer: `${pointer}/supersedes` } });
        a.followup?.forEach((f, i) => {
          if (f.superseded_by !== ref) return;
          out.push(diagnosticAt(parsed, `${pointer}/followup/${i}/superseded_by`, 'ref/supersedes-itself', { ref }, { variant: 'supersededBy' }));
        });
      }
    }
    // Each point supersedes at most one, so rings never share a point: each ring is found once, and it is reported
    // from its first point in record order, wherever the search entered it (a run that reads only some records —
    // validate --changed-since — enters it elsewhere, and must report it the same).
    const order = new Map([...supersedes.keys()].map((ref, i) => [ref, i]));
    for (const found of findCycles(supersedes.keys(), (ref) => (supersedes.has(ref) ? [supersedes.get(ref)!.target] : []))) {
      const path = fromFirst(found.path, order);
      const last = supersedes.get(path[path.length - 1]!)!;
      if (path.length === 1) {
        out.push(diagnosticAt(last.at.parsed, last.at.pointer, 'ref/supersedes-itself', { ref: path[0]! }));
        continue;
      }
      const related = path.slice(0, -1).map((ref) => relatedAt(supersedes.get(ref)!.at.parsed, supersedes.get(ref)!.at.pointer, phrase('supersedes', { ref, target: supersedes.get(ref)!.target })));
      out.push(diagnosticAt(last.at.parsed, last.at.pointer, 'ref/supersession-cycle', { ring: ring(path) }, { related }));
    }
    return out;
  },
};

function fromFirst(path: readonly string[], order: ReadonlyMap<string, number>): readonly string[] {
  let first = 0;
  path.forEach((ref, i) => {
    if (order.get(ref)! < order.get(path[first]!)!) first = i;
  });
  return [...path.slice(first), ...path.slice(0, first)];
}

export const groupCycles: Check = {
  name: 'no group cycles',
  run(records) {
    const out: Diagnostic[] = [];
    const groups = new Map<string, { members: readonly string[]; at: Place }>();
    for (const f of records.registryFiles) {
      if (!f.valid || f.kind !== 'groups') continue;
      const list = (f.parsed.data as { groups?: readonly { id: string; members: readonly string[] }[] }).groups ?? [];
      list.forEach((g, i) => groups.has(g.id) || groups.set(g.id, { members: g.members, at: { parsed: f.parsed, pointer: `/groups/${i}/members` } }));
    }
    const nested = (id: string): readonly string[] => groups.get(id)?.members.filter((m) => groups.has(m)) ?? [];
    for (const { path, edge } of findCycles(groups.keys(), nested)) {
      const from = path[path.length - 1]!;
      const { at, members } = groups.get(from)!;
      const pointer = `${at.pointer}/${members.indexOf(nested(from)[edge]!)}`;
      if (path.length === 1) out.push(diagnosticAt(at.parsed, pointer, 'ref/group-contains-itself', { group: from }));
      else out.push(diagnosticAt(at.parsed, pointer, 'ref/group-cycle', { ring: ring(path) }, { related: path.slice(0, -1).map((id) => relatedAt(groups.get(id)!.at.parsed, groups.get(id)!.at.pointer, phrase('membersOf', { id }))) }));
    }
    return out;
  },
};

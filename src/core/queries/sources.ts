// The source documents the records cite by name: each meeting's and plan's `source.document`, the `evidence.document`
// of their follow-up, and the documents a group's membership rests on. The site ships each one it finds on disk
// (sources/NAME under the records root) as a page of numbered lines; the others are named, not linked.
import type { FollowUp } from '../model.js';
import type { RecordSet } from '../records.js';
import { walkActivities, walkAgreements } from '../walk.js';

/** A cited name the site can look up as a file of `sources/`: a plain file name, no folder, no leading dot. */
export const isSourceFileName = (name: string): boolean => /^[^/\\\0]{1,200}$/.test(name) && !name.startsWith('.') && name.trim() === name;

/** Every document name the valid records cite, sorted, each once. */
export function citedSources(records: Pick<RecordSet, 'meetings' | 'plans' | 'registries'>): string[] {
  const names = new Set<string>();
  const evidence = (list: readonly FollowUp[] | undefined): void => {
    for (const f of list ?? []) if (f.evidence?.document) names.add(f.evidence.document);
  };
  for (const m of records.meetings) {
    if (!m.valid) continue;
    names.add(m.data.source.document);
    for (const at of walkAgreements(m.data)) evidence(at.agreement.followup);
  }
  for (const p of records.plans) {
    if (!p.valid) continue;
    names.add(p.data.source.document);
    for (const at of walkActivities(p.data)) evidence(at.activity.followup);
  }
  for (const g of records.registries.groups) for (const s of g.membership ?? []) if (s.document) names.add(s.document);
  return [...names].filter(isSourceFileName).sort();
}

// How close a draft comes to the curated record, field by field: the measure behind `npm run import-accuracy`.
import type { Agreement, Meeting } from '../model.js';
import type { DraftAgreement, DraftMeeting } from './draft-meeting.js';

export const FIELDS = ['points', 'numbering', 'text', 'action', 'actors', 'deadlines', 'participants', 'dates', 'place', 'body'] as const;
export type Field = (typeof FIELDS)[number];
export type Tally = Record<Field, { agree: number; total: number }>;

const norm = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
const same = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean => [...(a ?? [])].sort().join() === [...(b ?? [])].sort().join();
const when = (d: unknown): string => {
  const x = d as { due?: string; event?: { body: string; relation: string; expected?: string }; within?: { days: number } } | undefined;
  return x ? JSON.stringify([x.due, x.event?.body, x.event?.relation, x.event?.expected, x.within?.days]) : '';
};

function flatten<T extends { number: string; items?: readonly T[] }>(list: readonly T[], prefix = ''): Map<string, T> {
  const out = new Map<string, T>();
  for (const a of list) {
    out.set(prefix + a.number, a);
    for (const [k, v] of flatten(a.items ?? [], `${prefix}${a.number}.`)) out.set(k, v);
  }
  return out;
}

function deadlines(c: Agreement['commitment'] | DraftAgreement['commitment']): string[] {
  if (!c) return [];
  return [...(c.deadline ? [when(c.deadline)] : []), ...(c.schedule ?? []).map((s) => when(s.deadline))];
}

/** One field where the draft and the curated record differ (for `npm run import-accuracy -- --verbose`). */
export interface Mismatch {
  readonly meeting: string;
  readonly point: string;
  readonly field: Field;
  readonly draft: unknown;
  readonly curated: unknown;
}

/** Add one draft's agreement with its curated record to the tally. */
export function compareDraft(draft: DraftMeeting, curated: Meeting, tally: Tally = emptyTally(), miss?: (m: Mismatch) => void): Tally {
  let at = '';
  let pair: [unknown, unknown] = [undefined, undefined];
  const add = (f: Field, ok: boolean): void => {
    tally[f].total++;
    if (ok) tally[f].agree++;
    else miss?.({ meeting: curated.id, point: at, field: f, draft: pair[0], curated: pair[1] });
  };
  const mine = flatten(draft.agreements);
  const theirs = flatten(curated.agreements as readonly Agreement[]);
  for (const [key, a] of theirs) {
    const d = mine.get(key);
    at = key;
    pair = [d, a];
    add('points', d !== undefined);
    add('numbering', d !== undefined && (d.printed ?? '') === (a.printed ?? ''));
    add('text', d !== undefined && norm(d.text.es ?? d.text.en) === norm(a.text.es ?? a.text.en));
    pair = [d?.action, a.action];
    add('action', d !== undefined && d.action === a.action);
    pair = [d?.actors, a.actors];
    add('actors', d !== undefined && same(d.actors, a.actors));
    for (const [i, w] of deadlines(a.commitment).entries()) {
      pair = [deadlines(d?.commitment)[i], w];
      add('deadlines', deadlines(d?.commitment)[i] === w);
    }
  }
  at = '';
  pair = [undefined, undefined];
  add('participants', same(draft.participants, curated.participants));
  add('dates', draft.dates.start === curated.dates.start && (draft.dates.end ?? '') === (curated.dates.end ?? ''));
  add('place', draft.place?.city === curated.place?.city && draft.place?.country === curated.place?.country);
  add('body', draft.body === curated.body);
  return tally;
}

export function emptyTally(): Tally {
  return Object.fromEntries(FIELDS.map((f) => [f, { agree: 0, total: 0 }])) as Tally;
}

// How close a draft comes to the curated record, field by field: the measure behind `npm run import-accuracy`.
import type { Agreement, Meeting } from '../model.js';
import type { DraftAgreement, DraftMeeting } from './draft-meeting.js';

export const FIELDS = ['points', 'numbering', 'text', 'action', 'actors', 'deadlines', 'participants', 'dates', 'place', 'body'] as const;
export type Field = (typeof FIELDS)[number];
export type Tally = Record<Field, { agree: number; total: number }> & {
  /** Wrong or missing fields, and how many of them carry an `import:` note on the field they concern. */
  misses: { noted: number; total: number };
  /** Deadlines the draft made from a date before the meeting (a past event read as a deadline). */
  pastDeadlines: number;
};

const norm = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
const same = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean => [...(a ?? [])].sort().join() === [...(b ?? [])].sort().join();
const when = (d: unknown): string => {
  const x = d as { due?: string; event?: { body: string; relation: string; expected?: string }; within?: { days: number } } | undefined;
  return x ? JSON.stringify([x.due, x.event?.body, x.event?.relation, x.event?.expected, x.within?.days]) : '';
};

function flatten<T extends { number: string; items?: readonly T[] }>(list: readonly T[], prefix = '', at = '/agreements'): Map<string, T & { at: string }> {
  const out = new Map<string, T & { at: string }>();
  list.forEach((a, i) => {
    out.set(prefix + a.number, { ...a, at: `${at}/${i}` });
    for (const [k, v] of flatten(a.items ?? [], `${prefix}${a.number}.`, `${at}/${i}/items`)) out.set(k, v);
  });
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
  const notes = draft.notes.map((n) => n.at ?? '');
  // A wrong or missing field is noted when a note sits on it (or, for a point the draft lacks, on the points or a cut text).
  let where: readonly string[] = [];
  const add = (f: Field, ok: boolean): void => {
    tally[f].total++;
    if (ok) tally[f].agree++;
    else {
      tally.misses.total++;
      if (notes.some((n) => where.some((w) => (w.endsWith('*') ? n.startsWith(w.slice(0, -1)) : w.startsWith('~') ? n.endsWith(w.slice(1)) : n === w)))) tally.misses.noted++;
      miss?.({ meeting: curated.id, point: at, field: f, draft: pair[0], curated: pair[1] });
    }
  };
  const mine = flatten(draft.agreements);
  const theirs = flatten(curated.agreements as readonly Agreement[]);
  for (const [key, a] of theirs) {
    const d = mine.get(key);
    const p = d?.at ?? '-';
    at = key;
    pair = [d, a];
    where = d ? [p] : ['/agreements', '~/text'];
    add('points', d !== undefined);
    where = d ? [`${p}/number`] : ['/agreements', '~/text'];
    add('numbering', d !== undefined && (d.printed ?? '') === (a.printed ?? ''));
    where = d ? [`${p}/text`] : ['/agreements', '~/text'];
    add('text', d !== undefined && norm(d.text.es ?? d.text.en) === norm(a.text.es ?? a.text.en));
    pair = [d?.action, a.action];
    where = d ? [`${p}/action`, p] : ['/agreements', '~/text'];
    add('action', d !== undefined && d.action === a.action);
    pair = [d?.actors, a.actors];
    where = d ? [`${p}/actors`] : ['/agreements', '~/text'];
    add('actors', d !== undefined && same(d.actors, a.actors));
    for (const [i, w] of deadlines(a.commitment).entries()) {
      pair = [deadlines(d?.commitment)[i], w];
      where = d ? [`${p}/commitment*`, p] : ['/agreements', '~/text'];
      add('deadlines', deadlines(d?.commitment)[i] === w);
    }
  }
  for (const d of mine.values()) {
    const c = d.commitment;
    const dues = [c?.deadline?.due, ...(c?.schedule ?? []).map((s) => s.deadline?.due)].filter((x): x is string => typeof x === 'string' && /^\d{4}-\d{2}/.test(x));
    tally.pastDeadlines += dues.filter((x) => x < curated.dates.start.slice(0, x.length)).length;
  }
  at = '';
  pair = [draft.participants, curated.participants];
  where = ['/participants'];
  add('participants', same(draft.participants, curated.participants));
  pair = [draft.dates, curated.dates];
  where = ['/dates*'];
  add('dates', draft.dates.start === curated.dates.start && (draft.dates.end ?? '') === (curated.dates.end ?? ''));
  pair = [draft.place, curated.place];
  where = ['/place*'];
  add('place', draft.place?.city === curated.place?.city && draft.place?.country === curated.place?.country);
  pair = [draft.body, curated.body];
  where = ['/body'];
  add('body', draft.body === curated.body);
  return tally;
}

export function emptyTally(): Tally {
  return { ...(Object.fromEntries(FIELDS.map((f) => [f, { agree: 0, total: 0 }])) as Record<Field, { agree: number; total: number }>), misses: { noted: 0, total: 0 }, pastDeadlines: 0 };
}

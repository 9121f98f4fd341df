// Meetings and plans, part by part: agreements and activities are matched by their adopted text first (so a
// renumbered point is seen as renumbered, not as one removed and one added), then by number.
import type { Status } from '../model.js';
import type { ChangeDraft, PartKind, RecordAt } from './types.js';
import { compareFields, compareValues } from './fields.js';
import { diffFollowups } from './followup.js';
import type { DeadlineWhen } from './types.js';
import { asArray, asObject, asString, deadlineWhen } from './values.js';
import { compareDeadline, compareSchedule, compareText } from './texts.js';

export interface Part {
  readonly key: string;
  readonly data: Record<string, unknown>;
}

const INFORMATIONAL = new Set(['thank', 'take-note', 'welcome', 'acknowledge', 'inform', 'reaffirm']);

/** `authentic`: the configured language of the sources (acta.yaml `authentic`); an edit in another language is a translation edited. */
export function diffMeetingRecords(_at: RecordAt, before: Record<string, unknown>, after: Record<string, unknown>, authentic?: string): ChangeDraft[] {
  const header = compareFields('', before, after, new Set(['record', 'id', 'agreements']));
  return [...header, ...diffParts('agreement', flattenAgreements(before.agreements), flattenAgreements(after.agreements), (b, a) => compareAgreement(b, a, authentic))];
}

export function diffPlanRecords(_at: RecordAt, before: Record<string, unknown>, after: Record<string, unknown>, authentic?: string): ChangeDraft[] {
  const header = compareFields('', before, after, new Set(['record', 'id', 'axes']));
  const levels = planLevels(before);
  const next = planLevels(after);
  const out = [...header];
  const renumbered: [Part, Part][] = [];
  for (const kind of ['axis', 'objective', 'result'] as const) out.push(...diffLevel(kind, levels[kind], next[kind], renumbered, authentic));
  out.push(...diffParts('activity', levels.activity, next.activity, (b, a) => compareActivity(b, a, authentic), renumbered));
  return out;
}

type Comparer = (before: Record<string, unknown>, after: Record<string, unknown>) => ChangeDraft[];

function diffParts(kind: PartKind, before: readonly Part[], after: readonly Part[], compare: Comparer, outer: readonly [Part, Part][] = []): ChangeDraft[] {
  const { pairs, removed, added } = matchParts(before, after);
  const renumbered = [...outer, ...pairs.filter(([b, a]) => b.key !== a.key)];
  const out: ChangeDraft[] = [];
  for (const [b, a] of pairs) {
    if (b.key !== a.key && !impliedByParent(b.key, a.key, renumbered)) out.push({ kind: 'part-renumbered', partKind: kind, part: a.key, before: b.key, after: a.key });
    out.push(...compare(b.data, a.data).map((d) => ({ ...d, partKind: kind, part: a.key })));
  }
  for (const b of removed) out.push({ kind: 'part-removed', partKind: kind, part: b.key, before: b.data });
  for (const a of added) out.push({ kind: 'part-added', partKind: kind, part: a.key, after: a.data });
  return out;
}

/** Pair parts: same number and same text; then same text, when only one part on each side has it; then texts that
 * share most of their words (edited and renumbered); then same number. */
export function matchParts(before: readonly Part[], after: readonly Part[]): { pairs: [Part, Part][]; removed: Part[]; added: Part[] } {
  const pairs: [Part, Part][] = [];
  const freeB = new Set(before);
  const freeA = new Set(after);
  const take = (b: Part, a: Part): void => {
    pairs.push([b, a]);
    freeB.delete(b);
    freeA.delete(a);
  };
  const text = (p: Part): string | undefined => textKey(p);
  for (const b of before) {
    const a = after.find((x) => freeA.has(x) && x.key === b.key && text(x) === text(b));
    if (a) take(b, a);
  }
  for (const b of [...freeB]) {
    const t = text(b);
    if (t === undefined) continue;
    const sameB = [...freeB].filter((x) => text(x) === t);
    const sameA = [...freeA].filter((x) => text(x) === t);
    if (sameB.length === 1 && sameA.length === 1) take(b, sameA[0]!);
  }
  for (const [b, a] of similarPairs([...freeB], [...freeA])) take(b, a);
  for (const b of [...freeB]) {
    const a = [...freeA].find((x) => x.key === b.key);
    if (a) take(b, a);
  }
  return { pairs: pairs.sort((x, y) => after.indexOf(x[1]) - after.indexOf(y[1])), removed: [...freeB], added: [...freeA] };
}

// Most similar first; a pair must share at least half of its words.
function similarPairs(before: readonly Part[], after: readonly Part[]): [Part, Part][] {
  const words = (p: Part): Set<string> => new Set((textKey(p) ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const scored: { b: Part; a: Part; score: number }[] = [];
  for (const b of before) {
    const wb = words(b);
    for (const a of after) {
      const wa = words(a);
      const shared = [...wb].filter((w) => wa.has(w)).length;
      const score = shared / Math.max(1, wb.size + wa.size - shared);
      if (score >= 0.5) scored.push({ b, a, score });
    }
  }
  const used = new Set<Part>();
  const out: [Part, Part][] = [];
  for (const { b, a } of scored.sort((x, y) => y.score - x.score)) {
    if (used.has(b) || used.has(a)) continue;
    used.add(b).add(a);
    out.push([b, a]);
  }
  return out;
}

// The adopted words that identify a part: an agreement's or activity's text, an axis's title.
function textKey(p: Part): string | undefined {
  const t = p.data.text ?? p.data.title;
  return t === undefined ? undefined : JSON.stringify(t);
}

// 3.a → 4.a need not be said when 3 → 4 is (nor 2/VIII/1/1.1 → 2/VIII.2/1/1.1 when objective 2/VIII → 2/VIII.2 is).
function impliedByParent(from: string, to: string, renumbered: readonly [Part, Part][]): boolean {
  return renumbered.some(([b, a]) => b.key !== from && (from.startsWith(b.key + '.') || from.startsWith(b.key + '/')) && to === a.key + from.slice(b.key.length));
}

export function flattenAgreements(list: unknown, prefix = ''): Part[] {
  return asArray(list).flatMap((item) => {
    const data = asObject(item);
    const number = asString(data.number) ?? '?';
    const key = prefix ? `${prefix}.${number}` : number;
    return [{ key, data }, ...flattenAgreements(data.items, key)];
  });
}

function compareAgreement(before: Record<string, unknown>, after: Record<string, unknown>, authentic: string | undefined): ChangeDraft[] {
  const out: ChangeDraft[] = [...compareText('text', before.text, after.text, authentic)];
  out.push(...compareFields('', before, after, new Set(['number', 'text', 'items', 'followup', 'commitment'])).map(asPartChange));
  out.push(...compareCommitment(asObject(before.commitment), asObject(after.commitment), before.commitment !== undefined, after.commitment !== undefined));
  const operational = after.commitment !== undefined || (typeof after.action === 'string' && !INFORMATIONAL.has(after.action));
  out.push(...diffFollowups(before.followup, after.followup, { implicit: operational ? 'pending' : undefined, deadlines: commitmentDeadlines(asObject(after.commitment)) }));
  return out;
}

function compareCommitment(before: Record<string, unknown>, after: Record<string, unknown>, hadOne: boolean, hasOne: boolean): ChangeDraft[] {
  if (!hadOne && !hasOne) return [];
  if (hadOne !== hasOne) return [asPartChange(compareValues('commitment', hadOne ? before : undefined, hasOne ? after : undefined))];
  return [
    ...compareFields('commitment', before, after, new Set(['deadline', 'schedule'])).map(asPartChange),
    ...compareDeadline('commitment.deadline', before.deadline, after.deadline),
    ...compareSteps(asArray(before.schedule).map(asObject), asArray(after.schedule).map(asObject)),
  ];
}

function compareSteps(before: readonly Record<string, unknown>[], after: readonly Record<string, unknown>[]): ChangeDraft[] {
  const out: ChangeDraft[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const field = `commitment.schedule.${i + 1}`;
    const b = before[i];
    const a = after[i];
    if (b && a) {
      out.push(...compareFields(field, b, a, new Set(['deadline'])).map((d) => ({ ...asPartChange(d), step: i + 1 })));
      out.push(...compareDeadline(`${field}.deadline`, b.deadline, a.deadline).map((d) => ({ ...d, step: i + 1 })));
    } else if (b) out.push({ kind: 'deadline-moved', field: `${field}.deadline`, step: i + 1, before: deadlineOf(b) });
    else if (a) out.push({ kind: 'part-changed', field, step: i + 1, after: a });
  }
  return out;
}

function deadlineOf(step: Record<string, unknown>): DeadlineWhen | undefined {
  return deadlineWhen(step.deadline);
}

function commitmentDeadlines(commitment: Record<string, unknown>): Map<number, DeadlineWhen | undefined> {
  const map = new Map<number, DeadlineWhen | undefined>([[0, deadlineWhen(commitment.deadline)]]);
  asArray(commitment.schedule).forEach((s, i) => map.set(i + 1, deadlineOf(asObject(s))));
  return map;
}

function compareActivity(before: Record<string, unknown>, after: Record<string, unknown>, authentic: string | undefined): ChangeDraft[] {
  return [
    ...compareText('text', before.text, after.text, authentic),
    ...compareFields('', before, after, new Set(['number', 'text', 'schedule', 'followup'])).map(asPartChange),
    ...compareSchedule(asObject(before.schedule), asObject(after.schedule)),
    ...diffFollowups(before.followup, after.followup, { implicit: 'pending' as Status, deadlines: new Map() }),
  ];
}

function asPartChange(d: ChangeDraft): ChangeDraft {
  return d.kind === 'field-changed' ? { ...d, kind: 'part-changed' } : d;
}

interface Levels {
  readonly axis: Part[];
  readonly objective: Part[];
  readonly result: Part[];
  readonly activity: Part[];
}

function planLevels(plan: Record<string, unknown>): Levels {
  const levels: Levels = { axis: [], objective: [], result: [], activity: [] };
  const num = (x: Record<string, unknown>): string => asString(x.number) ?? '?';
  for (const axis of asArray(plan.axes).map(asObject)) {
    levels.axis.push({ key: num(axis), data: axis });
    for (const o of asArray(axis.objectives).map(asObject)) {
      const ok = `${num(axis)}/${num(o)}`;
      levels.objective.push({ key: ok, data: o });
      for (const r of asArray(o.results).map(asObject)) {
        const rk = `${ok}/${num(r)}`;
        levels.result.push({ key: rk, data: r });
        for (const a of asArray(r.activities).map(asObject)) levels.activity.push({ key: `${rk}/${num(a)}`, data: a });
      }
    }
  }
  return levels;
}

// Axes, objectives and results: their texts are adopted text. Matched like the other parts; their renumbering
// explains their activities' new numbers. Added or removed levels show as their activities added or removed.
function diffLevel(kind: 'axis' | 'objective' | 'result', before: readonly Part[], after: readonly Part[], renumbered: [Part, Part][], authentic: string | undefined): ChangeDraft[] {
  const out: ChangeDraft[] = [];
  for (const [b, a] of matchParts(before, after).pairs) {
    if (b.key !== a.key) {
      if (!impliedByParent(b.key, a.key, renumbered)) out.push({ kind: 'part-renumbered', partKind: kind, part: a.key, before: b.key, after: a.key });
      renumbered.push([b, a]);
    }
    for (const field of ['title', 'objective', 'text']) out.push(...compareText(field, b.data[field], a.data[field], authentic).map((d) => ({ ...d, partKind: kind, part: a.key })));
  }
  return out;
}

// What every diff format shares: the headline, changes grouped by file, how a change is classed, how context is cut.
import type { Lang } from '../core/model.js';
import type { Change, DiffResult } from '../core/diff/types.js';

const t = (lang: Lang, en: string, es: string): string => (lang === 'es' ? es : en);

/** A side of the diff for people: the working tree in the reader's language (its JSON label stays "working tree"). */
export function sideLabel(side: DiffResult['head'], lang: Lang): string {
  return side.commit === undefined ? labelText(side.label, lang) : side.label;
}

/** A revision's label for people: "working tree" (no git name can hold a space) in the reader's language. */
export function labelText(label: string, lang: Lang): string {
  return label === 'working tree' ? t(lang, 'working tree', 'árbol de trabajo') : label;
}

/** "1 flagged" / "1 señalado", "2 señalados". */
export function flaggedCount(n: number, lang: Lang): string {
  return t(lang, `${n} flagged`, `${n} señalado${n === 1 ? '' : 's'}`);
}

export function diffHeadline(r: DiffResult, lang: Lang): string {
  const { changes, flagged, records } = r.counts;
  const n = (k: number, en: string, es: string): string => `${k} ${t(lang, en, es)}${k === 1 ? '' : 's'}`;
  if (changes === 0) return t(lang, 'no changes to the records', 'sin cambios en los registros');
  const flaggedPart = flagged ? t(lang, `, ${flagged} flagged`, `, ${flagged} señalado${flagged === 1 ? '' : 's'}`) : '';
  return `${n(changes, 'change', 'cambio')} ${t(lang, 'in', 'en')} ${n(records, 'record', 'registro')}${flaggedPart}`;
}

/** Changes grouped by file, in the order the query gave them. */
export function groupByFile(changes: readonly Change[]): [string, Change[]][] {
  const groups = new Map<string, Change[]>();
  for (const c of changes) groups.set(c.file, [...(groups.get(c.file) ?? []), c]);
  return [...groups];
}

export const ADDED = new Set(['record-added', 'part-added', 'entry-added', 'followup-added', 'translation-added']);
export const REMOVED = new Set(['record-removed', 'part-removed', 'entry-removed', 'followup-removed']);


export function changeClass(c: Change): 'flagged' | 'added' | 'removed' | 'changed' {
  if (c.flagged) return 'flagged';
  if (ADDED.has(c.kind)) return 'added';
  if (REMOVED.has(c.kind)) return 'removed';
  return 'changed';
}

export function shorten(text: string, first: boolean, last: boolean, context: number): string {
  if (text.length <= context * 2 + 3) return text;
  if (first && last) return text.slice(0, context) + ' … ' + text.slice(-context);
  if (first) return '… ' + text.slice(-context);
  if (last) return text.slice(0, context) + ' …';
  return text.slice(0, context) + ' … ' + text.slice(-context);
}

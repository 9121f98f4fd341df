// Counts for people: thousands grouped (es 4.631, en 4,631; four digits grouped too, as the CRM's reports write them).
import type { Lang } from '../core/model.js';

// 'always' (Intl.NumberFormat v3, Node 20): CLDR's Spanish leaves four digits ungrouped (min2); the typings predate it.
const ALWAYS = { useGrouping: 'always' } as unknown as Intl.NumberFormatOptions;
const FORMATS = { es: new Intl.NumberFormat('es', ALWAYS), en: new Intl.NumberFormat('en', ALWAYS) };

export function num(n: number, lang: Lang): string {
  return FORMATS[lang].format(n);
}

/** "1 compromiso" / "2 compromisos": a count and the noun in the right number. */
export function counted(n: number, one: string, many: string, lang: Lang): string {
  return `${num(n, lang)} ${n === 1 ? one : many}`;
}

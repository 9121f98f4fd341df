// Periods as people write them: "2.º semestre de 2017" / "second half of 2017", "1.er trimestre de 2018" / "Q1 2018".
import type { Lang } from '../core/model.js';

const ORDINAL_ES = ['1.er', '2.º', '3.er', '4.º'] as const;
const HALF_EN = ['first', 'second'] as const;

/** Half n (1 or 2) of a year. */
export function halfName(n: number, year: string, lang: Lang): string {
  return lang === 'es' ? `${n}.º semestre de ${year}` : `${HALF_EN[n - 1]} half of ${year}`;
}

/** Quarter n (1–4) of a year. */
export function quarterName(n: number, year: string, lang: Lang): string {
  return lang === 'es' ? `${ORDINAL_ES[n - 1]} trimestre de ${year}` : `Q${n} ${year}`;
}

/** A work plan occurrence key (2017, 2017-H2, 2018-Q1; anything else as it is). */
export function occurrenceText(key: string, lang: Lang): string {
  const m = /^(\d{4})-([HQ])([1-4])$/.exec(key);
  if (!m) return key;
  return m[2] === 'H' ? halfName(Number(m[3]), m[1]!, lang) : quarterName(Number(m[3]), m[1]!, lang);
}

// A work plan occurrence key (2017, 2017-H2, 2018-Q1) as people write the period, through core/dates.ts's one
// spelling of periods: "2.º semestre de 2017" / "second half of 2017", "1.er trimestre de 2018" / "Q1 2018".
import type { Period } from '../core/dates.js';
import { formatDue } from '../core/dates.js';
import type { Lang } from '../core/model.js';

export function occurrenceText(key: string, lang: Lang): string {
  const m = /^(\d{4})-([HQ])([1-4])$/.exec(key);
  if (!m) return key;
  const month = m[2] === 'H' ? (Number(m[3]) - 1) * 6 + 1 : (Number(m[3]) - 1) * 3 + 1;
  const start = `${m[1]}-${String(month).padStart(2, '0')}-01`;
  const period: Period = { precision: m[2] === 'H' ? 'semester' : 'quarter', start, end: start, label: key };
  return formatDue(period, lang);
}

// A commitment as people name it: the body's short name, the meeting's date and the point ("Red Trata y Tráfico ·
// 21 jun 2017 · 2.b"), a step or a period after it; for a work plan, the plan and the activity. The record id stays
// beside it as a secondary, copyable detail (the renderers decide where).
import { formatDay } from '../core/dates.js';
import type { Lang } from '../core/model.js';
import type { CommitmentView } from '../core/queries/view.js';
import { occurrenceText } from './period-names.js';

type Named = Pick<CommitmentView, 'id' | 'ref' | 'record' | 'recordKind' | 'body' | 'meetingDate' | 'step' | 'occurrence'>;

const STEP = { es: 'paso', en: 'step' } as const;

/** "Red Trata y Tráfico · 21 jun 2017 · 2.b", "… · 3 (paso 1)", "Red NNA · 2017-2022 · 1/I/1/1.3 · 2.º semestre de 2017". */
export function commitmentName(c: Named, lang: Lang): string {
  const hash = c.ref.indexOf('#');
  const key = hash < 0 ? '' : c.ref.slice(hash + 1);
  if (c.recordKind === 'plan') {
    const years = /^(\d{4})-(\d{4})/.exec(c.record);
    const plan = years ? `${years[1]}–${years[2]}` : c.record;
    return [c.body.label, plan, key, c.occurrence ? occurrenceText(c.occurrence, lang) : ''].filter(Boolean).join(' · ');
  }
  const when = c.meetingDate ? formatDay(c.meetingDate, lang) : c.record;
  const point = c.step !== undefined ? `${key} (${STEP[lang]} ${c.step})` : key;
  return [c.body.label, when, point].filter(Boolean).join(' · ');
}

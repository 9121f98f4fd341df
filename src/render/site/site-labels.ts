// The words of the static site (navigation, page titles, search): locales/<lang>/site.yaml. The shared vocabulary
// (states, actions, column words) is labels.yaml's; the statement's, statement.yaml's.
import type { Lang } from '../../core/model.js';
import { section, t } from '../catalog.js';

export function siteLabels(lang: Lang) {
  return section(lang, 'site');
}

/** "Compromisos 51–100 de 212.": which rows of a long list a page shows (numbers already written for people). */
export function shownOf(total: string, from: string, to: string, lang: Lang): string {
  return t(lang, 'site.shownOf', { total, from, to });
}

/** "Reuniones 21–220 de 8.000.": which meetings of an actor's history a page lists. */
export function meetingsShownOf(total: string, from: string, to: string, lang: Lang): string {
  return t(lang, 'site.meetingsShownOf', { total, from, to });
}

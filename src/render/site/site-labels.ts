// The words of the static site (navigation, page titles, search): locales/<lang>/site.yaml. The shared vocabulary
// (states, actions, column words) is labels.yaml's; the statement's, statement.yaml's.
import type { Lang } from '../../core/model.js';
import { section } from '../catalog.js';

export function siteLabels(lang: Lang) {
  return section(lang, 'site');
}

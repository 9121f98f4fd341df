// The words of `acta statement`: locales/<lang>/statement.yaml (the HTML template reads them too, as `statement.*`).
import type { Lang } from '../core/model.js';
import { section } from './catalog.js';

export function statementLabels(lang: Lang) {
  return section(lang, 'statement');
}

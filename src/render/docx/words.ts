// The words acta's Word documents add around the report's and the statement's own: the page furniture (contents,
// "página X de Y", date of issue, original language) and the index of a batch of statements — the catalog's
// `documents` section (locales/<lang>/documents.yaml).
import type { Lang } from '../../core/model.js';
import { section, t } from '../catalog.js';

export function documentWords(lang: Lang) {
  const words = section(lang, 'documents');
  return { ...words, original: (original: Lang): string => t(lang, 'documents.original', { lang: original }) };
}

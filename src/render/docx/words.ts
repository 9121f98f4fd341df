// The words acta's Word documents add around the report's and the statement's own: the page furniture (contents,
// "página X de Y", date of issue, original language) and the index of a batch of statements.
import type { Lang } from '../../core/model.js';

export interface DocumentWords {
  readonly contents: string;
  readonly page: string;
  readonly of: string;
  readonly issued: string;
  readonly original: (lang: Lang) => string;
  readonly chart: string;
  readonly index: { readonly actor: string; readonly name: string; readonly lang: string; readonly file: string; readonly total: string; readonly overdue: string; readonly dueNext: string; readonly delivered: string; readonly waiting: string; readonly noDate: string };
}

const LANGUAGE = { es: { es: 'español', en: 'inglés' }, en: { es: 'Spanish', en: 'English' } } as const;

const ES: DocumentWords = {
  contents: 'Contenido',
  page: 'Página',
  of: 'de',
  issued: 'Fecha de emisión:',
  original: (lang) => `Original: ${LANGUAGE.es[lang]}`,
  chart: 'Gráfico',
  index: { actor: 'actor', name: 'nombre', lang: 'idioma', file: 'archivo', total: 'total', overdue: 'vencidos', dueNext: 'próximos', delivered: 'cumplidos', waiting: 'en espera', noDate: 'sin fecha' },
};

const EN: DocumentWords = {
  contents: 'Contents',
  page: 'Page',
  of: 'of',
  issued: 'Date of issue:',
  original: (lang) => `Original: ${LANGUAGE.en[lang]}`,
  chart: 'Chart',
  index: { actor: 'actor', name: 'name', lang: 'language', file: 'file', total: 'total', overdue: 'overdue', dueNext: 'due next', delivered: 'delivered', waiting: 'waiting', noDate: 'no date' },
};

export function documentWords(lang: Lang): DocumentWords {
  return lang === 'es' ? ES : EN;
}

// The options of the Word documents (-f docx): where to write (a file, never standard output), the document's
// reference (symbol) and date of issue for its page header, and what the "Original:" line says.
import type { Day } from '../core/dates.js';
import { isRealDate } from '../core/dates.js';
import type { Lang } from '../core/model.js';
import { say } from '../core/diagnostics.js';
import { SaidError } from '../io/files.js';
import { badDate } from './context.js';
import type { DocumentMeta } from '../render/docx/parts.js';

export interface DocumentOptions {
  readonly out?: string;
  readonly reference?: string;
  readonly issued?: string;
}

/** -f docx: a file to write, a real date of issue, a one-line reference of reasonable length. */
export function checkDocxOptions(o: DocumentOptions, what = '-f docx'): void {
  if (o.out === undefined) throw new SaidError(say('usage.docxNeedsOut', { what }));
  if (o.issued !== undefined && !isRealDate(o.issued)) throw new SaidError(badDate('--issued', o.issued));
  if (o.reference !== undefined && (o.reference.length > 200 || /[\u0000-\u001f\u007f]/.test(o.reference))) throw new SaidError(say('usage.badReference'));
}

/** The page header's facts: the reference given (else the view's, from acta.yaml `reference`), the date of issue
 * (else the as-of date); the original language is the records' authentic one (acta.yaml `authentic`), else the
 * document's. */
export function documentMeta(view: { readonly lang: Lang; readonly asOf: Day; readonly reference?: string }, o: DocumentOptions, authentic?: Lang): DocumentMeta {
  const reference = o.reference ?? view.reference;
  return { lang: view.lang, issued: o.issued ?? view.asOf, original: authentic ?? view.lang, ...(reference !== undefined && reference !== '' ? { reference } : {}) };
}

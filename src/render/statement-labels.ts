// The words of `acta statement`: locales/<lang>/statement.yaml (the HTML template reads them too, as `statement.*`).
import type { Lang } from '../core/model.js';
import { section } from './catalog.js';

export function statementLabels(lang: Lang) {
  return section(lang, 'statement');
}

/** "Owes as a member of: Member Countries", and, for a member no source names (ActorRef.unsourced), that it has no source. */
export function viaLine(st: { readonly actor: { readonly unsourced?: true }; readonly via: readonly { readonly label: string }[]; readonly lang: Lang }): string {
  const w = statementLabels(st.lang);
  return `${w.via}: ${st.via.map((a) => a.label).join(', ')}${st.actor.unsourced ? ` (${w.unsourced})` : ''}`;
}

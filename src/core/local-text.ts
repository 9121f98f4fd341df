// Bilingual record text shown in one language: the one asked for when the record has it, else the other, marked.
import type { Lang, Text } from './model.js';

/** Record text in one language; `lang` says which, so a formatter can mark text shown in the other one. */
export interface LocalText {
  readonly text: string;
  readonly lang: Lang;
  /** The text shown is an unofficial translation: not in the text's authentic language (its own `authentic`, else acta.yaml's). */
  readonly translation?: true;
}

/** The text in `lang` when the record has it, else in the other language; `authentic` (acta.yaml) marks translations. */
export function pickText(text: Text | undefined, lang: Lang, authentic?: Lang): LocalText | undefined {
  if (!text) return undefined;
  const other: Lang = lang === 'es' ? 'en' : 'es';
  const source = text.authentic ?? authentic;
  const local = (t: string, l: Lang): LocalText => (source !== undefined && l !== source ? { text: t, lang: l, translation: true } : { text: t, lang: l });
  const mine = text[lang];
  if (mine !== undefined) return local(mine, lang);
  const theirs = text[other];
  return theirs !== undefined ? local(theirs, other) : undefined;
}

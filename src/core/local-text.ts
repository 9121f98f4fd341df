// Bilingual record text shown in one language: the one asked for when the record has it, else the other, marked.
import type { Lang, Text } from './model.js';

/** Record text in one language; `lang` says which, so a formatter can mark text shown in the other one. */
export interface LocalText {
  readonly text: string;
  readonly lang: Lang;
}

/** The text in `lang` when the record has it, else in the other language. */
export function pickText(text: Text | undefined, lang: Lang): LocalText | undefined {
  if (!text) return undefined;
  const other: Lang = lang === 'es' ? 'en' : 'es';
  const mine = text[lang];
  if (mine !== undefined) return { text: mine, lang };
  const theirs = text[other];
  return theirs !== undefined ? { text: theirs, lang: other } : undefined;
}

// A diagnostic's words in the officer's language: the core reports a code, a variant and parameters; the message and
// the hint are the catalog's (locales/<lang>/diagnostics.yaml), rendered here for every output format.
import type { Code, Diagnostic, DiagnosticParam, DiagnosticParams, Related, Said } from '../core/diagnostics.js';
import type { MessageParams } from './catalog.js';
import { hasMessage, message } from './catalog.js';

export interface DiagnosticText {
  /** One line: what is wrong. */
  readonly message: string;
  /** How to fix it (none when the catalog gives none for this case). */
  readonly hint?: string;
}

/** The catalog keys of a code's message and hint (a variant's, else the code's own). */
export function diagnosticKeys(code: Code, variant?: string): { readonly message: string; readonly hint: readonly string[] } {
  const base = `diagnostics.${code}`;
  const own = variant ? `${base}.${variant}` : base;
  return { message: `${own}.message`, hint: variant ? [`${own}.hint`, `${base}.hint`] : [`${base}.hint`] };
}

export function diagnosticText(d: Pick<Diagnostic, 'code' | 'variant' | 'params'>, lang: string): DiagnosticText {
  const keys = diagnosticKeys(d.code, d.variant);
  const params = resolveParams(d.params, lang);
  const text = withSuggestions(message(lang, keys.message, params) ?? `${d.code}${d.variant ? ` (${d.variant})` : ''}`, d.params, lang);
  const hintKey = keys.hint.find((k) => hasMessage(lang, k));
  const hint = hintKey ? message(lang, hintKey, params)?.trim() : undefined;
  return hint ? { message: text, hint } : { message: text };
}

/** A refusal or a confirmation of the core (a catalog key and its parameters), in the language. */
export function saidText(s: Said, lang: string): string {
  return paramText(s, lang);
}

// `didYouMean` and `nearest` (name lists), when given, end the message: " (did you mean `x`?)", "; nearest: `a`, `b`".
function withSuggestions(text: string, params: DiagnosticParams, lang: string): string {
  let out = text;
  for (const key of ['didYouMean', 'nearest'] as const) {
    const names = params[key];
    if (names !== undefined) out += message(lang, `diagnosticWords.${key}`, { names: paramText(names, lang) }) ?? '';
  }
  return out;
}

/** "first defined here", "members of grcm-ad-hoc": what a related place is. */
export function relatedText(r: Related, lang: string): string {
  return paramText(r.note, lang);
}

export function resolveParams(params: DiagnosticParams, lang: string): MessageParams {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'number' ? v : paramText(v, lang);
  return out;
}

/** One parameter as text: phrases from the catalog, bilingual text in the language, names joined its way. */
export function paramText(p: DiagnosticParam, lang: string): string {
  if (typeof p === 'string') return p;
  if (typeof p === 'number') return String(p);
  if ('say' in p) return withSuggestions(message(lang, p.say, p.params ? resolveParams(p.params, lang) : undefined) ?? p.say, p.params ?? {}, lang);
  if ('phrase' in p) return message(lang, `diagnosticWords.${p.phrase}`, p.params ? resolveParams(p.params, lang) : undefined) ?? p.phrase;
  if ('names' in p) return p.join === 'list' ? p.names.join(', ') : new Intl.ListFormat(lang, { type: p.join === 'or' ? 'disjunction' : 'conjunction' }).format(p.names);
  return lang === 'es' ? p.es : p.en;
}

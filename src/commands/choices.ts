// A word that must be one of a few (a list kind, a format, a grouping): refused with the choices and, when the word is
// a near miss, the one meant — worded like commander's own "(Did you mean --actor?)", in the run's language.
import type { Said } from '../core/diagnostics.js';
import { say } from '../core/diagnostics.js';
import { closestMatches } from '../core/text-distance.js';
import { SaidError } from '../io/files.js';

/** The catalog's "\n(Did you mean meetings?)" when one candidate is close to `word`, else "" (a message's {suggestion}). */
export function nearestChoice(word: string, candidates: readonly string[]): Said | string {
  const [best] = closestMatches(word, candidates, 1);
  return best === undefined ? '' : say('usage.didYouMean', { names: best });
}

/** The candidate closest to `word`, if one is close. */
export function closestChoice(word: string, candidates: readonly string[]): string | undefined {
  return closestMatches(word, candidates, 1)[0];
}

/** `value` when it is one of `choices`; else a refusal "LABEL: expected one of …" with the nearest choice. */
export function checkChoice<T extends string>(label: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new SaidError(say('usage.choice', { label, choices: choices.join(', '), suggestion: nearestChoice(value, choices) }));
}

// A word that must be one of a few (a list kind, a format, a grouping): refused with the choices and, when the word is
// a near miss, the one meant — worded like commander's own "(Did you mean --actor?)".
import { closestMatches } from '../core/text-distance.js';
import { UsageError } from '../io/files.js';

/** "\n(Did you mean meetings?)" when one candidate is close to `word`, else "". */
export function nearestChoice(word: string, candidates: readonly string[]): string {
  const [best] = closestMatches(word, candidates, 1);
  return best === undefined ? '' : `\n(Did you mean ${best}?)`;
}

/** `value` when it is one of `choices`; else a UsageError "LABEL: expected one of …" with the nearest choice. */
export function checkChoice<T extends string>(label: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${label}: expected one of ${choices.join(', ')}${nearestChoice(value, choices)}`);
}

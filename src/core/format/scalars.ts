// When a string may be written without quotes: only when YAML 1.2 (acta, editors) and YAML 1.1 (older tools, which
// read `no` as false and 2017-07-21 as a date) both read the plain text back as that same string.
import { plainScalarReadsBack } from '../read/index.js';

const cache = new Map<string, boolean>();

export function canBePlain(value: string): boolean {
  let known = cache.get(value);
  if (known === undefined) {
    known = readsBack(value);
    if (cache.size > 10_000) cache.clear();
    cache.set(value, known);
  }
  return known;
}

function readsBack(value: string): boolean {
  if (value === '' || value.length > 100_000 || /[\n\r\t]|^\s|\s$|^[-?:,[\]{}#&*!|>'"%@`]|: |\s#/.test(value)) return false;
  return plainScalarReadsBack(value);
}

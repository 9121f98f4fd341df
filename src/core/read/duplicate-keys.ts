// Duplicate keys, found in one linear pass over the composed tree. The yaml library's own check (`uniqueKeys`)
// compares each key with every earlier one: 10,000 keys in one mapping took over a second, 40,000 twelve.
import type { Document } from 'yaml';
import type { Problem } from './prescan.js';
import { yaml } from './yaml-library.js';

/** One problem per repeated key (keys are compared as the strings `stringKeys` makes of them: `1` and "1" collide). */
export function findDuplicateKeys(doc: Document.Parsed, text: string): Problem[] {
  const { isScalar, visit } = yaml();
  const problems: Problem[] = [];
  visit(doc, {
    Map(_, map) {
      const first = new Map<string, readonly [number, number]>();
      for (const pair of map.items) {
        const key = pair.key;
        // Non-string keys are refused on their own (yaml/non-string-key); a missing key is the empty string.
        if (key !== null && !isScalar(key)) continue;
        const name = key === null ? '' : String(key.value);
        const [start, end] = key?.range ?? [0, 0];
        const earlier = first.get(name);
        if (!earlier) {
          first.set(name, [start, end]);
          continue;
        }
        const shown = text.slice(start, Math.min(end, start + 60)) || name.slice(0, 60);
        problems.push({ code: 'yaml/duplicate-key', offset: start, endOffset: end, params: { key: shown }, related: { offset: earlier[0], endOffset: earlier[1], note: { phrase: 'firstHere' } } });
      }
    },
  });
  return problems;
}

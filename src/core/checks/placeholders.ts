// A "TODO: …" left by `acta new` (or by hand) in a record is a warning: it validates, but it is not yet the source's word.
import type { Diagnostic } from '../diagnostics.js';
import type { ParsedFile } from '../read/index.js';
import type { Check } from './context.js';
import { diagnosticAt } from './context.js';
import { joinPointer } from '../read/index.js';

const TODO = /^\s*TODO\b/;
/** Enough for any record; a deeper value is the parse layer's to refuse. */
const MAX_DEPTH = 64;

// Only a text that starts with `T` or with a space (`\s`: at most U+0020, or from U+00A0 on) can match TODO: the
// first character rules out nearly every value of a record before the expression runs (test/validate/todo-first-char.test.ts).
export function mayBeTodo(s: string): boolean {
  const c = s.charCodeAt(0);
  return c === 84 || c <= 32 || c >= 0xa0;
}

// The path is kept as segments and joined only for a placeholder found: most values are not one, and a pointer
// string built for every value of every record was most of this check's time (and garbage).
function findPlaceholders(value: unknown, path: (string | number)[], out: string[]): void {
  if (typeof value === 'string') {
    if (mayBeTodo(value) && TODO.test(value)) out.push(joinPointer(path));
  } else if (Array.isArray(value)) {
    if (path.length >= MAX_DEPTH) return;
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      findPlaceholders(value[i], path, out);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object' && path.length < MAX_DEPTH) {
    const map = value as Record<string, unknown>;
    for (const k of Object.keys(map)) {
      path.push(k);
      findPlaceholders(map[k], path, out);
      path.pop();
    }
  }
}

function placeholdersIn(parsed: ParsedFile, data: unknown): Diagnostic[] {
  const pointers: string[] = [];
  findPlaceholders(data, [], pointers);
  return pointers.map((p) => diagnosticAt(parsed, p, 'record/placeholder', { pointer: p }));
}

export const placeholders: Check = {
  name: 'placeholders left in',
  run(records) {
    // A record that failed its schema is checked alone, once, by the pipeline's pass over such records (pipeline.ts
    // checkInvalidRecords), as every other check leaves it: here it would be reported twice.
    return [...records.meetings, ...records.plans].flatMap((r) => (r.valid ? placeholdersIn(r.parsed, r.data) : []));
  },
};

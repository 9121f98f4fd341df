// A "TODO: …" left by `acta new` (or by hand) in a record is a warning: it validates, but it is not yet the source's word.
import type { Diagnostic } from '../diagnostics.js';
import type { ParsedFile } from '../parse.js';
import type { Check } from './context.js';
import { diagnosticAt } from './context.js';

const TODO = /^\s*TODO\b/;
/** Enough for any record; a deeper value is the parse layer's to refuse. */
const MAX_DEPTH = 64;

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

function findPlaceholders(value: unknown, pointer: string, depth: number, out: string[]): void {
  if (typeof value === 'string') {
    if (TODO.test(value)) out.push(pointer);
  } else if (Array.isArray(value)) {
    if (depth < MAX_DEPTH) value.forEach((v, i) => findPlaceholders(v, `${pointer}/${i}`, depth + 1, out));
  } else if (value !== null && typeof value === 'object' && depth < MAX_DEPTH) {
    for (const [k, v] of Object.entries(value)) findPlaceholders(v, `${pointer}/${escapePointer(k)}`, depth + 1, out);
  }
}

function placeholdersIn(parsed: ParsedFile, data: unknown): Diagnostic[] {
  const pointers: string[] = [];
  findPlaceholders(data, '', 0, pointers);
  return pointers.map((p) => diagnosticAt(parsed, p, 'record/placeholder', `a TODO placeholder is left at ${p}`, 'replace it with what the source says, or remove the field if the source says nothing'));
}

export const placeholders: Check = {
  name: 'placeholders left in',
  run(records) {
    return [...records.meetings, ...records.plans].flatMap((r) => placeholdersIn(r.parsed, r.data));
  },
};

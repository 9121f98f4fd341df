// A Later (checks/context.ts) resolved at the end of validate's facts path (core/facts.ts), on the whole set's indexes:
// the very code the whole-set run runs at that point. Kept apart from context.ts, which every check imports.
import type { Diagnostic } from '../diagnostics.js';
import type { ParsedFile } from '../read/index.js';
import type { Indexes, Later } from './context.js';
import { decided } from './dates.js';
import { resolveMiss, resolveWhole } from './references.js';

export function resolveLater(f: Later, parsed: ParsedFile, index: Indexes, out: Diagnostic[]): void {
  switch (f.later) {
    case 'miss':
      return resolveMiss(parsed, index, f.pointer, f.code, f.value, out);
    case 'whole':
      return resolveWhole(parsed, index, f.how, f.value, f.pointer, out);
    case 'decided':
      return decided(parsed, index, f.decider, f.pointer, f.start, f.meetingId, out);
  }
}

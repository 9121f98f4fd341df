// Cross-record rules, each (records, indexes) → Diagnostic[]. Add a rule here and give its code a fixture.
import type { Check } from './context.js';
import { groupCycles, supersessionCycles } from './cycles.js';
import { dates } from './dates.js';
import { fileNames, uniqueIds } from './ids.js';
import { imported } from './imported.js';
import { numbering } from './numbering.js';
import { references } from './references.js';

export const CHECKS: readonly Check[] = [uniqueIds, fileNames, references, supersessionCycles, groupCycles, dates, numbering, imported];

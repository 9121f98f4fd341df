// Cross-record rules, each (records, indexes) → Diagnostic[]. Add a rule here and give its code a fixture.
import type { Check } from './context.js';
import { groupCycles, supersessionCycles } from './cycles.js';
import { actorNames } from './actor-names.js';
import { authenticTexts } from './authentic.js';
import { dates } from './dates.js';
import { followupRules } from './followup.js';
import { fileNames, uniqueIds } from './ids.js';
import { imported } from './imported.js';
import { numbering } from './numbering.js';
import { placeholders } from './placeholders.js';
import { references } from './references.js';

export const CHECKS: readonly Check[] = [uniqueIds, actorNames, fileNames, references, supersessionCycles, groupCycles, dates, numbering, followupRules, placeholders, authenticTexts, imported];

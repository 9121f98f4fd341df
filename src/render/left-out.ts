// The one note every read command prints (on stderr) about the files it left out: which, and the first error of each.
import type { LeftOut } from '../core/records.js';
import { oneLine } from './escape.js';

const SHOWN = 10;

/** "acta: left out 2 files with errors: a.yaml (yaml/syntax), b.yaml (schema/required); run `acta validate`", or undefined. */
export function formatLeftOutNote(leftOut: readonly LeftOut[]): string | undefined {
  if (leftOut.length === 0) return undefined;
  const n = leftOut.length;
  const listed = leftOut.slice(0, SHOWN).map((l) => `${oneLine(l.file)} (${l.code})`);
  const more = n > SHOWN ? `, and ${n - SHOWN} more` : '';
  return `acta: left out ${n} file${n === 1 ? '' : 's'} with errors: ${listed.join(', ')}${more}; run \`acta validate\` to see them\n`;
}

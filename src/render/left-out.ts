// The one note every read command prints (on stderr) about the files it left out: which, and the first error of each.
import type { LeftOut } from '../core/records.js';
import { t } from './catalog.js';
import { oneLine } from './escape.js';

const SHOWN = 10;

/** "acta: left out 2 files with errors: a.yaml (yaml/syntax), b.yaml (schema/required); run `acta validate`" in the
 * run's language, or undefined. */
export function formatLeftOutNote(leftOut: readonly LeftOut[], lang: string): string | undefined {
  if (leftOut.length === 0) return undefined;
  const n = leftOut.length;
  const files = leftOut.slice(0, SHOWN).map((l) => `${oneLine(l.file)} (${l.code})`).join(', ');
  return `${t(lang, 'refusals.leftOutNote', { count: n, files, more: Math.max(0, n - SHOWN) })}\n`;
}

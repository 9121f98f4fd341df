// After a reviewer has checked a draft: its `import:` notes removed through the formatter (comments kept), all of them
// or those about the pointers named. Pure: record text in, new text out.
import { isMap, isSeq } from 'yaml';
import type { KeyOrder } from '../format/key-order.js';
import { editedText, formatRecordText, normaliseLineEnds } from '../format/format.js';
import { parseEditable } from '../read/index.js';
import type { Said } from '../diagnostics.js';
import { say } from '../diagnostics.js';

export type AcceptOutcome = { readonly ok: true; readonly text: string; readonly removed: number; readonly left: number } | { readonly ok: false; readonly reason: Said };

const IMPORT = /^import:/;

/** Does a note's `at` concern one of the pointers (itself or below it: /agreements/0 covers /agreements/0/action)? */
const about = (at: string, only: readonly string[]): boolean => only.some((p) => at === p || at.startsWith(`${p.replace(/\/$/, '')}/`));

export function acceptImportNotes(text: string, only: readonly string[] | undefined, order: KeyOrder | undefined): AcceptOutcome {
  const doc = parseEditable(normaliseLineEnds(text));
  if (doc.errors.length > 0) return { ok: false, reason: say('layout.invalidYaml', { detail: doc.errors[0]!.message.split('\n')[0] ?? '' }) };
  const root = doc.contents;
  if (!isMap(root)) return { ok: false, reason: say('layout.notARecord') };
  const notes = root.get('notes', true);
  if (notes === undefined) return { ok: true, text, removed: 0, left: 0 };
  if (!isSeq(notes)) return { ok: false, reason: say('layout.notList', { key: 'notes' }) };
  let removed = 0;
  let left = 0;
  notes.items = notes.items.filter((item) => {
    const n = (isMap(item) ? item.toJSON() : undefined) as { text?: { es?: string; en?: string }; at?: string } | undefined;
    const imported = IMPORT.test(n?.text?.es ?? '') || IMPORT.test(n?.text?.en ?? '');
    if (!imported) return true;
    if (only && !about(n?.at ?? '', only)) {
      left++;
      return true;
    }
    removed++;
    return false;
  });
  if (removed === 0) return { ok: true, text, removed, left };
  if (notes.items.length === 0) root.delete('notes');
  const formatted = formatRecordText(editedText(doc), order);
  if (!formatted.ok) return { ok: false, reason: formatted.reason };
  // The draft's header comment tells the reviewer to check the notes; with none left, it has said its piece.
  const done = left === 0 ? formatted.text.replace(/^# A draft made by `acta import [^\n]*\n/m, '') : formatted.text;
  return { ok: true, text: done, removed, left };
}

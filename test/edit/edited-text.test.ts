// An edit writes its document as the formatter would (core/format/format.ts editedText): a record canonical before the
// edit is canonical after it, so formatRecordText gives it back at its first pass (one parse of the file, not four) —
// and the text written is the same as when the edit was written plainly and left to the formatter.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { YAMLSeq } from 'yaml';
import type { YAMLMap } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { FollowupEntry } from '../../src/core/edit/followup-entry.js';
import { appendFollowup } from '../../src/core/edit/followup-entry.js';
import { editedText, formatRecordText, LAYOUT } from '../../src/core/format/format.js';
import { keyOrderFor } from '../../src/core/format/key-order.js';
import { parseEditable } from '../../src/core/read/index.js';
import { readSchemas } from '../../src/io/schemas.js';
import { REPO_ROOT } from '../run-acta.js';

const FILE = path.join(REPO_ROOT, 'data/meetings/2017-06-21-red-trata.yaml');
const text = readFileSync(FILE, 'utf8');
const order = keyOrderFor(readSchemas(), 'meeting');
const POINTER = ['agreements', 1, 'items', 1];

// Notes a formatter writes plain, double-quoted, or (spanning lines) as the yaml library chooses.
const NOTES = ['plain words', 'a: b', '# not a comment', 'yes', '2020-01-01', ' leading space', "it's \"quoted\"", 'ñandú — bien', 'one line\nand another', 'two\n\nparagraphs\n'];
// In the schema's order, as planFollowup gives an entry.
const entry = (note: string): FollowupEntry => ({ date: '2017-07-20', status: 'partial', note: { es: note }, delivered_by: ['MX', 'GT'] });

// The edit appendFollowup makes, on a document of its own.
function edited(note: string) {
  const doc = parseEditable(text);
  const point = doc.getIn(POINTER, true) as YAMLMap;
  const item = doc.createNode(entry(note));
  (item.get('delivered_by', true) as unknown as YAMLSeq).flow = true;
  const list = new YAMLSeq();
  list.items.push(item);
  point.set(doc.createNode('followup'), list);
  return doc;
}

describe('an edit of a canonical record', () => {
  it('the file is canonical to begin with', () => {
    expect(formatRecordText(text, order)).toEqual({ ok: true, text });
  });

  it.each(NOTES.filter((n) => !n.includes('\n')))('is written canonical: formatRecordText gives it back unchanged (note %j)', (note) => {
    const out = editedText(edited(note));
    expect(out).not.toBe(text);
    expect(formatRecordText(out, order)).toEqual({ ok: true, text: out });
  });

  it.each(NOTES)('gives the text the formatter gives for the edit written plainly (note %j)', (note) => {
    const before = formatRecordText(edited(note).toString(LAYOUT), order);
    expect(before.ok).toBe(true);
    expect(formatRecordText(editedText(edited(note)), order)).toEqual(before);
    expect(appendFollowup(text, `/${POINTER.join('/')}`, entry(note), order)).toEqual(before);
  });
});

// Follow-up writes as pure edits: (record text, where, entry) → new text in the canonical layout, comments kept.
// No I/O here: the command reads the file, checks the result against every record, then writes it.
import { isMap, isScalar, isSeq, visit, YAMLSeq } from 'yaml';
import type { Document, Node, YAMLMap } from 'yaml';
import type { KeyOrder } from '../format/key-order.js';
import { editedText, formatRecordText, normaliseLineEnds } from '../format/format.js';
import { parseEditable } from '../read/index.js';
import type { FollowUp } from '../model.js';
import type { Said } from '../diagnostics.js';
import { say } from '../diagnostics.js';

export type EditOutcome = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: Said };

/** A follow-up entry as written: only the fields given, in the schema's order (the formatter sorts them anyway). */
export type FollowupEntry = { -readonly [K in keyof FollowUp]?: FollowUp[K] } & { date: string };

/** The mapping at a JSON pointer made of map keys and list indexes (/agreements/1/items/1), or why there is none. */
function mapAt(doc: Document, pointer: string): YAMLMap | Said {
  let node: unknown = doc.contents;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isMap(node)) node = node.get(part, true);
    else if (isSeq(node)) node = /^\d+$/.test(part) ? node.get(Number(part), true) : undefined;
    else node = undefined;
    if (node === undefined) return say('layout.nothingAt', { pointer, part });
  }
  return isMap(node) ? node : say('layout.notMapping', { pointer });
}

/** Append one entry to the `followup` list of the point or activity at `pointer` (the list is created when missing). */
export function appendFollowup(text: string, pointer: string, entry: FollowupEntry, order: KeyOrder | undefined): EditOutcome {
  return editAt(text, pointer, order, (doc, map) => {
    const list = map.get('followup', true) as Node | undefined;
    const item = flowLists(doc.createNode(entry));
    if (list === undefined) {
      const seq = new YAMLSeq();
      seq.items.push(item);
      map.set(doc.createNode('followup'), seq);
    }
    else if (isSeq(list)) list.items.push(item);
    else return say('layout.notList', { key: 'followup' });
    return undefined;
  });
}

/** Set `supersedes: REF` on the agreement at `pointer`: the later point pointing back at the one it replaces. */
export function setSupersedes(text: string, pointer: string, ref: string, order: KeyOrder | undefined): EditOutcome {
  return editAt(text, pointer, order, (doc, map) => {
    const now = map.get('supersedes');
    if (now === ref) return undefined;
    if (now !== undefined) return say('layout.alreadySupersedes', { ref: String(now) });
    map.set(doc.createNode('supersedes'), ref);
    return undefined;
  });
}

// Lists of actors are written [MX, GT], as the records write them.
function flowLists<T>(node: T): T {
  visit(node as Node, { Seq: (_key, seq) => void (seq.flow = seq.items.every((i) => isScalar(i))) });
  return node;
}

function editAt(text: string, pointer: string, order: KeyOrder | undefined, change: (doc: Document, map: YAMLMap) => Said | undefined): EditOutcome {
  const doc = parseEditable(normaliseLineEnds(text));
  if (doc.errors.length > 0) return { ok: false, reason: say('layout.invalidYaml', { detail: doc.errors[0]!.message.split('\n')[0] ?? '' }) };
  const map = mapAt(doc, pointer);
  if (!isMap(map)) return { ok: false, reason: map };
  const problem = change(doc, map);
  if (problem) return { ok: false, reason: problem };
  const formatted = formatRecordText(editedText(doc), order);
  return formatted.ok ? formatted : { ok: false, reason: formatted.reason };
}

// Unique ids across records and registries; a record's file is named after its id.
import type { Diagnostic } from '../diagnostics.js';
import { phrase } from '../diagnostics.js';
import type { ParsedFile } from '../read/index.js';
import { registryKey } from '../schema.js';
import type { Check } from './context.js';
import { diagnosticAt, inFileOrder, relatedAt } from './context.js';
import { ID_FORM, MEETING_ID_FORM } from '../id-forms.js';

/** Where an id was first defined; no parse for a record known only by id (validate --changed-since reads every
 * file that defines an id a reported file defines, so such a place is never shown). */
interface Seen { readonly parsed: ParsedFile | undefined; readonly file: string; readonly pointer: string }

export const uniqueIds: Check = {
  name: 'unique ids',
  global: true,
  run(records) {
    const out: Diagnostic[] = [];
    const seen = new Map<string, Seen>();
    // parsed undefined: a record known only by id claims its id, and is never reported on.
    const claim = (id: unknown, file: string, parsed: ParsedFile | undefined, pointer: string, what: string): void => {
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (!first) return void seen.set(id, { parsed, file, pointer });
      if (!parsed) return;
      const note = phrase('firstDefinedHere');
      const related = first.parsed ? relatedAt(first.parsed, first.pointer, note) : { file: first.file, line: 1, column: 1, endLine: 1, endColumn: 1, note };
      out.push(diagnosticAt(parsed, pointer, 'id/duplicate', { kind: what, id, file: first.file }, { related: [related] }));
    };
    for (const m of inFileOrder(records.meetings, records.known, 'meeting')) {
      if ('parsed' in m) claim(m.data.id, m.parsed.file, m.parsed, '/id', 'meeting');
      else claim(m.id, m.file, undefined, '/id', 'meeting');
    }
    for (const p of inFileOrder(records.plans, records.known, 'plan')) {
      if ('parsed' in p) claim(p.data.id, p.parsed.file, p.parsed, '/id', 'plan');
      else claim(p.id, p.file, undefined, '/id', 'plan');
    }
    for (const f of records.registryFiles) {
      const list = (f.parsed.data as Record<string, unknown>)[f.kind];
      if (!Array.isArray(list)) continue;
      const key = registryKey(f.kind);
      list.forEach((entry, i) => {
        if (entry && typeof entry === 'object') claim((entry as Record<string, unknown>)[key], f.parsed.file, f.parsed, `/${f.kind}/${i}/${key}`, 'actor');
      });
    }
    return out;
  },
};


export const fileNames: Check = {
  name: 'file names match ids',
  global: true,
  run(records) {
    const out: Diagnostic[] = [];
    // An id of a form the schemas refuse is schema/pattern's to report: naming the file after it would not help.
    for (const [list, form] of [[records.meetings, MEETING_ID_FORM], [records.plans, ID_FORM]] as const) {
      for (const r of list) {
        const id = r.data.id;
        if (typeof id !== 'string' || !form.test(id)) continue;
        const base = r.parsed.file.split('/').pop()!.replace(/\.ya?ml$/, '');
        if (base !== id) out.push(diagnosticAt(r.parsed, '/id', 'id/file-name', { name: base, id }));
      }
    }
    return out;
  },
};

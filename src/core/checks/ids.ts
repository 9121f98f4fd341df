// Unique ids across records and registries; a record's file is named after its id.
import type { Diagnostic } from '../diagnostics.js';
import type { ParsedFile } from '../parse.js';
import { registryKey } from '../schema.js';
import type { Check } from './context.js';
import { diagnosticAt, relatedAt } from './context.js';

interface Seen { readonly parsed: ParsedFile; readonly pointer: string }

export const uniqueIds: Check = {
  name: 'unique ids',
  global: true,
  run(records) {
    const out: Diagnostic[] = [];
    const seen = new Map<string, Seen>();
    const claim = (id: unknown, parsed: ParsedFile, pointer: string, what: string): void => {
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first) {
        out.push(diagnosticAt(parsed, pointer, 'id/duplicate', `${what} \`${id}\` is already defined in ${first.parsed.file}`, 'give one of them another id', { related: [relatedAt(first.parsed, first.pointer, 'first defined here')] }));
      } else seen.set(id, { parsed, pointer });
    };
    for (const m of records.meetings) claim(m.data.id, m.parsed, '/id', 'meeting id');
    for (const p of records.plans) claim(p.data.id, p.parsed, '/id', 'plan id');
    for (const f of records.registryFiles) {
      const list = (f.parsed.data as Record<string, unknown>)[f.kind];
      if (!Array.isArray(list)) continue;
      const key = registryKey(f.kind);
      list.forEach((entry, i) => {
        if (entry && typeof entry === 'object') claim((entry as Record<string, unknown>)[key], f.parsed, `/${f.kind}/${i}/${key}`, 'actor id');
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
    for (const r of [...records.meetings, ...records.plans]) {
      const id = r.data.id;
      if (typeof id !== 'string') continue;
      const base = r.parsed.file.split('/').pop()!.replace(/\.ya?ml$/, '');
      if (base !== id) out.push(diagnosticAt(r.parsed, '/id', 'id/file-name', `the file is named \`${base}\` but the record's id is \`${id}\``, `rename the file to ${id}.yaml, or correct the id`));
    }
    return out;
  },
};

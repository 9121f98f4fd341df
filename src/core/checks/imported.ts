// A draft made by `acta import` keeps an `import: …` note on every guess: while one remains, the record is a draft.
import type { Diagnostic } from '../diagnostics.js';
import type { Note } from '../model.js';
import type { Check } from './context.js';
import { diagnosticAt } from './context.js';

const PREFIX = /^import:/;

export const imported: Check = {
  name: 'imported',
  run(records) {
    const out: Diagnostic[] = [];
    for (const { parsed, data, valid } of [...records.meetings, ...records.plans]) {
      if (!valid) continue;
      const notes: readonly Note[] = (data as { notes?: readonly Note[] }).notes ?? [];
      notes.forEach((n, i) => {
        const lang = PREFIX.test(n.text.es ?? '') ? 'es' : PREFIX.test(n.text.en ?? '') ? 'en' : undefined;
        if (!lang) return;
        // The note in the officer's language (a draft's notes give both): the Spanish message quoted the English one.
        const what = { es: (n.text.es ?? n.text.en ?? '').slice(0, 120), en: (n.text.en ?? n.text.es ?? '').slice(0, 120) };
        out.push(n.at ? diagnosticAt(parsed, `/notes/${i}/text/${lang}`, 'import/unchecked', { at: n.at, note: what }, { variant: 'at' }) : diagnosticAt(parsed, `/notes/${i}/text/${lang}`, 'import/unchecked', { note: what }));
      });
    }
    return out;
  },
};

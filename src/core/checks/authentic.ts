// With acta.yaml `authentic: es`, a text in any other language is a translation: it needs the authentic text beside
// it (or its own `authentic` naming the language it is in, for a line the source gives in English).
import type { Diagnostic } from '../diagnostics.js';
import type { Lang } from '../model.js';
import type { ParsedFile } from '../parse.js';
import type { Check } from './context.js';
import { diagnosticAt } from './context.js';

const TEXT_KEYS = new Set(['es', 'en', 'authentic']);
const isText = (o: Record<string, unknown>): boolean => Object.keys(o).length > 0 && Object.keys(o).every((k) => TEXT_KEYS.has(k)) && (typeof o.es === 'string' || typeof o.en === 'string');

function visit(v: unknown, pointer: string, parsed: ParsedFile, authentic: Lang | undefined, out: Diagnostic[]): void {
  if (Array.isArray(v)) return v.forEach((x, i) => visit(x, `${pointer}/${i}`, parsed, authentic, out));
  if (v === null || typeof v !== 'object') return;
  const o = v as Record<string, unknown>;
  if (isText(o)) {
    const source = (o.authentic as Lang | undefined) ?? authentic;
    if (source !== undefined && typeof o[source] !== 'string') {
      const shown = typeof o.es === 'string' ? 'es' : 'en';
      out.push(diagnosticAt(parsed, `${pointer}/${shown}`, 'text/no-authentic', `this \`${shown}\` text is a translation, but the authentic \`${source}\` text is missing`, `add the source's own text as \`${source}\`, or say \`authentic: ${shown}\` in this text if the source gives it in ${shown === 'en' ? 'English' : 'Spanish'}`, { at: 'key' }));
    }
    return;
  }
  for (const [k, x] of Object.entries(o)) visit(x, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, parsed, authentic, out);
}

export const authenticTexts: Check = {
  name: 'authentic texts',
  run(records) {
    const out: Diagnostic[] = [];
    for (const r of [...records.meetings, ...records.plans]) if (r.valid) visit(r.data, '', r.parsed, records.config.authentic, out);
    return out;
  },
};

// With acta.yaml `authentic: es`, a text in any other language is a translation: it needs the authentic text beside
// it (or its own `authentic` naming the language it is in, for a line the source gives in English).
import type { Diagnostic } from '../diagnostics.js';
import type { Lang } from '../model.js';
import type { ParsedFile } from '../read/index.js';
import { joinPointer } from '../read/index.js';
import type { Check } from './context.js';
import { diagnosticAt } from './context.js';

const TEXT_KEYS = new Set(['es', 'en', 'authentic']);
function isText(o: Record<string, unknown>, keys: readonly string[]): boolean {
  // At most the three text keys (an object's keys are distinct): an agreement, a meeting, most objects, have more.
  if (keys.length > TEXT_KEYS.size) return false;
  for (const k of keys) if (!TEXT_KEYS.has(k)) return false;
  return keys.length > 0 && (typeof o.es === 'string' || typeof o.en === 'string');
}

// The path is kept as segments, joined only for a text reported (see placeholders.ts).
function visit(v: unknown, path: (string | number)[], parsed: ParsedFile, authentic: Lang | undefined, out: Diagnostic[]): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      visit(v[i], path, parsed, authentic, out);
      path.pop();
    }
    return;
  }
  if (v === null || typeof v !== 'object') return;
  const o = v as Record<string, unknown>;
  // The keys listed once, for the test and the walk (every object of every record passes here).
  const keys = Object.keys(o);
  if (isText(o, keys)) {
    const source = (o.authentic as Lang | undefined) ?? authentic;
    if (source !== undefined && typeof o[source] !== 'string') {
      const shown = typeof o.es === 'string' ? 'es' : 'en';
      out.push(diagnosticAt(parsed, joinPointer([...path, shown]), 'text/no-authentic', { shown, source }, { at: 'key' }));
    }
    return;
  }
  for (const k of keys) {
    path.push(k);
    visit(o[k], path, parsed, authentic, out);
    path.pop();
  }
}

export const authenticTexts: Check = {
  name: 'authentic texts',
  run(records) {
    const out: Diagnostic[] = [];
    for (const r of [...records.meetings, ...records.plans]) {
      if (!r.valid) continue;
      // A record can say its own source's language (`authentic: en`, an English report): that language is authentic there.
      const own = (r.data as { authentic?: Lang }).authentic;
      visit(r.data, [], r.parsed, own ?? records.config.authentic, out);
    }
    return out;
  },
};

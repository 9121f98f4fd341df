// Every word that names an actor names one actor (issue 26 point 11): an id, country code, acronym, name or alias
// of one registry entry may not be, case and accents ignored, an id, acronym, name or alias of another. Otherwise
// `statement iom`, `--by`, `--actor` and import's actor matching would pick one of them — or merge them.
import type { Phrase } from '../diagnostics.js';
import { phrase } from '../diagnostics.js';
import { foldActorWord } from '../actors.js';
import type { Diagnostic } from '../diagnostics.js';
import type { ParsedFile } from '../read/index.js';
import { registryKey } from '../schema.js';
import type { Check } from './context.js';
import { diagnosticAt, relatedAt } from './context.js';

interface Naming {
  readonly actor: string;
  readonly parsed: ParsedFile;
  readonly pointer: string;
  /** Which of the actor's words: a phrase of the catalog (naming.code, naming.acronym {lang}…). */
  readonly what: Phrase;
}

const textFields = ['acronym', 'name'] as const;

export const actorNames: Check = {
  name: 'each name designates one actor',
  global: true,
  run(records) {
    const out: Diagnostic[] = [];
    const seen = new Map<string, Naming>();
    const reported = new Set<string>();
    const claim = (word: unknown, naming: Naming): void => {
      if (typeof word !== 'string' || word.trim() === '') return;
      const folded = foldActorWord(word);
      const first = seen.get(folded);
      if (!first) return void seen.set(folded, naming);
      if (first.actor === naming.actor) return;
      // One error per word and pair of actors (México and Mexico, OIM and oim are one word).
      const pair = `${folded}\0${first.actor}\0${naming.actor}`;
      if (reported.has(pair)) return;
      reported.add(pair);
      out.push(diagnosticAt(naming.parsed, naming.pointer, 'id/ambiguous-name', { what: naming.what, word, actor: naming.actor, other: first.actor, otherWhat: first.what, file: first.parsed.file }, { related: [relatedAt(first.parsed, first.pointer, phrase('namedSoHere', { actor: first.actor }))] }));
    };
    for (const f of records.registryFiles) {
      const list = (f.parsed.data as Record<string, unknown> | undefined)?.[f.kind];
      if (!Array.isArray(list)) continue;
      const key = registryKey(f.kind);
      list.forEach((entry, i) => {
        if (!entry || typeof entry !== 'object') return;
        const e = entry as Record<string, unknown>;
        const actor = e[key];
        if (typeof actor !== 'string') return;
        const at = `/${f.kind}/${i}`;
        const base = { actor, parsed: f.parsed };
        claim(actor, { ...base, pointer: `${at}/${key}`, what: phrase(key === 'code' ? 'naming.code' : 'naming.id') });
        for (const field of textFields) {
          const text = e[field];
          if (!text || typeof text !== 'object') continue;
          for (const lang of ['es', 'en']) claim((text as Record<string, unknown>)[lang], { ...base, pointer: `${at}/${field}/${lang}`, what: phrase(`naming.${field}`, { lang }) });
        }
        if (Array.isArray(e['aliases'])) e['aliases'].forEach((alias, j) => claim(alias, { ...base, pointer: `${at}/aliases/${j}`, what: phrase('naming.alias') }));
      });
    }
    return out;
  },
};

// `acta statement --all`: whose statements to write (each member country that owes something, and with
// `organisations` each organisation that does), in which language (the registry's `lang` for that actor, else the
// fallback), under which file name (the actor id, made safe for every file system and unique in the folder).
import type { ActorId, Lang, Registries } from '../model.js';
import type { Statement } from './statement.js';

/** What it still owes: overdue, due next, waiting for a meeting or without a date (delivered only is owing nothing). */
export function owesSomething(st: Statement): boolean {
  return st.counts.overdue + st.counts['due-next'] + st.counts.waiting + st.counts['no-date'] > 0;
}

export interface BatchActor {
  readonly actor: ActorId;
  readonly kind: 'country' | 'organisation';
  /** The registry's language for it, if it has one. */
  readonly lang?: Lang;
}

/** The candidates, in registry order: countries (members and others), then organisations when asked for. */
export function batchActors(registries: Registries, options: { readonly organisations?: boolean } = {}): BatchActor[] {
  return [
    ...registries.countries.map((c) => ({ actor: c.code, kind: 'country' as const, ...(c.lang ? { lang: c.lang } : {}) })),
    ...(options.organisations ? registries.organisations.map((o) => ({ actor: o.id, kind: 'organisation' as const, ...(o.lang ? { lang: o.lang } : {}) })) : []),
  ];
}

/** The language of an actor's statement: forced (--lang), else its registry language, else the fallback (acta.yaml). */
export function statementLang(a: BatchActor, forced: Lang | undefined, fallback: Lang): Lang {
  return forced ?? a.lang ?? fallback;
}

// Names Windows refuses whatever the extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** A file name for an actor's statement: lower case (no two names that differ only in case), only [a-z0-9.-] kept
 * (any other character as _hex_), no leading dot, no Windows device name, unique among `taken` (then -2, -3, …). */
export function statementFileName(actor: ActorId, extension: string, taken: Set<string>): string {
  let base = Array.from(actor.toLowerCase(), (c) => (/^[a-z0-9.-]$/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`)).join('').replace(/^\./, '_2e_');
  if (base === '' || RESERVED.test(base)) base = `_${base}`;
  let name = `${base}.${extension}`;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}.${extension}`;
  taken.add(name);
  return name;
}

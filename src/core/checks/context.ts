// What every cross-record check is given: the records, their indexes, and a way to report at a pointer.
import type { Code, Diagnostic, DiagnosticParams, Phrase, Related } from '../diagnostics.js';
import { defaultSeverity } from '../diagnostics.js';
import type { ParsedFile } from '../read/index.js';
import { locate } from '../read/index.js';
import type { KnownRecord, RecordSet } from '../records.js';
import { walkActivities, walkAgreements } from '../walk.js';

export interface Indexes {
  readonly countries: ReadonlySet<string>;
  /** Every actor id: countries, organisations, bodies, groups. */
  readonly actors: ReadonlySet<string>;
  readonly bodies: ReadonlySet<string>;
  readonly meetings: ReadonlyMap<string, { readonly start: string }>;
  readonly agreements: ReadonlySet<string>;
  /** Each meeting's agreement refs (the candidates when a ref to one of its points is unknown). */
  readonly agreementsOf: ReadonlyMap<string, readonly string[]>;
  readonly activities: ReadonlySet<string>;
  /** Each plan's activity refs. */
  readonly activitiesOf: ReadonlyMap<string, readonly string[]>;
  readonly plans: ReadonlySet<string>;
  /** Which registries were loaded; references of a missing kind are not checked. */
  readonly hasRegistry: { readonly countries: boolean; readonly actors: boolean; readonly bodies: boolean };
  /** Set by freshIndex: checks that have a fresh() defer what the whole set decides. */
  readonly fresh?: true;
}

export interface Check {
  readonly name: string;
  /** True for checks across all records at once (unique ids), which already include invalid records. */
  readonly global?: boolean;
  run(records: RecordSet, index: Indexes): Diagnostic[];
  /** validate's facts path (core/facts.ts): the check of one record while its data is at hand, with an index that holds
   * only the registries' part (freshIndex); what the whole set decides (a reference to another meeting, its start
   * date, a "did you mean") comes back as a Later, in its place, resolved once every file is read. Checks without
   * it read only their record and the registries, acta.yaml, --as-of: run() is their fresh run. */
  fresh?(records: RecordSet, index: Indexes): Found[];
}

/** A diagnostic the whole set decides, kept as the few strings it needs (never the record's data) and as plain data, so
 * that it crosses a thread (io/check-pool.ts: a check worker sends it back) — no closure. `resolveLater`
 * (checks/later.ts) is given the record's file (its data dropped, its positions rebuilt from its bytes if asked) and the
 * whole set's indexes, and pushes what the whole-set run would have pushed in its place. */
export type Later =
  /** An unknown registry name (references.ts): its "did you mean" depends on every miss of the run. */
  | { readonly later: 'miss'; readonly pointer: string; readonly code: Code; readonly value: string }
  /** A reference into other records (references.ts): a meeting, an agreement, a record. */
  | { readonly later: 'whole'; readonly how: 'meeting' | 'agreement' | 'record'; readonly value: string; readonly pointer: string }
  /** The start date of the meeting that decided a change (dates.ts). */
  | { readonly later: 'decided'; readonly decider: string; readonly pointer: string; readonly start: string; readonly meetingId: string };
export type Found = Diagnostic | Later;

export function isLater(f: Found): f is Later {
  return 'later' in f;
}

/** The indexes while files are still being read (core/facts.ts): the registries' part whole (the registries and
 * acta.yaml are read first), the parts that need every record throw if consulted, so a check that would read them
 * while fresh fails loudly in the tests instead of answering from half a set. */
// The parts of the indexes built from every record.
const WHOLE_SET_PARTS = ['meetings', 'agreements', 'agreementsOf', 'activities', 'activitiesOf', 'plans'] as const satisfies readonly (keyof Indexes)[];

export function freshIndex(registriesOnly: Indexes): Indexes {
  const index = { countries: registriesOnly.countries, actors: registriesOnly.actors, bodies: registriesOnly.bodies, hasRegistry: registriesOnly.hasRegistry, fresh: true };
  for (const part of WHOLE_SET_PARTS) {
    Object.defineProperty(index, part, {
      enumerable: true,
      get: (): never => {
        throw new Error(`facts: the ${part} index was consulted before every record was read`);
      },
    });
  }
  return index as unknown as Indexes;
}

/** A diagnostic at a pointer: the code, its parameters, and which of the code's messages (variant) if not its own. */
export function diagnosticAt(parsed: ParsedFile, pointer: string, code: Code, params: DiagnosticParams, options: { at?: 'value' | 'key'; related?: Related[]; variant?: string } = {}): Diagnostic {
  const loc = locate(parsed, pointer, options.at ?? 'value');
  return { ...loc, code, severity: defaultSeverity(code), ...(options.variant ? { variant: options.variant } : {}), params, pointer, ...(options.related ? { related: options.related } : {}) };
}

export function relatedAt(parsed: ParsedFile, pointer: string, note: Phrase, at: 'value' | 'key' = 'value'): Related {
  return { ...locate(parsed, pointer, at), note };
}

/** Records read and records known by id (KnownRecord), merged in file order, as a run that read every file sees them. */
export function inFileOrder<T extends { readonly parsed: ParsedFile }>(read: readonly T[], known: readonly KnownRecord[] | undefined, kind: KnownRecord['kind']): (T | KnownRecord)[] {
  const others = (known ?? []).filter((k) => k.kind === kind);
  if (others.length === 0) return [...read];
  const fileOf = (r: T | KnownRecord): string => ('parsed' in r ? r.parsed.file : r.file);
  return [...read, ...others].sort((a, b) => (fileOf(a) < fileOf(b) ? -1 : fileOf(a) > fileOf(b) ? 1 : 0));
}

// A ref (RECORD#PART) into the set of all and the list of its record's (first occurrence only, as the set keeps).
function addRef(all: Set<string>, byRecord: Map<string, string[]>, ref: string): void {
  if (all.has(ref)) return;
  all.add(ref);
  const record = ref.slice(0, ref.indexOf('#'));
  const list = byRecord.get(record);
  if (list) list.push(ref);
  else byRecord.set(record, [ref]);
}

// One record's refs (its walk's, all `ID#…`; or a known record's points, from its summary): as addRef each, with the
// record's list looked up once (not a slice of each ref and a look-up of it: at 8,000 meetings addRef was most of
// buildIndexes, 4 % of validate's main thread; a known record's ~30,000 points at 2,000 meetings, at every
// --changed-since run), and one hashing of each ref (the set's size says whether it was new). A ref not of the form
// `ID#…` (an id with a '#', a summary of another shape) goes through addRef, whose record is the part before its first '#'.
function addRefsOf<T>(all: Set<string>, byRecord: Map<string, string[]>, id: string | undefined, items: readonly T[], refOf: (item: T) => string): void {
  if (id === undefined || id.includes('#')) {
    for (const item of items) addRef(all, byRecord, refOf(item));
    return;
  }
  const prefix = `${id}#`;
  let list = byRecord.get(id);
  for (const item of items) {
    const ref = refOf(item);
    if (!ref.startsWith(prefix)) {
      addRef(all, byRecord, ref);
      continue;
    }
    const size = all.size;
    if (all.add(ref).size === size) continue;
    if (list) list.push(ref);
    else byRecord.set(id, (list = [ref]));
  }
}

const walkedRef = (w: { readonly ref: string }): string => w.ref;
const itself = (ref: string): string => ref;

export function buildIndexes(records: RecordSet): Indexes {
  const lazy = lazyKnownParts(records);
  if (!lazy) return indexesOf(records, undefined);
  const index = indexesOf(records, lazy);
  // (A ref of another record filed under a lazy id — an id holding a '#' splits so — merges in file order: built whole.)
  for (const id of (index.agreementsOf as RefsOfKnown).eagerIds()) if (lazy.has(id)) return indexesOf(records, undefined);
  return index;
}

// Known records' points (--changed-since: ~30,000 at 2,000 meetings, of which the selected files' checks look up a few
// dozen; adding each to the indexes was ~20 ms of every such run): a known meeting whose id no other meeting has and
// holds no '#', and whose points all read `ID#…`, is kept as its list, looked up by the id a ref names. Anything else
// is added as before. The answers are the same: such a meeting's refs are exactly its points, under its id alone.
function lazyKnownParts(records: RecordSet): Map<string, readonly string[]> | undefined {
  const known = records.known;
  if (!known || known.length === 0) return undefined;
  const ids = new Map<string, readonly string[] | null>();
  for (const m of records.meetings) if (typeof m.data.id === 'string') ids.set(m.data.id, null);
  for (let i = 0; i < known.length; i++) {
    const k = known[i]!;
    if (k.kind !== 'meeting' || k.id === undefined) continue;
    if (ids.has(k.id)) {
      ids.set(k.id, null);
      continue;
    }
    const prefix = `${k.id}#`;
    ids.set(k.id, !k.id.includes('#') && (k.parts ?? []).every((p) => p.startsWith(prefix)) ? (k.parts ?? []) : null);
  }
  const lazy = new Map<string, readonly string[]>();
  // (Index loops and forEach: for…of over ~2,000 known meetings, in code run once a process, made result objects a step.)
  ids.forEach((parts, id) => void (parts && lazy.set(id, parts)));
  return lazy.size > 0 ? lazy : undefined;
}

// The agreements' set and each meeting's list, the lazy meetings' looked up on demand; whatever else is asked of them
// (their size, their order) from the indexes built whole.
class RefsOfKnown implements ReadonlyMap<string, readonly string[]> {
  private readonly lists = new Map<string, readonly string[]>();
  constructor(
    private readonly eager: Map<string, string[]>,
    private readonly lazy: ReadonlyMap<string, readonly string[]>,
    private readonly whole: () => Indexes,
  ) {}
  eagerIds(): Iterable<string> {
    return this.eager.keys();
  }
  get(id: string): readonly string[] | undefined {
    const own = this.eager.get(id);
    if (own) return own;
    const parts = this.lazy.get(id);
    if (!parts || parts.length === 0) return undefined;
    let list = this.lists.get(id);
    if (!list) this.lists.set(id, (list = [...new Set(parts)]));
    return list;
  }
  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
  private full(): ReadonlyMap<string, readonly string[]> {
    return this.whole().agreementsOf;
  }
  get size(): number {
    return this.full().size;
  }
  forEach(fn: (value: readonly string[], key: string, map: ReadonlyMap<string, readonly string[]>) => void): void {
    this.full().forEach((v, k) => fn(v, k, this));
  }
  entries(): MapIterator<[string, readonly string[]]> {
    return this.full().entries();
  }
  keys(): MapIterator<string> {
    return this.full().keys();
  }
  values(): MapIterator<readonly string[]> {
    return this.full().values();
  }
  [Symbol.iterator](): MapIterator<[string, readonly string[]]> {
    return this.full()[Symbol.iterator]();
  }
}

// The two parts of the indexes with the lazy meetings in them; the indexes built whole once, if ever asked for.
function withKnown(records: RecordSet, agreements: Set<string>, agreementsOf: Map<string, string[]>, lazy: ReadonlyMap<string, readonly string[]>): Pick<Indexes, 'agreements' | 'agreementsOf'> {
  let built: Indexes | undefined;
  const whole = (): Indexes => (built ??= indexesOf(records, undefined));
  return { agreements: new AgreementsWithKnown(agreements, lazy, () => whole().agreements), agreementsOf: new RefsOfKnown(agreementsOf, lazy, whole) };
}

class AgreementsWithKnown implements ReadonlySet<string> {
  constructor(
    private readonly eager: Set<string>,
    private readonly lazy: ReadonlyMap<string, readonly string[]>,
    private readonly full: () => ReadonlySet<string>,
  ) {}
  has(ref: string): boolean {
    if (this.eager.has(ref)) return true;
    const hash = ref.indexOf('#');
    return hash >= 0 && (this.lazy.get(ref.slice(0, hash))?.includes(ref) ?? false);
  }
  get size(): number {
    return this.full().size;
  }
  forEach(fn: (value: string, key: string, set: ReadonlySet<string>) => void): void {
    this.full().forEach((v) => fn(v, v, this));
  }
  entries(): SetIterator<[string, string]> {
    return this.full().entries();
  }
  keys(): SetIterator<string> {
    return this.full().keys();
  }
  values(): SetIterator<string> {
    return this.full().values();
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.full()[Symbol.iterator]();
  }
}

function indexesOf(records: RecordSet, lazy: ReadonlyMap<string, readonly string[]> | undefined): Indexes {
  const r = records.registries;
  const countries = new Set(r.countries.map((c) => c.code));
  const actors = new Set<string>([...countries, ...r.organisations.map((o) => o.id), ...r.bodies.map((b) => b.id), ...r.groups.map((g) => g.id)]);
  const meetings = new Map<string, { start: string }>();
  const agreements = new Set<string>();
  const agreementsOf = new Map<string, string[]>();
  for (const m of inFileOrder(records.meetings, records.known, 'meeting')) {
    if (!('data' in m)) {
      if (m.id !== undefined) meetings.set(m.id, { start: '' });
      if (m.parts && !(m.id !== undefined && lazy?.has(m.id))) addRefsOf(agreements, agreementsOf, m.id, m.parts, itself);
      continue;
    }
    if (typeof m.data.id !== 'string') continue;
    meetings.set(m.data.id, { start: typeof m.data.dates?.start === 'string' ? m.data.dates.start : '' });
    if (m.valid) addRefsOf(agreements, agreementsOf, m.data.id, walkAgreements(m.data), walkedRef);
  }
  const plans = new Set<string>();
  const activities = new Set<string>();
  const activitiesOf = new Map<string, string[]>();
  for (const p of inFileOrder(records.plans, records.known, 'plan')) {
    if (!('data' in p)) {
      if (p.id !== undefined) plans.add(p.id);
      continue;
    }
    if (typeof p.data.id !== 'string') continue;
    plans.add(p.data.id);
    if (p.valid) addRefsOf(activities, activitiesOf, p.data.id, walkActivities(p.data), walkedRef);
  }
  const kinds = new Set(records.registryFiles.map((f) => f.kind));
  return {
    countries,
    actors,
    bodies: new Set(r.bodies.map((b) => b.id)),
    meetings,
    ...(lazy ? withKnown(records, agreements, agreementsOf, lazy) : { agreements, agreementsOf }),
    activities,
    activitiesOf,
    plans,
    hasRegistry: { countries: kinds.has('countries'), actors: kinds.size === 4, bodies: kinds.has('bodies') },
  };
}

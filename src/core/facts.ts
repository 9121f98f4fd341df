// validate keeps facts, not records (issue 24): each meeting and plan is checked while its data is fresh — its schema
// and every per-record check (pipeline.ts PER_RECORD, and --as-of's follow-up check) — and then only the small facts
// the whole-set checks read are kept: its id, start date, points and activities (the indexes), supersessions, notes,
// and its bytes (off the heap, to place a diagnostic found at the end). What a per-record check cannot decide alone (a
// reference to another meeting, a plan, a point; the start date of the meeting that decided a change; which unknown
// names get a "did you mean") is kept as a Later in its place and resolved when every file is read. The result is the
// whole-record pipeline's, byte for byte (checkRecords in pipeline.ts): the same diagnostics pushed in the same order,
// then sorted and limited the same way; test/validate/facts.test.ts holds the two to each other.
//
// The per-record checks need the registries and acta.yaml (actors, bodies, countries, the authentic language), so those
// are read first (`context`); a file that turns out to be one only after records were checked (`record` answers false)
// sends the caller back to the whole-record path (io/load.ts), which gives the same answer, only slower.
import type { Check, Found, Indexes } from './checks/context.js';
import { buildIndexes, freshIndex, isLater } from './checks/context.js';
import { followupAfterAsOf } from './checks/followup.js';
import { CHECKS } from './checks/index.js';
import { resolveLater } from './checks/later.js';
import type { Diagnostic } from './diagnostics.js';
import { compareDiagnostics, limitPerFile } from './diagnostics.js';
import type { Agreement, Config, Meeting, Note, Plan } from './model.js';
import type { CheckOptions, Checked, RecordResults } from './pipeline.js';
import { checkInvalidRecords, explainWarnings, PER_RECORD, projectProblems } from './pipeline.js';
import type { ParsedFile } from './read/index.js';
import { dataAsJson, readRecordFile, withoutData, withTreeOnDemand } from './read/index.js';
import { forgetWalk } from './walk.js';
import type { LeftOut, Loaded, RecordSet, RegistryFile } from './records.js';
import { addRegistry, CONFIG_FILE, emptyRegistries, placeFile } from './records.js';
import type { SchemaValidator } from './schema.js';

export type FactsOptions = Pick<CheckOptions, 'rootFile' | 'asOf' | 'known'>;

export interface FactsRun {
  /** A file read before the records: acta.yaml, a registry, or what a file named like one turns out to be (a meeting or
   * plan among them waits, whole, until the context is read). `ordinal` is the file's place in the run's file order. */
  context(parsed: ParsedFile, ordinal: number): void;
  /** A file read once the context is whole: checked now, its data dropped. False when it is acta.yaml or a registry
   * after all: the records checked so far did not see it, and the caller must start over on the whole-record path.
   * `own` false: a file read only for what the checks of others consult (validate --changed-since's context) — its
   * schema and facts, not its own per-record checks, whose diagnostics are about it alone and are not reported. */
  record(parsed: ParsedFile, ordinal: number, own?: boolean): boolean;
  /** A check worker's side (io/check-pool.ts): what `record` would keep of a file, as plain data that crosses a thread,
   * without keeping it here — or undefined for a file `record` must see itself (anything but a meeting or plan that
   * took the fast parse path and passed its schema: those are few, and kept whole or sent to the whole-record path). */
  alone(parsed: ParsedFile): Alone | undefined;
  /** What a worker's `alone` gave for a file, kept as `record` keeps it; `bytes` are the file's, to place a
   * diagnostic found at the end (the same positions as the dropped file's: the same bytes, the same fast path). */
  checked(file: string, bytes: Uint8Array, alone: Alone, ordinal: number): void;
  /** A read command's check worker (io/load.ts loadRepository): what `alone` answers for, with the record's whole data
   * as JSON text instead of its facts (the read commands keep every record's data), and each per-record check's
   * results only when `checks` (a command that prints no diagnostics needs none: the schema alone says which records
   * are valid). Undefined as for `alone`, and for data that JSON would not give back the same (core/read/data-json.ts). */
  read(parsed: ParsedFile, checks: boolean): ReadAlone | undefined;
  /** `read` on the thread that keeps the records (io/load.ts, a file it parses itself while every worker has enough in
   * hand): the same schema and per-record checks, now, while the workers are busy too, instead of in checkRecords
   * once the load is over; no JSON (the data stays here, whole). Undefined as for `read` but for the JSON. */
  readHere(parsed: ParsedFile, checks: boolean): Omit<ReadAlone, 'json'> | undefined;
  /** The whole-set checks over the facts, and every diagnostic of the run, as checkRecords gives them. */
  finish(): Checked;
}

/** One meeting or plan checked fresh by a worker: its diagnostics so far (parse, place, schema), its facts, and each
 * per-record check's results (Laters as data). Plain values only: structured clone carries it. */
export interface Alone {
  readonly kind: 'meeting' | 'plan';
  readonly diagnostics: readonly Diagnostic[];
  readonly facts: Meeting | Plan;
  readonly results: Results;
}

/** A read command's record checked by a worker: a valid meeting or plan of the fast path, its data as JSON text, and
 * (when asked) its per-record checks' results. Its diagnostics are none: placeFile reports nothing of such a file but
 * its parse and schema problems, and it has neither. */
export interface ReadAlone {
  readonly kind: 'meeting' | 'plan';
  readonly json: string;
  readonly results?: Results;
}

/** Per-record checks' results of one record, checked fresh: one list per check of PER_RECORD, then --as-of's. */
type Results = readonly (readonly Found[])[];

interface Slot {
  readonly ordinal: number;
  readonly diagnostics: Diagnostic[];
  /** The file as the record set lists it: without its data once checked (withoutData), else whole. */
  file: ParsedFile;
  meeting?: Loaded<Meeting>;
  plan?: Loaded<Plan>;
  registry?: RegistryFile;
  config?: { readonly parsed: ParsedFile; readonly valid: boolean };
  results?: Results;
}

/** Counts of this process (for tests: work counted, not timed): records checked fresh, records kept whole, and of the
 * fresh ones those checked by a worker (`checked`). */
export const factCounts = { fresh: 0, whole: 0, byWorker: 0, factsOnly: 0 };

// The results of a record whose own per-record checks are not run (record's `own`): none, for every check.
const NO_RESULTS: Results = [...PER_RECORD.map(() => []), []];

export function startFacts(validator: SchemaValidator, options: FactsOptions = {}): FactsRun {
  const slots: Slot[] = [];
  const waiting: Slot[] = [];
  const leftOut: LeftOut[] = [];
  const registries = emptyRegistries();
  const registryFiles: RegistryFile[] = [];
  let config: Config = {};
  let configFile: ParsedFile | undefined;
  let fresh: { readonly set: RecordSet; readonly index: Indexes } | undefined;
  const none = { meetings: [], plans: [], registryFiles: [], files: [], leftOut: [] };
  const contextSet = (): RecordSet => ({ ...none, registries, config, configFile, ...(options.known?.length ? { known: options.known } : {}) });

  const place = (parsed: ParsedFile, ordinal: number): { slot: Slot; late: boolean } => {
    const slot: Slot = { ordinal, diagnostics: [], file: parsed };
    slots.push(slot);
    const placed = placeFile(parsed, validator, slot.diagnostics, leftOut);
    switch (placed.kind) {
      case undefined:
        slot.file = withoutData(parsed) ?? parsed;
        return { slot, late: false };
      case 'config':
        slot.config = placed;
        configFile = placed.parsed;
        if (placed.valid) config = placed.parsed.data as Config;
        return { slot, late: true };
      case 'meeting':
        slot.meeting = placed.loaded;
        return { slot, late: false };
      case 'plan':
        slot.plan = placed.loaded;
        return { slot, late: false };
      default:
        slot.registry = placed.file;
        registryFiles.push(placed.file);
        addRegistry(registries, placed.file);
        return { slot, late: true };
    }
  };

  // The checks of one meeting or plan, now; then its data is dropped (a valid one's: an invalid one is checked at the
  // end, alone, as checkRecords does, and kept whole — it has diagnostics anyway).
  const check = (slot: Slot, own = true): void => {
    const loaded = slot.meeting ?? slot.plan;
    if (!loaded) return;
    if (!loaded.valid) {
      factCounts.whole++;
      return;
    }
    if (own) slot.results = resultsOf(slot);
    else {
      slot.results = NO_RESULTS;
      factCounts.factsOnly++;
    }
    forgetWalk(loaded.data);
    const light = withoutData(loaded.parsed);
    if (!light) {
      factCounts.whole++;
      return;
    }
    factCounts.fresh++;
    slot.file = light;
    if (slot.meeting) slot.meeting = { data: meetingFacts(slot.meeting.data), parsed: light, valid: true };
    else slot.plan = { data: planFacts(slot.plan!.data), parsed: light, valid: true };
  };

  // Every per-record check of one valid meeting or plan, with the registries' index; then --as-of's.
  const resultsOf = (slot: Slot): Found[][] => {
    const { set, index } = (fresh ??= begin());
    const one: RecordSet = slot.meeting ? { ...set, meetings: [slot.meeting] } : { ...set, plans: [slot.plan!] };
    const results: Found[][] = PER_RECORD.map((c: Check) => (c.fresh ? c.fresh(one, index) : c.run(one, index)));
    results.push(options.asOf !== undefined ? followupAfterAsOf(one, options.asOf) : []);
    return results;
  };

  // A file a worker may answer for: a valid meeting or plan, nothing left out. Only a file of the fast path: its
  // positions, made again from its bytes on the main thread, are the same (withoutData answers for it); any other is
  // kept whole, on the thread that keeps the run.
  const sendable = (parsed: ParsedFile): Slot | undefined => {
    const diagnostics: Diagnostic[] = [];
    const dropped: LeftOut[] = [];
    const placed = placeFile(parsed, validator, diagnostics, dropped);
    if ((placed.kind !== 'meeting' && placed.kind !== 'plan') || !placed.loaded.valid || dropped.length > 0) return undefined;
    if (!withoutData(parsed)) return undefined;
    return { ordinal: -1, diagnostics, file: parsed, ...(placed.kind === 'meeting' ? { meeting: placed.loaded } : { plan: placed.loaded }) };
  };

  const begin = (): { set: RecordSet; index: Indexes } => {
    // The records alone, as recordByRecord checks each (no registry file: their references are checked once, at the
    // end); the index of the registries, which registry files there are included.
    // freshIndex keeps only the registries' part: the known records (--changed-since's summaries of every unchanged
    // file) are left out of the build it takes them from — at 2,000 meetings their indexes were built twice, ~5 % of a
    // CI run; finish() builds them once, with every record.
    const set = contextSet();
    return { set, index: freshIndex(buildIndexes({ ...set, known: undefined, registryFiles })) };
  };

  return {
    context(parsed, ordinal) {
      const { slot } = place(parsed, ordinal);
      if (slot.meeting || slot.plan) waiting.push(slot);
    },
    record(parsed, ordinal, own = true) {
      if (!fresh) {
        fresh = begin();
        for (const slot of waiting.splice(0)) check(slot);
      }
      const { slot, late } = place(parsed, ordinal);
      if (late) return false;
      check(slot, own);
      return true;
    },
    alone(parsed) {
      const slot = sendable(parsed);
      if (!slot) return undefined;
      const results = resultsOf(slot);
      const loaded = (slot.meeting ?? slot.plan)!;
      forgetWalk(loaded.data);
      const facts = slot.meeting ? meetingFacts(slot.meeting.data) : planFacts(slot.plan!.data);
      return { kind: slot.meeting ? 'meeting' : 'plan', diagnostics: slot.diagnostics, facts, results };
    },
    read(parsed, checks) {
      const slot = sendable(parsed);
      if (!slot || slot.diagnostics.length > 0) return undefined;
      const loaded = (slot.meeting ?? slot.plan)!;
      const json = dataAsJson(loaded.data);
      if (json === undefined) return undefined;
      const results = checks ? resultsOf(slot) : undefined;
      forgetWalk(loaded.data);
      return { kind: slot.meeting ? 'meeting' : 'plan', json, ...(results ? { results } : {}) };
    },
    readHere(parsed, checks) {
      const slot = sendable(parsed);
      if (!slot || slot.diagnostics.length > 0) return undefined;
      const kind = slot.meeting ? 'meeting' : 'plan';
      return checks ? { kind, results: resultsOf(slot) } : { kind };
    },
    checked(file, bytes, alone, ordinal) {
      if (!fresh) {
        fresh = begin();
        for (const slot of waiting.splice(0)) check(slot);
      }
      const light = withTreeOnDemand(file, bytes, undefined, undefined, [], true);
      const loaded = { parsed: light, valid: true };
      slots.push({ ordinal, diagnostics: [...alone.diagnostics], file: light, results: alone.results, ...(alone.kind === 'meeting' ? { meeting: { ...loaded, data: alone.facts as Meeting } } : { plan: { ...loaded, data: alone.facts as Plan } }) });
      factCounts.fresh++;
      factCounts.byWorker++;
    },
    finish() {
      if (!fresh) for (const slot of waiting.splice(0)) check(slot);
      slots.sort((a, b) => a.ordinal - b.ordinal);
      const diagnostics: Diagnostic[] = [];
      for (const slot of slots) for (const d of slot.diagnostics) diagnostics.push(d);
      const meetings = slots.filter((s) => s.meeting);
      const plans = slots.filter((s) => s.plan);
      leftOut.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      const records: RecordSet = {
        meetings: meetings.map((s) => s.meeting!),
        plans: plans.map((s) => s.plan!),
        registryFiles: slots.filter((s) => s.registry).map((s) => s.registry!),
        registries,
        config,
        configFile,
        files: slots.map((s) => s.file),
        leftOut,
        ...(options.known?.length ? { known: options.known } : {}),
      };
      const index = buildIndexes(records);
      // As checkRecords: each check in turn; a per-record one's results record by record (meetings, then plans, in file
      // order), then its run over the registry files, as recordByRecord gathers them.
      // A record that failed its schema, kept whole, is given to each check in its place too, as the whole-set run
      // gives it; every check skips it there (checkInvalidRecords checks it alone, once).
      const inOrder = [...meetings, ...plans];
      const gather = (i: number, check: Check | undefined): void => {
        for (const s of inOrder) {
          const loaded = (s.meeting ?? s.plan)!;
          if (s.results) {
            for (const f of s.results[i]!) if (isLater(f)) resolveLater(f, loaded.parsed, index, diagnostics);
            else diagnostics.push(f);
            continue;
          }
          const alone: RecordSet = { ...records, meetings: s.meeting ? [s.meeting] : [], plans: s.plan ? [s.plan] : [], registryFiles: [] };
          for (const d of check ? check.run(alone, index) : followupAfterAsOf(alone, options.asOf!)) diagnostics.push(d);
        }
      };
      const registriesOnly: RecordSet = { ...records, meetings: [], plans: [] };
      for (const c of CHECKS) {
        const i = PER_RECORD.indexOf(c);
        if (i < 0) {
          for (const d of c.run(records, index)) diagnostics.push(d);
          continue;
        }
        gather(i, c);
        for (const d of c.run(registriesOnly, index)) diagnostics.push(d);
      }
      for (const d of checkInvalidRecords(records, index)) diagnostics.push(d);
      if (options.asOf !== undefined) gather(PER_RECORD.length, undefined);
      for (const d of projectProblems(records, options.rootFile ?? records.configFile?.file ?? 'acta.yaml')) diagnostics.push(d);
      return { records, diagnostics: limitPerFile(explainWarnings(records, diagnostics).sort(compareDiagnostics)) };
    },
  };
}

/** acta.yaml at the root, and the files named like a registry (registries/…, countries.yaml, …): read first. */
export function looksLikeContext(name: string): boolean {
  return name === CONFIG_FILE || /(?:^|\/)registries\//.test(name) || /(?:^|\/)(?:countries|organisations|bodies|groups)\.ya?ml$/.test(name);
}

/** The facts path over files already read, in their order (io/load.ts streams them instead): what checkRecords gives,
 * or undefined when acta.yaml or a registry is not named like one (looksLikeContext). With `through`, each record goes
 * as a check worker's does (io/check-pool.ts): a second run given the same context checks it `alone`, its answer passes
 * through `through` (a test gives structuredClone: what crosses a thread) and this run keeps it (`checked`). */
export function checkByFacts(files: readonly ParsedFile[], validator: SchemaValidator, options: FactsOptions = {}, through?: (alone: Alone) => Alone): Checked | undefined {
  const run = startFacts(validator, options);
  const worker = through ? startFacts(validator, options) : undefined;
  files.forEach((f, i) => looksLikeContext(f.file) && run.context(f, i));
  if (worker) files.forEach((f, i) => looksLikeContext(f.file) && worker.context(readRecordFile(f.file, utf8(f.text)), i));
  for (const [i, f] of files.entries()) {
    if (looksLikeContext(f.file)) continue;
    // A file of the fast path is its bytes decoded: encoding its text gives those bytes back.
    const alone = worker && f.positions?.() !== undefined ? worker.alone(readRecordFile(f.file, utf8(f.text))) : undefined;
    if (alone) run.checked(f.file, utf8(f.text), through!(alone), i);
    else if (!run.record(f, i)) return undefined;
  }
  return run.finish();
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Check workers' answers (`alone`) given to the whole-record pipeline (checkRecords), for the read commands, which
 * keep every record's data and so parse each file on the main thread too: a file a worker answered for is a valid
 * meeting or plan of the fast path (its schema found nothing: the validator says so without running), and its
 * per-record results are the worker's, each Later resolved on the whole set's index as the facts path resolves it —
 * in the order recordByRecord asks for them, the order of the whole-set checks. Files with no answer are checked here. */
export function fromAnswers(answers: ReadonlyMap<string, Pick<Alone, 'kind'> & { readonly results?: Alone['results'] }>, files: ReadonlyMap<string, ParsedFile>, validator: SchemaValidator): { validator: SchemaValidator; workerResults: (index: Indexes) => RecordResults } {
  return {
    validator: { validate: (kind, parsed) => (answers.get(parsed.file)?.kind === kind && files.get(parsed.file) === parsed ? [] : validator.validate(kind, parsed)) },
    workerResults: (index) => ({
      get(file) {
        const answer = answers.get(file);
        const parsed = files.get(file);
        if (!answer?.results || !parsed) return undefined;
        return answer.results.map((list) => {
          const out: Diagnostic[] = [];
          for (const f of list) if (isLater(f)) resolveLater(f, parsed, index, out);
          else out.push(f);
          return out;
        });
      },
      put() {},
    }),
  };
}

// What the whole-set checks read of a valid meeting (pipeline.ts, checks/context.ts buildIndexes, checks/ids.ts,
// checks/cycles.ts): its id, start date, the numbers of its points (their refs), supersessions (a point's and its
// follow-up's), the notes that explain a warning. Nothing else of the record is kept.
function meetingFacts(m: Meeting): Meeting {
  const kept: Record<string, unknown> = { id: m.id, dates: { start: m.dates.start }, agreements: agreementFacts(m.agreements) };
  const notes = notesFacts(m.notes);
  if (notes) kept['notes'] = notes;
  return kept as unknown as Meeting;
}

function agreementFacts(list: readonly Agreement[] | undefined): Agreement[] | undefined {
  if (!list) return undefined;
  const out: Agreement[] = [];
  for (const a of list) {
    const kept: Record<string, unknown> = { number: a.number };
    if (a.items) kept['items'] = agreementFacts(a.items);
    if (a.supersedes !== undefined) kept['supersedes'] = a.supersedes;
    if (a.followup?.some((f) => f.superseded_by !== undefined)) kept['followup'] = a.followup.map((f) => (f.superseded_by !== undefined ? { superseded_by: f.superseded_by } : {}));
    out.push(kept as unknown as Agreement);
  }
  return out;
}

// A valid plan's: its id, the numbers of its axes, objectives, results and activities (the activities' refs), notes.
function planFacts(p: Plan): Plan {
  const axes = p.axes.map((axis) => ({
    number: axis.number,
    objectives: axis.objectives.map((o) => ({
      number: o.number,
      results: o.results.map((r) => ({ number: r.number, activities: r.activities.map((a) => ({ number: a.number })) })),
    })),
  }));
  const kept: Record<string, unknown> = { id: p.id, axes };
  const notes = notesFacts(p.notes);
  if (notes) kept['notes'] = notes;
  return kept as unknown as Plan;
}

// The notes explainWarnings reads: those that explain a code (in order: the first that covers a warning explains it).
// The fast path's strings are the data's own (parse-fast.ts ownCopy), so a kept note or id keeps no file's text.
function notesFacts(notes: readonly Note[] | undefined): Note[] | undefined {
  if (!notes?.some((n) => n.explains)) return undefined;
  return notes.filter((n) => n.explains);
}

// Parsed files → the record set: each record typed, with the parsed file it came from, so any check can point into it.
import type { Code, Diagnostic, DiagnosticParams } from './diagnostics.js';
import { defaultSeverity, names, quoted } from './diagnostics.js';
import type { Body, Config, Country, Group, Meeting, Organisation, Plan, Registries } from './model.js';
import type { ParsedFile } from './read/index.js';
import { locate } from './read/index.js';
import type { RecordKind, RegistryKind, SchemaValidator } from './schema.js';
import { RECORD_KINDS } from './schema.js';
import { closestMatches } from './text-distance.js';
import { CONFIG_FILE } from './config-file.js';

export interface Loaded<T> {
  readonly data: T;
  readonly parsed: ParsedFile;
  /** False when the record failed its schema: cross-record checks skip its insides but count its id. */
  readonly valid: boolean;
}

export interface RegistryFile {
  readonly kind: RegistryKind;
  readonly parsed: ParsedFile;
  readonly valid: boolean;
}

/** A file no command uses, and why: the first error that keeps it out (parse, kind or schema). */
export interface LeftOut {
  readonly file: string;
  readonly code: Code;
}

/** A meeting or plan known only by its file and id: `validate --changed-since` reads just the files a change
 * touches, and counts the others by id (unique ids, references and their suggestions see the whole set). */
export interface KnownRecord {
  readonly file: string;
  readonly kind: 'meeting' | 'plan';
  readonly id?: string;
  /** A meeting's points (MEETING#2.b): references to them resolve (taken as they are, valid or not). */
  readonly parts?: readonly string[];
}

export interface RecordSet {
  readonly meetings: readonly Loaded<Meeting>[];
  readonly plans: readonly Loaded<Plan>[];
  readonly registryFiles: readonly RegistryFile[];
  readonly registries: Registries;
  readonly config: Config;
  readonly configFile: ParsedFile | undefined;
  readonly files: readonly ParsedFile[];
  /** Files whose contents no command uses (the one place that decides): any parse-level error leaves out the
   * whole file, as do an unknown kind, a nested acta.yaml and a schema error. Sorted by file. */
  readonly leftOut: readonly LeftOut[];
  /** Records not read, known by id (see KnownRecord); none when every file was read. */
  readonly known?: readonly KnownRecord[];
}

export { CONFIG_FILE };

/** Only the records root's own acta.yaml is configuration; one in a subfolder is a config/nested problem. */
export function kindOf(parsed: ParsedFile): RecordKind | undefined {
  if (parsed.file === CONFIG_FILE) return 'config';
  if (isNestedConfig(parsed.file)) return undefined;
  const data = parsed.data as { record?: unknown } | null;
  const record = data && typeof data === 'object' ? data.record : undefined;
  return typeof record === 'string' && (RECORD_KINDS as readonly string[]).includes(record) ? (record as RecordKind) : undefined;
}

/** Where one parsed file goes in the record set, and the diagnostics of its parse, kind and schema. */
export type Placed =
  | { readonly kind: undefined }
  | { readonly kind: 'config'; readonly parsed: ParsedFile; readonly valid: boolean }
  | { readonly kind: 'meeting'; readonly loaded: Loaded<Meeting> }
  | { readonly kind: 'plan'; readonly loaded: Loaded<Plan> }
  | { readonly kind: RegistryKind; readonly file: RegistryFile };

/** One file's part of buildRecordSet (validate's facts path, core/facts.ts, places files one at a time). */
export function placeFile(parsed: ParsedFile, validator: SchemaValidator, diagnostics: Diagnostic[], leftOut: LeftOut[]): Placed {
  const leave = (file: string, d: Diagnostic | undefined): void => void leftOut.push({ file, code: d?.code ?? 'file/unreadable' });
  for (const d of parsed.diagnostics) diagnostics.push(d);
  const parseError = parseErrorOf(parsed);
  if (parseError || parsed.data === undefined) {
    leave(parsed.file, parseError);
    return { kind: undefined };
  }
  if (isNestedConfig(parsed.file)) {
    const d = nestedConfig(parsed);
    diagnostics.push(d);
    leave(parsed.file, d);
    return { kind: undefined };
  }
  const kind = kindOf(parsed);
  if (!kind) {
    const d = unknownKind(parsed);
    diagnostics.push(d);
    leave(parsed.file, d);
    return { kind: undefined };
  }
  const problems = validator.validate(kind, parsed);
  for (const d of problems) diagnostics.push(d);
  const valid = problems.length === 0;
  if (!valid) leave(parsed.file, problems[0]);
  switch (kind) {
    case 'config':
      return { kind, parsed, valid };
    case 'meeting':
      return { kind, loaded: { data: parsed.data as Meeting, parsed, valid } };
    case 'plan':
      return { kind, loaded: { data: parsed.data as Plan, parsed, valid } };
    default:
      return { kind, file: { kind, parsed, valid } };
  }
}

/** A registry file's entries into the registries (a valid one's). */
export function addRegistry(registries: Registries, file: RegistryFile): void {
  const list = (file.parsed.data as Record<string, unknown>)[file.kind];
  if (file.valid && Array.isArray(list)) for (const entry of list as unknown[]) (registries[file.kind] as unknown[]).push(entry);
}

export function emptyRegistries(): Registries {
  return { countries: [] as Country[], organisations: [] as Organisation[], bodies: [] as Body[], groups: [] as Group[] };
}

export function buildRecordSet(files: readonly ParsedFile[], validator: SchemaValidator): { records: RecordSet; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const meetings: Loaded<Meeting>[] = [];
  const plans: Loaded<Plan>[] = [];
  const registryFiles: RegistryFile[] = [];
  const registries = emptyRegistries();
  let config: Config = {};
  let configFile: ParsedFile | undefined;
  const leftOut: LeftOut[] = [];
  for (const parsed of files) {
    const placed = placeFile(parsed, validator, diagnostics, leftOut);
    switch (placed.kind) {
      case undefined:
        break;
      case 'config':
        configFile = placed.parsed;
        if (placed.valid) config = placed.parsed.data as Config;
        break;
      case 'meeting':
        meetings.push(placed.loaded);
        break;
      case 'plan':
        plans.push(placed.loaded);
        break;
      default:
        registryFiles.push(placed.file);
        addRegistry(registries, placed.file);
    }
  }
  leftOut.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { records: { meetings, plans, registryFiles, registries, config, configFile, files, leftOut }, diagnostics };
}

/** The first error of parse level (reading, decoding, YAML): a file with one is used not at all, not even in part. */
export function parseErrorOf(parsed: ParsedFile): Diagnostic | undefined {
  return parsed.diagnostics.find((d) => d.severity === 'error');
}

function isNestedConfig(file: string): boolean {
  return file.endsWith('/' + CONFIG_FILE);
}

function nestedConfig(parsed: ParsedFile): Diagnostic {
  const folder = parsed.file.slice(0, -CONFIG_FILE.length - 1);
  return {
    file: parsed.file, line: 1, column: 1, endLine: 1, endColumn: 1, pointer: '',
    code: 'config/nested', severity: defaultSeverity('config/nested'),
    params: { folder },
  };
}

function unknownKind(parsed: ParsedFile): Diagnostic {
  const data = parsed.data as { record?: unknown } | null;
  const isMapping = data !== null && typeof data === 'object' && !Array.isArray(data);
  const record = isMapping ? data.record : undefined;
  const pointer = record === undefined ? '' : '/record';
  const loc = locate(parsed, pointer);
  const kinds = names(RECORD_KINDS);
  const near = typeof record === 'string' ? closestMatches(record, RECORD_KINDS, 1) : [];
  const [variant, params]: [string | undefined, DiagnosticParams] = !isMapping
    ? ['notMapping', { kinds }]
    : record === undefined
      ? [undefined, { kinds }]
      : typeof record === 'string'
        ? ['unknown', near.length ? { kind: record, kinds, didYouMean: quoted(near) } : { kind: record, kinds }]
        : // Not String(record): a mapping such as { toString: 1 } has no usable toString. Records are JSON data.
          ['notText', { value: JSON.stringify(record) ?? typeof record, kinds }];
  return { ...loc, code: 'record/unknown-kind', severity: defaultSeverity('record/unknown-kind'), ...(variant ? { variant } : {}), params, pointer };
}

// Parsed files → the record set: each record typed, with the parsed file it came from, so any check can point into it.
import type { Diagnostic } from './diagnostics.js';
import { defaultSeverity } from './diagnostics.js';
import type { Body, Config, Country, Group, Meeting, Organisation, Plan, Registries } from './model.js';
import type { ParsedFile } from './parse.js';
import { locate } from './parse.js';
import type { RecordKind, RegistryKind, SchemaValidator } from './schema.js';
import { RECORD_KINDS } from './schema.js';
import { didYouMean } from './text-distance.js';

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

export interface RecordSet {
  readonly meetings: readonly Loaded<Meeting>[];
  readonly plans: readonly Loaded<Plan>[];
  readonly registryFiles: readonly RegistryFile[];
  readonly registries: Registries;
  readonly config: Config;
  readonly configFile: ParsedFile | undefined;
  readonly files: readonly ParsedFile[];
}

export const CONFIG_FILE = 'acta.yaml';

export function kindOf(parsed: ParsedFile): RecordKind | undefined {
  if (parsed.file === CONFIG_FILE || parsed.file.endsWith('/' + CONFIG_FILE)) return 'config';
  const data = parsed.data as { record?: unknown } | null;
  const record = data && typeof data === 'object' ? data.record : undefined;
  return typeof record === 'string' && (RECORD_KINDS as readonly string[]).includes(record) ? (record as RecordKind) : undefined;
}

export function buildRecordSet(files: readonly ParsedFile[], validator: SchemaValidator): { records: RecordSet; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const meetings: Loaded<Meeting>[] = [];
  const plans: Loaded<Plan>[] = [];
  const registryFiles: RegistryFile[] = [];
  const registries = { countries: [] as Country[], organisations: [] as Organisation[], bodies: [] as Body[], groups: [] as Group[] };
  let config: Config = {};
  let configFile: ParsedFile | undefined;

  for (const parsed of files) {
    for (const d of parsed.diagnostics) diagnostics.push(d);
    if (parsed.data === undefined) continue;
    const kind = kindOf(parsed);
    if (!kind) {
      diagnostics.push(unknownKind(parsed));
      continue;
    }
    const problems = validator.validate(kind, parsed);
    for (const d of problems) diagnostics.push(d);
    const valid = problems.length === 0;
    switch (kind) {
      case 'config':
        configFile = parsed;
        if (valid) config = parsed.data as Config;
        break;
      case 'meeting':
        meetings.push({ data: parsed.data as Meeting, parsed, valid });
        break;
      case 'plan':
        plans.push({ data: parsed.data as Plan, parsed, valid });
        break;
      default: {
        registryFiles.push({ kind, parsed, valid });
        const list = (parsed.data as Record<string, unknown>)[kind];
        if (valid && Array.isArray(list)) for (const entry of list as unknown[]) (registries[kind] as unknown[]).push(entry);
      }
    }
  }
  return { records: { meetings, plans, registryFiles, registries, config, configFile, files }, diagnostics };
}

function unknownKind(parsed: ParsedFile): Diagnostic {
  const data = parsed.data as { record?: unknown } | null;
  const isMapping = data !== null && typeof data === 'object' && !Array.isArray(data);
  const record = isMapping ? data.record : undefined;
  const pointer = record === undefined ? '' : '/record';
  const loc = locate(parsed, pointer);
  const message = !isMapping
    ? 'the file is not a mapping, so it is not a record'
    : record === undefined
      ? 'the record has no `record:` line saying what it is'
      : `\`record: ${String(record)}\` is not a kind of record${didYouMean(String(record), RECORD_KINDS)}`;
  return { ...loc, code: 'record/unknown-kind', severity: defaultSeverity('record/unknown-kind'), message, hint: `start the file with \`record: \` and one of ${RECORD_KINDS.join(', ')}`, pointer };
}

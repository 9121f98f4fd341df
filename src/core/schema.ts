// JSON Schema validation: ajv compiled once per schema set; ajv errors → Diagnostics located in the YAML.
import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, Options, ValidateFunction } from 'ajv';
import type { Bilingual, Code, Diagnostic, DiagnosticParam, DiagnosticParams } from './diagnostics.js';
import { defaultSeverity, names, phrase, quoted } from './diagnostics.js';
import type { ParsedFile } from './read/index.js';
import { joinPointer, locate, sourceTextAt, splitPointer } from './read/index.js';
import { closestMatches } from './text-distance.js';

export type RecordKind = 'meeting' | 'plan' | 'countries' | 'organisations' | 'bodies' | 'groups' | 'config';
export type RegistryKind = 'countries' | 'organisations' | 'bodies' | 'groups';
export const REGISTRY_KINDS: readonly RegistryKind[] = ['countries', 'organisations', 'bodies', 'groups'];
export const RECORD_KINDS: readonly RecordKind[] = ['meeting', 'plan', ...REGISTRY_KINDS];

/** The key that names an entry of a registry: a country's ISO code, everything else's id. */
export function registryKey(kind: RegistryKind): 'code' | 'id' {
  return kind === 'countries' ? 'code' : 'id';
}

/** The schema documents, by file name (common.schema.json, meeting.schema.json, …). */
export type SchemaSet = Readonly<Record<string, object>>;

export interface SchemaValidator {
  validate(kind: RecordKind, parsed: ParsedFile): Diagnostic[];
}

/** The schema file of each record kind. */
export const SCHEMA_FILE: Readonly<Record<RecordKind, string>> = {
  meeting: 'meeting.schema.json',
  plan: 'plan.schema.json',
  countries: 'registry.schema.json',
  organisations: 'registry.schema.json',
  bodies: 'registry.schema.json',
  groups: 'registry.schema.json',
  config: 'config.schema.json',
};

/** The validation functions of schema files, by file name, compiled ahead of time (ajv's standalone code). */
export type PrecompiledValidators = Readonly<Record<string, ValidateFunction | undefined>>;

/** ajv as acta configures it, with the schemas added (compiled on first use). */
export function createAjv(schemas: SchemaSet, options: Options = {}): Ajv2020 {
  // Loaded here, not at the top: with the validators compiled at build time (io/schemas.ts) a run never compiles, and
  // ajv's compiler is 74 modules. ajv is CommonJS: the require is the instance an import would give.
  const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: false, ...options });
  for (const [name, schema] of Object.entries(schemas)) ajv.addSchema(schema, name);
  return ajv;
}

/** Validates with the precompiled functions where given (the same code ajv would compile now), else compiles. */
export function createSchemaValidator(schemas: SchemaSet, precompiled: PrecompiledValidators = {}): SchemaValidator {
  let ajv: Ajv2020 | undefined;
  const compiled = new Map<string, ValidateFunction>();
  const get = (file: string): ValidateFunction => {
    let fn = compiled.get(file);
    if (!fn) {
      fn = precompiled[file] ?? (ajv ??= createAjv(schemas)).getSchema(file);
      if (!fn) throw new Error(`schema ${file} is not loaded`);
      compiled.set(file, fn);
    }
    return fn;
  };
  return {
    validate(kind, parsed) {
      const fn = get(SCHEMA_FILE[kind]);
      if (fn(parsed.data)) return [];
      return collapse(fn.errors ?? []).map((e) => toDiagnostic(e, parsed));
    },
  };
}

// Drop the noise of combinators: for oneOf/anyOf keep only the best-matching branch's errors; drop if/then wrappers.
function collapse(errors: readonly ErrorObject[]): ErrorObject[] {
  let out = errors.filter((e) => e.keyword !== 'if');
  const combinators = out.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  for (const comb of combinators) {
    const prefix = comb.schemaPath + '/';
    const inside = out.filter((e) => e !== comb && e.schemaPath.startsWith(prefix) && e.instancePath.startsWith(comb.instancePath));
    const branches = new Map<string, ErrorObject[]>();
    for (const e of inside) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const ranked = [...branches.values()].sort((a, b) => score(a) - score(b));
    const best = ranked[0];
    const isChoice = ranked.length > 1 && ranked.every((b) => b.length === 1 && (b[0]!.keyword === 'required' || b[0]!.keyword === 'not'));
    out = out.filter((e) => !inside.includes(e) && e !== comb);
    if (isChoice) out.push(choiceError(comb, ranked.map((b) => b[0]!)));
    else if (best && best.length > 0) for (const e of best) out.push(e);
    else if (comb.keyword === 'oneOf') out.push(comb);
  }
  return out;
}

// A branch that fails deeper in the data (it matched the shape) or with fewer errors is the one meant.
function score(branch: readonly ErrorObject[]): number {
  const depth = branch.reduce((max, e) => Math.max(max, splitPointer(e.instancePath).length), 0);
  return branch.length - depth * 10;
}

function choiceError(comb: ErrorObject, branchErrors: ErrorObject[]): ErrorObject {
  const names = branchErrors.map((e) => (e.keyword === 'required' ? String(e.params['missingProperty']) : '')).filter(Boolean);
  const nots = branchErrors.some((e) => e.keyword === 'not');
  return { ...comb, keyword: nots ? 'exclusive' : 'oneOfRequired', params: { names } };
}

function toDiagnostic(e: ErrorObject, parsed: ParsedFile): Diagnostic {
  const { code, pointer, at, variant, params } = describe(e, parsed);
  const loc = locate(parsed, pointer, at);
  return { ...loc, code, severity: defaultSeverity(code), ...(variant ? { variant } : {}), params, pointer };
}

interface Described {
  code: Code;
  pointer: string;
  at: 'value' | 'key';
  variant?: string;
  params: DiagnosticParams;
}

// The nearest allowed name, as the `didYouMean` parameter (none when nothing is near).
function nearest(name: string, allowed: readonly string[]): DiagnosticParams {
  const near = closestMatches(name, allowed, 1);
  return near.length ? { didYouMean: quoted(near) } : {};
}

function describe(e: ErrorObject, parsed: ParsedFile): Described {
  const path = e.instancePath;
  const where = lastName(path);
  const p = e.params as Record<string, unknown>;
  const parent = (e.parentSchema ?? {}) as Record<string, unknown>;
  const description = bilingual(String(parent['description'] ?? ''));
  switch (e.keyword) {
    case 'required': {
      const name = String(p['missingProperty']);
      return { code: 'schema/required', pointer: path, at: 'key', params: { where, name, description: bilingual(propertyDescription(parent, name)) } };
    }
    case 'oneOfRequired':
      return { code: 'schema/required', pointer: path, at: 'key', variant: 'oneOf', params: { where, names: quoted(p['names'] as string[], 'or'), description } };
    case 'exclusive':
    case 'not': {
      const list = notNames(e);
      return { code: 'schema/invalid', pointer: path, at: 'key', variant: 'exclusive', params: { where, names: quoted(list, 'and'), choices: names(list) } };
    }
    case 'additionalProperties': {
      const name = String(p['additionalProperty']);
      const allowed = Object.keys((parent['properties'] ?? {}) as object);
      const pointer = joinPointer([...splitPointer(path), name]);
      // The one misplacement people make while recording follow-up by hand: inside the commitment, not beside it.
      if (name === 'followup' && splitPointer(path).at(-1) === 'commitment') return { code: 'schema/unknown-property', pointer, at: 'key', variant: 'followup', params: { where } };
      return { code: 'schema/unknown-property', pointer, at: 'key', ...(allowed.length ? {} : { variant: 'nothingAllowed' }), params: { name, where, allowed: names(allowed), ...nearest(name, allowed) } };
    }
    case 'type': {
      const expected = String(p['type']);
      const written = sourceTextAt(parsed, path);
      if (expected === 'string' && (typeof e.data === 'number' || typeof e.data === 'boolean') && written !== undefined) {
        return { code: 'schema/quote', pointer: path, at: 'value', params: { written, kind: typeof e.data, value: JSON.stringify(e.data), where } };
      }
      return { code: 'schema/type', pointer: path, at: 'value', params: { where, expected: TYPES.has(expected) ? phrase(`type.${expected}`) : expected, actual: describeValue(e.data), description: bilingual(String(parent['description'] ?? e.schema ?? '')) } };
    }
    case 'enum':
    case 'const': {
      const allowed = (e.keyword === 'enum' ? (p['allowedValues'] as unknown[]) : [p['allowedValue']]).map(String);
      const value = typeof e.data === 'string' ? e.data : JSON.stringify(e.data);
      return { code: 'schema/enum', pointer: path, at: 'value', params: { value, where, allowed: names(allowed), ...nearest(value, allowed) } };
    }
    case 'pattern':
    case 'format': {
      const value = typeof e.data === 'string' ? e.data : JSON.stringify(e.data);
      return { code: 'schema/pattern', pointer: path, at: 'value', params: { value: truncate(value), where, description } };
    }
    case 'propertyNames':
      return { code: 'schema/pattern', pointer: path, at: 'value', variant: 'key', params: { where, description } };
    case 'uniqueItems': {
      const j = Number(p['j']);
      const i = Number(p['i']);
      return { code: 'schema/invalid', pointer: joinPointer([...splitPointer(path), i]), at: 'value', variant: 'unique', params: { where, first: j + 1, second: i + 1 } };
    }
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
    case 'minimum':
    case 'maximum': {
      const limit = (e.params as { limit: number }).limit;
      const empty = (e.keyword === 'minLength' && limit <= 1) || (e.keyword === 'minProperties' && limit === 1);
      const variant = empty ? 'empty' : e.keyword === 'maximum' ? undefined : e.keyword;
      return { code: 'schema/limit', pointer: path, at: 'value', ...(variant ? { variant } : {}), params: { where, limit, description } };
    }
    default:
      return { code: 'schema/invalid', pointer: path, at: 'value', params: { where, detail: e.message ?? 'is invalid' } };
  }
}

function notNames(e: ErrorObject): string[] {
  const names = (e.params as { names?: string[] }).names;
  if (names && names.length) return names;
  const schema = e.schema as { required?: string[] } | undefined;
  if (schema?.required) return schema.required;
  const parent = e.parentSchema as { not?: { required?: string[] } } | undefined;
  return parent?.not?.required ?? ['these'];
}

function propertyDescription(parent: Record<string, unknown>, name: string): string {
  const props = (parent['properties'] ?? {}) as Record<string, { description?: string }>;
  return props[name]?.description ?? '';
}

// Where in the record: the field's name, an item of a list, or the record itself.
function lastName(pointer: string): DiagnosticParam {
  const segs = splitPointer(pointer);
  if (segs.length === 0) return phrase('theRecord');
  const last = segs[segs.length - 1]!;
  if (/^\d+$/.test(last)) {
    const owner = segs[segs.length - 2];
    return owner ? `${owner}[${Number(last) + 1}]` : phrase('item', { n: Number(last) + 1 });
  }
  return `\`${last}\``;
}

// The schemas describe each property in English and Spanish: "English. — Español." The English may have dashes of its
// own (the deadline's does): the Spanish is what follows the last one.
function bilingual(description: string): Bilingual {
  const cut = description.lastIndexOf(' — ');
  if (cut < 0) return { en: description.trim(), es: description.trim() };
  return { en: description.slice(0, cut).trim(), es: description.slice(cut + 3).trim() };
}

const TYPES = new Set(['string', 'object', 'array', 'integer', 'number', 'boolean', 'null']);

function describeValue(value: unknown): DiagnosticParam {
  if (value === null) return phrase('value.empty');
  if (Array.isArray(value)) return phrase('value.list');
  if (typeof value === 'object') return phrase('value.mapping');
  if (typeof value === 'string') return phrase('value.text', { text: truncate(value) });
  return phrase('value.other', { kind: typeof value, value: String(value) });
}

function truncate(s: string, n = 60): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

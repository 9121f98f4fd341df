// Records written inline as YAML, run through the real parser and pipeline, then through the follow-up engine.
import { diagnosticText } from '../../src/render/diagnostic-text.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRecordFile } from '../../src/core/read/parse.js';
import { checkRecords } from '../../src/core/pipeline.js';
import type { RecordSet } from '../../src/core/records.js';
import type { Commitment, DeriveOptions } from '../../src/core/followup/index.js';
import { deriveCommitments } from '../../src/core/followup/index.js';
import { actaProcess as runActaProcess, runActa } from '../run-acta.js';
import { validator } from '../schema-validator.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE = path.join(ROOT, 'test/fixtures/followup');

export const REGISTRIES: Record<string, string> = {
  'registries/countries.yaml': `record: countries
countries:
  - { code: GT, name: { es: Guatemala } }
  - { code: HN, name: { es: Honduras } }
  - { code: MX, name: { es: México, en: Mexico } }
  - { code: SV, name: { es: El Salvador } }
`,
  'registries/organisations.yaml': `record: organisations
organisations:
  - { id: iom, acronym: { es: OIM, en: IOM }, name: { es: Organización Internacional para las Migraciones } }
`,
  'registries/bodies.yaml': `record: bodies
bodies:
  - { id: grcm, type: organ, acronym: { es: GRCM, en: RCGM }, name: { es: Grupo Regional de Consulta sobre Migración } }
  - { id: st, type: organ, acronym: { es: ST, en: TS }, name: { es: Secretaría Técnica } }
  - { id: red-x, type: network, name: { es: Red X } }
`,
  'registries/groups.yaml': `record: groups
groups:
  - { id: member-countries, name: { es: Países Miembros }, members: [GT, HN, MX, SV] }
`,
};

/** A meeting of red-x on 2020-01-15 with the given agreements (YAML list items, indented by two). */
export function meeting(agreements: string, id = '2020-01-15-red-x', body = 'red-x', start = '2020-01-15'): Record<string, string> {
  return { [`meetings/${id}.yaml`]: `record: meeting\nid: ${id}\nbody: ${body}\ndates: { start: "${start}" }\nsource: { document: x.txt }\nagreements:\n${agreements}` };
}

/** Parse and check the files (registries added); fails the test on any error, so fixtures stay valid. */
export function records(files: Record<string, string>): RecordSet {
  const all = { ...REGISTRIES, ...files };
  const parsed = Object.entries(all).map(([name, text]) => parseRecordFile(name, new TextEncoder().encode(text)));
  const { records, diagnostics } = checkRecords(parsed, validator, { rootFile: 'acta.yaml' });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => `${d.file}:${d.line}: ${d.code} ${diagnosticText(d, 'en').message}`).join('\n'));
  return records;
}

export function derive(files: Record<string, string>, asOf: string, options: DeriveOptions = {}): Commitment[] {
  return deriveCommitments(records(files), asOf, options);
}

export function byId(list: readonly Commitment[], id: string): Commitment {
  const c = list.find((x) => x.id === id);
  if (!c) throw new Error(`no commitment ${id} among ${list.map((x) => x.id).join(', ')}`);
  return c;
}

export interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
}

/** Run the CLI in-process (test/run-acta.ts) from the project's root, with no colour and the given extra environment. */
export async function acta(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  const r = await runActa(args, { cwd: ROOT, env });
  return { stdout: r.stdout, stderr: r.stderr, status: r.code };
}

/** The same through the real binary in a child process: for what only a process has (its time zone). */
export function actaProcess(args: readonly string[], env: Record<string, string> = {}): Run {
  const r = runActaProcess(args, { cwd: ROOT, env });
  return { stdout: r.stdout, stderr: r.stderr, status: r.code };
}

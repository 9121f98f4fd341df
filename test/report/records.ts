// Records written inline as YAML, run through the real parser and pipeline, then the follow-up engine.
import { buildActorDirectory } from '../../src/core/actors.js';
import type { Commitment } from '../../src/core/followup/index.js';
import { deriveCommitments } from '../../src/core/followup/index.js';
import type { Lang } from '../../src/core/model.js';
import { parseRecordFile } from '../../src/core/read/parse.js';
import type { Checked } from '../../src/core/pipeline.js';
import { checkRecords } from '../../src/core/pipeline.js';
import type { ViewContext } from '../../src/core/queries/view.js';
import { validator } from '../schema-validator.js';


export const REGISTRIES: Record<string, string> = {
  'registries/countries.yaml': `record: countries
countries:
  - { code: GT, name: { es: Guatemala } }
  - { code: HN, name: { es: Honduras } }
  - { code: MX, name: { es: México, en: Mexico } }
  - { code: ES, name: { es: España, en: Spain }, member: false }
`,
  'registries/organisations.yaml': `record: organisations
organisations:
  - { id: iom, acronym: { es: OIM, en: IOM }, name: { es: Organización Internacional para las Migraciones } }
`,
  'registries/bodies.yaml': `record: bodies
bodies:
  - { id: grcm, type: organ, acronym: { es: GRCM, en: RCGM }, name: { es: Grupo Regional de Consulta sobre Migración } }
  - { id: st, type: organ, acronym: { es: ST, en: TS }, name: { es: Secretaría Técnica } }
  - { id: red-nna, type: network, acronym: { es: Red NNA }, name: { es: Red NNA } }
`,
  'registries/groups.yaml': `record: groups
groups:
  - { id: member-countries, name: { es: Países Miembros }, members: [GT, HN, MX] }
`,
};

export interface Loaded extends Checked {
  readonly commitments: Commitment[];
  readonly ctx: ViewContext;
}

export function load(files: Record<string, string>, asOf: string, lang: Lang = 'es'): Loaded {
  const parsed = Object.entries({ ...REGISTRIES, ...files }).map(([name, text]) => parseRecordFile(name, new TextEncoder().encode(text)));
  const checked = checkRecords(parsed, validator);
  return { ...checked, commitments: deriveCommitments(checked.records, asOf), ctx: { dir: buildActorDirectory(checked.records.registries), lang } };
}

/** A meeting record: id DATE-BODY, agreements as YAML lines (indented two spaces under `agreements:`). */
export function meeting(date: string, body: string, extra: string, agreements: string): string {
  return `record: meeting
id: ${date}-${body}
body: ${body}
dates: { start: "${date}" }
source: { document: informe.txt }
${extra}
agreements:
${agreements}`;
}

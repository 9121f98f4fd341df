// Run records written inline as YAML through the real parser and pipeline.
import { parseRecordFile } from '../../src/core/read/parse.js';
import { checkRecords } from '../../src/core/pipeline.js';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { validator } from '../schema-validator.js';

export { validator };

export const REGISTRIES: Record<string, string> = {
  'registries/countries.yaml': `record: countries
countries:
  - code: GT
    name: { es: Guatemala }
  - code: HN
    name: { es: Honduras }
  - code: MX
    name: { es: México, en: Mexico }
  - code: SV
    name: { es: El Salvador }
`,
  'registries/organisations.yaml': `record: organisations
organisations:
  - id: iom
    acronym: { es: OIM, en: IOM }
    name: { es: Organización Internacional para las Migraciones }
`,
  'registries/bodies.yaml': `record: bodies
bodies:
  - id: grcm
    type: organ
    name: { es: Grupo Regional de Consulta sobre Migración }
  - id: st
    type: organ
    name: { es: Secretaría Técnica }
  - id: red-nna
    type: network
    name: { es: Red NNA }
`,
  'registries/groups.yaml': `record: groups
groups:
  - id: member-countries
    name: { es: Países Miembros }
    members: [GT, HN, MX, SV]
`,
};

/** A valid meeting; tests replace parts of it. */
export const MEETING = `record: meeting
id: 2017-03-16-red-nna
body: red-nna
dates:
  start: 2017-03-16
  end: 2017-03-17
place: { city: Tegucigalpa, country: HN }
participants: [GT, HN, MX]
source: { document: informe.txt }
agreements:
  - number: "1"
    action: thank
    text: { es: Agradecer a las delegaciones. }
  - number: "2"
    action: request
    text: { es: Solicitar a la OIM la publicación. }
    actors: [iom]
    commitment:
      owners: [iom]
      deadline: { due: 2017-07-21, text: { es: a más tardar el 21 de julio de 2017 } }
`;

export function check(files: Record<string, string | Uint8Array>, withRegistries = true, options: { asOf?: string } = {}): Diagnostic[] {
  const all = withRegistries ? { ...REGISTRIES, ...files } : files;
  const parsed = Object.entries(all).map(([name, content]) => parseRecordFile(name, typeof content === 'string' ? new TextEncoder().encode(content) : content));
  return [...checkRecords(parsed, validator, options).diagnostics];
}

/** 1-based column of `token` on 1-based `line` of `text`. */
export function columnOf(text: string, line: number, token: string): number {
  const l = text.split(/\r?\n/)[line - 1] ?? '';
  const i = l.indexOf(token);
  if (i < 0) throw new Error(`token ${token} not on line ${line}: ${l}`);
  return i + 1;
}

// The entry to add to a registry for an actor it does not list: which file, and the YAML of an entry that the
// registry's schema accepts once its names are filled in. Commands that meet an unknown body or actor (acta new)
// print it, so that the fix is a paste, not a search through the reference.

export type RegistryKind = 'countries' | 'organisations' | 'bodies' | 'groups';

export interface RegistryEntry {
  /** The registry file, from the records root. */
  readonly file: string;
  /** The entry as YAML list lines, to paste under the file's list (2-space indent, as acta fmt writes them). */
  readonly lines: readonly string[];
}

export function registryEntry(kind: RegistryKind, id: string): RegistryEntry {
  const file = `registries/${kind}.yaml`;
  const name = '    name: { es: "…", en: "…" }';
  switch (kind) {
    case 'countries':
      return { file, lines: [`  - code: ${id}`, name] };
    case 'organisations':
      return { file, lines: [`  - id: ${id}`, '    acronym: { es: "…", en: "…" }', name] };
    case 'bodies':
      return { file, lines: [`  - id: ${id}`, '    type: network   # organ, network or group', name] };
    case 'groups':
      return { file, lines: [`  - id: ${id}`, name, '    members: []   # country codes or ids of the registries'] };
  }
}

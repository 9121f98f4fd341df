// The yaml library, behind one accessor: parse.ts and prescan.ts take everything they use from it here.
import * as Yaml from 'yaml';

export function yaml(): typeof Yaml {
  return Yaml;
}

// acta's own small YAML files (the message catalogs): plain values, no positions, no record checks. Kept in the
// reading room so that every YAML reading in acta is here (test/layout/rooms.test.ts).
import { yaml } from './yaml-library.js';

/** The value of a YAML text of acta's own; throws on invalid YAML (the caller names the file). */
export function parsePlainYaml(text: string): unknown {
  return yaml().parse(text, { uniqueKeys: true });
}

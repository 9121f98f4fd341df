// acta's own small YAML files (the message catalogs): plain values, no positions, no record checks. Kept in the
// reading room so that every YAML reading in acta is here (test/layout/rooms.test.ts).
import { readPlainRecord } from './parse-fast.js';
import { LIMITS } from './parse.js';
import { yaml } from './yaml-library.js';

/** The value of a YAML text of acta's own; throws on invalid YAML (the caller names the file). */
export function parsePlainYaml(text: string): unknown {
  return yaml().parse(text, { uniqueKeys: true });
}

/** The value of a records root's acta.yaml, read only for a setting (its `lang:`) before the records are loaded:
 * through validate's fast path (js-yaml), which answers only where the yaml library would read the same data, so
 * `--help` and the commands that read no records do not load the yaml library (72 modules) for one word. Throws on
 * invalid YAML, as parsePlainYaml. */
export function parseSettingsYaml(text: string): unknown {
  return readPlainRecord(text, LIMITS) ?? parsePlainYaml(text);
}

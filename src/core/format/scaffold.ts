// Fill a skeleton (a YAML template with placeholder values and guiding comments) with values: through the
// Document API, so whatever a user types becomes a properly quoted scalar, never YAML structure.
import { parseEditable } from '../read/index.js';

/** A path into the template and its value; undefined removes the key. */
export type Setting = readonly [path: readonly (string | number)[], value: unknown];

const MODELINE = /^# yaml-language-server: \$schema=SCHEMA_PATH\n/;

export function fillTemplate(template: string, settings: readonly Setting[], schemaPath: string | undefined): string {
  const doc = parseEditable(template);
  if (doc.errors.length > 0) throw new Error(`template: ${doc.errors[0]!.message}`);
  for (const [path, value] of settings) {
    if (value === undefined) doc.deleteIn(path);
    else doc.setIn(path, doc.createNode(value, { flow: Array.isArray(value) && value.every((v) => typeof v !== 'object') }));
  }
  const text = doc.toString({ indent: 2, indentSeq: true, lineWidth: 0 });
  const safe = schemaPath !== undefined && /^[^\s#\u0000-\u001f\u007f]+$/.test(schemaPath);
  return text.replace(MODELINE, safe ? `# yaml-language-server: $schema=${schemaPath}\n` : '');
}

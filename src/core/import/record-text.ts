// A draft meeting → the text of its record file, in the canonical layout (the one `acta fmt` writes).
import { stringify } from 'yaml';
import { formatRecordText } from '../format/format.js';
import type { KeyOrder } from '../format/key-order.js';
import type { DraftMeeting } from './draft-meeting.js';

export function draftText(draft: DraftMeeting, source: string, order: KeyOrder | undefined, schemaPath: string): string {
  const head = `# yaml-language-server: $schema=${schemaPath}\n# A draft made by \`acta import ${source}\`: check every note that starts with "import:" against the source, then delete it.\n`;
  const formatted = formatRecordText(head + stringify(draft, { lineWidth: 0, aliasDuplicateObjects: false }), order);
  if (!formatted.ok) throw new Error(`the draft did not format: ${JSON.stringify(formatted.reason)}`);
  return formatted.text;
}

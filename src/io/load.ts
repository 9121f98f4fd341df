// Reads a records repository from disk and runs the pipeline.
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import type { ParsedFile } from '../core/parse.js';
import { parseRecordFile } from '../core/parse.js';
import type { Checked } from '../core/pipeline.js';
import { checkRecords } from '../core/pipeline.js';
import { createSchemaValidator } from '../core/schema.js';
import type { SchemaValidator } from '../core/schema.js';
import { listRecordFiles, readBytes } from './files.js';
import { readSchemas } from './schemas.js';
import { startProgress } from './terminal.js';

let validator: SchemaValidator | undefined;
export function schemaValidator(): SchemaValidator {
  validator ??= createSchemaValidator(readSchemas());
  return validator;
}

export interface Repository extends Checked {
  readonly root: string;
  /** Every file read, relative to root. */
  readonly fileNames: readonly string[];
}

/** Read, parse and check every record under root (plus any extra files named). */
export async function loadRepository(root: string, extra: readonly string[] = []): Promise<Repository> {
  const names = [...new Set([...(await listRecordFiles(root)), ...extra])].sort();
  const progress = startProgress(names.length);
  const parsed: ParsedFile[] = [];
  try {
    for (const name of names) {
      parsed.push(await readAndParse(root, name));
      progress.tick();
    }
  } finally {
    progress.stop();
  }
  const checked = checkRecords(parsed, schemaValidator(), { rootFile: 'acta.yaml' });
  return { ...checked, root, fileNames: names };
}

async function readAndParse(root: string, name: string): Promise<ParsedFile> {
  try {
    return parseRecordFile(name, await readBytes(root, name));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'error';
    const d: Diagnostic = { file: name, line: 1, column: 1, endLine: 1, endColumn: 1, pointer: '', code: 'file/unreadable', severity: 'error', message: `cannot read the file (${reason})`, hint: `check that ${path.join(root, name)} exists and is readable` };
    return { ...parseRecordFile(name, new Uint8Array()), data: undefined, diagnostics: [d] };
  }
}

// Reads a records repository from disk and runs the pipeline.
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import type { ParsedFile } from '../core/parse.js';
import { parseRecordFile } from '../core/parse.js';
import type { Checked } from '../core/pipeline.js';
import { checkRecords } from '../core/pipeline.js';
import { createSchemaValidator } from '../core/schema.js';
import type { SchemaValidator } from '../core/schema.js';
import type { ReadOutcome } from './read-pool.js';
import { readAhead, readOnWorker, reasonFor } from './read-pool.js';
import type { RecordSource } from './source.js';
import { diskSource } from './source.js';
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

/** When to read on a worker thread: from this many files up (below it, starting the worker costs more than it saves). */
export const READ_ON_WORKER_FROM = 200;

/** Read, parse and check every record under root (plus any extra files named) — from disk, or from a RecordSource (a git revision). */
export async function loadRepository(from: string | RecordSource, extra: readonly string[] = [], options: { readOnWorker?: boolean } = {}): Promise<Repository> {
  const source = typeof from === 'string' ? diskSource(from) : from;
  const root = source.root;
  const names = [...new Set([...(await source.list()), ...extra])].sort();
  const progress = startProgress(names.length);
  const parsed: ParsedFile[] = [];
  // Reads run ahead of parsing, so the disk and the parser work at the same time: on a worker for a large tree on
  // disk, else on this thread (a git source reads its blobs in one batch on the first read, so it gets no read-ahead).
  const onWorker = typeof from === 'string' && (options.readOnWorker ?? names.length >= READ_ON_WORKER_FROM);
  const reads = onWorker ? readOnWorker(root, names) : readAhead(source, names, typeof from === 'string' ? READ_AHEAD : 1);
  try {
    for (let i = 0; i < names.length; i++) {
      parsed.push(await readAndParse(root, names[i]!, reads.next(i)));
      progress.tick();
    }
  } finally {
    reads.close();
    progress.stop();
  }
  const checked = checkRecords(parsed, schemaValidator(), { rootFile: 'acta.yaml' });
  return { ...checked, root, fileNames: names };
}

const READ_AHEAD = 32;

async function readAndParse(root: string, name: string, read: Promise<ReadOutcome>): Promise<ParsedFile> {
  const outcome = await read;
  if ('reason' in outcome) return unreadable(root, name, outcome.reason);
  try {
    return parseRecordFile(name, outcome.bytes);
  } catch (e) {
    return unreadable(root, name, reasonFor(e));
  }
}

function unreadable(root: string, name: string, reason: string): ParsedFile {
  const d: Diagnostic = { file: name, line: 1, column: 1, endLine: 1, endColumn: 1, pointer: '', code: 'file/unreadable', severity: 'error', message: `cannot read the file (${reason})`, hint: `check that ${path.join(root, name)} exists and is readable` };
  return { ...parseRecordFile(name, new Uint8Array()), data: undefined, diagnostics: [d] };
}

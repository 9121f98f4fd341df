// A worker thread for the parse pool and the check pool (io/parse-pool.ts). Parse: bytes in, data and diagnostics out.
// Check (validate's facts path, core/facts.ts): given the context files once (acta.yaml, the registries), each record
// file is parsed, schema-checked and run through every per-record check here, and only its facts, diagnostics and
// results come back (plain values: what `alone` gives) — or nothing, for a file the main thread must read itself.
import { parentPort } from 'node:worker_threads';
import type { Alone, FactsOptions, FactsRun, ReadAlone } from '../core/facts.js';
import { startFacts } from '../core/facts.js';
import { readRecordFile } from '../core/read/index.js';
import { createSchemaValidator } from '../core/schema.js';
import { precompiledValidators, readSchemas } from './schemas.js';

export interface ParseRequest { readonly type?: undefined; readonly id: number; readonly file: string; readonly bytes: Uint8Array }
export interface ParseReply { readonly id: number; readonly text: string; readonly data: unknown; readonly diagnostics: unknown }
export interface ContextRequest {
  readonly type: 'context';
  readonly files: readonly { readonly file: string; readonly bytes: Uint8Array }[];
  readonly options: FactsOptions;
  /** How many files ([0]) and bytes ([1]) this worker has checked, counted as it goes: the main thread reads them
   * without waiting for the replies (which it takes only between its own work), to know how much this worker has in
   * hand. */
  readonly done: Int32Array;
}
export interface CheckRequest { readonly type: 'check'; readonly id: number; readonly file: string; readonly bytes: Uint8Array }
/** A read command's file (core/facts.ts `read`): its data back as JSON text, and its per-record results if `checks`. */
export interface ReadRequest { readonly type: 'read'; readonly id: number; readonly file: string; readonly bytes: Uint8Array; readonly checks: boolean }
export interface CheckReply { readonly id: number; readonly alone: Alone | ReadAlone | undefined }

let run: FactsRun | undefined;
let done: Int32Array | undefined;

parentPort?.on('message', (request: ParseRequest | ContextRequest | CheckRequest | ReadRequest) => {
  if (request.type === 'context') {
    // The validators as io/load.ts schemaValidator makes them (not imported from there: a worker loads less).
    done = request.done;
    run = startFacts(createSchemaValidator(readSchemas(), precompiledValidators()), request.options);
    request.files.forEach((f, i) => run!.context(readRecordFile(f.file, f.bytes), i));
    return;
  }
  if (request.type === 'check' || request.type === 'read') {
    const parsed = readRecordFile(request.file, request.bytes);
    const reply: CheckReply = { id: request.id, alone: request.type === 'check' ? run!.alone(parsed) : run!.read(parsed, request.checks) };
    Atomics.add(done!, 1, request.bytes.length);
    Atomics.add(done!, 0, 1);
    parentPort!.postMessage(reply);
    return;
  }
  const parsed = readRecordFile(request.file, request.bytes);
  const reply: ParseReply = { id: request.id, text: parsed.text, data: parsed.data, diagnostics: parsed.diagnostics };
  parentPort!.postMessage(reply);
});

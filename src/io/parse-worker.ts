// A worker thread that parses record files: bytes in, data and diagnostics out (plain values that cross threads).
import { parentPort } from 'node:worker_threads';
import { readRecordFile } from '../core/read/index.js';

export interface ParseRequest { readonly id: number; readonly file: string; readonly bytes: Uint8Array }
export interface ParseReply { readonly id: number; readonly text: string; readonly data: unknown; readonly diagnostics: unknown }

parentPort?.on('message', (request: ParseRequest) => {
  const parsed = readRecordFile(request.file, request.bytes);
  const reply: ParseReply = { id: request.id, text: parsed.text, data: parsed.data, diagnostics: parsed.diagnostics };
  parentPort!.postMessage(reply);
});

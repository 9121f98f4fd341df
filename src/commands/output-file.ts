// What `-o FILE` and standard output need before a command does its work: a folder that exists for the file, and no
// HTML page poured onto a terminal.
import { statSync } from 'node:fs';
import path from 'node:path';
import { say } from '../core/diagnostics.js';
import { SaidError } from '../io/files.js';
import { fromCwd, runtime } from '../io/runtime.js';

/**
 * Refuses, before any work: `-o` into a folder that does not exist (the write would fail only at the end, with the
 * system's words), and `-f html` without `-o` on a terminal (hundreds of lines of markup; piped or redirected, the
 * page goes to standard output as asked).
 */
export function checkOutput(command: string, format: string, out: string | undefined): void {
  if (out !== undefined) {
    const folder = path.dirname(fromCwd(out));
    const stat = statSafe(folder);
    if (!stat) throw new SaidError(say('usage.outNoFolder', { out, folder: path.dirname(out) || '.' }));
    if (!stat.isDirectory()) throw new SaidError(say('usage.outNotFolder', { out, folder: path.dirname(out) }));
    return;
  }
  if (format === 'html' && runtime().stdout.isTTY) {
    throw new SaidError(say('usage.htmlToTerminal', { command }));
  }
}

function statSafe(p: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

// What `-o FILE` and standard output need before a command does its work: a folder that exists for the file, and no
// HTML page poured onto a terminal.
import { statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../io/files.js';
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
    if (!stat) throw new UsageError(`-o ${out}: there is no folder ${path.dirname(out) || '.'} to write it in (create it first)`);
    if (!stat.isDirectory()) throw new UsageError(`-o ${out}: ${path.dirname(out)} is not a folder`);
    return;
  }
  if (format === 'html' && runtime().stdout.isTTY) {
    throw new UsageError(`acta ${command} -f html writes a whole HTML page: save it with -o ${command}.html (or redirect: acta ${command} -f html > ${command}.html), then open it in a browser`);
  }
}

function statSafe(p: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

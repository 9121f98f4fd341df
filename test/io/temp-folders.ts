// Temporary folders a test file makes, removed together (call `cleanup` from its afterEach).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempFolders(): { temp(prefix: string): string; track(dir: string): void; cleanup(): void } {
  const made: string[] = [];
  return {
    temp(prefix) {
      const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    /** A folder made some other way (a TempRepo's home), removed with the others. */
    track(dir) {
      made.push(dir);
    },
    cleanup() {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

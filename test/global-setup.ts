// Run once by vitest before any test file (vitest.config.ts globalSetup): a temporary folder for what the test
// workers build once and share between files (see test/site/site-files.ts dataSite), removed when the run ends; and
// the run's temporary files on a memory file system when the machine has one to spare.
import { chmodSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder the whole run shares, removed at its end. */
    sharedFolder: string;
  }
}

/** Free space a memory file system must have for the run's temporary files (the largest, the 250-meeting site of
 * test/site/screens.test.ts, is 40 MB; the run's peak is a few hundred MB). */
const ROOM = 2 * 1024 ** 3;

/**
 * /dev/shm when it is a memory file system (tmpfs) with ROOM free and ACTA_TEST_TMPDIR does not name another folder
 * ('' for os.tmpdir()), else undefined. The tests make, copy and remove tens of thousands of small files (repositories,
 * sites, records); on this machine's disk (ext4) that cost 3.2 s of CPU (nine tenths in the kernel) and 17 s of wall
 * for 8,000 files written, copied and removed, on tmpfs 0.2 s and 0.5 s.
 */
function memoryTemp(): string | undefined {
  const asked = process.env['ACTA_TEST_TMPDIR'];
  if (asked !== undefined) return asked || undefined;
  try {
    const fs = statfsSync('/dev/shm');
    const TMPFS_MAGIC = 0x01021994;
    return fs.type === TMPFS_MAGIC && fs.bavail * fs.bsize >= ROOM ? '/dev/shm' : undefined;
  } catch {
    return undefined;
  }
}

export default function setup(project: TestProject): () => void {
  const memory = memoryTemp();
  // The run's own temporary folder (on the memory file system when there is one): the workers, started after this,
  // and every process they start (git, npm, Chromium) take it as TMPDIR, so os.tmpdir() is inside it.
  const run = mkdtempSync(path.join(memory ?? os.tmpdir(), 'acta-tests-'));
  const folder = mkdtempSync(path.join(run, 'shared-'));
  if (memory) {
    // As /tmp is: open to every user, sticky (the tests that drop root's privileges reach their folders through it).
    chmodSync(run, 0o1777);
    process.env['TMPDIR'] = run;
  }
  project.provide('sharedFolder', folder);
  // Retried: a browser closing with its worker may still be removing its profile folder inside (ENOTEMPTY).
  return () => rmSync(run, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

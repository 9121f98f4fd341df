// Where the suite's CPU goes, file by file and test by test — for keeping `npm test` within two minutes, not a test.
// Loaded only by vitest.cpu.config.ts (not by `npm test`):
//   npx vitest run --config vitest.cpu.config.ts [files…]    appends to $ACTA_TEST_CPU (default /tmp/acta-test-cpu.tsv)
//   sort -t$'\t' -k3 -nr /tmp/acta-test-cpu.tsv | head -30    the costliest files and tests
// Each line: file|test, worker pid, CPU ms (user+system of the worker and of the child processes it waited for:
// acta, git, npm, soffice — from /proc/self/stat, Linux only), wall ms (files only), the file (> the test), and for
// files the worker's heap in MB when the file ended (test files share a worker's heap: isolate: false); last, the CPU
// ms of the processes still running below the worker (the shared Chromium of test/browser.ts and its renderers), which
// the CPU column cannot see: the worker never waits for that browser (it goes with the worker), so neither this
// column's CPU nor `/usr/bin/time npx vitest run` counts it. Add the two columns for a file's whole cost. Files only,
// an eighth column: when the file's hooks started, in ms since the epoch (a timeline of the workers: which one idles at
// the end); a ninth: the system (kernel) part of the CPU column (process starts, file system work).
// test/cpu-account-main.ts adds a line `main` with vitest's own process's CPU (transforms, the workers' messages, the
// reporters), the run's start and end, and its system part.
// CPU, not wall time, because the machine is shared: wall time there measures the neighbours. A file's CPU leaves out
// its import (vitest's module loading, before its hooks).
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

const OUT = process.env['ACTA_TEST_CPU'] || '/tmp/acta-test-cpu.tsv';

/** CPU of /proc/PID/stat in ms: utime, stime, cutime, cstime (clock ticks of 10 ms); 0 once the process is gone. */
function statMs(pid: number | 'self'): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}

/** The processes started by `pid` that are still running (each thread's children). */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((t) => readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

/** This process's CPU and its waited-for children's, in ms. */
const cpuMs = (): number => statMs('self');

/** The system (kernel) part of cpuMs: stime and cstime — process starts, file system work. */
function systemMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[12]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}

/** The CPU of the processes still running below this one (a shared Chromium and its renderers, test/browser.ts), with
 * what their own finished children took: not in cpuMs until they end and this process waits for them, if ever. */
function liveTreeMs(pid = process.pid): number {
  let total = 0;
  for (const child of childrenOf(pid)) total += statMs(child) + liveTreeMs(child);
  return total;
}

let fileCpu = 0;
let fileWall = 0;
let fileStart = 0;
let fileLive = 0;
let fileSystem = 0;
let testCpu = 0;
beforeAll(() => {
  fileCpu = cpuMs();
  fileSystem = systemMs();
  fileLive = liveTreeMs();
  fileWall = performance.now();
  fileStart = Math.round(performance.timeOrigin + fileWall);
});
afterAll(() => appendFileSync(OUT, `file\t${process.pid}\t${cpuMs() - fileCpu}\t${Math.round(performance.now() - fileWall)}\t${expect.getState().testPath}\t${Math.round(process.memoryUsage().heapUsed / 2 ** 20)}\t${liveTreeMs() - fileLive}\t${fileStart}\t${systemMs() - fileSystem}\n`));
let testLive = 0;
beforeEach(() => {
  testCpu = cpuMs();
  testLive = liveTreeMs();
});
afterEach((context) => appendFileSync(OUT, `test\t${process.pid}\t${cpuMs() - testCpu}\t\t${expect.getState().testPath} > ${context.task.name}\t\t${liveTreeMs() - testLive}\n`));

// Where the suite's CPU goes, file by file and test by test — for keeping `npm test` within two minutes, not a test.
// Loaded only by vitest.cpu.config.ts (not by `npm test`):
//   npx vitest run --config vitest.cpu.config.ts [files…]    appends to $ACTA_TEST_CPU (default /tmp/acta-test-cpu.tsv)
//   sort -t$'\t' -k3 -nr /tmp/acta-test-cpu.tsv | head -30    the costliest files and tests
// Each line: file|test, worker pid, CPU ms (user+system of the worker and of the child processes it waited for:
// acta, git, npm, soffice — from /proc/self/stat, Linux only), wall ms (files only), the file (> the test), and for
// files the worker's heap in MB when the file ended (test files share a worker's heap: isolate: false).
// CPU, not wall time, because the machine is shared: wall time there measures the neighbours. A file's CPU leaves out
// its import (vitest's module loading, before its hooks) and a browser shared by the worker (test/browser.ts), whose
// CPU is counted when it closes with the worker.
import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

const OUT = process.env['ACTA_TEST_CPU'] || '/tmp/acta-test-cpu.tsv';

/** This process's CPU and its waited-for children's, in ms (utime, stime, cutime, cstime: clock ticks of 10 ms). */
function cpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 10;
}

let fileCpu = 0;
let fileWall = 0;
let testCpu = 0;
beforeAll(() => {
  fileCpu = cpuMs();
  fileWall = performance.now();
});
afterAll(() => appendFileSync(OUT, `file\t${process.pid}\t${cpuMs() - fileCpu}\t${Math.round(performance.now() - fileWall)}\t${expect.getState().testPath}\t${Math.round(process.memoryUsage().heapUsed / 2 ** 20)}\n`));
beforeEach(() => void (testCpu = cpuMs()));
afterEach((context) => appendFileSync(OUT, `test\t${process.pid}\t${cpuMs() - testCpu}\t\t${expect.getState().testPath} > ${context.task.name}\n`));

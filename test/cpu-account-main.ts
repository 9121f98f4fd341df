// vitest.cpu.config.ts's global setup beside test/global-setup.ts: when the run ends, a line `main` in the CPU table of
// test/cpu-account.ts with the CPU of vitest's own process (user + system of its threads: transforms, the workers'
// messages, the reporters; not the workers, which are its children) and the run's start and end in ms since the
// epoch. The whole run's CPU is this, the files' (the workers' and what they waited for), the workers' imports and the
// processes nobody waits for (Chromium: cpu-account's last column).
import { appendFileSync } from 'node:fs';

const OUT = process.env['ACTA_TEST_CPU'] || '/tmp/acta-test-cpu.tsv';

export default function setup(): () => void {
  const start = Date.now();
  return () => {
    const { user, system } = process.cpuUsage();
    appendFileSync(OUT, `main\t${process.pid}\t${Math.round((user + system) / 1000)}\t${Date.now() - start}\tvitest\t\t\t${start}\t${Math.round(system / 1000)}\n`);
  };
}

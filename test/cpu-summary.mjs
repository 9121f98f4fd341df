// Summary of a CPU table written by `npx vitest run --config vitest.cpu.config.ts` (test/cpu-account.ts,
// test/cpu-account-main.ts) — for keeping `npm test` within two minutes, not a test:
//   node test/cpu-summary.mjs [/tmp/acta-test-cpu.tsv] [N]
// The run's CPU by bucket (the files', Chromium's, vitest's own process), the N costliest files, and each worker's
// timeline: when its first file started and its last ended against the run's end (a worker idle at the end shows as
// a gap there), its time in files, and the gaps between its files (each file's import and collection).
import { readFileSync } from 'node:fs';

const table = process.argv[2] ?? process.env['ACTA_TEST_CPU'] ?? '/tmp/acta-test-cpu.tsv';
const top = Number(process.argv[3] ?? 15);
const rows = readFileSync(table, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
const files = rows.filter((r) => r[0] === 'file').map((r) => ({ pid: r[1], cpu: Number(r[2]), wall: Number(r[3]), file: r[4].replace(/^.*?\/test\//, 'test/'), chromium: Number(r[6] || 0), start: Number(r[7] || 0), system: Number(r[8] || 0) }));
const main = rows.filter((r) => r[0] === 'main').map((r) => ({ cpu: Number(r[2]), wall: Number(r[3]), start: Number(r[7]) })).at(-1);
const s = (ms) => (ms / 1000).toFixed(1);
const sum = (list, f) => list.reduce((a, x) => a + f(x), 0);

const filesCpu = sum(files, (f) => f.cpu);
const chromium = sum(files, (f) => f.chromium);
console.log(`${files.length} files: their CPU ${s(filesCpu)} s (system ${s(sum(files, (f) => f.system))} s), Chromium ${s(chromium)} s${main ? `, vitest's process ${s(main.cpu)} s; the run ${s(main.wall)} s of wall` : ''}`);
console.log(`\ncostliest files (CPU s, of it system s, Chromium s, wall s):`);
for (const f of [...files].sort((a, b) => b.cpu + b.chromium - (a.cpu + a.chromium)).slice(0, top)) console.log(`${s(f.cpu).padStart(6)} ${s(f.system).padStart(6)} ${s(f.chromium).padStart(6)} ${s(f.wall).padStart(6)}  ${f.file}`);
console.log(`\nmost system CPU (s):`);
for (const f of [...files].sort((a, b) => b.system - a.system).slice(0, top)) console.log(`${s(f.system).padStart(6)} of ${s(f.cpu).padStart(6)}  ${f.file}`);

if (main && files.every((f) => f.start)) {
  console.log(`\nworkers (s from the run's start; the run ended at ${s(main.wall)}):`);
  const workers = Map.groupBy ? Map.groupBy(files, (f) => f.pid) : files.reduce((m, f) => m.set(f.pid, [...(m.get(f.pid) ?? []), f]), new Map());
  for (const [pid, list] of workers) {
    list.sort((a, b) => a.start - b.start);
    const gaps = list.slice(1).map((f, i) => ({ file: f.file, gap: f.start - (list[i].start + list[i].wall) }));
    const last = list.at(-1);
    const worst = [...gaps].sort((a, b) => b.gap - a.gap).slice(0, 3).map((g) => `${g.file} ${s(g.gap)}`).join(', ');
    console.log(`${pid}: ${list.length} files, first at ${s(list[0].start - main.start)}, last ended at ${s(last.start + last.wall - main.start)}; in files ${s(sum(list, (f) => f.wall))}, between them ${s(sum(gaps, (g) => g.gap))} (most: ${worst})`);
  }
}

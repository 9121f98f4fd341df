// The read commands on the check workers (io/load.ts loadRepository): a worker parses and checks each record file and
// sends back its data as JSON text; the output must be the same bytes as without workers, for every read command.
// The build's entry point (dist/bundle/cli.js, the code bin/acta.js runs) is run in this process, where its workers
// exist (src/ through vitest has no worker file): ACTA_WORKERS=1 or 2 against ACTA_WORKERS=0, on the bundled records,
// on fixtures, and on a generated set with problems (a fixed recipe: the same files every run).
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCounts, loadRepository } from '../../src/io/load.js';
import { MEETING } from '../validate/harness.js';
import { meetingCorpus } from './meeting-corpus.js';
import { REPO_ROOT } from '../run-acta.js';

type Main = (typeof import('../../src/cli.js'))['main'];
let built: Main;

async function run(args: readonly string[], workers: string): Promise<string> {
  let stdout = '';
  let stderr = '';
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', CI: 'true', ACTA_CACHE: '0', ACTA_WORKERS: workers };
  for (const k of ['FORCE_COLOR', 'ACTA_LANG', 'ACTA_LOCALES']) delete env[k];
  const code = await built(['node', path.join(REPO_ROOT, 'bin/acta.js'), ...args], {
    cwd: REPO_ROOT,
    env,
    stdout: { write: (s) => void (stdout += s), isTTY: false },
    stderr: { write: (s) => void (stderr += s), isTTY: false },
  });
  return `${code}\n${stdout}\n--\n${stderr}`;
}

// Every read command on every set with ACTA_READ_WORKERS_ALL=1 (a long run). In npm test, on data/, one command of each
// way of loading (loadFollowup, unchecked: overdue, statement; loadReportInputs, checked: report, and unchecked:
// workplan) and the one
// that prints the records' data whole (export -f json); upcoming, list, report html, csv and ics load as one of those
// and differ only in what they print from the same records. The two paths on the other sets.
const ALL = process.env['ACTA_READ_WORKERS_ALL'] === '1';
const READ_COMMANDS = [['overdue'], ['upcoming'], ['list', 'commitments'], ['report', '-f', 'md'], ['report', '-f', 'html'], ['export', '-f', 'csv'], ['export', '-f', 'ics'], ['export', '-f', 'json'], ['statement', 'MX'], ['workplan']];
const ON_DATA = ALL ? READ_COMMANDS : [['overdue'], ['report', '-f', 'md'], ['export', '-f', 'json'], ['statement', 'MX'], ['workplan']];

// A set with problems of every level: unknown actors (a Later: "did you mean"), duplicate keys (the located path: left
// to this thread), numbers as points' numbers (schema errors), a supersession across meetings, an unparsable file.
let generated: string;
// `padding`: a comment of that many bytes at the end of each meeting (the load hands out work by bytes in hand).
function generate(padding = 0): string {
  const root = meetingCorpus('acta-read-workers-', 24, (text, i) => {
    if (padding > 0) text = `${text}${'# a long comment line\n'.repeat(Math.ceil(padding / 22))}`;
    if (i % 5 === 0) text = text.replace('actors: [iom]', 'actors: [oim]');
    if (i % 7 === 0) text = text.replace('body: red-nna', 'body: red-nna\nbody: grcm');
    if (i % 11 === 0) text = text.replace('number: "1"', 'number: 1.10');
    if (i % 9 === 1 && i > 1) text = text.replace('action: thank', `action: thank\n    supersedes: "2017-01-01-red-nna-0#1"`);
    return text;
  });
  writeFileSync(path.join(root, 'meetings', 'broken.yaml'), 'record: meeting\nid: [unclosed\n');
  return root;
}

beforeAll(async () => {
  built = ((await import(pathToFileURL(path.join(REPO_ROOT, 'dist/bundle/cli.js')).href)) as { main: Main }).main;
  generated = generate();
});
afterAll(() => rmSync(generated, { recursive: true, force: true }));

describe('read commands with check workers give the same bytes as without', () => {
  it.each(ON_DATA.map((c) => [c.join(' '), c]))('%s, on the bundled records (each valid record answered by a worker)', async (_, command) => {
    const args = [...command, '--root', 'data', '--as-of', '2018-01-01', '--lang', 'en'];
    const serial = await run(args, '0');
    expect(serial.length).toBeGreaterThan(40);
    expect(await run(args, '1')).toBe(serial);
  });

  it('every read command, on a generated set with problems of every level; two workers for some', async () => {
    const some = [['overdue'], ['report', '-f', 'md'], ['export', '-f', 'json'], ['workplan']];
    for (const [i, command] of (ALL ? READ_COMMANDS : some).entries()) {
      const args = [...command, '--root', generated, '--as-of', '2017-06-01'];
      const serial = await run(args, '0');
      expect(await run(args, i % 3 === 0 ? '2' : '1'), command.join(' ')).toBe(serial);
    }
    // The set's problems are in the output of the commands that print them.
    expect(await run(['report', '-f', 'md', '--root', generated, '--as-of', '2017-06-01'], '0')).toMatch(/oim|broken\.yaml/);
  });

  it('on the fixtures of the follow-up and report tests', async () => {
    for (const [root, asOf] of [['test/fixtures/followup', '2018-03-01'], ['test/fixtures/report', '2018-03-01']] as const) {
      for (const command of ALL ? READ_COMMANDS : root.endsWith('followup') ? [['overdue']] : [['report', '-f', 'md']]) {
        const args = [...command, '--root', root, '--as-of', asOf];
        expect(await run(args, '1'), `${root}: ${command.join(' ')}`).toBe(await run(args, '0'));
      }
    }
  });
});

describe('a read command whose check worker dies', () => {
  it('loads the same records and diagnostics on this thread: none hangs', async () => {
    const alone = await loadRepository(generated, [], { asOf: '2017-06-01' });
    for (const script of ['process.exit(1)', "require('node:worker_threads').parentPort.on('message', (m) => { if (m.type === 'read') throw new Error('boom'); })"]) {
      const start = (): Worker => new Worker(script, { eval: true });
      const dying = await loadRepository(generated, [], { asOf: '2017-06-01', workers: { size: 2, start } });
      expect(JSON.stringify(dying.diagnostics)).toBe(JSON.stringify(alone.diagnostics));
      expect(JSON.stringify(dying.records.meetings.map((m) => [m.parsed.file, m.valid, m.data]))).toBe(JSON.stringify(alone.records.meetings.map((m) => [m.parsed.file, m.valid, m.data])));
      const unchecked = await loadRepository(generated, [], { unchecked: true, workers: { size: 1, start } });
      expect(unchecked.diagnostics).toEqual([]);
      expect(unchecked.records.leftOut).toEqual(alone.records.leftOut);
    }
  });

  it('a file this thread takes while the worker is busy is checked here during the load: the same records and diagnostics', async () => {
    // A worker that holds every file half a second, then leaves it to this thread: once it has HAND_BYTES beyond the
    // next file in hand (files of a quarter of that each: four or five), this thread parses the next files itself and
    // runs their schema and per-record checks as it reads them (facts.ts readHere), not in checkRecords after the load.
    const { HAND_BYTES } = await import('../../src/io/parse-pool.js');
    const padded = generate(HAND_BYTES / 4);
    const slow = "const w = require('node:worker_threads'); let done; w.parentPort.on('message', (m) => { if (m.type === 'context') done = m.done; else setTimeout(() => { Atomics.add(done, 0, 1); w.parentPort.postMessage({ id: m.id, alone: undefined }); }, 500); })";
    const start = (): Worker => new Worker(slow, { eval: true });
    try {
      for (const unchecked of [false, true]) {
        const options = { asOf: '2017-06-01', ...(unchecked ? { unchecked } : {}) };
        const alone = await loadRepository(padded, [], options);
        const before = loadCounts.here;
        const busy = await loadRepository(padded, [], { ...options, workers: { size: 1, start } });
        // Every file but the first few (held by the worker) and those with a problem (left to checkRecords).
        expect(loadCounts.here - before).toBeGreaterThan(5);
        expect(JSON.stringify(busy.diagnostics)).toBe(JSON.stringify(alone.diagnostics));
        expect(JSON.stringify(busy.records.meetings.map((m) => [m.parsed.file, m.valid, m.data]))).toBe(JSON.stringify(alone.records.meetings.map((m) => [m.parsed.file, m.valid, m.data])));
        expect(busy.records.leftOut).toEqual(alone.records.leftOut);
      }
    } finally {
      rmSync(padded, { recursive: true, force: true });
    }
  });

  it("the build's worker answers a read: the data as JSON text, equal to this thread's parse", async () => {
    const { startCheckPool } = await import('../../src/io/parse-pool.js');
    const { readRecordFile } = await import('../../src/core/read/index.js');
    const pool = startCheckPool(1, () => new Worker(path.resolve('dist/bundle/parse-worker.js')));
    try {
      pool.context([], {});
      const bytes = new TextEncoder().encode(MEETING);
      const answer = await pool.read('meetings/2017-03-16-red-nna.yaml', bytes, false);
      expect(answer?.kind).toBe('meeting');
      expect(answer?.results).toBeUndefined();
      expect(answer?.json).toBe(JSON.stringify(readRecordFile('meetings/2017-03-16-red-nna.yaml', bytes).data));
      // A file with a problem is left to this thread.
      expect(await pool.read('meetings/x.yaml', new TextEncoder().encode('record: meeting\n'), false)).toBeUndefined();
    } finally {
      await pool.close();
    }
  });
});

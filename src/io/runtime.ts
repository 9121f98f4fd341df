// Where a run stands and what it talks to: working folder, environment, output streams and terminal. The binary gets
// the process's own; tests run commands in-process with theirs. AsyncLocalStorage keeps concurrent runs apart, so
// nothing in acta reads process.cwd(), process.env or process.stdout directly: it asks runtime().
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import type { Said } from '../core/diagnostics.js';

export interface Output {
  write(text: string): void;
  /** Resolves when more may be written: once a stream's buffer has drained (a slow reader holds the writer back, so
   * output made in parts is never queued whole in memory), and after a turn of the event loop, so a closed pipe's
   * error (EPIPE) stops the run instead of every remaining part being made for nothing. */
  ready?(): Promise<void>;
  /** An interactive terminal: colour, progress, tables fitted to its width. */
  readonly isTTY: boolean;
  /** The terminal's width in columns (only when isTTY). */
  readonly columns?: number | undefined;
}

export interface Runtime {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: Output;
  readonly stderr: Output;
}

function streamOutput(stream: NodeJS.WriteStream): Output {
  return {
    write: (text) => void stream.write(text),
    ready: () =>
      new Promise<void>((resolve) => {
        if (!stream.writableNeedDrain) return void setImmediate(resolve);
        const done = (): void => {
          stream.off('drain', done);
          stream.off('close', done);
          resolve();
        };
        stream.on('drain', done);
        stream.on('close', done);
      }),
    get isTTY() {
      return Boolean(stream.isTTY);
    },
    get columns() {
      return stream.isTTY ? stream.columns : undefined;
    },
  };
}

let own: Runtime | undefined;

/** The process's own: what `acta` on a command line runs with. The same object while the working folder stays (what a
 * run caches per runtime, as the catalogs found for each language, is then found once by code called outside a run —
 * the tests that render pages directly looked for the catalog folder at every message: a fifth of their time). */
export function processRuntime(): Runtime {
  const cwd = process.cwd();
  if (own?.cwd !== cwd) own = { cwd, env: process.env, stdout: streamOutput(process.stdout), stderr: streamOutput(process.stderr) };
  return own;
}

const current = new AsyncLocalStorage<Runtime>();

/** The runtime of the run in progress (the process's outside any run). */
export function runtime(): Runtime {
  return current.getStore() ?? processRuntime();
}

/** Run `work` (and everything it awaits) with this runtime. */
export function withRuntime<T>(rt: Runtime, work: () => Promise<T>): Promise<T> {
  return current.run(rt, work);
}

// What a run has learnt on its way, for its edge (cli.ts): the language chosen (so a refusal raised below the command
// is said in it) and the notes said once per run (the cache warnings), in the words of the catalog.
interface RunState {
  lang?: string;
  readonly notes: Said[];
  readonly seen: Set<string>;
}
const states = new WeakMap<Runtime, RunState>();
const detached: RunState = { notes: [], seen: new Set() };

function runState(): RunState {
  const rt = current.getStore();
  if (!rt) return detached;
  let state = states.get(rt);
  if (!state) states.set(rt, (state = { notes: [], seen: new Set() }));
  return state;
}

/** Record the language the run speaks (called once it is chosen). */
export function noteLang(lang: string): void {
  runState().lang = lang;
}

/** The language the run chose, if it got that far. */
export function notedLang(): string | undefined {
  return runState().lang;
}

/** A note for standard error, said once per run, rendered in the run's language at the edge. */
export function deferNote(note: Said): void {
  const state = runState();
  const key = JSON.stringify(note);
  if (state.seen.has(key)) return;
  state.seen.add(key);
  state.notes.push(note);
}

/** The notes not yet written (and forget them). */
export function takeNotes(): Said[] {
  return runState().notes.splice(0);
}

/** A path the user typed, made absolute from the run's working folder. */
export function fromCwd(p: string): string {
  return path.resolve(runtime().cwd, p);
}

/** A path shown to the user: relative to the run's working folder, with forward slashes. */
export function shownFromCwd(full: string, base: string = runtime().cwd): string {
  return path.relative(base, full).split(path.sep).join('/');
}

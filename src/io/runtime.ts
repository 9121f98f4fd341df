// Where a run stands and what it talks to: working folder, environment, output streams and terminal. The binary gets
// the process's own; tests run commands in-process with theirs. AsyncLocalStorage keeps concurrent runs apart, so
// nothing in acta reads process.cwd(), process.env or process.stdout directly: it asks runtime().
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';

export interface Output {
  write(text: string): void;
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
    get isTTY() {
      return Boolean(stream.isTTY);
    },
    get columns() {
      return stream.isTTY ? stream.columns : undefined;
    },
  };
}

/** The process's own: what `acta` on a command line runs with. */
export function processRuntime(): Runtime {
  return { cwd: process.cwd(), env: process.env, stdout: streamOutput(process.stdout), stderr: streamOutput(process.stderr) };
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

/** A path the user typed, made absolute from the run's working folder. */
export function fromCwd(p: string): string {
  return path.resolve(runtime().cwd, p);
}

/** A path shown to the user: relative to the run's working folder, with forward slashes. */
export function shownFromCwd(full: string, base: string = runtime().cwd): string {
  return path.relative(base, full).split(path.sep).join('/');
}

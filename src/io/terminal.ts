// The terminal edge: chalk lives here; colour only on a TTY and never under NO_COLOR.
import { Chalk } from 'chalk';
import type { Style } from '../render/style.js';
import { PLAIN } from '../render/style.js';
import type { Output } from './runtime.js';
import { runtime } from './runtime.js';

// NO_COLOR (set, not empty) wins; then FORCE_COLOR as Node and chalk read it: 0 or false is "no colour", any other
// value colour even into a pipe; then a terminal, unless it says it cannot show colour (TERM=dumb).
export function useColour(stream: Pick<Output, 'isTTY'>, env: NodeJS.ProcessEnv = runtime().env): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force === '0' || force === 'false') return false;
  if (force !== undefined) return true;
  return Boolean(stream.isTTY) && env['TERM'] !== 'dumb';
}

export function styleFor(colour: boolean): Style {
  if (!colour) return PLAIN;
  const c = new Chalk({ level: 1 });
  return { red: c.red, yellow: c.yellow, green: c.green, cyan: c.cyan, blue: c.blue, magenta: c.magenta, bold: c.bold, dim: c.dim };
}

/** Progress on stderr for runs longer than a second — only on an interactive terminal, never in CI or pipes. */
export function startProgress(total: number, env: NodeJS.ProcessEnv = runtime().env): { tick(): void; stop(): void } {
  const stream = runtime().stderr;
  if (!stream.isTTY || env['CI']) return { tick() {}, stop() {} };
  let done = 0;
  let shown = false;
  const draw = (): void => {
    shown = true;
    stream.write(`\racta: read ${done}/${total} files…`);
  };
  let interval: NodeJS.Timeout | undefined;
  const delay = setTimeout(() => {
    draw();
    interval = setInterval(draw, 250);
    interval.unref();
  }, 1000);
  delay.unref();
  return {
    tick() {
      done++;
    },
    stop() {
      clearTimeout(delay);
      if (interval) clearInterval(interval);
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

/** How wide tables for people may be: the terminal's width; none when output is piped (tables keep their fixed layout). */
export function tableWidth(out: Output = runtime().stdout): number | undefined {
  return out.isTTY ? out.columns ?? 80 : undefined;
}

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
// Shared wiring for commands: resolve the root, today's date and language from global options.
import { isRealDate } from '../core/dates.js';
import type { Lang } from '../core/model.js';
import { today } from '../io/clock.js';
import { findRoot, UsageError } from '../io/files.js';
import { styleFor, useColour } from '../io/terminal.js';
import type { Style } from '../render/style.js';
import type { GlobalOptions } from './outcome.js';

export async function resolveRoot(options: GlobalOptions, near?: string): Promise<string> {
  if (options.root !== undefined) {
    const root = path.resolve(options.root);
    if (!existsSync(root)) throw new UsageError(`--root ${options.root}: no such directory`);
    return root;
  }
  if (near === undefined) return findRoot(process.cwd());
  const full = path.resolve(near);
  return findRoot(existsSync(full) && statSync(full).isDirectory() ? full : path.dirname(full));
}

export function resolveAsOf(options: GlobalOptions): string {
  if (options.asOf === undefined) return today();
  if (!isRealDate(options.asOf)) throw new UsageError(`--as-of ${options.asOf}: expected a real date as YYYY-MM-DD`);
  return options.asOf;
}

export function resolveLang(options: GlobalOptions, fallback: Lang = 'es'): Lang {
  return options.lang ?? fallback;
}

export function resolveStyle(options: GlobalOptions, stream: NodeJS.WriteStream = process.stdout): Style {
  return styleFor(options.color === false ? false : useColour(stream));
}

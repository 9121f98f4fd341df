// What a command returns: the shell (cli.ts) prints it and exits with its code — the only place that exits.
import type { Lang } from '../core/model.js';

export interface Outcome {
  /** The text, or its parts in order (made as they are written: a long list never exists as one string). */
  readonly stdout: string | Iterable<string>;
  readonly stderr?: string;
  /** 0 clean, 1 problems found (errors, overdue, flagged, would change), 2 usage or I/O failure. */
  readonly exitCode: 0 | 1 | 2;
}

export interface GlobalOptions {
  readonly root?: string;
  readonly lang?: Lang;
  readonly asOf?: string;
  readonly color?: boolean;
  /** Read the records as they were at this git revision (read-only commands). */
  readonly rev?: string;
}

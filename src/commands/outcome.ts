// What a command returns: the shell (cli.ts) prints it and exits with its code — the only place that exits.
import type { Lang } from '../core/model.js';

export interface Outcome {
  readonly stdout: string;
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

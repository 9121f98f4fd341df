// The report of `acta fmt`: one line per file that changed or could not be formatted, then a summary line.
import { oneLine } from './escape.js';
import type { Style } from './style.js';

export type FmtStatus = 'unchanged' | 'reformatted' | 'would-reformat' | 'not-formatted';

export interface FmtFile {
  /** As shown to the user (relative to the working directory). */
  readonly file: string;
  readonly status: FmtStatus;
  /** Why a file was not formatted. */
  readonly reason?: string;
}

export interface FmtResult {
  readonly check: boolean;
  readonly files: readonly FmtFile[];
  readonly counts: Readonly<Record<FmtStatus, number>>;
}

export function formatFmtResult(r: FmtResult, s: Style): string {
  const out: string[] = [];
  for (const f of r.files) {
    if (f.status === 'reformatted') out.push(`${s.green('formatted')} ${oneLine(f.file)}`);
    else if (f.status === 'would-reformat') out.push(`${s.yellow('would reformat')} ${oneLine(f.file)}`);
    else if (f.status === 'not-formatted') out.push(`${s.red('not formatted')} ${oneLine(f.file)}: ${oneLine(f.reason ?? '')}`);
  }
  out.push(summary(r));
  return out.join('\n') + '\n';
}

function summary(r: FmtResult): string {
  const n = (k: number): string => `${k} file${k === 1 ? '' : 's'}`;
  const c = r.counts;
  const parts = r.check
    ? [`${n(c['would-reformat'])} would be reformatted`, `${c.unchanged} already canonical`]
    : [`${n(c.reformatted)} reformatted`, `${c.unchanged} unchanged`];
  if (c['not-formatted']) parts.push(`${c['not-formatted']} not formatted (fix them first: acta validate)`);
  return parts.join(', ');
}

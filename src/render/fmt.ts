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
  /** For would-reformat: the start of the change, as unified-diff lines (`@@`, `-`, `+`, ` `), at most a few. */
  readonly diff?: readonly string[];
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
    else if (f.status === 'would-reformat') {
      out.push(`${s.yellow('would reformat')} ${oneLine(f.file)}`);
      for (const l of f.diff ?? []) out.push(`  ${l.startsWith('-') ? s.red(oneLine(l)) : l.startsWith('+') ? s.green(oneLine(l)) : s.dim(oneLine(l))}`);
    }
    else if (f.status === 'not-formatted') out.push(`${s.red('not formatted')} ${oneLine(f.file)}: ${oneLine(f.reason ?? '')}`);
  }
  out.push(summary(r));
  if (r.check && r.counts['would-reformat'] > 0) out.push(`run \`acta fmt\` to rewrite ${r.counts['would-reformat'] === 1 ? 'it' : 'them'} (comments kept, data unchanged)`);
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

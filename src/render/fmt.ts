// The report of `acta fmt`: one line per file that changed or could not be formatted, then a summary line.
import { oneLine } from './escape.js';
import type { Style } from './style.js';
import { t } from './catalog.js';

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

export function formatFmtResult(r: FmtResult, s: Style, lang: string): string {
  const out: string[] = [];
  for (const f of r.files) {
    if (f.status === 'reformatted') out.push(`${s.green(t(lang, 'fmt.formatted'))} ${oneLine(f.file)}`);
    else if (f.status === 'would-reformat') {
      out.push(`${s.yellow(t(lang, 'fmt.wouldReformat'))} ${oneLine(f.file)}`);
      for (const l of f.diff ?? []) out.push(`  ${l.startsWith('-') ? s.red(oneLine(l)) : l.startsWith('+') ? s.green(oneLine(l)) : s.dim(oneLine(l))}`);
    }
    else if (f.status === 'not-formatted') out.push(`${s.red(t(lang, 'fmt.notFormatted'))} ${oneLine(f.file)}: ${oneLine(f.reason ?? '')}`);
  }
  out.push(summary(r, lang));
  if (r.check && r.counts['would-reformat'] > 0) out.push(t(lang, 'fmt.runFmt', { files: r.counts['would-reformat'] === 1 ? 'one' : 'other' }));
  return out.join('\n') + '\n';
}

function summary(r: FmtResult, lang: string): string {
  const c = r.counts;
  const parts = [r.check ? t(lang, 'fmt.summaryCheck', { would: c['would-reformat'], unchanged: c.unchanged }) : t(lang, 'fmt.summaryWrite', { reformatted: c.reformatted, unchanged: c.unchanged })];
  if (c['not-formatted']) parts.push(t(lang, 'fmt.summaryFailed', { count: c['not-formatted'] }));
  return parts.join(', ');
}

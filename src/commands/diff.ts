// acta diff BASE [HEAD]: the semantic diff of the records at two git revisions (HEAD: the working tree, or --rev).
import { diffRecordSets } from '../core/diff/diff.js';
import type { DiffSide } from '../core/diff/types.js';
import { CONFIG_FILE } from '../core/records.js';
import { say } from '../core/diagnostics.js';
import { SaidError } from '../io/files.js';
import { loadRepository } from '../io/load.js';
import type { RecordSource } from '../io/source.js';
import { changedFiles, diskSource, gitSource, subsetSource } from '../io/source.js';
import type { DiffFormat } from '../render/diff.js';
import { DIFF_FORMATTERS } from '../render/diff.js';
import { checkChoice } from './choices.js';
import { resolveLang, resolveRoot, resolveStyle } from './context.js';
import type { GlobalOptions, Outcome } from './outcome.js';

export interface DiffOptions extends GlobalOptions {
  readonly format?: string;
  readonly failOn?: string;
}

const FAIL_ON = ['flagged', 'any', 'none'] as const;

export async function runDiff(args: readonly string[], options: DiffOptions): Promise<Outcome> {
  const [baseRev, headRev] = args;
  if (baseRev === undefined) throw new SaidError(say('usage.diffNeedsBase'));
  const format = (options.format ?? 'pretty') as DiffFormat;
  checkChoice(`--format ${format}`, format, Object.keys(DIFF_FORMATTERS));
  const failOn = options.failOn ?? 'none';
  checkChoice(`--fail-on ${failOn}`, failOn, FAIL_ON);
  const root = await resolveRoot(options);
  const headName = headRev ?? options.rev;
  const baseSource = await gitSource(root, baseRev);
  const headSource = headName === undefined ? diskSource(root) : await gitSource(root, headName);
  // Which files' bytes differ (blob ids compared, nothing parsed): a file that cannot be read at either revision is
  // still a change when it changed. Only those files are read as records, at each side — an unchanged file has
  // nothing to report — plus acta.yaml, which says the language and the authentic text.
  const changed = new Set((await changedFiles(baseSource, headSource, { alsoAtBase: [CONFIG_FILE] })).map((c) => c.file));
  const wanted = [...changed, CONFIG_FILE];
  const [base, head] = [await loadRepository(subsetSource(baseSource, wanted), [], { dataOnly: true }), await loadRepository(subsetSource(headSource, wanted), [], { dataOnly: true })];
  const result = diffRecordSets(base.records, head.records, { base: sideOf(baseSource), head: sideOf(headSource) }, changed);
  const lang = resolveLang(options, head.records.config.lang ?? 'es');
  const stdout = DIFF_FORMATTERS[format](result, { style: resolveStyle(options), lang });
  const failed = (failOn === 'flagged' && result.counts.flagged > 0) || (failOn === 'any' && result.counts.changes > 0);
  return { stdout, exitCode: failed ? 1 : 0 };
}

function sideOf(source: RecordSource): DiffSide {
  return { label: source.label, ...(source.commit ? { commit: source.commit } : {}) };
}

// acta fmt [paths…] [--check]: rewrite record files in the canonical layout, atomically; --check only lists them.
import path from 'node:path';
import { keyOrderFor } from '../core/format/key-order.js';
import { isCanonicalLayout } from '../core/format/canonical.js';
import { formatRecordText } from '../core/format/format.js';
import type { KeyOrder } from '../core/format/key-order.js';
import type { ParsedFile } from '../core/read/index.js';
import { kindOf } from '../core/records.js';
import type { RecordKind } from '../core/schema.js';
import { readParsedFiles } from '../io/load.js';
import { openCanonicalSet } from '../io/refs-cache.js';
import { say } from '../core/diagnostics.js';
import { expandPaths, SaidError } from '../io/files.js';
import { shownFromCwd } from '../io/runtime.js';
import { readSchemas } from '../io/schemas.js';
import { diskSource, UnreadableRecord } from '../io/source.js';
import { RefusedWrite, writeFileAtomic } from '../io/write.js';
import { withRecordsLock } from '../io/lock.js';
import { structuredPatch } from 'diff';
import type { FmtFile, FmtResult, FmtStatus } from '../render/fmt.js';
import { formatFmtResult } from '../render/fmt.js';
import { configuredLang } from '../io/locales.js';
import { t } from '../render/catalog.js';
import { diagnosticText, saidText } from '../render/diagnostic-text.js';
import { refuseRev, resolveLang, resolveRoot, resolveStyle } from './context.js';
import type { GlobalOptions, Outcome } from './outcome.js';

export interface FmtOptions extends GlobalOptions {
  readonly check?: boolean;
}

export async function runFmt(paths: readonly string[], options: FmtOptions): Promise<Outcome> {
  refuseRev(options, 'fmt');
  const root = await resolveRoot(options, paths[0]);
  // Rewriting holds the records lock (io/lock.ts): a done running meanwhile is neither lost nor overwritten.
  resolveLang(options, configuredLang(root)); // chosen before the lock: a refusal of the lock is said in it
  return options.check ? formatAll(root, paths, options) : withRecordsLock(root, () => formatAll(root, paths, options));
}

async function formatAll(root: string, paths: readonly string[], options: FmtOptions): Promise<Outcome> {
  const lang = resolveLang(options, configuredLang(root));
  const source = diskSource(root);
  const files = paths.length ? await expandPaths(root, paths) : await source.list();
  const folders = paths.length ? [] : (source.unreadableFolders?.() ?? []);
  if (files.some((f) => f.startsWith('../'))) throw new SaidError(say('usage.pathsOutsideRoot', { root }));
  const schemas = readSchemas();
  const orders = new Map<RecordKind, KeyOrder | undefined>();
  const orderFor = (kind: RecordKind): KeyOrder | undefined => (orders.has(kind) ? orders.get(kind) : orders.set(kind, keyOrderFor(schemas, kind)).get(kind));
  // Contents an earlier run found canonical are neither parsed nor formatted again (kept beside the parse cache, by
  // content). The others are parsed once, as validate parses them (workers on large runs, the parse cache), for
  // their problems and kind, then formatted and compared with the bytes read.
  const canonical = openCanonicalSet(root);
  const read = new Map<string, Uint8Array | unknown>();
  for (const file of files) read.set(file, await source.read(file).catch((e: unknown) => e));
  const todo = files.filter((f) => { const bytes = read.get(f); return bytes instanceof Uint8Array && !canonical.has(bytes); });
  const parsed = new Map((await readParsedFiles({ ...source, read: async (file) => read.get(file) as Uint8Array }, todo)).map((p, i) => [todo[i]!, p]));
  const results: FmtFile[] = [];
  for (const file of files) {
    const shown = shownFromCwd(path.join(root, file));
    const bytes = read.get(file);
    const one = parsed.get(file);
    const { status, reason, diff } = bytes instanceof Uint8Array && !one ? { status: 'unchanged' as const, reason: undefined, diff: undefined } : await formatOne(root, file, bytes, one, Boolean(options.check), orderFor, lang);
    if (status === 'unchanged' && one) canonical.add(bytes as Uint8Array);
    results.push({ file: shown, status, ...(reason ? { reason } : {}), ...(diff ? { diff } : {}) });
  }
  canonical.save();
  for (const f of folders) results.push({ file: shownFromCwd(path.join(root, f.folder)) + '/', status: 'not-formatted', reason: t(lang, 'fmt.unreadableFolder', { reason: f.reason }) });
  const counts = { unchanged: 0, reformatted: 0, 'would-reformat': 0, 'not-formatted': 0 } as Record<FmtStatus, number>;
  for (const r of results) counts[r.status]++;
  const result: FmtResult = { check: Boolean(options.check), files: results, counts };
  const failed = counts['not-formatted'] > 0 || counts['would-reformat'] > 0;
  return { stdout: formatFmtResult(result, resolveStyle(options), lang), exitCode: failed ? 1 : 0 };
}

async function formatOne(root: string, file: string, bytes: Uint8Array | unknown, parsed: ParsedFile | undefined, check: boolean, orderFor: (kind: RecordKind) => KeyOrder | undefined, lang: string): Promise<{ status: FmtStatus; reason?: string; diff?: readonly string[] }> {
  if (!(bytes instanceof Uint8Array) || !parsed) {
    const e = bytes;
    return { status: 'not-formatted', reason: e instanceof UnreadableRecord ? e.reason : t(lang, 'fmt.unreadable', { code: (e as NodeJS.ErrnoException | undefined)?.code ?? 'error' }) };
  }
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) return { status: 'not-formatted', reason: t(lang, 'fmt.problems', { count: errors.length, line: String(errors[0]!.line), message: diagnosticText(errors[0]!, lang).message }) };
  const kind = kindOf(parsed);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const order = kind ? orderFor(kind) : undefined;
  // Most files of a clean repository are canonical: a reading of their lines says so without the formatter.
  if (isCanonicalLayout(text, order)) return { status: 'unchanged' };
  const outcome = formatRecordText(text, order);
  if (!outcome.ok) return { status: 'not-formatted', reason: saidText(outcome.reason, lang) };
  const output = Buffer.from(outcome.text, 'utf8');
  if (output.equals(Buffer.from(bytes))) return { status: 'unchanged' };
  if (check) return { status: 'would-reformat', diff: firstChange(text, outcome.text, lang) };
  try {
    await writeFileAtomic(root, file, output, { expected: bytes });
  } catch (e) {
    if (e instanceof RefusedWrite) return { status: 'not-formatted', reason: saidText(e.reason, lang) };
    throw e;
  }
  return { status: 'reformatted' };
}

const SHOWN_DIFF_LINES = 8;

/** The first hunk of what acta fmt would change (one line of context), cut to a few lines: enough to see why. What no
 * line shows (a byte-order mark, CRLF line ends) is said in words, each, after the hunk if there is one. */
export function firstChange(before: string, after: string, lang: string): string[] {
  const lines = (t: string): string[] => t.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const patch = structuredPatch('', '', lines(before).join('\n'), lines(after).join('\n'), '', '', { context: 1 });
  const hunk = patch.hunks[0];
  const unseen = [...(before.startsWith('\uFEFF') ? [t(lang, 'fmt.byteOrderMark')] : []), ...(/\r/.test(before) ? [t(lang, 'fmt.crlf')] : [])];
  if (!hunk) return unseen.length ? unseen : [t(lang, 'fmt.invisibleBytes')];
  const body = hunk.lines.filter((l) => !l.startsWith('\\'));
  const shown = body.slice(0, SHOWN_DIFF_LINES);
  return [t(lang, 'fmt.diffAt', { line: hunk.oldStart }), ...shown, ...(body.length > shown.length || patch.hunks.length > 1 ? ['…'] : []), ...unseen];
}

// acta done | extend | status REF: append one follow-up entry, check every record with the change in memory, then
// write atomically (or, with --dry-run, print the change as a unified diff). A refused change writes no byte.
import path from 'node:path';
import { createTwoFilesPatch, diffLines } from 'diff';
import { buildActorDirectory } from '../core/actors.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { EditOutcome } from '../core/edit/followup-entry.js';
import { appendFollowup, setSupersedes } from '../core/edit/followup-entry.js';
import type { FollowupRequest, PlannedEdit } from '../core/edit/followup-request.js';
import { planFollowup } from '../core/edit/followup-request.js';
import { keyOrderFor } from '../core/format/key-order.js';
import { formatRecordText } from '../core/format/format.js';
import { SaidError, UsageError } from '../io/files.js';
import { parseRecordFile } from '../core/read/index.js';
import { checkRecords } from '../core/pipeline.js';
import { loadRepository, schemaValidator } from '../io/load.js';
import { shownFromCwd } from '../io/runtime.js';
import { readSchemas } from '../io/schemas.js';
import type { RecordSource } from '../io/source.js';
import { diskSource } from '../io/source.js';
import { writeFilesAtomic } from '../io/write.js';
import { withRecordsLock } from '../io/lock.js';
import { configuredLang } from '../io/locales.js';
import { formatText } from '../render/diagnostics.js';
import { oneLine, terminalLines } from '../render/escape.js';
import { countDiagnostics, say } from '../core/diagnostics.js';
import { diagnosticText, saidText } from '../render/diagnostic-text.js';
import { t } from '../render/catalog.js';
import { refuseRev, resolveAsOf, resolveLang, resolveRoot } from './context.js';
import type { GlobalOptions, Outcome } from './outcome.js';

export interface WriteOptions extends GlobalOptions {
  readonly on?: string;
  readonly dryRun?: boolean;
  readonly by?: string;
  readonly evidence?: string;
  readonly note?: string;
  readonly occurrence?: string;
  readonly to?: string;
  readonly decidedBy?: string;
  readonly reason?: string;
  readonly supersededBy?: string;
  readonly again?: boolean;
}

export function requestFor(verb: 'done' | 'extend' | 'status', args: readonly string[], o: WriteOptions): FollowupRequest {
  const pick = <K extends keyof WriteOptions>(k: K): Partial<Record<K, string>> => (typeof o[k] === 'string' ? ({ [k]: o[k] } as unknown as Partial<Record<K, string>>) : {});
  if (verb === 'done') return { kind: 'done', ...pick('by'), ...pick('evidence'), ...pick('note'), ...pick('occurrence'), ...(o.again ? { again: true } : {}) };
  if (verb === 'extend') return { kind: 'extend', ...pick('to'), ...pick('decidedBy'), ...pick('reason') };
  return { kind: 'status', ...(args[1] !== undefined ? { status: args[1] } : {}), ...pick('note'), ...pick('supersededBy') };
}

export async function runFollowupWrite(verb: 'done' | 'extend' | 'status', args: readonly string[], options: WriteOptions): Promise<Outcome> {
  refuseRev(options, verb);
  const ref = args[0];
  if (!ref) throw new SaidError(say('usage.writeWhat', { verb }));
  const on = options.on ?? resolveAsOf(options);
  const root = await resolveRoot(options);
  resolveLang(options, configuredLang(root)); // chosen before the lock: a refusal of the lock is said in it
  // Read, check and write under the records lock: a second writer waits, then reads what this one wrote.
  return options.dryRun ? writeFollowup(verb, args, options, on, root) : withRecordsLock(root, () => writeFollowup(verb, args, options, on, root));
}

async function writeFollowup(verb: 'done' | 'extend' | 'status', args: readonly string[], options: WriteOptions, on: string, root: string): Promise<Outcome> {
  const ref = args[0]!;
  // The bytes each file was parsed from: the point is located and the entry applied on the same bytes.
  const disk = rememberingSource(diskSource(root));
  const before = await loadRepository(disk);
  const records = before.records;
  const lang = resolveLang(options, records.config.lang);
  const plan = planFollowup(records, buildActorDirectory(records.registries), ref, on, lang, requestFor(verb, args, options));
  if (!plan.ok) throw new UsageError(saidText(plan.error, lang));
  const texts = await editedTexts(disk, plan.value.edits, (file) => records.plans.some((p) => p.parsed.file === file), lang);
  // The records with the change in memory: only the edited files are parsed again.
  const after = checkRecords(records.files.map((f) => (texts.after.has(f.file) ? parseRecordFile(f.file, new TextEncoder().encode(texts.after.get(f.file)!)) : f)), schemaValidator(), { rootFile: 'acta.yaml' });
  const added = newProblems(before.diagnostics, after.diagnostics, 'error');
  const shown = (file: string): string => shownFromCwd(path.join(root, file));
  const listed = (list: readonly Diagnostic[]): string => list.map((d) => ({ ...d, file: shown(d.file) })).map((d) => formatText({ root, files: [], diagnostics: [d], counts: countDiagnostics([d]) }, { lang }) + hintLine(d, lang)).join('');
  if (added.length) {
    // --on left out is today (or --as-of): when that day is what is refused, say how to give the real one.
    const defaulted = options.on === undefined && added.some((d) => d.code === 'followup/before-meeting') ? `${t(lang, 'written.onDefaulted', { on, source: options.asOf !== undefined ? 'asOf' : 'today' })}\n` : '';
    return { stdout: '', stderr: `${t(lang, 'written.refused', { verb, count: added.length })}\n${listed(added)}${defaulted}`, exitCode: 1 };
  }
  // Warnings the change brings (a deadline extended to before the meeting): said now, as validate would say them next
  // (issue 26 point 18); the change is still written.
  const warned = newProblems(before.diagnostics, after.diagnostics, 'warning');
  const warning = warned.length ? `${t(lang, 'written.warned', { verb, count: warned.length })}\n${listed(warned)}` : undefined;
  const files = [...texts.after.keys()];
  // What the plan itself warns of (an extension to before the deadline in force), said at once.
  const planWarnings = (plan.value.warnings ?? []).map((w) => `${oneLine(saidText(w, lang))}\n`).join('');
  if (options.dryRun) {
    const patches = files.map((f) => createTwoFilesPatch(`a/${shown(f)}`, `b/${shown(f)}`, texts.before.get(f)!, texts.after.get(f)!, '', '', { context: 3 }).replace(/^=+\n/, ''));
    const stderr = planWarnings + (warned.length ? `${t(lang, 'written.wouldWarn', { verb, count: warned.length })}\n${listed(warned)}` : '');
    return { stdout: terminalLines(patches.join('')), ...(stderr ? { stderr } : {}), exitCode: 0 };
  }
  // All files or none; each only if it still holds the bytes read (an editor saving meanwhile is not overwritten).
  await writeFilesAtomic(root, files.map((f) => ({ file: f, data: texts.after.get(f)!, expected: disk.bytesRead(f)! })));
  const lines = [`${oneLine(plan.value.ref)}: ${oneLine(saidText(plan.value.summary, lang))}`];
  // The lines the entry added, against the file as `acta fmt` would have left it: a file not in the canonical layout
  // (CRLF, other indentation, flow style) is rewritten whole, and its every line is not what was recorded.
  for (const f of files) {
    const canonical = texts.canonical.get(f)!;
    lines.push(`${shown(f)}:`, ...addedLines(canonical, texts.after.get(f)!));
    if (canonical !== texts.before.get(f)) lines.push(t(lang, 'written.reformatted'));
  }
  const stderr = planWarnings + (warning ?? '');
  return { stdout: lines.join('\n') + '\n', ...(stderr ? { stderr } : {}), exitCode: 0 };
}

/** Each file's text before and after the planned edits (several edits to one file apply in turn). */
async function editedTexts(disk: RememberingSource, edits: readonly PlannedEdit[], isPlan: (file: string) => boolean, lang: string): Promise<{ before: Map<string, string>; after: Map<string, string>; canonical: Map<string, string> }> {
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  const canonical = new Map<string, string>();
  const schemas = readSchemas();
  for (const e of edits) {
    if (!before.has(e.file)) before.set(e.file, decode(disk.bytesRead(e.file) ?? (await disk.read(e.file))));
    const order = keyOrderFor(schemas, isPlan(e.file) ? 'plan' : 'meeting');
    if (!canonical.has(e.file)) {
      const formatted = formatRecordText(before.get(e.file)!, order);
      canonical.set(e.file, formatted.ok ? formatted.text : before.get(e.file)!);
    }
    const text = after.get(e.file) ?? before.get(e.file)!;
    const out: EditOutcome = 'append' in e ? appendFollowup(text, e.pointer, e.append, order) : setSupersedes(text, e.pointer, e.supersedes, order);
    if (!out.ok) throw new UsageError(t(lang, 'refusals.cannotAddEntry', { file: e.file, reason: saidText(out.reason, lang) }));
    after.set(e.file, out.text);
  }
  return { before, after, canonical };
}

// Errors the change brings: those after it that were not there before (matched without line numbers, which an
// added entry shifts). Errors already in the records do not block recording follow-up elsewhere.
function newProblems(before: readonly Diagnostic[], after: readonly Diagnostic[], severity: 'error' | 'warning'): Diagnostic[] {
  const key = (d: Diagnostic): string => `${d.code}\0${d.file}\0${d.pointer}\0${d.variant ?? ''}\0${JSON.stringify(d.params)}`;
  const known = new Set(before.filter((d) => d.severity === severity).map(key));
  return after.filter((d) => d.severity === severity && d.explained === undefined && !known.has(key(d)));
}

function hintLine(d: Diagnostic, lang: string): string {
  const { hint } = diagnosticText(d, lang);
  return hint ? `  ${t(lang, 'validate.hint')} ${oneLine(hint)}\n` : '';
}

interface RememberingSource extends RecordSource {
  bytesRead(file: string): Uint8Array | undefined;
}

// A source that keeps the bytes it gave: the edit is made on, and the write checked against, what was parsed.
function rememberingSource(source: RecordSource): RememberingSource {
  const seen = new Map<string, Uint8Array>();
  return {
    ...source,
    read: async (file) => {
      const bytes = await source.read(file);
      seen.set(file, bytes);
      return bytes;
    },
    bytesRead: (file) => seen.get(file),
  };
}

const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);

function addedLines(before: string, after: string): string[] {
  return diffLines(before, after).filter((p) => p.added).flatMap((p) => p.value.replace(/\n$/, '').split('\n')).map((l) => oneLine(l));
}

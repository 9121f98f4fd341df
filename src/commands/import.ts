// acta import FILE: a meeting report (.docx, .txt, .md) becomes a draft meeting record, every guess marked by an import note.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { keyOrderFor } from '../core/format/key-order.js';
import { draftMeeting } from '../core/import/draft-meeting.js';
import { draftText } from '../core/import/record-text.js';
import { acceptImportNotes } from '../core/edit/accept-notes.js';
import { withRecordsLock } from '../io/lock.js';
import { configuredLang } from '../io/locales.js';
import { parseRecordFile } from '../core/read/index.js';
import { checkRecords } from '../core/pipeline.js';
import { DocxRefused, readDocxText } from '../io/docx.js';
import { isRealDate } from '../core/dates.js';
import { actorNames, findActors } from '../core/import/match-actors.js';
import type { Registries } from '../core/model.js';
import { terminalLines } from '../render/escape.js';
import { nearestChoice } from './choices.js';
import { say } from '../core/diagnostics.js';
import { SaidError, UsageError } from '../io/files.js';
import { loadRepository, schemaValidator } from '../io/load.js';
import { fromCwd, runtime, shownFromCwd } from '../io/runtime.js';
import { findSchemasFolder, schemaPathFrom } from '../io/scaffold.js';
import { readSchemas } from '../io/schemas.js';
import { makeFolder, writeFileAtomic } from '../io/write.js';
import { diagnosticText, saidText } from '../render/diagnostic-text.js';
import { refuseRev, resolveLang, resolveRoot } from './context.js';
import { t } from '../render/catalog.js';
import type { GlobalOptions, Outcome } from './outcome.js';
import { ID_FORM } from '../core/id-forms.js';

export interface ImportOptions extends GlobalOptions {
  readonly stdout?: boolean;
  /** The body that met (a registry id), the first and last day, the place ("City, Country") and the report's
   * language: what the user knows, instead of the importer's guess. */
  readonly body?: string;
  readonly date?: string;
  readonly end?: string;
  readonly place?: string;
  readonly sourceLang?: string;
  /** With a record instead of a report: remove its `import:` notes (all, or those about `only`'s pointers). */
  readonly accept?: boolean;
  readonly only?: string;
}

const MAX_BYTES = 2_000_000;

/** The text of a report's bytes: UTF-8 (with or without BOM), UTF-16 with its BOM, else Windows-1252 (what Word's
 * "plain text" export gives on Windows) — said in a note. Binary (NUL bytes outside UTF-16) is refused. */
export function decodeText(bytes: Uint8Array): { text: string; encoding?: string } | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  if (bytes.includes(0)) return undefined;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}

function checkDay(v: string | undefined, flag: string): string | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !isRealDate(v)) throw new SaidError(say('usage.importBadDay', { flag, value: v }));
  return v;
}

export async function runImport(args: readonly string[], options: ImportOptions): Promise<Outcome> {
  if (options.accept) return acceptNotes(args, options);
  if (options.only !== undefined) throw new SaidError(say('usage.importOnlyNeedsAccept'));
  const [input] = args;
  if (!input) throw new SaidError(say('usage.importWhat'));
  refuseRev(options, 'import');
  const ext = path.extname(input).toLowerCase();
  if (ext !== '.txt' && ext !== '.md' && ext !== '.docx') throw new SaidError(say('usage.importKind', { input }));
  const start = checkDay(options.date, '--date');
  const end = checkDay(options.end, '--end');
  if (end && !start) throw new SaidError(say('usage.importEndNeedsDate'));
  if (start && end && end < start) throw new SaidError(say('usage.importEndBefore', { end, start }));
  if (options.body !== undefined && !ID_FORM.test(options.body)) throw new SaidError(say('usage.importBadBody', { value: options.body }));
  if (options.sourceLang !== undefined && options.sourceLang !== 'es' && options.sourceLang !== 'en') throw new SaidError(say('usage.importBadSourceLang', { value: options.sourceLang }));
  const full = fromCwd(input);
  const stat = await fs.stat(full).catch(() => undefined);
  if (!stat?.isFile()) throw new SaidError(say('usage.importNoFile', { input }));
  if (stat.size > MAX_BYTES) throw new SaidError(say('usage.importTooLarge', { input, max: MAX_BYTES }));
  if (stat.size === 0) throw new SaidError(say('usage.importEmpty', { input }));
  const bytes = await fs.readFile(full);
  let text: string;
  let encoding: string | undefined;
  if (ext === '.docx') {
    try {
      text = await readDocxText(bytes);
    } catch (e) {
      throw new SaidError(say('usage.importNotDocx', { input, detail: e instanceof DocxRefused ? e.said : 'none' }));
    }
  } else {
    const decoded = decodeText(bytes);
    if (!decoded) throw new SaidError(say('usage.importNotText', { input }));
    ({ text, encoding } = decoded);
  }
  if (text.trim() === '') throw new SaidError(say('usage.importNoText', { input }));
  const root = await resolveRoot(options);
  const repo = await loadRepository(root);
  const registries = repo.records.registries;
  if (options.body !== undefined && !registries.bodies.some((b) => b.id === options.body)) {
    throw new SaidError(say('usage.noSuchBody', { body: options.body, suggestion: nearestChoice(options.body, registries.bodies.map((b) => b.id)) }));
  }
  const known = repo.records.meetings.flatMap(({ data: m }) => (m.place?.city && m.place.country ? [{ city: m.place.city, country: m.place.country, meeting: m.id }] : []));
  const place = options.place !== undefined ? placeOption(options.place, registries) : undefined;
  const outcome = draftMeeting(ext === '.md' ? plainFromMarkdown(text) : text, path.basename(input), registries, known, {
    ...(options.body ? { body: options.body } : {}),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(place ? { place } : {}),
    ...(options.sourceLang ? { lang: options.sourceLang as 'es' | 'en' } : {}),
    ...(encoding ? { encoding } : {}),
    ...(repo.records.config.authentic ? { recordsAuthentic: repo.records.config.authentic } : {}),
  });
  const file = `meetings/${outcome.draft.id}.yaml`;
  const schemaPath = schemaPathFrom(path.join(root, file), findSchemasFolder(root), 'meeting.schema.json');
  const record = draftText(outcome.draft, path.basename(input), keyOrderFor(readSchemas(), 'meeting'), schemaPath);
  const parsed = parseRecordFile(file, Buffer.from(record, 'utf8'));
  const others = repo.records.files.filter((f) => f.file !== file);
  const errors = checkRecords([...others, parsed], schemaValidator()).diagnostics.filter((d) => d.file === file && d.severity === 'error');
  const lang = resolveLang(options, repo.records.config.lang);
  const problems = errors.map((d) => `  ${file}:${d.line}:${d.column} ${d.code} ${diagnosticText(d, lang).message}`).join('\n');
  const named = { 'the body': 'importer.missingBody', 'the meeting dates': 'importer.missingDates', 'the points': 'importer.missingPoints' } as const;
  const missing = outcome.missing.length ? `${t(lang, 'importer.notFound', { what: outcome.missing.map((m) => t(lang, named[m as keyof typeof named])).join(', ') })}\n` : '';
  const tail = `${missing}${errors.length ? `${t(lang, 'importer.errors', { count: errors.length })}\n${problems}\n` : ''}`;
  if (options.stdout) {
    // A draft shown on a terminal follows the terminal policy (no escape sequences or bidi overrides from the source);
    // piped or redirected, it is the record's exact text.
    return { stdout: runtime().stdout.isTTY ? terminalLines(record) : record, ...(tail ? { stderr: `acta: ${tail}` } : {}), exitCode: errors.length ? 1 : 0 };
  }
  if (existsSync(path.join(root, file))) throw new UsageError(t(lang, 'refusals.alreadyExists', { file, command: 'import', stdout: 'yes' }));
  await makeFolder(root, 'meetings');
  await writeFileAtomic(root, file, record, { exclusive: true });
  const shown = shownFromCwd(path.join(root, file));
  return {
    stdout: terminalLines(`${t(lang, 'importer.created', { file: shown, points: outcome.draft.agreements.length, notes: outcome.draft.notes.length })}\n${tail}${t(lang, 'importer.next', { file: shown })}\n`),
    exitCode: errors.length ? 1 : 0,
  };
}

/** acta import --accept RECORD [--only POINTERS]: the draft's import notes removed once a reviewer has checked them. */
async function acceptNotes(args: readonly string[], options: ImportOptions): Promise<Outcome> {
  const [input] = args;
  if (!input) throw new SaidError(say('usage.acceptWhat'));
  if (options.stdout || options.body || options.date || options.end || options.place || options.sourceLang) throw new SaidError(say('usage.acceptOptions'));
  if (!/\.ya?ml$/i.test(input)) throw new SaidError(say('usage.acceptNotRecord', { input }));
  const only = options.only?.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (only?.some((p) => !p.startsWith('/'))) throw new SaidError(say('usage.acceptBadOnly', { value: options.only ?? '' }));
  const root = await resolveRoot(options);
  const full = fromCwd(input);
  const file = path.relative(root, full).split(path.sep).join('/');
  if (file.startsWith('..') || path.isAbsolute(file)) throw new SaidError(say('usage.acceptOutside', { input, root: shownFromCwd(root) || '.' }));
  resolveLang(options, configuredLang(root)); // chosen before the lock: a refusal of the lock is said in it
  return withRecordsLock(root, async () => {
    const bytes = await fs.readFile(full).catch(() => undefined);
    if (!bytes) throw new SaidError(say('usage.importNoFile', { input }));
    const out = acceptImportNotes(bytes.toString('utf8'), only, keyOrderFor(readSchemas(), 'meeting'));
    if (!out.ok) {
      const lang = resolveLang(options, configuredLang(root));
      throw new UsageError(t(lang, 'importer.notAccepted', { file: input, reason: saidText(out.reason, lang) }));
    }
    const lang = resolveLang(options, (await loadRepository(root)).records.config.lang);
    if (out.removed === 0) return { stdout: terminalLines(`${t(lang, 'importer.nothingToAccept', { file: input })}\n`), exitCode: 0 };
    await writeFileAtomic(root, file, out.text, { expected: bytes });
    return { stdout: terminalLines(`${t(lang, 'importer.accepted', { file: input, removed: out.removed, left: out.left })}\n`), exitCode: 0 };
  });
}

/** --place "City, Country": the country by any registered name, acronym or code. */
function placeOption(value: string, registries: Registries): { city: string; country?: string } {
  const [city, ...rest] = value.split(',').map((s) => s.trim());
  if (!city) throw new SaidError(say('usage.importBadPlace', { value }));
  const countryText = rest.join(',').trim();
  if (!countryText) return { city };
  const byCode = registries.countries.find((c) => c.code.toLowerCase() === countryText.toLowerCase());
  const byName = byCode ?? registries.countries.find((c) => findActors(countryText, actorNames({ ...registries, organisations: [], bodies: [], groups: [], countries: [c] })).some((a) => a.start === 0));
  if (!byName) throw new SaidError(say('usage.importUnknownCountry', { value, country: countryText }));
  return { city, country: byName.code };
}

/** Markdown → the plain lines the reader expects: headings and emphasis unmarked, "-"/"*" bullets as "·". */
function plainFromMarkdown(md: string): string {
  return md
    .split(/\r?\n/)
    .map((l) => l.replace(/^#{1,6}\s+/, '').replace(/^\s*[-*+]\s+/, '· ').replace(/(\*\*|__)(.*?)\1/g, '$2').replace(/(?<![\w*])[*_](\S(?:.*?\S)?)[*_](?![\w*])/g, '$1'))
    .join('\n');
}

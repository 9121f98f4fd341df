// acta import FILE: a meeting report (.docx, .txt, .md) becomes a draft meeting record, every guess marked by an import note.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { keyOrderFor } from '../core/format/key-order.js';
import { draftMeeting } from '../core/import/draft-meeting.js';
import { draftText } from '../core/import/record-text.js';
import { parseRecordFile } from '../core/parse.js';
import { checkRecords } from '../core/pipeline.js';
import { readDocxText } from '../io/docx.js';
import { UsageError } from '../io/files.js';
import { loadRepository, schemaValidator } from '../io/load.js';
import { fromCwd, shownFromCwd } from '../io/runtime.js';
import { findSchemasFolder, schemaPathFrom } from '../io/scaffold.js';
import { readSchemas } from '../io/schemas.js';
import { makeFolder, writeFileAtomic } from '../io/write.js';
import { diagnosticText } from '../render/diagnostic-text.js';
import { resolveLang, resolveRoot } from './context.js';
import type { GlobalOptions, Outcome } from './outcome.js';

export interface ImportOptions extends GlobalOptions {
  readonly stdout?: boolean;
}

const MAX_BYTES = 2_000_000;

export async function runImport(args: readonly string[], options: ImportOptions): Promise<Outcome> {
  const [input] = args;
  if (!input) throw new UsageError('acta import FILE: name the meeting report to import (.txt or .md)');
  if (options.rev !== undefined) throw new UsageError('acta import writes a file: --rev is for read-only commands');
  const ext = path.extname(input).toLowerCase();
  if (ext !== '.txt' && ext !== '.md' && ext !== '.docx') throw new UsageError(`${input}: acta import reads .docx, .txt and .md reports`);
  const full = fromCwd(input);
  const stat = await fs.stat(full).catch(() => undefined);
  if (!stat?.isFile()) throw new UsageError(`${input}: no such file`);
  if (stat.size > MAX_BYTES) throw new UsageError(`${input}: larger than ${MAX_BYTES} bytes; a meeting report is far smaller`);
  const bytes = await fs.readFile(full);
  let text: string;
  try {
    text = ext === '.docx' ? await readDocxText(bytes) : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(ext === '.docx' ? `${input}: not a Word document acta can read` : `${input}: not UTF-8 text`);
  }
  const root = await resolveRoot(options);
  const repo = await loadRepository(root);
  const known = repo.records.meetings.flatMap(({ data: m }) => (m.place?.city && m.place.country ? [{ city: m.place.city, country: m.place.country, meeting: m.id }] : []));
  const outcome = draftMeeting(ext === '.md' ? plainFromMarkdown(text) : text, path.basename(input), repo.records.registries, known);
  if (!outcome.ok) throw new UsageError(`${input}: could not find ${outcome.missing.join(', ')}; nothing was written`);
  const file = `meetings/${outcome.draft.id}.yaml`;
  const schemaPath = schemaPathFrom(path.join(root, file), findSchemasFolder(root), 'meeting.schema.json');
  const record = draftText(outcome.draft, path.basename(input), keyOrderFor(readSchemas(), 'meeting'), schemaPath);
  const parsed = parseRecordFile(file, Buffer.from(record, 'utf8'));
  const others = repo.records.files.filter((f) => f.file !== file);
  const errors = checkRecords([...others, parsed], schemaValidator()).diagnostics.filter((d) => d.file === file && d.severity === 'error');
  const lang = resolveLang(options, repo.records.config.lang);
  const problems = errors.map((d) => `  ${file}:${d.line}:${d.column} ${d.code} ${diagnosticText(d, lang).message}`).join('\n');
  if (options.stdout) return { stdout: record, ...(errors.length ? { stderr: `acta: the draft has ${errors.length} errors to fix:\n${problems}\n` } : {}), exitCode: errors.length ? 1 : 0 };
  if (existsSync(path.join(root, file))) throw new UsageError(`${file} already exists: acta import does not overwrite a record (use --stdout to compare)`);
  await makeFolder(root, 'meetings');
  await writeFileAtomic(root, file, record, { exclusive: true });
  const notes = outcome.draft.notes.length;
  return {
    stdout: `created ${shownFromCwd(path.join(root, file))} (${outcome.draft.agreements.length} points, ${notes} import notes to check)\n${errors.length ? `it has ${errors.length} errors to fix:\n${problems}\n` : ''}next: check each "import:" note against the source, delete it, then run \`acta validate\`\n`,
    exitCode: errors.length ? 1 : 0,
  };
}

/** Markdown → the plain lines the reader expects: headings and emphasis unmarked, "-"/"*" bullets as "·". */
function plainFromMarkdown(md: string): string {
  return md
    .split(/\r?\n/)
    .map((l) => l.replace(/^#{1,6}\s+/, '').replace(/^\s*[-*+]\s+/, '· ').replace(/(\*\*|__)(.*?)\1/g, '$2').replace(/(?<![\w*])[*_](\S(?:.*?\S)?)[*_](?![\w*])/g, '$1'))
    .join('\n');
}

// A Word report (.docx) → the plain lines `acta import` reads, through mammoth (the only importer of it). Word's own
// numbering survives: a numbered paragraph becomes "1. …" (level 0) or "a. …" (level 1), a bulleted one "· …".
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import type { Said } from '../core/diagnostics.js';
import { say } from '../core/diagnostics.js';

/** Bounds on what a .docx may hold before mammoth builds anything (a 400 kB file can inflate to 400 MB). */
export const DOCX_LIMITS = { entryBytes: 16_000_000, totalBytes: 48_000_000, entries: 2_000, paragraphs: 20_000, textChars: 2_000_000 } as const;

/** Why a Word file is refused before it is read: a reason a person can act on. */
/** A Word file refused, with the reason in the catalog's words (usage.docx*), said in the run's language at the edge. */
export class DocxRefused extends Error {
  constructor(readonly said: Said) {
    super(said.say);
  }
}

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressed: number;
  readonly size: number;
  readonly local: number;
}

/** The zip's central directory: every entry's name and declared sizes (no inflating). */
function centralDirectory(buf: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new DocxRefused(say('usage.docxNotZip'));
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (count > DOCX_LIMITS.entries) throw new DocxRefused(say('usage.docxTooManyFiles', { count: String(count), max: String(DOCX_LIMITS.entries) }));
  const out: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw new DocxRefused(say('usage.docxDirectoryDamaged'));
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    if (size === 0xffffffff || compressed === 0xffffffff) throw new DocxRefused(say('usage.docxZip64', { name }));
    out.push({ name, method, compressed, size, local });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

/** Inflate one entry, never past the cap: zlib stops at maxOutputLength, whatever the directory declared. */
function inflateEntry(buf: Buffer, e: ZipEntry): Buffer {
  if (e.local + 30 > buf.length || buf.readUInt32LE(e.local) !== 0x04034b50) throw new DocxRefused(say('usage.docxEntryDamaged', { name: e.name }));
  const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
  const data = buf.subarray(start, start + e.compressed);
  if (e.method === 0) return data;
  if (e.method !== 8) throw new DocxRefused(say('usage.docxMethod', { name: e.name }));
  try {
    return inflateRawSync(data, { maxOutputLength: DOCX_LIMITS.entryBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new DocxRefused(say('usage.docxInflatesPast', { name: e.name, max: String(DOCX_LIMITS.entryBytes) }));
    throw new DocxRefused(say('usage.docxDataDamaged', { name: e.name }));
  }
}

/** Check a Word file's bounds before mammoth reads it: entry sizes from the central directory, then the main document
 * inflated under a cap, its paragraphs counted and its text measured. Throws DocxRefused with the reason. */
export function checkDocxBounds(bytes: Uint8Array): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(buf);
  let total = 0;
  for (const e of entries) {
    if (e.size > DOCX_LIMITS.entryBytes) throw new DocxRefused(say('usage.docxEntryTooLarge', { name: e.name, size: String(e.size), max: String(DOCX_LIMITS.entryBytes) }));
    total += e.size;
  }
  if (total > DOCX_LIMITS.totalBytes) throw new DocxRefused(say('usage.docxTotalTooLarge', { total: String(total), max: String(DOCX_LIMITS.totalBytes) }));
  const main = entries.find((e) => e.name === 'word/document.xml');
  if (!main) throw new DocxRefused(say('usage.docxNoDocument'));
  let inflated = 0;
  for (const e of entries) {
    if (!/\.xml$|\.rels$/.test(e.name)) continue;
    const xml = inflateEntry(buf, e);
    inflated += xml.length;
    if (inflated > DOCX_LIMITS.totalBytes) throw new DocxRefused(say('usage.docxInflatedPast', { max: String(DOCX_LIMITS.totalBytes) }));
    if (e !== main) continue;
    const text = xml.toString('utf8');
    const paragraphs = text.match(/<w:p[\s>/]/g)?.length ?? 0;
    if (paragraphs > DOCX_LIMITS.paragraphs) throw new DocxRefused(say('usage.docxParagraphs', { count: String(paragraphs), max: String(DOCX_LIMITS.paragraphs) }));
    let chars = 0;
    for (const m of text.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) chars += m[1]!.length;
    if (chars > DOCX_LIMITS.textChars) throw new DocxRefused(say('usage.docxChars', { count: String(chars), max: String(DOCX_LIMITS.textChars) }));
  }
}

interface DocElement {
  readonly type: string;
  readonly value?: string;
  readonly children?: readonly DocElement[];
  readonly numbering?: { readonly isOrdered: boolean; readonly level: string | number } | null;
}

function textOf(e: DocElement): string {
  if (e.type === 'text') return e.value ?? '';
  if (e.type === 'tab') return ' ';
  if (e.type === 'break') return ' ';
  return (e.children ?? []).map(textOf).join('');
}

function paragraphs(e: DocElement, out: DocElement[]): DocElement[] {
  if (e.type === 'paragraph') out.push(e);
  else for (const c of e.children ?? []) paragraphs(c, out);
  return out;
}

/** The document's paragraphs as lines, list items numbered as Word shows them. */
export async function readDocxText(bytes: Uint8Array): Promise<string> {
  checkDocxBounds(bytes);
  let found: DocElement[] = [];
  await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { transformDocument: (doc: DocElement) => ((found = paragraphs(doc, [])), doc) });
  const counters: number[] = [];
  const lines: string[] = [];
  for (const p of found) {
    const text = textOf(p).trim();
    if (!text) continue;
    const n = p.numbering;
    if (!n) {
      lines.push(text);
      continue;
    }
    const level = Number(n.level) || 0;
    counters.length = level + 1;
    counters[level] = (counters[level] ?? 0) + 1;
    const marker = !n.isOrdered ? '·' : level === 0 ? `${counters[level]}.` : level === 1 ? `${String.fromCharCode(96 + counters[level]!)}.` : `${counters[level]}.`;
    lines.push(`${marker} ${text}`);
  }
  return lines.join('\n') + '\n';
}

// Hostile record text in the Word documents: field codes, hyperlink fields, XML markup, control characters and bidi
// controls written into records come out as the literal characters a reader sees (sanitised as the HTML policy does),
// never as a field, a hyperlink or markup. Only an http(s) evidence link becomes a hyperlink. Checked on the XML.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { runActa } from '../run-acta.js';

const HOSTILE = String.raw`{ MERGEFIELD Name } HYPERLINK \"http://evil.example/f\" <w:fldSimple w:instr=\"DATE\"/> </w:t><w:t>x ]]> &amp; bell\a nul\0 esc\e[2J rtl\u202eevil iso\u2066 ls\L`;
const EVIDENCE_URL = 'https://example.org/report?a=1&b=2';

let root = '';
let out = '';
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'acta-docx-hostile-'));
  out = path.join(root, 'out');
  mkdirSync(out);
  cpSync(path.resolve('test/fixtures/followup'), root, { recursive: true });
  const file = path.join(root, 'meetings/2020-01-15-red-x.yaml');
  const text = readFileSync(file, 'utf8')
    .replace(/^( {8}en: )"=cmd.*$/m, `$1"${HOSTILE}"`)
    .replace(/^( {6}en: "Hostile text: ).*$/m, `$1${HOSTILE}"`)
    .replace('          document: estudio-unicef.pdf', `          document: "HYPERLINK \\"file:///etc/passwd\\" { PAGE } ${HOSTILE}"\n          url: "${EVIDENCE_URL}"`);
  writeFileSync(file, text);
});

const AS_OF = ['--as-of', '2020-09-01'];

async function documentXml(args: string[], file: string): Promise<{ xml: string; rels: string; bytes: Uint8Array }> {
  const r = await runActa([...args, '--root', root, ...AS_OF, '-f', 'docx', '-o', path.join(out, file)], { cwd: root });
  expect(r.stderr).toContain(`acta: se escribió`);
  expect(r.code).toBe(0);
  const bytes = readFileSync(path.join(out, file));
  const parts = unzipSync(bytes);
  return { xml: strFromU8(parts['word/document.xml']!), rels: strFromU8(parts['word/_rels/document.xml.rels']!), bytes };
}

// XML 1.0 forbids C0 controls but tab, LF, CR; the policy also drops bidi controls and line/paragraph separators.
const BAD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

describe('hostile record text in Word documents', () => {
  it.each([
    ['statement of the IOM (the hostile task is overdue)', ['statement', 'iom'], 'iom.docx'],
    ['statement of UNICEF (delivered, with the hostile evidence)', ['statement', 'unicef'], 'unicef.docx'],
    ['report with adopted texts and the annex', ['report', '--texts', '--annex', '--actor', 'iom,unicef'], 'report.docx'],
  ])('%s: the text is literal, no field or link comes from it', async (_what, args, file) => {
    const { xml, rels, bytes } = await documentXml(args, file);
    // The record text reached the document, escaped as character data.
    expect(xml).toContain('{ MERGEFIELD Name } HYPERLINK &quot;http://evil.example/f&quot; &lt;w:fldSimple w:instr=&quot;DATE&quot;/&gt; &lt;/w:t&gt;&lt;w:t&gt;x ]]&gt; &amp;amp; bell\uFFFD nul\uFFFD esc\uFFFD[2J rtl\uFFFDevil iso\uFFFD ls\uFFFD');
    expect(xml).not.toMatch(BAD);
    // Field codes: only acta's own (the table of contents and its page references).
    const fields = [...xml.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1]!.trim());
    for (const f of fields) expect(f).toMatch(/^(TOC \\h \\o &quot;1-[23]&quot;|PAGEREF _Toc\d+ \\h)$/);
    expect(xml).not.toContain('<w:fldSimple');
    // Hyperlinks: internal ones (contents) and, external, only the http(s) evidence.
    const external = [...rels.matchAll(/Target="([^"]*)" TargetMode="External"/g)].map((m) => m[1]);
    expect([...new Set(external)]).toEqual(file === 'iom.docx' ? [] : [EVIDENCE_URL.replace('&', '&amp;')]);
    expect(rels).not.toContain('evil.example');
    expect(rels).not.toContain('file:');
    // A reader of the document (mammoth) sees the literal text.
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(value).toContain('{ MERGEFIELD Name } HYPERLINK "http://evil.example/f" <w:fldSimple');
  });
});

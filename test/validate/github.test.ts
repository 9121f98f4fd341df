// The github format read by a port of the Actions runner's command parser (github-runner.ts): hostile record text and
// file names yield exactly the annotations acta meant, and the terminal formats yield no command at all.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { BINARY } from '../binary-unit.js';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { countDiagnostics } from '../../src/core/diagnostics.js';
import type { ValidationResult } from '../../src/render/diagnostics.js';
import { formatGithub, formatPretty, formatText } from '../../src/render/diagnostics.js';
import { diagnosticText } from '../../src/render/diagnostic-text.js';
import { replaceUnsafe } from '../../src/render/escape.js';
import { PLAIN } from '../../src/render/style.js';
import { TempRepo } from '../git/repo.js';
import { runActa } from '../run-acta.js';
import { runnerCommands, tryParseLegacy, tryParseV2 } from './github-runner.js';

const TOKEN = 'acta-0123456789abcdef0123456789abcdef';

// Record text reaches a message through its parameters: `detail` is a yaml/syntax message whole; a hint, the schema's
// description of a schema/pattern; a related place, the group named in "members of …".
type Extra = Partial<Omit<Diagnostic, 'related'>> & { hint?: string; related?: readonly { file: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] };
function diagnostic(file: string, message: string, extra: Extra = {}): Diagnostic {
  const { hint, related, ...rest } = extra;
  const said = hint !== undefined ? { code: 'schema/pattern' as const, params: { value: message, where: 'w', description: { en: hint, es: hint } } } : { code: 'yaml/syntax' as const, params: { detail: message } };
  return { file, line: 2, column: 3, endLine: 2, endColumn: 9, severity: 'error', ...said, pointer: '/x', ...(related ? { related: related.map(({ message: id, ...at }) => ({ ...at, note: { phrase: 'membersOf', params: { id } } })) } : {}), ...rest } as Diagnostic;
}
const O = { style: PLAIN, lang: 'en' };

function result(diagnostics: readonly Diagnostic[]): ValidationResult {
  return { root: '/r', files: ['a.yaml'], diagnostics, counts: countDiagnostics(diagnostics) };
}

/** The commands acta means: one annotation per unexplained problem (its text as the runner decodes it), and the group. */
function meant(r: ValidationResult): { command: string; properties: Record<string, string>; data: string }[] {
  const annotations = r.diagnostics
    .filter((d) => d.explained === undefined)
    .map((d) => ({
      command: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice',
      // The runner drops a property with an empty value (a file name is never empty on disk).
      properties: { ...(d.file ? { file: replaceUnsafe(d.file) } : {}), line: String(d.line), col: String(d.column), endline: String(d.endLine), endcolumn: String(d.endColumn), title: `acta ${d.code}` },
      data: replaceUnsafe(((t) => (t.hint ? `${t.message}\n${t.hint}` : t.message))(diagnosticText(d, 'en'))),
    }));
  return r.diagnostics.length ? [...annotations, { command: 'group', properties: {}, data: `all ${r.diagnostics.length} problems` }, { command: 'endgroup', properties: {}, data: '' }] : annotations;
}

const HOSTILE = [
  diagnostic('meetings/a.yaml', 'session: "##[error title=Injected]pwned"'),
  diagnostic('::error title=X::evil.yaml', 'a file named like a command'),
  diagnostic('  ::warning::spaced.yaml', 'leading spaces', { severity: 'warning', code: 'date/past' as Diagnostic['code'] }),
  diagnostic('\u00a0\u3000::error::nbsp.yaml', 'unicode white space before ::'),
  diagnostic('cr.yaml', 'one\r::error title=CR::two', { hint: 'fix\r\n##[warning]three' }),
  diagnostic('lf.yaml', 'one\n::set-output name=x::y', { related: [{ file: '::error::rel.yaml', line: 1, column: 1, endLine: 1, endColumn: 2, message: '##[add-mask]secret' }] }),
  diagnostic('pct.yaml', '100% %0A::error::encoded, a:b', { hint: 'comma, colon: %25' }),
  diagnostic('explained.yaml', 'explained one', { severity: 'warning', explained: '::error::from a note ##[error]x' }),
  diagnostic('stop.yaml', `::stop-commands::x then ::${TOKEN}:: and ::endgroup::`),
  diagnostic('ctl\u001b]52;c;ZXZpbA==\u0007.yaml', 'esc \u001b[2J bell \u0007 c1 \u009b31m bidi \u202e nul \u0000'),
];

describe('the github format, read by the runner', () => {
  it('yields exactly the annotations acta meant, and nothing from the record text', () => {
    const r = result(HOSTILE);
    const out = formatGithub(r, { ...O, stopToken: TOKEN });
    expect(runnerCommands(out)).toEqual(meant(r));
  });

  it('encodes a carriage return in properties and data as %0D (the runner turns it back)', () => {
    const out = formatGithub(result([diagnostic('a\rb.yaml', 'x\ry')]), { ...O, stopToken: TOKEN });
    expect(out).toContain('file=a%0Db.yaml');
    expect(out).toContain('::x%0Dy');
    expect(runnerCommands(out)[0]).toMatchObject({ properties: { file: 'a\rb.yaml' }, data: 'x\ry\nfix the YAML syntax at this position' });
  });

  it('refuses to run without a stop token', () => {
    expect(() => formatGithub(result(HOSTILE), O)).toThrow(/stop token/);
  });

  it('the port parses both command forms like the runner', () => {
    const registered = new Set(['error', 'warning']);
    expect(tryParseV2(' \t::error file=a%2Cb,line=3::m%0An', registered)).toEqual({ command: 'error', properties: { file: 'a,b', line: '3' }, data: 'm\nn' });
    expect(tryParseLegacy('text ##[warning file=x;line=2]data%5D', registered)).toEqual({ command: 'warning', properties: { file: 'x', line: '2' }, data: 'data]' });
    expect(tryParseV2('::unknown::x', registered)).toBeUndefined();
    expect(runnerCommands(`::stop-commands::${TOKEN}\n::error::hidden\n::${TOKEN}::\n::error::shown\n`)).toEqual([{ command: 'error', properties: {}, data: 'shown' }]);
  });
});

// Text built from the characters that matter to the runner, with arbitrary code points between them.
const PIECES = ['::', ':', '##[', '#', '[', ']', ' ', '\u00a0', '\u2028', '\u0085', '\t', '\r', '\n', '\r\n', 'error', 'warning', 'group', 'endgroup', 'stop-commands', 'add-mask', '=', ',', ';', '%', '%0A', '%0D', '%25', TOKEN, '\u001b', '\u009b', '\u0000'];
const hostileText = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: BINARY, maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join(''));
const hostileDiagnostic = fc.record({ file: hostileText, message: hostileText, hint: fc.option(hostileText, { nil: undefined }), explained: fc.option(hostileText, { nil: undefined }), related: fc.option(fc.array(fc.record({ file: hostileText, message: hostileText, line: fc.constant(1), column: fc.constant(1), endLine: fc.constant(1), endColumn: fc.constant(2) }), { maxLength: 2 }), { nil: undefined }) }).map(({ file, message, hint, explained, related }) => diagnostic(file, message, { ...(hint !== undefined ? { hint } : {}), ...(explained !== undefined ? { explained, severity: 'warning' } : {}), ...(related !== undefined ? { related } : {}) }));

describe('property: record text never produces an extra command', () => {
  it('github format: exactly the annotations acta meant', () => {
    fc.assert(
      fc.property(fc.array(hostileDiagnostic, { maxLength: 5 }), (ds) => {
        const r = result(ds);
        expect(runnerCommands(formatGithub(r, { ...O, stopToken: TOKEN }))).toEqual(meant(r));
      }),
      { numRuns: 300 },
    );
  });

  it('text and pretty formats (what a CI log shows without the github format): no command at all', () => {
    fc.assert(
      fc.property(fc.array(hostileDiagnostic, { maxLength: 5 }), hostileText, (ds, source) => {
        const r = result(ds);
        const sources = new Map(ds.map((d) => [d.file, `${source}\n${source}\n${source}`]));
        expect(runnerCommands(formatText(r, O))).toEqual([]);
        expect(runnerCommands(formatPretty(r, { ...O, sources }))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('acta validate under GitHub Actions (the built CLI), read by the runner', () => {
  it('a record saying `##[error …]` and a file named `::error …::` create no annotation of their own', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'acta-github-'));
    cpSync(path.resolve('test/fixtures/validate-errors'), root, { recursive: true });
    const meeting = (id: string, extra: string): string => `record: meeting\nid: ${id}\nbody: red-trata\ndates: { start: 2017-06-21 }\nsource: { document: informe.txt }\n${extra}agreements: []\n`;
    writeFileSync(path.join(root, 'meetings/2018-01-01-red-trata.yaml'), meeting('2018-01-01-red-trata', 'session: "##[error title=Injected]pwned"\n'));
    writeFileSync(path.join(root, 'meetings/::error title=X::evil.yaml'), meeting('2018-02-01-red-trata', 'session: "  ::warning title=Y::also\\r::error::cr"\n'));
    const env = { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: '', GITHUB_WORKSPACE: root };
    const run = (args: string[]): string => spawnSync(process.execPath, [path.resolve('bin/acta.js'), ...args, '--root', root], { cwd: root, encoding: 'utf8', env }).stdout;
    const json = JSON.parse(run(['validate', '-f', 'json'])) as { diagnostics: { file: string; code: string; explained: string | null }[] };
    const commands = runnerCommands(run(['validate']));
    const annotations = commands.filter((c) => c.command !== 'group' && c.command !== 'endgroup');
    expect(json.diagnostics.some((d) => d.file.includes('::error title=X::'))).toBe(true);
    expect(annotations.map((c) => `${c.properties['file']} ${c.properties['title']}`)).toEqual(json.diagnostics.filter((d) => d.explained === null).map((d) => `${d.file} acta ${d.code}`));
    expect(commands.filter((c) => c.command === 'group' || c.command === 'endgroup').map((c) => c.command)).toEqual(['group', 'endgroup']);
  });
});

describe('annotation paths: from the top of the work tree GitHub checked out, wherever the records are', () => {
  // A repository with its records in docs/records (as `acta init docs/records` makes it), one unknown country on a
  // known line: GitHub places an annotation only on a path from the workspace, never one from the records folder.
  async function subfolderRepo(): Promise<{ top: string; records: string; line: number; cleanup(): void }> {
    const repo = new TempRepo('acta-github-');
    const records = path.join(repo.dir, 'docs/records');
    expect((await runActa(['init', records, '--no-vendor'], { cwd: repo.dir })).code).toBe(0);
    const meeting = path.join(records, 'meetings/2025-01-15-example.yaml');
    const text = readFileSync(meeting, 'utf8').replace(/^session: virtual$/m, 'session: virtual\nparticipants: [ZZ]');
    writeFileSync(meeting, text);
    return { top: repo.dir, records, line: text.split('\n').indexOf('participants: [ZZ]') + 1, cleanup: () => repo.cleanup() };
  }
  const files = (stdout: string): string[] => runnerCommands(stdout).filter((c) => c.command === 'error').map((c) => `${c.properties['file']}:${c.properties['line']}`);

  it('run in the records folder (a job with working-directory), with or without GITHUB_WORKSPACE', async () => {
    const s = await subfolderRepo();
    try {
      const want = [`docs/records/meetings/2025-01-15-example.yaml:${s.line}`];
      for (const env of [{}, { GITHUB_WORKSPACE: s.top }]) {
        const r = await runActa(['validate', '-f', 'github'], { cwd: s.records, env });
        expect(r.code).toBe(1);
        expect(files(r.stdout), JSON.stringify(env)).toEqual(want);
      }
      // Under GitHub Actions, the format by default; a workspace reached through a symbolic link names the same files.
      const link = `${s.top}-link`;
      symlinkSync(s.top, link);
      try {
        const r = await runActa(['validate'], { cwd: path.join(link, 'docs/records'), env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: link } });
        expect(files(r.stdout)).toEqual(want);
      } finally {
        rmSync(link);
      }
      // The text format keeps paths from where the user stands.
      expect((await runActa(['validate', '-f', 'text'], { cwd: s.records })).stdout).toMatch(/^meetings\/2025-01-15-example\.yaml:/m);
    } finally {
      s.cleanup();
    }
  });
});

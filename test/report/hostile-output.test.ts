// Hostile record text and file names through every output kind of the built CLI: terminal, CSV, HTML, JSON, Markdown,
// iCalendar, stderr. Each kind has its one policy (src/render/escape.ts); these runs check that every renderer uses it.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { runnerCommands } from '../validate/github-runner.js';
import { acta } from './run.js';

// ESC/OSC 52 (clipboard), clear screen, BEL, NUL, CSI as one C1 byte, NEL, bidi override/isolate/mark, LS, PS, a
// noncharacter, a mention, a reference, and both forms of GitHub workflow command.
const HOSTILE = String.raw`\e]52;c;ZXZpbA==\a\e[2J\e[H bell\a nul\0 c1\x9b31m nel\N bidi\u202e\u2066\u200f\u061c ls\L ps\P nonchar\uFDD0 @alice #12 ::error title=I::x ##[error title=Injected]pwned`;
const BAD_NAME = '\u001b]52;c;ZXZpbA==\u0007\u001b[2J.yaml';
const AS_OF = ['--as-of', '2020-09-01'];

let root = '';
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'acta-hostile-'));
  cpSync(path.resolve('test/fixtures/followup'), root, { recursive: true });
  const file = path.join(root, 'meetings/2020-01-15-red-x.yaml');
  const text = readFileSync(file, 'utf8').replace(/^ {8}en: "=cmd.*$/m, `        en: "\\0=HYPERLINK(\\"http://x\\") ${HOSTILE}"`).replace(/^( {6}en: "Hostile text: ).*$/m, `$1${HOSTILE}"`);
  writeFileSync(file, text);
  const plan = path.join(root, 'plans/2020-2021-red-x.yaml');
  writeFileSync(plan, readFileSync(plan, 'utf8').replace('es: Reunión anual de la red', `es: "${HOSTILE}"`));
  writeFileSync(path.join(root, 'meetings', BAD_NAME), 'record: meeting\nid: 1\n');
});

const run = (args: string[], asOf = AS_OF): Promise<{ stdout: string; stderr: string; code: number }> => acta([...args, '--root', root, ...asOf]);

// Everything but tab and LF that a terminal or log acts on (NO_COLOR: acta itself writes no ESC here).
const TERMINAL_BAD = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufdd0-\ufdef]/u;
// The HTML standard's invalid code points in input (controls but ASCII white space, noncharacters), and bidi controls.
const HTML_BAD = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
// Raw in the text: only the LF of pretty-printing.
const JSON_RAW_BAD = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;
const LIVE_MENTION = /(?<![A-Za-z0-9_])@alice/;

describe('hostile record text, every output kind', async () => {
  it('the fixture is hostile (the record text reaches the outputs)', async () => {
    const csv = (await run(['export', '-f', 'csv'])).stdout;
    expect(csv).toContain('HYPERLINK');
    expect(csv).toContain('ZXZpbA==');
  });

  it.each([[['overdue']], [['list', 'commitments']], [['list', 'agreements']], [['show', '2020-01-15-red-x#15']], [['dashboard']], [['validate', '-f', 'text']], [['validate', '-f', 'pretty']]])('terminal: %j has no controls, no bidi, no workflow command', async (args) => {
    const r = await run(args);
    expect(r.code).toBeLessThan(2);
    if (args[0] !== 'dashboard') expect(r.stdout).toContain('ZXZpbA==');
    for (const out of [r.stdout, r.stderr]) {
      expect(out).not.toMatch(TERMINAL_BAD);
      expect(runnerCommands(out)).toEqual([]);
    }
  });

  it('stderr: the "left out" note names the file without its escape sequences', async () => {
    const r = await run(['overdue']);
    expect(r.stderr).toMatch(/^acta: quedó fuera 1 archivo /);
    expect(r.stderr).toContain('\uFFFD]52;c;ZXZpbA==\uFFFD\uFFFD[2J.yaml');
    expect(r.stderr).not.toMatch(TERMINAL_BAD);
  });

  it.each([[['export', '-f', 'csv']], [['list', 'commitments', '-f', 'csv']], [['list', 'agreements', '-f', 'csv']], [['overdue', '-f', 'csv']]])('csv: %j has no controls and no cell a spreadsheet reads as a formula', async (args) => {
    const out = (await run(args)).stdout;
    expect(out).toContain('ZXZpbA==');
    expect(out.replace(/\r\n/g, '\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufdd0-\ufdef]/u);
    expect(out).not.toMatch(/(?:^|,)"?[\s\uFFFD]*[=+@]/m);
  });

  it.each([[['report', '-f', 'html']], [['workplan', '-f', 'html']]])('html: %j has no invalid code point and no bidi control', async (args) => {
    const r = await run(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ZXZpbA'); // Handlebars writes = as &#x3D;
    expect(r.stdout).not.toMatch(HTML_BAD);
  });

  it.each([[['export', '-f', 'json']], [['overdue', '-f', 'json']], [['list', 'agreements', '-f', 'json']], [['show', '2020-01-15-red-x#15', '-f', 'json']], [['report', '-f', 'json']], [['dashboard', '-f', 'json']]])('json: %j escapes C1 and bidi too, and keeps the text', async (args) => {
    const out = (await run(args)).stdout;
    if (args[0] !== 'dashboard') expect(out).toContain('ZXZpbA==');
    expect(out).not.toMatch(JSON_RAW_BAD);
    expect(() => JSON.parse(out)).not.toThrow();
  });

  it('json: lossless — the parsed text is the record text, C1 and bidi included', async () => {
    const parsed = JSON.stringify(JSON.parse((await run(['export', '-f', 'json'])).stdout));
    expect(parsed).toContain('c1\u009b31m nel\u0085 bidi\u202e\u2066\u200f\u061c');
  });

  it.each([[['overdue', '-f', 'md']], [['report', '-f', 'md']], [['workplan', '-f', 'md']], [['upcoming', '-f', 'md']]])('markdown: %j has no live @mention, no controls', async (args) => {
    const out = (await run(args, args[0] === 'upcoming' ? ['--as-of', '2020-07-15'] : AS_OF)).stdout;
    expect(out).toContain('alice');
    expect(out).not.toMatch(LIVE_MENTION);
    expect(out).not.toMatch(TERMINAL_BAD);
  });

  it('markdown: the hostile task is in the overdue table, mention neutralised', async () => {
    expect((await run(['overdue', '-f', 'md'])).stdout).toContain('@&#8203;alice');
  });

  it('ics: a valid calendar with no control but CRLF', async () => {
    const out = (await run(['export', '-f', 'ics'])).stdout;
    expect(out.replace(/\r\n/g, '')).not.toMatch(TERMINAL_BAD);
    expect(() => ICAL.parse(out)).not.toThrow();
  });
});

// The manual's examples, read from README.md and docs/**/*.md themselves: console blocks (`$ command`, then its
// output), `sh` blocks (commands with `# comments`, no output), the first-week path's blocks, and the tiny shell
// the examples are written in.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunOptions } from '../run-acta.js';
import { REPO_ROOT, runActa } from '../run-acta.js';

export interface Command {
  /** The command line as written after `$ `. */
  readonly line: string;
  /** Expected output lines; a line `…` stands for any number of lines. */
  readonly output: readonly string[];
  readonly exit: number;
}

export interface ConsoleExample {
  /** 1-based line of the block's opening fence in README.md. */
  readonly at: number;
  readonly commands: readonly Command[];
}

export interface ShLine {
  readonly at: number;
  /** The command without its `# comment`. */
  readonly line: string;
}

/** README.md, then every Markdown file under docs/, as paths from the clone's root. */
export function manualFiles(): string[] {
  const docs = path.join(REPO_ROOT, 'docs');
  let found: string[] = [];
  try {
    found = (readdirSync(docs, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).map((f) => path.join('docs', f).split(path.sep).join('/'));
  } catch {
    found = [];
  }
  return ['README.md', ...found.sort()];
}

export interface Block {
  readonly at: number;
  readonly lang: string;
  /** What follows the language on the fence line: `replay` (the first-week path), or a file's path (```yaml PATH). */
  readonly info: string;
  readonly lines: readonly string[];
}

/** Fenced blocks (``` or longer fences, which may hold ``` lines), with their info string. */
export function fencedBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(\S*)(?:[ \t]+(\S.*?))?\s*$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l.trimEnd() === open[1]);
    if (end < 0) throw new Error(`line ${i + 1}: a fenced block that never closes`);
    blocks.push({ at: i + 1, lang: open[2]!, info: open[3] ?? '', lines: lines.slice(i + 1, end) });
    i = end;
  }
  return blocks;
}

/** A console block's commands: `$ command` lines, each followed by its output and `(exit N)` when it is not 0. */
export function blockCommands(block: Block): Command[] {
  const commands: Command[] = [];
  let current: { line: string; output: string[] } | undefined;
  const close = (): void => {
    if (!current) return;
    const output = [...current.output];
    while (output.length > 0 && output.at(-1)!.trim() === '') output.pop();
    const exit = /^\(exit (\d+)\)$/.exec(output.at(-1) ?? '');
    if (exit) output.pop();
    commands.push({ line: current.line, output, exit: exit ? Number(exit[1]) : 0 });
  };
  for (const line of block.lines) {
    if (line.startsWith('$ ')) {
      close();
      current = { line: line.slice(2), output: [] };
    } else current!.output.push(line);
  }
  close();
  return commands;
}

/** The blocks of the first-week path (```console replay, and ```yaml PATH files it writes), in order: run by
 * test/adoption/first-week.test.ts in a clean folder against the packed tarball, never in-process. */
export function replayBlocks(markdown: string): Block[] {
  return fencedBlocks(markdown).filter((b) => (b.lang === 'console' && b.info === 'replay') || (b.lang === 'yaml' && b.info !== ''));
}

/** Blocks (```, ```console or ```sh) whose first line is a `$ ` command (the replay's aside). */
export function consoleExamples(markdown: string): ConsoleExample[] {
  const examples: ConsoleExample[] = [];
  for (const block of fencedBlocks(markdown)) {
    if (!['', 'console', 'sh'].includes(block.lang) || block.info === 'replay' || !block.lines[0]?.startsWith('$ ')) continue;
    const commands = blockCommands(block);
    examples.push({ at: block.at, commands });
  }
  return examples;
}

/** The `acta …` lines of ```sh blocks that show no output (no `$`): commands to try, with a comment saying what they do. */
export function shLines(markdown: string): ShLine[] {
  const found: ShLine[] = [];
  for (const block of fencedBlocks(markdown)) {
    if (block.lang !== 'sh' || block.info !== '' || block.lines.some((l) => l.startsWith('$ '))) continue;
    block.lines.forEach((raw, k) => {
      const line = stripComment(raw).trim();
      if (!/^acta(\s|$)/.test(line)) return; // npm, npx, git, node, mkdir…: not acta's to check
      if (/[[\]|]/.test(line)) return; // a synopsis (`[--x]`, `a|b`), not a command
      found.push({ at: block.at + 1 + k, line });
    });
  }
  return found;
}

/** A line without its shell comment: `#` starts one only at the start of a word, outside quotes. */
function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i);
  }
  return line;
}

// ---- the shell subset ---------------------------------------------------------------------------------------------

type Token = { readonly word: string } | { readonly op: '&&' | ';' | '>' };

/** Shell words: plain, '…' and "…" (no expansion inside: the README needs none), and the operators &&, ; and >. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const unsupported = (what: string): never => {
    throw new Error(`README example \`${line}\`: ${what} is not in the shell subset this test runs (cd DIR && …, head -N FILE, > FILE, >/dev/null; echo $?)`);
  };
  while (i < line.length) {
    const c = line[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (line.startsWith('&&', i)) {
      tokens.push({ op: '&&' });
      i += 2;
      continue;
    }
    if (c === ';' || c === '>') {
      if (line.startsWith('>>', i)) unsupported('`>>`');
      tokens.push({ op: c });
      i++;
      continue;
    }
    if (c === '#') break;
    let word = '';
    while (i < line.length && !/[\s;>]/.test(line[i]!) && !line.startsWith('&&', i)) {
      const d = line[i]!;
      if (d === "'" || d === '"') {
        const end = line.indexOf(d, i + 1);
        if (end < 0) unsupported('an unclosed quote');
        const inner = line.slice(i + 1, end);
        if (d === '"' && /[$`\\]/.test(inner)) unsupported('expansion inside "…"');
        word += inner;
        i = end + 1;
        continue;
      }
      if (d === '$' && line.startsWith('$?', i) && word === '') {
        word += '$?';
        i += 2;
        continue;
      }
      if (d === '$') unsupported('`$` expansion');
      if (/[|<&`(){}*?~\\]/.test(d)) unsupported(`\`${d}\``);
      word += d;
      i++;
    }
    tokens.push({ word });
  }
  return tokens;
}

export interface Shell {
  cwd: string;
  readonly env?: RunOptions['env'];
  /** Whether `> FILE` may write (a scratch copy, never the clone). */
  readonly writable: boolean;
}

/** Runs one README command line; returns what a terminal would show (stdout, then stderr) and the line's status. */
export async function runLine(line: string, shell: Shell): Promise<{ output: string; stderr: string; status: number }> {
  const tokens = tokenize(line);
  let output = '';
  let stderr = '';
  let status = 0;
  let skip = false;
  let words: string[] = [];
  let redirect: string | undefined;
  const fail = (what: string): never => {
    throw new Error(`README example \`${line}\`: ${what} is not in the shell subset this test runs`);
  };
  const run = async (): Promise<void> => {
    if (words.length === 0) fail('an empty command');
    const [name, ...args] = words;
    let out = '';
    let err = '';
    if (name === 'acta') {
      if (!shell.writable && writes(args)) fail(`\`acta ${args.join(' ')}\` writes files: it needs a scratch copy, not the clone (and`);
      const r = await runActa(args, { cwd: shell.cwd, env: shell.env });
      [out, err, status] = [r.stdout, r.stderr, r.code];
    } else if (name === 'cd' && args.length === 1 && redirect === undefined) {
      shell.cwd = path.resolve(shell.cwd, args[0]!);
      status = 0;
    } else if (name === 'head' && args.length === 2 && /^-\d+$/.test(args[0]!)) {
      const lines = readFileSync(path.resolve(shell.cwd, args[1]!), 'utf8').split('\n');
      out = lines.slice(0, Number(args[0]!.slice(1))).map((l) => `${l}\n`).join('');
      status = 0;
    } else if (name === 'echo' && args.length === 1 && args[0] === '$?') {
      out = `${status}\n`;
      status = 0;
    } else fail(`\`${name}${args.length ? ' ' + args.join(' ') : ''}\``);
    if (redirect === '/dev/null') out = '';
    else if (redirect !== undefined) {
      if (!shell.writable) fail('`> FILE` in the clone (give the example a scratch copy)');
      writeFileSync(path.resolve(shell.cwd, redirect), out);
      out = '';
    }
    output += out + err;
    stderr += err;
  };
  for (let k = 0; k <= tokens.length; k++) {
    const t = tokens[k];
    if (t === undefined || 'op' in t) {
      if (t && t.op === '>') {
        const target = tokens[k + 1];
        if (!target || !('word' in target) || redirect !== undefined) fail('`>` without one file');
        redirect = (target as { word: string }).word;
        k++;
        continue;
      }
      if (!skip) await run();
      skip = t !== undefined && t.op === '&&' && status !== 0;
      words = [];
      redirect = undefined;
      continue;
    }
    words.push(t.word);
  }
  return { output, stderr, status };
}

/** Whether acta with these arguments writes files (so must not run in the clone). */
export function writes(args: readonly string[]): boolean {
  const command = args.find((a) => !a.startsWith('-'));
  return (
    (command === 'fmt' && !args.includes('--check')) ||
    command === 'new' ||
    command === 'init' ||
    command === 'site' ||
    // The follow-up writes and import write records, and take the records lock (.acta.lock) before they decide —
    // a refused one too: run in the checkout's data/, another test's copy of data/ met the lock half made.
    (['done', 'extend', 'status'].includes(command ?? '') && !args.includes('--dry-run')) ||
    (command === 'import' && !args.includes('--stdout')) ||
    args.some((a) => a === '-o' || a === '--out' || a.startsWith('--out='))
  );
}

// ---- comparing ----------------------------------------------------------------------------------------------------

/** Lines without trailing whitespace, and without trailing empty lines. */
export function normalise(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trimEnd());
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines;
}

export type Match = 'exact' | 'prefix' | 'elided';

export function matchKind(expected: readonly string[]): Match {
  const gaps = expected.filter((l) => l === '…').length;
  if (gaps === 0) return 'exact';
  return gaps === 1 && expected.at(-1) === '…' ? 'prefix' : 'elided';
}

/**
 * Whether the actual output is what the README shows: line for line, where a line `…` stands for any number of
 * lines (at the end: the output starts with what is shown). Returns undefined when it is, else what differs.
 */
export function compare(expected: readonly string[], actual: readonly string[]): string | undefined {
  const parts: string[][] = [[]];
  for (const l of expected) {
    if (l === '…') parts.push([]);
    else parts.at(-1)!.push(l);
  }
  const shown = (): string => `--- README\n${expected.join('\n')}\n--- acta\n${actual.join('\n')}\n`;
  const at = (lines: readonly string[], from: number): boolean => lines.every((l, j) => actual[from + j] === l);
  if (parts.length === 1) return expected.length === actual.length && at(expected, 0) ? undefined : shown();
  // The first part is a prefix, the last a suffix (empty after a final `…`), the middle ones appear in order.
  const first = parts[0]!;
  const last = parts.at(-1)!;
  if (!at(first, 0)) return shown();
  let pos = first.length;
  for (const middle of parts.slice(1, -1)) {
    while (pos + middle.length <= actual.length && !at(middle, pos)) pos++;
    if (pos + middle.length > actual.length) return shown();
    pos += middle.length;
  }
  const tail = actual.length - last.length;
  return tail >= pos && at(last, tail) ? undefined : shown();
}

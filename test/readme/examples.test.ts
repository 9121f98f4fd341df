// Every console example of the manual — README.md and every docs/**/*.md — gives the output it shows. The examples
// are read from the files themselves (not copied here): a console block is `$ command` lines, each followed by its
// output, `(exit N)` when it is not 0, and `…` where lines are left out. They run in-process from the clone's root, as
// a newcomer would type them; the few that need a situation (a git repository with uncommitted edits, an empty folder)
// get it from SITUATIONS below, keyed by the example's first command, built for real (files, git commits) so that
// the page's output comes true. The first-week path (```console replay blocks) is not run here but by
// test/adoption/first-week.test.ts, in a clean folder against the packed tarball.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitEnv, TempRepo } from '../git/repo.js';
import { REPO_ROOT } from '../run-acta.js';
import type { ConsoleExample, Shell } from './readme-examples.js';
import { compare, consoleExamples, fencedBlocks, manualFiles, matchKind, normalise, replayBlocks, runLine, shLines, tokenize } from './readme-examples.js';

const FILES = manualFiles();
const TEXTS = new Map(FILES.map((f) => [f, readFileSync(path.join(REPO_ROOT, f), 'utf8')]));

// ACTA_README_UPDATE=1 writes acta's real output into the page where an exact or cut (`…` last) example differs —
// to be reviewed like a golden file; examples with `…` inside are left to a person.
const UPDATE = process.env['ACTA_README_UPDATE'] === '1';
const updates: { file: string; from: string; to: string }[] = [];
afterAll(() => {
  for (const file of new Set(updates.map((u) => u.file))) {
    let text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
    for (const u of updates.filter((x) => x.file === file)) text = text.replace(u.from, () => u.to);
    writeFileSync(path.join(REPO_ROOT, file), text);
  }
});

interface Situation {
  readonly shell: Shell;
  /** Text of acta's output replaced before comparing (a temporary path by the one the README shows). */
  readonly replace?: ReadonlyArray<readonly [string, string]>;
  /** Compare with abbreviated commit ids masked: the README shows the ids of the test's repository, which change with data/. */
  readonly maskCommitIds?: boolean;
  cleanup(): void;
}

/** The repository dataRepo copies: made (git init, add, commit of data/) once for the file, on first use. */
let dataTemplate: TempRepo | undefined;
afterAll(() => dataTemplate?.cleanup());

/** A git repository whose main branch holds a copy of data/ (its root is the records root): a copy of one made once —
 * the same files, history and commit ids as one made afresh, without its git processes. */
function dataRepo(): TempRepo {
  if (!dataTemplate) {
    dataTemplate = new TempRepo('acta-readme-');
    cpSync(path.join(REPO_ROOT, 'data'), dataTemplate.dir, { recursive: true });
    dataTemplate.commit('the CRM records');
  }
  return new TempRepo('acta-readme-', dataTemplate);
}

function inRepo(repo: TempRepo, extra: Partial<Situation> = {}): Situation {
  return { shell: { cwd: repo.dir, env: gitEnv(repo.home), writable: true }, cleanup: () => repo.cleanup(), ...extra };
}

/** A file of the repository with each `from` replaced by `to` (each must be there: a README edit is then a real one). */
function edit(repo: TempRepo, file: string, ...changes: ReadonlyArray<readonly [string, string]>): void {
  const where = path.join(repo.dir, file);
  let text = readFileSync(where, 'utf8');
  for (const [from, to] of changes) {
    if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  writeFileSync(where, text);
}

/** An empty folder outside any git repository and any acta.yaml. */
function emptyFolder(): { dir: string; home: string; cleanup(): void } {
  const home = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'acta-readme-')));
  const dir = path.join(home, 'somewhere');
  mkdirSync(dir);
  return { dir, home, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

/** Step 1 of agreement 6 of the 2017 children's network meeting done, on its day. */
const FOLLOW_UP = ['  - number: "7"', '    followup:\n      - date: "2017-03-24"\n        step: 1\n        status: done\n  - number: "7"'] as const;

/** The diff example: a word added to an adopted text (and two dropped), a schedule step moved, a follow-up entry added. */
function editedCopy(): Situation {
  const repo = dataRepo();
  edit(
    repo,
    'meetings/2017-03-16-red-nna.yaml',
    ['sus informes sobre nuevos esfuerzos/buenas prácticas', 'sus valiosos informes sobre nuevos esfuerzos'],
    ['due: "2017-04-05"', 'due: "2017-04-07"'],
    FOLLOW_UP,
  );
  return inRepo(repo, { maskCommitIds: true });
}

const SITUATIONS: Record<string, () => Situation | Promise<Situation>> = {
  // A follow-up entry added to one meeting since HEAD: that file, and the two records that refer to it.
  'acta validate --changed-since HEAD --format pretty': () => {
    const repo = dataRepo();
    edit(repo, 'meetings/2017-03-16-red-nna.yaml', FOLLOW_UP);
    return inRepo(repo);
  },
  'acta diff HEAD --lang en': editedCopy,
  'acta diff HEAD --lang en --format md': editedCopy,
  // Records already in the canonical layout (committed so), then one value written in single quotes.
  'acta fmt --check': async () => {
    const repo = dataRepo();
    const r = await repo.acta(['fmt']);
    if (r.code !== 0) throw new Error(`acta fmt in the copy of data/: ${r.stderr}`);
    repo.commit('canonical layout');
    edit(repo, 'meetings/2017-03-16-red-nna.yaml', ['action: entrust', "action: 'entrust'"]);
    return inRepo(repo);
  },
  // Follow-up written by command, into a copy of data/ (each block's commands run in turn in the same copy).
  'acta done 2017-06-21-red-trata#2.b --by MX --on 2017-07-20 --evidence https://example.org/informe-mx': () => inRepo(dataRepo()),
  "acta extend 2017-06-21-red-trata#3 --to 2017-09-30 --decided-by 2017-06-21-red-trata --reason 'A pedido de la red' --on 2017-07-25": () => inRepo(dataRepo()),
  'acta status 2017-06-21-red-trata#2.a no-information --on 2017-08-01': () => inRepo(dataRepo()),
  // Refusals of commands that write take the records lock first: in a scratch copy, never in the checkout's data/
  // (another test copying data/ met the lock half made).
  "acta done 2017-06-21-red-trata#2.b --by '' --on 2017-07-20": scratch,
  // (with the checkout's schemas/ beside, which the draft's modeline names, as in the checkout)
  'acta import data/sources/000_119a54e5c1cfca12.txt --stdout': () => {
    const s = scratch();
    cpSync(path.join(REPO_ROOT, 'schemas'), path.join(s.shell.cwd, 'schemas'), { recursive: true });
    return s;
  },
  // A records repository made as `acta init` makes one: with its own schemas/, which the new file's modeline names.
  'acta new meeting --body st --date 2025-03-04': () => {
    const repo = dataRepo();
    cpSync(path.join(REPO_ROOT, 'schemas'), path.join(repo.dir, 'schemas'), { recursive: true });
    repo.commit('schemas for editors');
    return inRepo(repo);
  },
  // `acta init records` outside any git repository (so its next steps include `git init`).
  'acta init records': () => {
    const empty = emptyFolder();
    return { shell: { cwd: empty.dir, env: gitEnv(empty.home), writable: true }, cleanup: empty.cleanup };
  },
  // acta site writes a folder: into a scratch copy of the clone's records.
  'acta site --as-of 2017-08-01 --out public': () => {
    const s = scratch();
    // The refusal names the default folder in full: the page shows the copy as /home/me/acta.
    return { ...s, replace: [[s.shell.cwd, '/home/me/acta']] };
  },
  // No acta.yaml here or above: the README shows the folder as /home/me/somewhere.
  'acta overdue': () => {
    const empty = emptyFolder();
    return {
      shell: { cwd: empty.dir, env: gitEnv(empty.home), writable: false },
      replace: [[empty.dir, '/home/me/somewhere']],
      cleanup: empty.cleanup,
    };
  },
};

const clone = (): Situation => ({ shell: { cwd: REPO_ROOT, writable: false }, cleanup: () => undefined });

/** A scratch copy of the clone's records (its acta.yaml and data/), for commands that write a file. */
function scratch(): Situation {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-readme-'));
  cpSync(path.join(REPO_ROOT, 'acta.yaml'), path.join(dir, 'acta.yaml'));
  cpSync(path.join(REPO_ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
  return { shell: { cwd: dir, writable: true }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Commit ids an example names that this clone does not have because it is shallow: the example is skipped, loudly.
 * In a full clone nothing is skipped (a mistyped id fails the example).
 */
let shallowClone: boolean | undefined; // asked of git once for the file, not once per example
function missingCommits(lines: readonly string[]): string[] {
  shallowClone ??= execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() === 'true';
  if (!shallowClone) return [];
  const ids = lines.flatMap((l) => tokenize(l).flatMap((t) => ('word' in t && /^[0-9a-f]{7,40}$/.test(t.word) ? [t.word] : [])));
  return ids.filter((id) => {
    try {
      execFileSync('git', ['cat-file', '-e', `${id}^{commit}`], { cwd: REPO_ROOT, stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
}

const maskIds = (lines: readonly string[]): string[] => lines.map((l) => l.replace(/\b[0-9a-f]{7}\b/g, '<commit>'));

const examples: (ConsoleExample & { file: string })[] = FILES.flatMap((file) => consoleExamples(TEXTS.get(file)!).map((e) => ({ ...e, file })));

describe('console examples of the README and docs/ give the output they show', () => {
  it('the manual has them (and the table of situations names only first commands of its examples)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
    const firsts = new Set(examples.map((e) => e.commands[0]!.line));
    for (const key of Object.keys(SITUATIONS)) expect(firsts, `SITUATIONS['${key}']`).toContain(key);
  });

  for (const example of examples) {
    const first = example.commands[0]!.line;
    const where = `${example.file}:${example.at}`;
    const situation = SITUATIONS[first];
    const missing = situation ? [] : missingCommits(example.commands.map((c) => c.line));
    if (missing.length > 0) {
      console.warn(`\n!!! ${where} \`${first}\` SKIPPED: this shallow clone lacks commit ${missing.join(', ')} (git fetch --unshallow to run it)\n`);
    }
    const kinds = [...new Set(example.commands.map((c) => matchKind(c.output)))].join('+');
    it.skipIf(missing.length > 0)(`${where} $ ${first} (${kinds})`, async () => {
      const s = await (situation ?? clone)();
      try {
        for (const command of example.commands) {
          const r = await runLine(command.line, s.shell);
          let output = r.output;
          for (const [from, to] of s.replace ?? []) output = output.split(from).join(to);
          let expected = command.output;
          let actual = normalise(output);
          if (s.maskCommitIds) [expected, actual] = [maskIds(expected), maskIds(actual)];
          const difference = compare(expected, actual);
          const kind = matchKind(command.output);
          if (UPDATE && difference !== undefined && kind !== 'elided') {
            const shown = normalise(output);
            const lines = kind === 'exact' ? shown : [...shown.slice(0, command.output.length - 1), '…'];
            const status = command.exit === 0 ? [] : [`(exit ${command.exit})`];
            updates.push({ file: example.file, from: [`$ ${command.line}`, ...command.output, ...status, ''].join('\n'), to: [`$ ${command.line}`, ...lines, ...status, ''].join('\n') });
            continue;
          }
          expect(difference, `${where} \`${command.line}\` prints something else:\n${difference}`).toBeUndefined();
          expect(r.status, `${where} \`${command.line}\`: exit status`).toBe(command.exit);
        }
      } finally {
        s.cleanup();
      }
    });
  }
});

describe('sh blocks of the README and docs/: each acta command runs (exit 0 or 1, no error on stderr)', () => {
  // A line the manual shows twice (docs/documents.md's `acta statement --all …`) runs once: the same command in the same
  // fresh situation (an empty folder, or a new clone of data/) gives the same exit and stderr; each place still tests it.
  const ran = new Map<string, Promise<{ status: number; stderr: string }>>();
  for (const file of FILES) {
    for (const { at, line } of shLines(TEXTS.get(file)!)) {
      it(`${file}:${at} ${line}`, async () => {
        const words = tokenize(line);
        const needsScratch = words.some((t) => ('op' in t && t.op === '>') || ('word' in t && /^(-o|--out)$/.test(t.word)));
        const dated = /\s--as-of\s/.test(line) ? line : `${line} --as-of 2017-12-31`;
        const key = `${needsScratch ? 'scratch' : 'clone'} ${dated}`;
        if (!ran.has(key)) {
          ran.set(key, (async () => {
            const s = needsScratch ? scratch() : clone();
            try {
              const { status, stderr } = await runLine(dated, s.shell);
              return { status, stderr };
            } finally {
              s.cleanup();
            }
          })());
        }
        const r = await ran.get(key)!;
        expect([0, 1], `${line}: exit ${r.status}\n${r.stderr}`).toContain(r.status);
        expect(r.stderr).not.toMatch(/error|internal|bug/i);
      });
    }
  }
});

describe('the examples test itself', () => {
  it('reads console blocks: commands, outputs, exit codes, gaps', () => {
    const md = ['```console', '$ acta a', 'one', '…', '(exit 2)', '$ acta b', '```', '```sh', 'acta c --x   # does c', 'npm test', 'acta d [--y]', '```'].join('\n');
    expect(consoleExamples(md)).toEqual([{ at: 1, commands: [{ line: 'acta a', output: ['one', '…'], exit: 2 }, { line: 'acta b', output: [], exit: 0 }] }]);
    expect(shLines(md)).toEqual([{ at: 9, line: 'acta c --x' }]);
    // The first-week path: ```console replay and ```yaml PATH blocks are the replay's, not run here.
    const week = ['```console replay', '$ npx --no acta a', 'out', '```', '```yaml meetings/x.yaml', 'record: meeting', '```', '```yaml', 'plain: yes', '```', '```console', '$ acta b', '```'].join('\n');
    expect(consoleExamples(week).map((e) => e.commands[0]!.line)).toEqual(['acta b']);
    expect(replayBlocks(week).map((b) => [b.at, b.lang, b.info])).toEqual([[1, 'console', 'replay'], [5, 'yaml', 'meetings/x.yaml']]);
    expect(fencedBlocks(week)).toHaveLength(4);
  });

  it('a changed line, a missing line or an extra line is a difference; `…` leaves lines out', () => {
    expect(compare(['a', 'b'], ['a', 'b'])).toBeUndefined();
    expect(compare(['a', 'b'], ['a', 'c'])).toBeDefined();
    expect(compare(['a', 'b'], ['a'])).toBeDefined();
    expect(compare(['a'], ['a', 'b'])).toBeDefined();
    expect(compare(['a', '…'], ['a', 'b', 'c'])).toBeUndefined();
    expect(compare(['a', '…'], ['x', 'b'])).toBeDefined();
    expect(compare(['a', '…', 'z'], ['a', 'b', 'c', 'z'])).toBeUndefined();
    expect(compare(['a', '…', 'z'], ['a', 'b', 'c'])).toBeDefined();
    expect(compare(['a', '…', 'c', '…'], ['a', 'b', 'c', 'd'])).toBeUndefined();
    expect(normalise('a  \nb\n\n')).toEqual(['a', 'b']);
  });

  it('runs the shell subset and refuses the rest', async () => {
    const s = scratch();
    try {
      expect(await runLine('cd data && head -2 acta.yaml', s.shell)).toMatchObject({ status: 0, output: expect.stringContaining('name:\n') });
      expect(await runLine('acta show nothing-like-it >/dev/null; echo $?', s.shell)).toMatchObject({ output: expect.stringMatching(/^acta: ninguna reunión ni plan `nothing-like-it`.*\n2\n$/), status: 0 });
      expect(await runLine("acta show 'x y' && head -1 acta.yaml", s.shell)).toMatchObject({ status: 2 });
      for (const line of ['acta list | head', 'acta list $HOME', 'acta list `x`', 'acta list >> f', 'ls', 'acta list *']) {
        await expect(runLine(line, s.shell), line).rejects.toThrow(/not in the shell subset/);
      }
      await expect(runLine('acta fmt', clone().shell)).rejects.toThrow(/writes files/);
    } finally {
      s.cleanup();
    }
  });
});

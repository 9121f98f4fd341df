// Temporary git repositories with real commits, and whole-CLI runs in them.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActaRun } from '../run-acta.js';
import { runActa } from '../run-acta.js';

/** A git environment independent of the machine's config, with fixed dates (so commit ids are the same every run). */
export function gitEnv(home: string, tick = 0): NodeJS.ProcessEnv {
  const date = `2020-01-01T00:00:${String(tick).padStart(2, '0')}Z`;
  return {
    ...process.env,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'),
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.org',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.org',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
}

export class TempRepo {
  readonly dir: string;
  readonly home: string;
  private tick = 0;

  /** A new empty repository; or, given `from`, a copy of that one (work tree, history and config), cheaper than making it again. */
  constructor(prefix = 'acta-git-', from?: TempRepo) {
    this.home = mkdtempSync(path.join(os.tmpdir(), prefix));
    this.dir = path.join(this.home, 'repo');
    if (from) {
      cpSync(from.home, this.home, { recursive: true });
      this.tick = from.tick;
      return;
    }
    mkdirSync(this.dir);
    // No `git maintenance run --auto` after each commit (a git process of its own each time; a test's repository never
    // grows to where it would do anything).
    writeFileSync(path.join(this.home, 'gitconfig'), '[maintenance]\n\tauto = false\n');
    this.git('init', '-q', '-b', 'main');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: gitEnv(this.home, this.tick), encoding: 'utf8' });
  }

  write(files: Record<string, string>): this {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(this.dir, name)), { recursive: true });
      writeFileSync(path.join(this.dir, name), text);
    }
    return this;
  }

  remove(...names: string[]): this {
    for (const name of names) rmSync(path.join(this.dir, name), { force: true });
    return this;
  }

  /** Stage everything and commit; returns the commit id. */
  commit(message: string, tag?: string): string {
    this.tick++;
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    const id = this.head();
    if (tag) this.tag(tag, id);
    return id;
  }

  /** A lightweight tag on `id`: the loose ref `git tag` writes (no reflog for tags), without a git process for a
   * plain name; through `git tag` for any other. */
  private tag(name: string, id: string): void {
    const ref = path.join(this.dir, '.git', 'refs', 'tags', name);
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name) || existsSync(ref)) return void this.git('tag', name);
    writeFileSync(ref, `${id}\n`);
  }

  /** The commit HEAD names, read from the repository's files as git writes them (a loose ref after a commit), without
   * a git process; through `git rev-parse` when HEAD is anything else (a packed ref). */
  head(): string {
    const git = path.join(this.dir, '.git');
    const head = readFileSync(path.join(git, 'HEAD'), 'utf8').trim();
    if (/^[0-9a-f]{40}$/.test(head)) return head;
    const ref = /^ref: (refs\/[^\s]+)$/.exec(head)?.[1];
    const loose = ref && existsSync(path.join(git, ref)) ? readFileSync(path.join(git, ref), 'utf8').trim() : '';
    return /^[0-9a-f]{40}$/.test(loose) ? loose : this.git('rev-parse', 'HEAD').trim();
  }

  /** Copy the CRM registries from data/ into the repository (under `under`). */
  withRegistries(under = ''): this {
    cpSync(path.resolve('data/registries'), path.join(this.dir, under, 'registries'), { recursive: true });
    writeFileSync(path.join(this.dir, under, 'acta.yaml'), 'lang: en\n');
    return this;
  }

  /** Run acta in-process in the repository (or `cwd`), with this repository's git environment. */
  acta(args: string[], cwd = this.dir): Promise<ActaRun> {
    return runActa(args, { cwd, env: gitEnv(this.home) });
  }

  cleanup(): void {
    rmSync(this.home, { recursive: true, force: true });
  }
}

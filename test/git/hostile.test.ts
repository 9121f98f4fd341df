// Hostile revisions, links and repository configurations: acta runs nothing, writes nothing, reads nothing outside.
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRevisionName, gitEnvironment, parseTreeListing } from '../../src/io/git.js';
import { gitEnv, TempRepo } from './repo.js';

const MEETING = `record: meeting
id: 2017-03-16-red-nna
body: red-nna
dates:
  start: "2017-03-16"
source:
  document: informe.txt
agreements:
  - number: "1"
    action: thank
    text:
      es: "Agradecer a las delegaciones."
`;

let repo: TempRepo;
let markers: string;
let outside: string;

beforeAll(() => {
  repo = new TempRepo('acta-hostile-');
  markers = path.join(repo.home, 'markers');
  outside = path.join(repo.home, 'outside');
  for (const dir of [markers, outside]) mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(outside, 'secret.yaml'), 'record: meeting\nid: SECRET-CONTENT\n');
  repo.withRegistries().write({ 'meetings/2017-03-16-red-nna.yaml': MEETING }).commit('records', 'v1');
});

afterAll(() => repo.cleanup());

const made = (): string[] => readdirSync(markers);

describe('hostile revision names', () => {
  it('refuses names that git could read as options, before git sees them', () => {
    for (const rev of ['-p', '--output=/tmp/x', '--exec=touch x', '-', '']) expect(() => checkRevisionName(rev)).toThrow();
    for (const rev of ['main', 'HEAD~1', 'v1.2', 'origin/main', 'a$(b)']) expect(() => checkRevisionName(rev)).not.toThrow();
  });

  it.each([
    ['--output', (m: string) => `--output=${path.join(m, 'written-by-git')}`],
    ['-p', () => '-p'],
    ['shell separator', (m: string) => `HEAD;touch ${path.join(m, 'semicolon')}`],
    ['command substitution', (m: string) => `$(touch ${path.join(m, 'subst')})`],
    ['backticks', (m: string) => `\`touch ${path.join(m, 'backtick')}\``],
    ['a revision range', () => 'HEAD..HEAD'],
  ])('%s: exit 2, nothing run, nothing written', async (_name, make) => {
    const rev = make(markers);
    for (const args of [['--rev', rev, 'validate'], [`--rev=${rev}`, 'validate'], ['diff', '--', rev], ['validate', '--changed-since', rev]]) {
      const r = await repo.acta(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/^acta: /);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    }
    expect(made()).toEqual([]);
  });

  it('a ref whose name holds shell syntax is only a name', async () => {
    repo.git('tag', 'x$(touch${IFS}pwned)');
    try {
      const r = await repo.acta(['--rev', 'x$(touch${IFS}pwned)', 'validate']);
      expect(r.code).toBe(0);
      expect(existsSync(path.join(repo.dir, 'pwned'))).toBe(false);
    } finally {
      repo.git('tag', '-d', 'x$(touch${IFS}pwned)');
    }
  });
});

describe('links and paths out of the repository', () => {
  it('a symbolic link committed in the tree (mode 120000) is refused with a diagnostic, its target never read', async () => {
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(repo.dir, 'meetings', 'link.yaml'));
    symlinkSync('../../outside/secret.yaml', path.join(repo.dir, 'meetings', 'relative.yaml'));
    repo.commit('links', 'links');
    try {
      const listing = repo.git('ls-tree', '-r', 'links', 'meetings');
      expect(listing).toMatch(/^120000 blob .*\tmeetings\/link\.yaml$/m);
      for (const args of [['--rev', 'links', 'validate', '--format', 'json'], ['validate', '--format', 'json']]) {
        const r = await repo.acta(args);
        expect(r.code).toBe(1);
        const json = JSON.parse(r.stdout) as { diagnostics: { file: string; code: string; message: string }[] };
        const links = json.diagnostics.filter((d) => /link\.yaml|relative\.yaml/.test(d.file));
        expect(links.map((d) => d.code)).toEqual(['file/unreadable', 'file/unreadable']);
        expect(links[0]!.message).toMatch(/symbolic link/);
        expect(r.stdout).not.toContain('SECRET-CONTENT');
      }
      expect((await repo.acta(['diff', 'v1', 'links', '--format', 'json'])).stdout).not.toContain('SECRET-CONTENT');
    } finally {
      repo.remove('meetings/link.yaml', 'meetings/relative.yaml');
      repo.commit('no links');
    }
  });

  it('a records root outside the git work tree is refused', async () => {
    const r = await repo.acta(['--rev', 'v1', 'validate', '--root', outside]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no está dentro de un árbol de trabajo de git');
    expect((await repo.acta(['--rev', 'v1', 'validate', '--root', outside, '--lang', 'en'])).stderr).toContain('not inside a git work tree');
  });

  it('a records root reached through a link out of the work tree is refused', async () => {
    const other = new TempRepo('acta-other-');
    try {
      other.withRegistries().commit('other');
      symlinkSync(other.dir, path.join(repo.dir, 'elsewhere'));
      const r = await repo.acta(['--rev', 'v1', 'validate', '--root', 'elsewhere']);
      expect(r.code).toBe(2);
    } finally {
      rmSync(path.join(repo.dir, 'elsewhere'));
      other.cleanup();
    }
  });
});

describe('a repository configured to run commands', () => {
  beforeAll(() => {
    const hook = (name: string): string => {
      const file = path.join(repo.home, `${name}.sh`);
      writeFileSync(file, `#!/bin/sh\ntouch '${path.join(markers, name)}'\ncat\n`);
      chmodSync(file, 0o755);
      return file;
    };
    // Written into the repository's config file as `git config KEY VALUE` writes each (one git process less each); the
    // next test shows plain git reads and runs them.
    const value = (text: string): string => JSON.stringify(text); // a double-quoted git config value (no \ or " in the paths)
    appendFileSync(path.join(repo.dir, '.git', 'config'), [
      `[core]\n\tfsmonitor = ${value(hook('fsmonitor'))}\n\tpager = ${value(hook('pager'))}\n\tsshCommand = ${value(hook('ssh'))}`,
      `[diff "evil"]\n\ttextconv = ${value(hook('textconv'))}`,
      `[diff]\n\texternal = ${value(hook('external'))}`,
      `[pager]\n\tcat-file = ${value(hook('pager-cat-file'))}`,
      `[filter "evil"]\n\tclean = ${value(hook('clean'))}\n\tsmudge = ${value(hook('smudge'))}`,
      `[alias]\n\tls-tree = ${value(`!${hook('alias')}`)}`,
      '',
    ].join('\n'));
    repo.write({ '.gitattributes': '*.yaml diff=evil filter=evil\n' }).commit('attributes', 'attributes');
    repo.write({ 'meetings/2017-03-16-red-nna.yaml': MEETING.replace('Agradecer', 'Agradecer mucho') });
  });

  it('the traps are armed: plain git runs them', () => {
    spawnSync('git', ['status'], { cwd: repo.dir, env: gitEnv(repo.home) });
    spawnSync('git', ['diff', 'HEAD'], { cwd: repo.dir, env: gitEnv(repo.home) });
    expect(made()).toEqual(expect.arrayContaining(['fsmonitor', 'external']));
    rmSync(markers, { recursive: true });
    mkdirSync(markers, { recursive: true });
  });

  it.each([
    [['diff', 'v1']],
    [['diff', 'v1', 'attributes', '--format', 'md']],
    [['--rev', 'attributes', 'validate']],
    [['validate', '--changed-since', 'v1']],
    [['fmt', '--check']],
  ])('acta %j runs none of them', (args) => {
    const r = spawnSync(process.execPath, [path.resolve('bin/acta.js'), ...args], { cwd: repo.dir, encoding: 'utf8', env: { ...gitEnv(repo.home), GIT_EXTERNAL_DIFF: path.join(repo.home, 'external.sh'), GIT_PAGER: path.join(repo.home, 'pager.sh'), NO_COLOR: '1' } });
    expect(r.status, r.stderr).not.toBe(2);
    expect(made()).toEqual([]);
  });
});

describe('the git plumbing', () => {
  it('runs git with a scrubbed environment', () => {
    const env = gitEnvironment({ GIT_DIR: '/x', GIT_WORK_TREE: '/y', GIT_EXTERNAL_DIFF: 'z', PATH: '/bin', GIT_INDEX_FILE: 'i' });
    expect(env).toMatchObject({ PATH: '/bin', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' });
    for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_EXTERNAL_DIFF', 'GIT_INDEX_FILE']) expect(env[name]).toBeUndefined();
  });

  it('ignores GIT_DIR and GIT_WORK_TREE pointing elsewhere', () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'acta-gitdir-'));
    try {
      const r = spawnSync(process.execPath, [path.resolve('bin/acta.js'), '--rev', 'v1', 'validate'], { cwd: repo.dir, encoding: 'utf8', env: { ...gitEnv(repo.home), GIT_DIR: elsewhere, GIT_WORK_TREE: elsewhere } });
      expect(r.status, r.stderr).toBe(0);
    } finally {
      rmSync(elsewhere, { recursive: true });
    }
  });

  it('parses ls-tree -z output, names with spaces, tabs and newlines included', () => {
    const text = ['100644 blob aaaa\tmeetings/a b.yaml', '120000 blob bbbb\tl\nx.yaml', '160000 commit cccc\tsub', '040000 tree dddd\tx\ty', ''].join('\u0000');
    expect(parseTreeListing(text)).toEqual([
      { path: 'meetings/a b.yaml', mode: '100644', type: 'blob', object: 'aaaa' },
      { path: 'l\nx.yaml', mode: '120000', type: 'blob', object: 'bbbb' },
      { path: 'sub', mode: '160000', type: 'commit', object: 'cccc' },
      { path: 'x\ty', mode: '040000', type: 'tree', object: 'dddd' },
    ]);
  });
});

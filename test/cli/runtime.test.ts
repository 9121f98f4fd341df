// In-process runs get their own working folder, environment and output: nothing leaks between runs side by side, and
// nothing in src/ reaches past io/runtime.ts to the process.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runActa } from '../run-acta.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('the runtime of a run', () => {
  it('only io/runtime.ts (and the binary’s pipe guard in cli.ts) touch process.cwd, env or the standard streams', () => {
    const offenders = sources(path.join(REPO_ROOT, 'src'))
      .filter((f) => !f.endsWith(path.join('io', 'runtime.ts')))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => ({ at: `${path.relative(REPO_ROOT, f)}:${i + 1}`, line })))
      .filter(({ line, at }) => /process\.(cwd|env|stdout|stderr)\b/.test(line) && !(at.startsWith('src/cli.ts') && line.includes('for (const stream of [process.stdout, process.stderr])')));
    expect(offenders.map((o) => o.at)).toEqual([]);
  });

  it('runs side by side keep their own folder and environment', async () => {
    // Each finds its root from its own folder and shows paths from there; only the third sees GITHUB_ACTIONS=true.
    const [fixture, errors, github] = await Promise.all([
      runActa(['validate'], { cwd: path.join(REPO_ROOT, 'test/fixtures/report') }),
      runActa(['validate'], { cwd: path.join(REPO_ROOT, 'test/fixtures/validate-errors') }),
      runActa(['validate'], { cwd: path.join(REPO_ROOT, 'test/fixtures/validate-errors'), env: { GITHUB_ACTIONS: 'true' } }),
    ]);
    expect(fixture.code).toBe(0);
    expect(fixture.stdout).toMatch(/^meetings\/2017-09-20-grcm\.yaml:28:24: warning: /m);
    expect(errors.code).toBe(1);
    expect(errors.stdout).toMatch(/^meetings\/2017-06-21-red-trata\.yaml:6:1: error: /m);
    expect(errors.stdout).not.toContain('::error');
    // Annotations name files from the git work tree (where GitHub's runner looks), here this repository's.
    expect(github.stdout).toMatch(/^::error file=test\/fixtures\/validate-errors\/meetings\/2017-06-21-red-trata\.yaml,line=6/m);
  });

  it('a relative --root or path is read from the run’s folder, not the process’s', async () => {
    const r = await runActa(['validate', '--root', 'report'], { cwd: path.join(REPO_ROOT, 'test/fixtures') });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^report\/meetings\/2017-09-20-grcm\.yaml:28:24: warning: /m);
    const one = await runActa(['validate', 'meetings/2017-09-20-grcm.yaml'], { cwd: path.join(REPO_ROOT, 'test/fixtures/report') });
    expect(one.stdout).toMatch(/^meetings\/2017-09-20-grcm\.yaml:28:24: warning: /m);
  });
});

// acta site --out never deletes what acta did not write (issue 26, points 2 and 16): a marker file proves nothing,
// only a manifest of what acta wrote, matched file by file; never the records root, a folder above it, a git work
// tree or .git; an existing empty folder (a mount point) is written into, not replaced; sensible folder names.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runActa } from '../run-acta.js';

const AS_OF = '2017-08-01';
let base: string;
let root: string;
// Every file under a folder, relative path → size: what must not change when acta refuses.
const tree = (dir: string): Map<string, number> => {
  const out = new Map<string, number>();
  const walk = (sub: string): void => {
    for (const e of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else out.set(rel, statSync(path.join(dir, rel)).size);
    }
  };
  walk('');
  return out;
};
// In English unless a test says otherwise (data/ says lang: es).
const site = (out: string, cwd = root, lang = 'en') => runActa(['site', '--root', root, '--as-of', AS_OF, '--out', out, '--lang', lang], { cwd });

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'acta-siteout-'));
  root = path.join(base, 'records');
  cpSync(path.join(REPO_ROOT, 'data'), root, { recursive: true });
  execFileSync('git', ['init', '-q', root]);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('a folder acta did not write is never replaced', () => {
  it('touch .acta-site; acta site --out . in a records repository: refused, nothing deleted', async () => {
    writeFileSync(path.join(root, '.acta-site'), '');
    const before = tree(root);
    const r = await site('.');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('acta: .: the records root; acta never writes the site there — choose another --out (without one, acta writes into site/ in the records root)\n');
    const spanish = await runActa(['site', '--root', root, '--as-of', AS_OF, '--out', '.'], { cwd: root });
    expect(spanish.code).toBe(2);
    expect(spanish.stderr).toBe('acta: .: la raíz de los registros; acta nunca escribe el sitio allí — elija otro --out (sin él, acta escribe en site/ dentro de la raíz de los registros)\n');
    expect(tree(root)).toEqual(before);
    rmSync(path.join(root, '.acta-site'));
  });

  it('--out meetings with meetings/.acta-site (a marker, or a forged manifest listing the records): refused', async () => {
    const before = tree(root);
    writeFileSync(path.join(root, 'meetings/.acta-site'), 'This folder was written by `acta site`\n');
    const marker = await site('meetings');
    expect(marker.code).toBe(2);
    expect(marker.stderr).toMatch(/^acta: meetings: a folder that is not empty and that acta did not write \(it has no \.acta-site manifest listing its files\)/);
    const files = readdirSync(path.join(root, 'meetings')).filter((f) => f.endsWith('.yaml')).map((f) => [f, statSync(path.join(root, 'meetings', f)).size]);
    writeFileSync(path.join(root, 'meetings/.acta-site'), JSON.stringify({ format: 1, files }));
    const forged = await site('meetings');
    expect(forged.code).toBe(2);
    expect(forged.stderr).toMatch(/no \.acta-site manifest listing its files/);
    rmSync(path.join(root, 'meetings/.acta-site'));
    expect(tree(root)).toEqual(before);
  });

  it('a folder above the records root, a git work tree, a .git folder: refused, whatever they hold', async () => {
    const above = await site(base);
    expect(above.code).toBe(2);
    expect(above.stderr).toMatch(/a folder that holds the records root; acta never writes the site there/);
    expect((await site(base, root, 'es')).stderr).toMatch(/una carpeta que contiene la raíz de los registros; acta nunca escribe el sitio allí/);
    const work = path.join(base, 'other-repo');
    mkdirSync(work);
    execFileSync('git', ['init', '-q', work]);
    const worktree = await site(work);
    expect(worktree.code).toBe(2);
    expect(worktree.stderr).toMatch(/a git work tree \(it holds \.git\); acta never replaces one/);
    const dotgit = await site(path.join(work, '.git', 'site'));
    expect(dotgit.code).toBe(2);
    expect(dotgit.stderr).toMatch(/inside a \.git folder/);
    expect(readdirSync(path.join(work, '.git'))).not.toContain('site');
  });

  it('/ is refused and named as /, not ../../..', async () => {
    const r = await site('/');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^acta: \/: a folder that holds the records root/);
  });

  it('--out "" is a usage error', async () => {
    const r = await site('');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('acta: --out: give the folder to write the site into (an empty name names no folder)\n');
    expect((await site('', root, 'es')).stderr).toBe('acta: --out: indique la carpeta donde escribir el sitio (un nombre vacío no nombra ninguna carpeta)\n');
  });
});

describe('a folder acta wrote', () => {
  it('an empty folder is written into, not replaced (a mount point cannot be); then a file of the user is never deleted', async () => {
    const out = path.join(base, 'mnt');
    mkdirSync(out);
    const inode = statSync(out).ino;
    const first = await site('.', out);
    expect(first.stderr).toBe('acta: wrote ./ (139 pages, 222 files); open ./index.html\n'); // (--lang en here; the help test sees it in Spanish)
    expect(first.code).toBe(0);
    expect(statSync(out).ino).toBe(inode);
    expect(readdirSync(out).filter((n) => n.startsWith('.acta-') && n !== '.acta-site')).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(out, '.acta-site'), 'utf8')) as { files: [string, number][] };
    expect(manifest.files.length).toBe(221);
    expect(new Map(manifest.files)).toEqual(new Map([...tree(out)].filter(([f]) => f !== '.acta-site')));
    // The user's own file in it (or one of acta's pages changed by hand): the next build refuses and deletes nothing.
    writeFileSync(path.join(out, 'es', 'notes.html'), 'mine');
    const before = tree(out);
    const second = await site(out);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/holds es\/notes\.html, which acta did not write/);
    expect((await site(out, root, 'es')).stderr).toBe(`acta: ${path.relative(root, out)}: contiene es/notes.html, que acta no escribió (no figura en .acta-site, o cambió desde entonces); acta no toca la carpeta — saque ese archivo de allí, o elija otro --out\n`);
    expect(tree(out)).toEqual(before);
    rmSync(path.join(out, 'es', 'notes.html'));
    writeFileSync(path.join(out, 'index.html'), 'edited by hand');
    const third = await site(out);
    expect(third.code).toBe(2);
    expect(third.stderr).toMatch(/holds index\.html, which acta did not write \(it is not in \.acta-site, or it changed since\)/);
  }, 60_000);
});

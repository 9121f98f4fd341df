// The source documents as pages: the site ships each document the records cite and finds in sources/ as a page of
// numbered lines with anchors, the meeting, plan and follow-up evidence link to it; a document not on disk (or a link
// out of the root) is named, not linked; every line is escaped. The HTML report links them with --site-url.
import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runActa } from '../run-acta.js';
import { AS_OF, brokenLinks, buildSite, readTree, tempFolder, validatePages } from './site-files.js';

const DATA = path.resolve('data');
const HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(2)> \u202e';
let site: Map<string, string>;
let root: string;

beforeAll(async () => {
  // data/, with one source changed to hostile text, one removed, and one replaced by a link that leads out of the root.
  root = path.join(tempFolder('acta-sources-'), 'records');
  cpSync(DATA, root, { recursive: true });
  writeFileSync(path.join(root, 'sources/001_441c3394a93c4942.txt'), `first line\n${HOSTILE}\n${'x'.repeat(3000)}\n`);
  rmSync(path.join(root, 'sources/002_e7618e924924c884.txt'));
  const outside = path.join(tempFolder('acta-sources-outside-'), 'secret.txt');
  writeFileSync(outside, 'SECRET outside the root\n');
  rmSync(path.join(root, 'sources/003_bd5b4d8ca3601dab.txt'));
  symlinkSync(outside, path.join(root, 'sources/003_bd5b4d8ca3601dab.txt'));
  site = readTree(await buildSite(root));
}, 60_000);

describe('source documents on the site', () => {
  it('ships each cited document found in sources/ as a page of numbered lines, each with its anchor', () => {
    const page = site.get('es/sources/004_5f_40c6a71c981a18d3.txt.html')!;
    const lines = readFileSync(path.join(DATA, 'sources/004_40c6a71c981a18d3.txt'), 'utf8').replace(/\n$/, '').split('\n');
    expect(page.match(/<li id="L\d+">/g)).toHaveLength(lines.length);
    expect(page).toContain('<li id="L9"><a class="ln" href="#L9">9</a> <span class="text">');
    expect(page).toContain(`<title>004_40c6a71c981a18d3.txt`);
    expect(site.has('en/sources/004_5f_40c6a71c981a18d3.txt.html')).toBe(true);
  });

  it('links the meeting, the plan and the evidence to it; names a document that is not on disk, or leads out', () => {
    expect(site.get('es/meetings/2017-06-21-red-trata.html')).toContain('<dt>Fuente</dt><dd><a href="../sources/004_5f_40c6a71c981a18d3.txt.html">004_40c6a71c981a18d3.txt</a></dd>');
    // 002 was removed, 003 is a link out of the root: named as text, no page.
    expect(site.get('es/meetings/2016-06-08-red-consular.html')).toContain('<dt>Fuente</dt><dd>002_e7618e924924c884.txt</dd>');
    expect(site.get('es/workplan/2017-2022-red-nna.html')).toContain('<dt>Fuente</dt><dd>003_bd5b4d8ca3601dab.txt</dd>');
    expect([...site.keys()].filter((f) => f.includes('/sources/')).map((f) => f.replace(/^\w+\/sources\//, '')).sort()).toEqual(['000_5f_119a54e5c1cfca12.txt.html', '000_5f_119a54e5c1cfca12.txt.html', '001_5f_441c3394a93c4942.txt.html', '001_5f_441c3394a93c4942.txt.html', '004_5f_40c6a71c981a18d3.txt.html', '004_5f_40c6a71c981a18d3.txt.html']);
    for (const [file, text] of site) expect(text.includes('SECRET'), file).toBe(false);
    expect(brokenLinks(site)).toEqual([]);
  });

  it('escapes every line', async () => {
    const page = site.get('es/sources/001_5f_441c3394a93c4942.txt.html')!;
    expect(page).toContain('<li id="L2"><a class="ln" href="#L2">2</a> <span class="text">&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(page.includes('<script>alert') || page.includes('<img src=x') || page.includes('\u202e')).toBe(false);
    expect(await validatePages(new Map([...site].filter(([f]) => f.includes('/sources/'))))).toEqual([]);
  });
});

describe('acta report -f html and the source documents', () => {
  const report = (extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> => runActa(['report', '--root', root, '--as-of', AS_OF, '-f', 'html', ...extra]);

  it('links each source document to its page on the published site with --site-url; names it otherwise', async () => {
    const linked = await report(['--site-url', 'https://st.example.org/actas/']);
    expect(linked.code, linked.stderr).toBe(0);
    expect(linked.stdout).toContain('Fuente: <a href="https://st.example.org/actas/es/sources/004_5f_40c6a71c981a18d3.txt.html">004_40c6a71c981a18d3.txt</a>');
    expect(linked.stdout).toContain('Fuente: 002_e7618e924924c884.txt'); // not on disk: named
    const plain = await report([]);
    expect(plain.stdout).toContain('Fuente: 004_40c6a71c981a18d3.txt');
    expect(plain.stdout).not.toContain('sources/004');
  });

  it('takes only an http(s) address', async () => {
    const r = await report(['--site-url', 'javascript:alert(1)']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    // The refusal names report's own option, not site's --url (exploratory review, nineteenth session).
    expect(r.stderr).toMatch(/^acta: --site-url javascript:alert\(1\): /);
  });

  it('acta site --url refuses in the run\'s language (ACTA_LANG, acta.yaml), not always Spanish', async () => {
    const out = path.join(tempFolder('acta-site-url-lang-'), 'site');
    const r = await runActa(['site', '--root', root, '--as-of', AS_OF, '--out', out, '--url', 'ftp://x'], { env: { ACTA_LANG: 'en' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('acta: --url ftp://x: give the address the site will be published at, starting with https:// or http://\n');
  });
});

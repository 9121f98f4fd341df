// acta site over data/: goldens of a few pages, byte-identical rebuilds, html-validate on every page, a link check
// over the whole site, the refusal of a folder acta did not write, and hostile record text kept inert.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runActa } from '../run-acta.js';
import { AS_OF, brokenLinks, buildSite, dataSite, readTree, tempFolder, validatePages } from './site-files.js';

const DATA = path.resolve('data');
let site: Map<string, string>;

beforeAll(async () => {
  site = readTree(await dataSite());
}, 60_000);

const pages = (): string[] => [...site.keys()].filter((f) => f.endsWith('.html'));

describe('acta site over data/', () => {
  it('writes both languages, a page per meeting, actor, plan and activity, and the marker', () => {
    expect(site.get('.acta-site')).toContain('acta site');
    for (const lang of ['es', 'en']) {
      for (const p of ['index.html', 'meetings/2017-06-21-red-trata.html', 'actors/MX~.html', 'actors/iom.html', 'actors/member-countries.html', 'workplan/2017-2022-red-nna.html', 'overdue.html', 'upcoming.html', 'search.html', 'search-index.js', 'search-index/1.js', 'actors/MX~.ics']) expect(site.has(`${lang}/${p}`), `${lang}/${p}`).toBe(true);
    }
    expect(site.get('index.html')).toMatch(/<meta http-equiv="refresh" content="0; url=es\/index.html">/);
    expect(site.get('assets/minisearch.js')).toContain('MiniSearch');
  });

  it("draws a plan's matrix with acta workplan -f html's grid: year columns, coloured cells, a legend, responsibles linked", () => {
    const page = site.get('es/workplan/2017-2022-red-nna.html')!;
    // The tab says the plan's title, not its id.
    expect(page).toMatch(/<title>Plan Estratégico para la Red/);
    // One grid per axis (five axes), each in its own scrolling frame named for the reader, after one legend.
    expect(page.match(/<table class="grid">/g)).toHaveLength(5);
    expect(page.match(/<section class="grid-frame" id="axis-\d" tabindex="0" aria-label="Eje \d">/g)).toHaveLength(5);
    expect(page.match(/class="legend grid-legend"/g)).toHaveLength(1);
    expect(page.indexOf('grid-legend')).toBeLessThan(page.indexOf('class="grid"'));
    expect(page).not.toContain('class="matrix"');
    // The same year columns in every grid.
    const heads = [...page.matchAll(/<thead>(.*?)<\/thead>/g)].map((m) => m[1]!).filter((h) => h.includes('Responsables')).map((h) => h.replace(/.*Responsables<\/th>/, ''));
    expect(heads).toHaveLength(5);
    expect(new Set(heads).size).toBe(1);
    expect(heads[0]).toContain('<th scope="col" class="cell">2017</th>');
    // The one responsible the plan names links to its page; the activity keeps its anchor (search and follow-up lead there).
    expect(page).toMatch(/<tr id="2\/XI\/1\/1.4">.*<td><a href="..\/actors\/foreign-ministries.html">Ministerios de Relaciones Exteriores/);
    // A state is said in words too, not by colour alone; continuous cells say "Cont." once.
    expect(page).toContain('<td class="cell s-continuous" title="Continuo">Cont.</td>');
    expect(page).toContain('I Sem.<span class="visually-hidden"> — abierto</span></td>');
    // The stylesheet carries the grid's rules (the workplan partial grid-style).
    expect(site.get('assets/site.css')).toContain('table.grid td.cell');
  });

  it('golden pages: a meeting (en) and an actor (es)', async () => {
    await expect(site.get('en/meetings/2017-06-21-red-trata.html')).toMatchFileSnapshot('../golden/site/meeting-2017-06-21-red-trata.en.html');
    await expect(site.get('es/actors/MX~.html')).toMatchFileSnapshot('../golden/site/actor-MX.es.html');
  });

  it("a member's statement names a group commitment in a line that leads to the group's page, where its task stands in full", () => {
    const mx = site.get('es/actors/MX~.html')!;
    const row = (page: string, id: string): string => page.split('<tr').find((r) => r.includes(`<code class="id">${id}</code>`)) ?? '';
    // Owed by MX only as one of the member countries: the row is there (counted, dated, late) without the task again.
    const member = row(mx, '2017-06-21-red-trata#3/1');
    expect(member).toContain('Como miembro de <a href="member-countries.html">Países Miembros</a>');
    expect(member).toContain('<td data-label="Días de atraso" class="num">11</td>');
    expect(member).not.toContain('Compartir con la ST');
    expect(mx).toContain('<h3>Vencidos — 4</h3>');
    expect(mx).toContain('Cada compromiso de grupo figura completo');
    // The group's page holds it in full.
    expect(row(site.get('es/actors/member-countries.html')!, '2017-06-21-red-trata#3/1')).toContain('Compartir con la ST sus informes');
    // An organisation named for itself keeps the task in full, and no note about groups.
    const iom = site.get('es/actors/iom.html')!;
    expect(iom).not.toContain('Como miembro de <a');
  });

  it('an agreement has a permalink anchor named by its number, and its adopted text, deadline as worded and state', () => {
    const page = site.get('es/meetings/2017-06-21-red-trata.html')!;
    expect(page).toContain('<article class="agreement" id="2.b">');
    expect(page).toContain('«a más tardar el 21 de julio de 2017»');
    expect(page).toMatch(/state-overdue/);
  });

  it('the same records and --as-of give the same bytes', async () => {
    const again = readTree(await buildSite(DATA));
    expect([...again.keys()]).toEqual([...site.keys()]);
    for (const [file, text] of site) expect(again.get(file), file).toBe(text);
  }, 60_000);

  it('every page has the CSP, relative links only, and no inline script or style', () => {
    for (const file of pages()) {
      const text = site.get(file)!;
      expect(text, file).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;self&#39;;`);
      expect(text, file).not.toMatch(/<script>|<style|\sstyle="|\son[a-z]+="/);
      expect(text, file).not.toMatch(/(href|src)="\//);
    }
  });

  it('every page passes html-validate (recommended)', async () => {
    expect((await validatePages(site)).slice(0, 20)).toEqual([]);
  }, 60_000);

  it('the html-validate check (its configuration resolved once) still names each broken page, and only those', async () => {
    const page = (body: string): string => `<!DOCTYPE html><html lang="es"><head><title>t</title></head><body>${body}</body></html>`;
    const found = await validatePages(new Map([['a.html', page('<p id="x">a</p><p id="x">b</p>')], ['b.html', page('<p id="x">fine</p>')], ['c.html', page('<div><span></div>')]]));
    expect(found.filter((f) => f.startsWith('a.html:')).map((f) => f.split(' ')[1])).toContain('no-dup-id');
    expect(found.filter((f) => f.startsWith('b.html:'))).toEqual([]);
    expect(found.filter((f) => f.startsWith('c.html:')).length).toBeGreaterThan(0);
  });

  it('every internal link and source resolves to a file (and its anchor)', () => {
    expect(brokenLinks(site).slice(0, 20)).toEqual([]);
  });

  it('a calendar feed per actor, linked from its page', () => {
    expect(site.get('es/actors/MX~.html')).toContain('href="MX~.ics"');
    expect(site.get('es/actors/MX~.ics')).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(site.get('es/actors/MX~.ics')).toContain('2017-06-21-red-trata#2.b');
  });

  it("each calendar is named after its actor, in the page's language; no link back without the site's address", () => {
    expect(site.get('es/actors/MX~.ics')).toContain('\r\nX-WR-CALNAME:acta: plazos de México\r\n');
    expect(site.get('en/actors/MX~.ics')).toContain('\r\nX-WR-CALNAME:acta: deadlines of Mexico\r\n');
    expect(site.get('en/actors/iom.ics')).toMatch(/\r\nX-WR-CALNAME:acta: deadlines of [^\r]*(IOM|International Organization for Migration)/);
    expect(site.get('es/actors/MX~.ics')).not.toMatch(/\r\nURL:/);
  });

  it('with --url, each calendar links back to its actor\'s page at that address; only an http(s) address is taken', async () => {
    const published = readTree(await buildSite(DATA, ['--url', 'https://crm.example.org/actas/']));
    expect(published.get('es/actors/MX~.ics')).toContain('\r\nURL:https://crm.example.org/actas/es/actors/MX~.html\r\n');
    expect(published.get('en/actors/iom.ics')).toContain('\r\nURL:https://crm.example.org/actas/en/actors/iom.html\r\n');
    const r = await runActa(['site', '--root', DATA, '--as-of', AS_OF, '--out', path.join(tempFolder('acta-site-url-'), 'site'), '--url', 'javascript:alert(1)']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--url javascript:alert(1)');
  }, 60_000);
});

describe('the output folder', () => {
  it('refuses a non-empty folder acta did not write, with exit 2, and leaves it untouched', async () => {
    const dir = tempFolder('acta-site-foreign-');
    writeFileSync(path.join(dir, 'thesis.docx'), 'mine');
    const r = await runActa(['site', '--root', DATA, '--as-of', AS_OF, '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no está vacía y que acta no escribió/);
    expect(readTree(dir)).toEqual(new Map([['thesis.docx', 'mine']]));
  });

  it('refuses a symbolic link as the output folder', async () => {
    const dir = tempFolder('acta-site-link-');
    mkdirSync(path.join(dir, 'elsewhere'));
    symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'site'));
    const r = await runActa(['site', '--root', DATA, '--as-of', AS_OF, '--out', path.join(dir, 'site')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/un enlace simbólico; acta solo escribe el sitio en una carpeta real/);
    expect(readdirSync(path.join(dir, 'elsewhere'))).toEqual([]);
  });

  it('replaces a site it wrote before (stale files it wrote go), and writes into an empty folder', async () => {
    const parent = tempFolder('acta-site-again-');
    const dir = path.join(parent, 'site');
    mkdirSync(dir);
    const first = await runActa(['site', '--root', DATA, '--as-of', AS_OF, '--out', dir]);
    expect(first.code, first.stderr).toBe(0);
    // A page an earlier build wrote (so in its manifest) that this build does not write.
    writeFileSync(path.join(dir, 'stale.html'), 'old');
    const manifest = JSON.parse(readFileSync(path.join(dir, '.acta-site'), 'utf8')) as { files: [string, number][] };
    writeFileSync(path.join(dir, '.acta-site'), JSON.stringify({ ...manifest, files: [...manifest.files, ['stale.html', 3]] }));
    const second = await runActa(['site', '--root', DATA, '--as-of', AS_OF, '--out', dir]);
    expect(second.code, second.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'stale.html'))).toBe(false);
    expect(existsSync(path.join(dir, 'es/index.html'))).toBe(true);
    expect(readdirSync(parent)).toEqual(['site']); // no temporary folder left beside it
  }, 60_000);
});

const HOSTILE = `<script>alert(1)</script> "><img src=x onerror=alert(2)> </script><!-- \u202e`;

describe('hostile record text', () => {
  it('is escaped on every page, in the search index and the calendar', async () => {
    const root = path.join(tempFolder('acta-site-hostile-'), 'records');
    cpSync(DATA, root, { recursive: true });
    mkdirSync(path.join(root, 'meetings'), { recursive: true });
    writeFileSync(path.join(root, 'meetings/2017-07-10-red-trata.yaml'), `record: meeting
id: 2017-07-10-red-trata
body: red-trata
dates: { start: "2017-07-10" }
source: { document: hostile.txt }
agreements:
  - number: "1"
    action: request
    text:
      es: ${JSON.stringify(HOSTILE)}
    commitment:
      owners: [MX]
      deadline: { due: "2017-07-20", text: { es: ${JSON.stringify(HOSTILE)} } }
    followup:
      - date: "2017-07-15"
        status: in-progress
        note: { es: ${JSON.stringify(HOSTILE)} }
        evidence: { url: "https://example.org/?a=<b>&c=\\"d\\"" }
`);
    // An activity with follow-up gets a page of its own.
    const plan = path.join(root, 'plans/2017-2022-red-nna.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('                  "2021": continuous\n              - number: "1.2"', `                  "2021": continuous\n                followup:\n                  - date: "2017-07-01"\n                    status: in-progress\n                    note: { es: ${JSON.stringify(HOSTILE)} }\n              - number: "1.2"`));
    const built = readTree(await buildSite(root));
    const page = built.get('es/meetings/2017-07-10-red-trata.html')!;
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(page).toContain('href="https://example.org/?a=&lt;b&gt;&amp;c=&quot;d&quot;"');
    for (const [file, text] of built) {
      expect(text.includes('\u202e'), file).toBe(false);
      if (!file.endsWith('.html')) continue; // the calendars and the index hold the text in their own escaping
      expect(text.includes('<script>alert') || text.includes('<img src=x'), file).toBe(false);
    }
    const activity = built.get('es/workplan/2017-2022-red-nna/1~I~~1~1.1.html')!;
    expect(activity).toContain('&lt;script&gt;alert(1)');
    expect(built.get('es/workplan/2017-2022-red-nna.html')).toContain('href="2017-2022-red-nna/1~I~~1~1.1.html"');
    const shown = new Map([...built].filter(([f, t]) => f.endsWith('.html') && t.includes('alert(1)')));
    expect(shown.size).toBeGreaterThan(4);
    expect(await validatePages(shown)).toEqual([]);
    expect(brokenLinks(built)).toEqual([]);
    expect(built.get('es/search-index/1.js')!.includes('alert(1)')).toBe(true); // in a JSON string, where markup means nothing
    expect(readFileSync(path.join(root, 'meetings/2017-07-10-red-trata.yaml'), 'utf8')).toContain('alert(1)');
  }, 60_000);
});

// The site's home page as a reader expects it: one headline per number with its noun in the right number, thousands
// grouped, and a meeting dated after --as-of neither counted as held nor called the latest (issue 23.3).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runActa } from '../run-acta.js';
import { AS_OF, dataSite, tempFolder } from './site-files.js';

async function home(asOf: string, lang: 'es' | 'en' = 'es'): Promise<string> {
  // At the site tests' day, data/'s site the run builds once for the files that read it (site-files.ts dataSite).
  const site = asOf === AS_OF ? await dataSite() : path.join(tempFolder('acta-home-'), 'site');
  if (asOf !== AS_OF) {
    const r = await runActa(['site', '--root', 'data', '--as-of', asOf, '--out', site]);
    expect(r.code, r.stderr).toBe(0);
  }
  return readFileSync(path.join(site, lang, 'index.html'), 'utf8');
}

const text = (page: string): string => page.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describe('the home page', () => {
  it('before the 21 Jun 2017 meeting: three held, the latest is 16 Mar 2017, one still to come', async () => {
    const page = text(await home('2017-05-01'));
    expect(page).toContain('3 reuniones celebradas');
    expect(page).toContain('Última reunión: Red NNA, 16 mar 2017 · 1 prevista');
    expect(page).not.toContain('Red Trata y Tráfico, 21 jun 2017');
  });

  it('one number per tile, with its noun; the deadlines-ahead count is the table’s', async () => {
    const page = await home('2017-08-01');
    const tiles = [...page.matchAll(/<li>(?:<a [^>]*>)?<strong>([\d.]+)<\/strong> ([^<]+)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(tiles).toEqual(['4 reuniones celebradas', '52 acuerdos', '8 compromisos vencidos', expect.stringMatching(/^\d+ plazos? por delante$/), expect.stringMatching(/en espera de una reunión$/), expect.stringMatching(/^\d+ cumplidos?$/), '1 plan de trabajo']);
    const ahead = Number(/<strong>(\d+)<\/strong> plazos? por delante/.exec(page)![1]);
    if (ahead) expect(page).toContain(`Próximos vencimientos (${Math.min(5, ahead)} de ${ahead})`);
    else expect(page).toMatch(/<h2>Próximos vencimientos<\/h2>\n<p>Nada\.<\/p>/);
    expect(page).not.toMatch(/<h1>[^<]*Secretaría/); // the site's name is the brand, not the heading
  });
});

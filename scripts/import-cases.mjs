// The cases `npm run import-accuracy` measures: each report's text, its registries and its record written by hand.
import fs from 'node:fs';
import path from 'node:path';
import { loadRepository } from '../dist/io/load.js';

/** The seeds: data/sources/ against the curated records of data/meetings/. */
export async function seedCases(root) {
  const repo = await loadRepository(path.join(root, 'data'));
  // Places the other meetings on record give (never the compared meeting's own record).
  const known = (except) => repo.records.meetings.flatMap(({ data: m }) => (m.id !== except && m.place?.city && m.place.country ? [{ city: m.place.city, country: m.place.country, meeting: m.id }] : []));
  return repo.records.meetings
    .filter(({ data: m }) => fs.existsSync(path.join(root, 'data/sources', m.source.document)))
    .map(({ data: m }) => ({ document: m.source.document, lang: 'es', text: fs.readFileSync(path.join(root, 'data/sources', m.source.document), 'utf8'), registries: repo.records.registries, known: known(m.id), expected: m }));
}

/** The corpus: test/fixtures/import-corpus/docs/NAME.LANG.txt against expected/NAME.LANG.json. */
export async function corpusCases(root) {
  const dir = path.join(root, 'test/fixtures/import-corpus');
  const repo = await loadRepository(dir);
  return fs
    .readdirSync(path.join(dir, 'docs'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({
      document: f,
      lang: f.endsWith('.en.txt') ? 'en' : 'es',
      text: fs.readFileSync(path.join(dir, 'docs', f), 'utf8'),
      registries: repo.records.registries,
      known: [],
      expected: JSON.parse(fs.readFileSync(path.join(dir, 'expected', f.replace(/\.txt$/, '.json')), 'utf8')),
    }));
}

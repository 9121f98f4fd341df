// npm run import-accuracy: import every meeting report and compare the draft with its record written by hand, field by
// field, per language — over the seeds (data/sources/ against the curated data/meetings/) and over the corpus of real
// documents (test/fixtures/import-corpus/docs/ against expected/, written before the importer ran on them).
// Prints Markdown tables (docs/import.md's); --json prints the tallies; --verbose lists every field that differs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareDraft, emptyTally, FIELDS } from '../dist/core/import/accuracy.js';
import { draftMeeting } from '../dist/core/import/draft-meeting.js';
import { loadRepository } from '../dist/io/load.js';
import { corpusCases, seedCases } from './import-cases.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('--verbose');
const tallies = {};
const rows = [];
const misses = [];

for (const [set, cases] of [['seeds', await seedCases(root)], ['corpus', await corpusCases(root)]]) {
  for (const c of cases) {
    const outcome = draftMeeting(c.text, c.document, c.registries, c.known);
    const key = `${set} ${c.lang}`;
    tallies[key] ??= emptyTally();
    const one = compareDraft(outcome.draft, c.expected);
    compareDraft(outcome.draft, c.expected, tallies[key], (m) => misses.push(`${c.document} #${m.point || '-'} ${m.field}: ${JSON.stringify(m.draft)?.slice(0, 300)} → ${JSON.stringify(m.curated)?.slice(0, 300)}`));
    rows.push(`| ${set} | ${c.document} | ${c.lang} | ${FIELDS.map((f) => (one[f].total ? `${one[f].agree}/${one[f].total}` : '–')).join(' | ')} | ${one.misses.noted}/${one.misses.total} |`);
  }
}

const pct = (t) => (t.total ? `${Math.round((t.agree / t.total) * 1000) / 10} %` : '–');
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(tallies, null, 2));
} else {
  console.log(`| set | language | ${FIELDS.join(' | ')} | misses noted | past dates as deadlines |`);
  console.log(`| --- | --- |${FIELDS.map(() => ' --- |').join('')} --- | --- |`);
  for (const [key, t] of Object.entries(tallies)) {
    const [set, lang] = key.split(' ');
    console.log(`| ${set} | ${lang} | ${FIELDS.map((f) => `${pct(t[f])} (${t[f].agree}/${t[f].total})`).join(' | ')} | ${pct({ agree: t.misses.noted, total: t.misses.total })} (${t.misses.noted}/${t.misses.total}) | ${t.pastDeadlines} |`);
  }
  if (process.argv.includes('--documents')) {
    console.log(`\n| set | document | language | ${FIELDS.join(' | ')} | misses noted |`);
    console.log(`| --- | --- | --- |${FIELDS.map(() => ' --- |').join('')} --- |`);
    for (const r of rows) console.log(r);
  }
}
if (verbose) for (const m of misses) console.log(m);
void loadRepository;

// npm run import-accuracy: import every meeting report in data/sources/ and compare with its curated record in
// data/meetings/, field by field. Prints a Markdown table (the README's); --json prints the tally; --verbose
// also lists each point's action, actors and deadlines that differ (draft → curated).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareDraft, emptyTally, FIELDS } from '../dist/core/import/accuracy.js';
import { draftMeeting } from '../dist/core/import/draft-meeting.js';
import { loadRepository } from '../dist/io/load.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = await loadRepository(path.join(root, 'data'));
const tally = emptyTally();
// Places the other meetings on record give (never the compared meeting's own record).
const knownPlaces = (r, except) => r.records.meetings.flatMap(({ data: m }) => (m.id !== except && m.place?.city && m.place.country ? [{ city: m.place.city, country: m.place.country, meeting: m.id }] : []));
const rows = [];
const misses = [];
const verbose = process.argv.includes('--verbose');
for (const { data: meeting } of repo.records.meetings) {
  const file = path.join(root, 'data/sources', meeting.source.document);
  if (!fs.existsSync(file)) continue;
  const outcome = draftMeeting(fs.readFileSync(file, 'utf8'), meeting.source.document, repo.records.registries, knownPlaces(repo, meeting.id));
  if (!outcome.ok) {
    rows.push(`| ${meeting.id} | not imported: ${outcome.missing.join(', ')} |`);
    continue;
  }
  const one = compareDraft(outcome.draft, meeting);
  compareDraft(outcome.draft, meeting, tally, (m) => {
    if (verbose && ['text', 'points', 'numbering', 'action', 'actors', 'deadlines', 'body', 'dates', 'place', 'participants'].includes(m.field)) misses.push(`${m.meeting} #${m.point} ${m.field}: ${JSON.stringify(m.draft)} → ${JSON.stringify(m.curated)}`);
  });
  rows.push(`| ${meeting.id} | ${FIELDS.map((f) => `${one[f].agree}/${one[f].total}`).join(' | ')} |`);
}
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(tally, null, 2));
} else {
  const pct = (f) => (tally[f].total ? `${Math.round((tally[f].agree / tally[f].total) * 1000) / 10} %` : '–');
  console.log(`| meeting | ${FIELDS.join(' | ')} |`);
  console.log(`| --- |${FIELDS.map(() => ' --- |').join('')}`);
  for (const r of rows) console.log(r);
  console.log(`| **all** | ${FIELDS.map((f) => `**${pct(f)}** (${tally[f].agree}/${tally[f].total})`).join(' | ')} |`);
}
if (verbose) for (const m of misses) console.log(m);

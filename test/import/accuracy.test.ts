// The importer on the four real meeting reports: the floor of agreement with the curated records (no regression).
// The rules are general; this test only measures them (npm run import-accuracy prints the table).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Field } from '../../src/core/import/accuracy.js';
import { compareDraft, emptyTally, FIELDS } from '../../src/core/import/accuracy.js';
import { draftMeeting } from '../../src/core/import/draft-meeting.js';
import { loadRepository } from '../../src/io/load.js';
import { ROOT } from '../followup/harness.js';

// Agreed / total, measured 2026-11-30; raise these as the rules improve.
const FLOOR: Record<Field, number> = { points: 53, numbering: 53, text: 53, action: 53, actors: 51, deadlines: 14, participants: 4, dates: 4, place: 4, body: 4 };

type Repo = Awaited<ReturnType<typeof loadRepository>>;
// Places the other meetings on record give (never the compared meeting's own record).
const knownPlaces = (r: Repo, except: string) => r.records.meetings.flatMap(({ data: m }) => (m.id !== except && m.place?.city && m.place.country ? [{ city: m.place.city, country: m.place.country, meeting: m.id }] : []));

describe('import accuracy on data/sources', () => {
  it('holds the floor on every field', async () => {
    const repo = await loadRepository(path.join(ROOT, 'data'));
    const tally = emptyTally();
    for (const { data: meeting } of repo.records.meetings) {
      const file = path.join(ROOT, 'data/sources', meeting.source.document);
      const outcome = draftMeeting(fs.readFileSync(file, 'utf8'), meeting.source.document, repo.records.registries, knownPlaces(repo, meeting.id));
      expect(outcome.ok).toBe(true);
      if (outcome.ok) compareDraft(outcome.draft, meeting, tally);
    }
    const agreed = Object.fromEntries(FIELDS.map((f) => [f, Math.min(tally[f].agree, FLOOR[f])]));
    expect(agreed).toEqual(FLOOR);
  });
});

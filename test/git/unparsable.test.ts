// acta diff sees files that cannot be parsed: a change to their bytes is a change, at either revision.
import { afterAll, describe, expect, it } from 'vitest';
import { TempRepo } from './repo.js';

const repo = new TempRepo('acta-unparsable-').withRegistries();
afterAll(() => repo.cleanup());

// v1: both broken (syntax error; two documents). v2: both still broken, but edited. v3: unchanged bytes.
repo.write({ 'meetings/broken.yaml': 'record: meeting\nparticipants: [GT, HN\nbody: x\n', 'meetings/multi.yaml': 'record: meeting\nid: a\n---\nrecord: meeting\n' }).commit('v1', 'v1');
repo.write({ 'meetings/broken.yaml': 'record: meeting\nparticipants: [GT, SV\nbody: x\n', 'meetings/multi.yaml': 'record: meeting\nid: b\n---\nrecord: meeting\n' }).commit('v2', 'v2');
repo.commit('v3', 'v3');

describe('diff and files that fail to parse at both revisions', () => {
  it('shows an edited unparsable file as a change, and --fail-on any fails', async () => {
    const r = (await repo.acta(['diff', 'v1', 'v2', '--fail-on', 'any', '--lang', 'en']));
    expect(r.stdout).toContain('meetings/broken.yaml');
    expect(r.stdout).toMatch(/could not be read at v2 \([0-9a-f]{7}\): /);
    expect(r.stdout).toContain('meetings/multi.yaml');
    expect(r.code).toBe(1);
    const json = JSON.parse((await repo.acta(['diff', 'v1', 'v2', '-f', 'json'])).stdout) as { changes: { kind: string; file: string; revision: string }[] };
    expect(json.changes.map((c) => [c.kind, c.file])).toEqual([['file-unreadable', 'meetings/broken.yaml'], ['file-unreadable', 'meetings/multi.yaml']]);
  });

  it('against the working tree too', async () => {
    const r = (await repo.acta(['diff', 'v1', '--fail-on', 'any']));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('meetings/broken.yaml');
    expect(r.stdout).toContain('meetings/multi.yaml');
  });

  it('stays quiet when the bytes did not change', async () => {
    const r = (await repo.acta(['diff', 'v2', 'v3', '--fail-on', 'any', '--lang', 'en']));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('broken.yaml');
  });
});

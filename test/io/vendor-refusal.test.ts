// acta init's packing of acta for a new repository: when npm pack leaves no tarball of the expected name, the refusal
// names it in the officer's language (the catalog's usage.initPackMissing), never as a stack trace.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SaidError } from '../../src/io/files.js';
import { withRuntime } from '../../src/io/runtime.js';
import { tarballName, vendorTarball } from '../../src/io/scaffold.js';
import { saidText } from '../../src/render/diagnostic-text.js';
import { tempFolders } from './temp-folders.js';

const folders = tempFolders();
const folder = folders.temp('acta-vendor-');
afterAll(() => folders.cleanup());

const silent = { write: (): void => {}, isTTY: false };
const inRun = (env: Record<string, string>, work: () => Promise<void>): Promise<void> => withRuntime({ cwd: process.cwd(), env: { ...process.env, ...env }, stdout: silent, stderr: silent }, work);

/** A folder holding an `npm` that does what npm pack does with the name (it writes the package's own tarball name
 * into --pack-destination), and records that it ran: first on the run's PATH, it stands in for npm's ~1.8 s of CPU
 * where the name, not the packing, is the point. Real packs: the test below, test/adoption/first-week.test.ts. */
function standInNpm(): { dir: string; ran: string } {
  const dir = folders.temp('acta-npm-');
  const ran = path.join(dir, 'ran');
  writeFileSync(path.join(dir, 'npm'), `#!/bin/sh\nwhile [ "$1" != --pack-destination ]; do shift; done\nprintf stand-in > "$2/${tarballName()}"\necho "$@" >> ${JSON.stringify(ran)}\n`, { mode: 0o755 });
  return { dir, ran };
}

describe('vendorTarball', () => {
  it('refuses, in Spanish and English, when npm pack wrote no tarball of the name asked for', async () => {
    // An init earlier in the process (packed once for real, kept) does not make a tarball of another name appear:
    // asked for another name, acta runs npm pack again (the stand-in on the run's PATH) and refuses what it left.
    await vendorTarball({ kind: 'checkout' }, folders.temp('acta-vendor-'));
    const npm = standInNpm();
    let refusal: unknown;
    await inRun({ PATH: `${npm.dir}${path.delimiter}${process.env['PATH'] ?? ''}` }, async () => {
      refusal = await vendorTarball({ kind: 'checkout' }, folder, 'not-this-name.tgz').then(() => undefined, (e: unknown) => e);
    });
    expect(readFileSync(npm.ran, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(readdirSync(folder)).toEqual([tarballName()]);
    expect(refusal).toBeInstanceOf(SaidError);
    const said = (refusal as SaidError).said;
    expect(saidText(said, 'es')).toBe(`npm pack no escribió not-this-name.tgz en ${folder}`);
    expect(saidText(said, 'en')).toBe(`npm pack wrote no not-this-name.tgz into ${folder}`);
  }, 60_000);
});

describe('ACTA_PACKED_DIR (the test runs\' hook: one npm pack for the whole run)', () => {

  it('vendors the tarball kept there instead of packing', async () => {
    const kept = folders.temp('acta-packed-');
    writeFileSync(path.join(kept, tarballName()), 'kept bytes');
    const into = folders.temp('acta-vendor-');
    await inRun({ ACTA_PACKED_DIR: kept }, () => vendorTarball({ kind: 'checkout' }, into));
    expect(readFileSync(path.join(into, tarballName()), 'utf8')).toBe('kept bytes');
  });

  it('keeps there, whole, the tarball it packed (or packed earlier in the process), and nothing else', async () => {
    const kept = path.join(folders.temp('acta-packed-'), 'packed');
    const into = folders.temp('acta-vendor-');
    await inRun({ ACTA_PACKED_DIR: kept }, () => vendorTarball({ kind: 'checkout' }, into));
    const vendored = readFileSync(path.join(into, tarballName()));
    expect(vendored.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b])); // a gzip file: npm pack's, not a copy of the hook's
    // Byte for byte (Buffer.equals: toEqual walks a megabyte-sized buffer element by element, ~3 s).
    expect(readFileSync(path.join(kept, tarballName())).equals(vendored)).toBe(true);
    expect(readdirSync(kept)).toEqual([tarballName()]);
  }, 60_000);
});

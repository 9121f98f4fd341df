// acta init's packing of acta for a new repository: when npm pack leaves no tarball of the expected name, the refusal
// names it in the officer's language (the catalog's usage.initPackMissing), never as a stack trace.
import { afterAll, describe, expect, it } from 'vitest';
import { SaidError } from '../../src/io/files.js';
import { vendorTarball } from '../../src/io/scaffold.js';
import { saidText } from '../../src/render/diagnostic-text.js';
import { tempFolders } from './temp-folders.js';

const folders = tempFolders();
const folder = folders.temp('acta-vendor-');
afterAll(() => folders.cleanup());

describe('vendorTarball', () => {
  it('refuses, in Spanish and English, when npm pack wrote no tarball of the name asked for', async () => {
    // An init earlier in the process (packed once, kept) does not make a tarball of another name appear.
    await vendorTarball({ kind: 'checkout' }, folders.temp('acta-vendor-'));
    const refusal = await vendorTarball({ kind: 'checkout' }, folder, 'not-this-name.tgz').then(() => undefined, (e: unknown) => e);
    expect(refusal).toBeInstanceOf(SaidError);
    const said = (refusal as SaidError).said;
    expect(saidText(said, 'es')).toBe(`npm pack no escribió not-this-name.tgz en ${folder}`);
    expect(saidText(said, 'en')).toBe(`npm pack wrote no not-this-name.tgz into ${folder}`);
  }, 60_000);
});

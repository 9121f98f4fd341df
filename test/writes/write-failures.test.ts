// What a write does when it cannot be made (issue 26, points 4, 13 and 16): a change across two files is all or
// nothing, an empty --by is a usage error, and a failed write names the record (not acta's temporary file) and says
// what to do.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SaidError } from '../../src/io/files.js';
import { saidText } from '../../src/render/diagnostic-text.js';
import { writeFailure } from '../../src/io/write.js';
import { BIN, REPO_ROOT, runActa } from '../run-acta.js';

const TRATA = 'meetings/2017-06-21-red-trata.yaml';
const NNA = 'meetings/2017-03-16-red-nna.yaml';
let dir: string;
const read = (file: string): string => readFileSync(path.join(dir, file), 'utf8');
const acta = (...args: string[]) => runActa([...args, '--root', dir], { cwd: dir });

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'acta-wfail-'));
  cpSync(path.join(REPO_ROOT, 'data'), dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('status … superseded --superseded-by: two files, all or nothing', () => {
  it('with the second file read-only, neither file changes; once writable, a retry adds one entry to each', async () => {
    const [nna, trata] = [read(NNA), read(TRATA)];
    chmodSync(path.join(dir, TRATA), 0o444);
    const args = ['status', '2017-03-16-red-nna#6', 'superseded', '--superseded-by', '2017-06-21-red-trata#3', '--on', '2017-07-01'];
    const refused = await acta(...args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('acta: meetings/2017-06-21-red-trata.yaml: es de solo lectura (modo 444); acta no lo toca (hágalo modificable antes si quiere cambiarlo)\n');
    const english = await acta(...args, '--lang', 'en');
    expect(english.stderr).toBe('acta: meetings/2017-06-21-red-trata.yaml: it is read-only (mode 444); acta leaves it untouched (make it writable first if you mean to change it)\n');
    expect(read(NNA)).toBe(nna);
    expect(read(TRATA)).toBe(trata);
    chmodSync(path.join(dir, TRATA), 0o644);
    expect((await acta(...args)).code).toBe(0);
    expect(read(NNA).split('superseded_by: 2017-06-21-red-trata#3').length - 1).toBe(1);
    expect(read(TRATA).split('supersedes: 2017-03-16-red-nna#6').length - 1).toBe(1);
  });
});

describe('done --by with no actor', () => {
  it.each([[''], [','], [' , ']])('--by %j is a usage error (exit 2) and writes nothing', async (by) => {
    const before = read(TRATA);
    const r = await acta('done', '2017-06-21-red-trata#2.b', '--by', by, '--on', '2017-07-20', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--by .*names no actor; give one or more \(--by MX,GT\), or leave --by out/);
    expect(r.stdout).toBe('');
    expect(read(TRATA)).toBe(before);
  });
});

describe('a write that fails names the record and says what to do', () => {
  // A real EFBIG: a file size limit below the record's size (SIGXFSZ ignored, so the write fails instead of killing).
  it('EFBIG (ulimit -f): the record named, no temporary file named or left, exit 2', () => {
    const before = read(TRATA);
    const script = `trap '' XFSZ; ulimit -f 4; exec "$0" "$@"`;
    const r = spawnSync('bash', ['-c', script, process.execPath, BIN, 'done', '2017-06-21-red-trata#2.b', '--by', 'MX', '--on', '2017-07-20', '--root', dir], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ACTA_CACHE: '0' } });
    expect(r.status).toBe(2);
    // data/ says lang: es: the refusal is Spanish.
    expect(r.stderr).toBe(`acta: meetings/2017-06-21-red-trata.yaml: no se escribió — el archivo superaría el tamaño que este sistema permite escribir a un proceso (EFBIG, un límite de tamaño de archivo como \`ulimit -f\`); el archivo no se modificó: suba el límite y vuelva a ejecutar el comando\n`);
    expect(read(TRATA)).toBe(before);
    expect(spawnSync('ls', ['-A', path.join(dir, 'meetings')], { encoding: 'utf8' }).stdout).not.toMatch(/\.tmp/);
  });

  it('EFBIG while acta site writes: the site folder named, nothing left behind', () => {
    const script = `trap '' XFSZ; ulimit -f 16; exec "$0" "$@"`;
    const r = spawnSync('bash', ['-c', script, process.execPath, BIN, 'site', '--root', dir, '--as-of', '2017-08-01', '--out', 'out', '--lang', 'en'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ACTA_CACHE: '0' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('acta: out/: not written — the file would be larger than this system lets a process write (EFBIG, a file size limit such as `ulimit -f`); none of the files was changed: raise the limit, then run the command again\n');
    expect(spawnSync('ls', ['-A', dir], { encoding: 'utf8' }).stdout).not.toMatch(/^out$/m);
  });

  const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: failed, open '/r/meetings/.x.yaml.acta-1-abc.tmp'`), { code });
  it.each([
    ['ENOSPC', 'no space left on the device (ENOSPC); the file was not changed: free some space, then run the command again'],
    ['EDQUOT', 'your disk quota is used up (EDQUOT); the file was not changed: free some space, then run the command again'],
    ['EACCES', 'permission denied (EACCES): acta writes a new copy next to the file and renames it, so its folder must be writable; the file was not changed: make the folder writable (or run as its owner), then run the command again'],
    ['EROFS', 'the file system is read-only (EROFS); the file was not changed: write on a writable copy of the records'],
    ['EXDEV', 'the system refused the write (EXDEV); the file was not changed'],
  ])('%s', (code, says) => {
    const e = writeFailure('meetings/x.yaml', errno(code));
    expect(e).toBeInstanceOf(SaidError);
    expect(saidText((e as SaidError).said, 'en')).toBe(`meetings/x.yaml: not written — ${says}`);
  });

  it.each([
    ['ENOSPC', 'no queda espacio en el dispositivo (ENOSPC); el archivo no se modificó: libere espacio y vuelva a ejecutar el comando'],
    ['EDQUOT', 'se agotó su cuota de disco (EDQUOT); el archivo no se modificó: libere espacio y vuelva a ejecutar el comando'],
    ['EPERM', 'la operación no está permitida (EPERM); el archivo no se modificó: revise los permisos y atributos del archivo y de su carpeta, y vuelva a ejecutar el comando'],
    ['EIO', 'el dispositivo informó de un error de entrada/salida (EIO); el archivo no se modificó: revise el disco y vuelva a ejecutar el comando'],
    ['EXDEV', 'el sistema rechazó la escritura (EXDEV); el archivo no se modificó'],
  ])('%s, in Spanish', (code, says) => {
    expect(saidText((writeFailure('meetings/x.yaml', errno(code)) as SaidError).said, 'es')).toBe(`meetings/x.yaml: no se escribió — ${says}`);
  });

  it('a change of two files says none of them was changed; a bug stays a bug', () => {
    const two = (writeFailure('a.yaml', errno('ENOSPC'), 2) as SaidError).said;
    expect(saidText(two, 'en')).toContain('none of the files was changed');
    expect(saidText(two, 'es')).toBe('a.yaml: no se escribió — no queda espacio en el dispositivo (ENOSPC); no se modificó ninguno de los archivos: libere espacio y vuelva a ejecutar el comando');
    const bug = new TypeError('x is undefined');
    expect(writeFailure('a.yaml', bug)).toBe(bug);
  });
});

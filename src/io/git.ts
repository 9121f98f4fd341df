// The git edge. Every call goes through runGit: argv arrays (never a shell), no pager, no fsmonitor, no transport,
// a scrubbed environment, and only plumbing that runs no diff, textconv or filter driver (rev-parse, ls-tree, cat-file,
// ls-files).
import { execFile, spawn } from 'node:child_process';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { say } from '../core/diagnostics.js';
import { SaidError, UsageError } from './files.js';
import { runtime } from './runtime.js';

/** Config given on the command line wins over the repository's own: a cloned repository's .git/config is hostile. */
const SAFE_CONFIG = [
  'core.fsmonitor=false',
  'core.pager=cat',
  'core.sshCommand=false',
  'protocol.allow=never',
  ...['file', 'git', 'ssh', 'http', 'https', 'ext'].map((p) => `protocol.${p}.allow=never`),
].flatMap((c) => ['-c', c]);

const DROPPED_ENV = ['GIT_EXTERNAL_DIFF', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_PAGER', 'GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_ASKPASS'];

/** The environment git runs in: the caller's, less what could redirect or run anything. */
export function gitEnvironment(env: NodeJS.ProcessEnv = runtime().env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  for (const name of DROPPED_ENV) delete out[name];
  return { ...out, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', PAGER: 'cat', GIT_PROTOCOL_FROM_USER: '0', GIT_NO_REPLACE_OBJECTS: '1' };
}

export class GitError extends Error {
  constructor(message: string, readonly stderr: string, readonly exitCode: number | null) {
    super(message);
  }
}

export interface GitOptions {
  readonly cwd: string;
  /** Largest output accepted, in bytes (execFile's default of 1 MiB is too small for a records tree). */
  readonly maxBuffer?: number;
  /** Bytes written to git's standard input. */
  readonly input?: string;
}

const DEFAULT_MAX_BUFFER = 64 * 1024 * 1024;

const gitArgs = (args: readonly string[]): string[] => ['--no-pager', '--literal-pathspecs', ...SAFE_CONFIG, ...args];

/** Run `git ARGS…` safely and return its standard output. Rejects with GitError when git exits non-zero. */
export function runGit(args: readonly string[], options: GitOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      gitArgs(args),
      { cwd: options.cwd, env: gitEnvironment(), encoding: 'buffer', maxBuffer: options.maxBuffer ?? DEFAULT_MAX_BUFFER, windowsHide: true, shell: false },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new SaidError(say('usage.gitMissing')));
        const exitCode = typeof code === 'number' ? code : null;
        reject(new GitError(`git ${args[0] ?? ''} failed: ${String(stderr).trim() || error.message}`, String(stderr), exitCode));
      },
    );
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input ?? '');
  });
}

/** The top folder of the git work tree that holds `dir` (real path), or a UsageError. */
export async function findWorkTree(dir: string): Promise<string> {
  try {
    const out = (await runGit(['rev-parse', '--show-toplevel'], { cwd: dir })).toString('utf8').trim();
    if (!out) throw new GitError('no work tree', '', null);
    return await realpath(out);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new SaidError(say('usage.notGitTree', { dir }));
  }
}

/** A revision name is refused before git sees it when it could be read as an option or is not a name at all. */
export function checkRevisionName(rev: string): void {
  if (rev === '') throw new SaidError(say('usage.revEmpty'));
  if (rev.startsWith('-')) throw new SaidError(say('usage.revDash', { rev: JSON.stringify(rev) }));
  if (rev.length > 1000 || /[\u0000-\u001f\u007f]/.test(rev)) throw new SaidError(say('usage.revBad', { rev: JSON.stringify(rev.slice(0, 80)) }));
}

/** Resolve a user's revision once to a commit SHA; every later git call uses the SHA. */
export async function resolveCommit(workTree: string, rev: string): Promise<string> {
  checkRevisionName(rev);
  let out: string;
  try {
    out = (await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { cwd: workTree })).toString('utf8').trim();
  } catch (e) {
    if (e instanceof GitError) throw new SaidError(say(await whyNoCommit(workTree), { rev: JSON.stringify(rev), tree: workTree }));
    throw e;
  }
  if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(out)) throw new SaidError(say('usage.revNotOne', { rev: JSON.stringify(rev) }));
  return out;
}

// Why a revision did not resolve, asked of git only then: a repository with no commit yet, or a shallow clone (CI's
// default checkout) that lacks the history the revision is in, is said as such, with what to do.
async function whyNoCommit(workTree: string): Promise<'usage.revNoCommit' | 'usage.revNoHistory' | 'usage.revShallow'> {
  const asked = async (args: readonly string[]): Promise<string | undefined> => {
    try {
      return (await runGit(args, { cwd: workTree })).toString('utf8').trim();
    } catch (e) {
      if (e instanceof GitError) return undefined;
      throw e;
    }
  };
  if ((await asked(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])) === undefined) return 'usage.revNoHistory';
  if ((await asked(['rev-parse', '--is-shallow-repository'])) === 'true') return 'usage.revShallow';
  return 'usage.revNoCommit';
}

/** Where a revision is read from, found by one git process: the work tree that holds `dir` (real path), the index
 * file, and the commit `rev` names. Undefined when git cannot answer all three at once (no work tree, no such
 * commit, anything odd): the caller then asks step by step (findWorkTree, resolveCommit), which say why. Each git
 * process costs a fork of this one (~10 ms of CPU at start-up), and `--changed-since` would otherwise start three
 * rev-parse for what one answers. */
export async function locateRevision(dir: string, rev: string): Promise<{ workTree: string; indexFile: string; commit: string } | undefined> {
  try {
    // (A name refused is refused by resolveCommit, after findWorkTree: the same message, in the same order, as before.)
    checkRevisionName(rev);
  } catch {
    return undefined;
  }
  const located = await locate(dir, ['--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], 1);
  const commit = located?.answers[0];
  if (!located || !commit || !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(commit)) return undefined;
  return { workTree: located.workTree, indexFile: located.indexFile, commit };
}

/** The work tree that holds `dir` (real path) and its index file, found by one git process; undefined when git cannot
 * tell (not in a work tree, no git). */
export async function locateIndex(dir: string): Promise<{ workTree: string; indexFile: string } | undefined> {
  const located = await locate(dir, [], 0);
  return located && { workTree: located.workTree, indexFile: located.indexFile };
}

// One rev-parse: the work tree (real path), its index file and the `count` answer lines of what `more` asks; undefined
// when git cannot tell or answers otherwise.
async function locate(dir: string, more: readonly string[], count: number): Promise<{ workTree: string; indexFile: string; answers: string[] } | undefined> {
  try {
    const lines = (await runGit(['rev-parse', '--show-toplevel', '--git-path', 'index', ...more], { cwd: dir })).toString('utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    const [top, index, ...answers] = lines;
    if (!top || !index || answers.length !== count) return undefined;
    // --git-path answers relative to the folder git ran in.
    return { workTree: await realpath(top), indexFile: path.resolve(dir, index), answers };
  } catch {
    return undefined;
  }
}

export interface TreeEntry {
  /** Path relative to the listed folder, with forward slashes. */
  readonly path: string;
  readonly mode: string;
  readonly type: 'blob' | 'tree' | 'commit';
  readonly object: string;
}

/** Every entry under `folder` (relative to the work tree; '' for all) at a commit. A folder absent at that commit lists
 * nothing. Without `-l`: asking git for sizes makes it open every blob (at 2,000 loose objects, 0.07-0.3 s against
 * 0.01 s); a reader asks for the sizes of the blobs it reads (blobSizes). */
export async function listTree(workTree: string, commit: string, folder: string): Promise<TreeEntry[]> {
  const treeish = folder === '' ? commit : `${commit}:${folder}`;
  let out: Buffer;
  try {
    out = await runGit(['ls-tree', '-r', '-z', '--end-of-options', treeish], { cwd: workTree });
  } catch (e) {
    if (e instanceof GitError) return [];
    throw e;
  }
  return parseTreeListing(out.toString('utf8'));
}

/** `<mode> SP <type> SP <object> TAB <path>` records, NUL-terminated. */
export function parseTreeListing(text: string): TreeEntry[] {
  const out: TreeEntry[] = [];
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\0', at);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', at);
    if (tab >= 0 && tab < end) {
      const head = text.slice(at, tab);
      const s1 = head.indexOf(' ');
      const s2 = head.indexOf(' ', s1 + 1);
      const mode = head.slice(0, s1);
      const type = head.slice(s1 + 1, s2);
      const object = head.slice(s2 + 1).trim();
      if (s1 > 0 && s2 > s1 && object !== '' && (type === 'blob' || type === 'tree' || type === 'commit')) out.push({ path: text.slice(tab + 1, end), mode, type, object });
    }
    at = end + 1;
  }
  return out;
}

// Each object asked for once, and only full object ids (sha1 or sha256): nothing git would read as an option or a name.
const objectIds = (objects: readonly string[]): string[] => [...new Set(objects)].filter((o) => /^[0-9a-f]{40,64}$/.test(o));

/** Blobs whose size or bytes this process asked git for (for tests: work counted, not timed). */
export const blobCounts = { sized: 0, read: 0 };

/** The size in bytes of each of these blobs (`cat-file --batch-check`: git reads each object's header, not its
 * bytes); a blob git does not have is left out. */
export async function blobSizes(workTree: string, objects: readonly string[]): Promise<Map<string, number>> {
  const wanted = objectIds(objects);
  const out = new Map<string, number>();
  if (wanted.length === 0) return out;
  blobCounts.sized += wanted.length;
  const raw = await runGit(['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'], { cwd: workTree, input: wanted.join('\n') + '\n', maxBuffer: wanted.length * 120 + 1024 });
  for (const line of raw.toString('utf8').split('\n')) {
    const [object, type, size] = line.split(' ');
    if (object && type === 'blob' && size !== undefined && /^\d+$/.test(size)) out.set(object, Number(size));
  }
  return out;
}

/** The contents of blobs by object id, in one `git cat-file --batch` run (no drivers, no filters). */
export async function readBlobs(workTree: string, objects: readonly string[], sizeCap: number): Promise<Map<string, Uint8Array>> {
  const wanted = objectIds(objects);
  const out = new Map<string, Uint8Array>();
  if (wanted.length === 0) return out;
  blobCounts.read += wanted.length;
  const maxBuffer = wanted.length * (sizeCap + 200) + 1024;
  const raw = await runGit(['cat-file', '--batch'], { cwd: workTree, input: wanted.join('\n') + '\n', maxBuffer });
  let at = 0;
  while (at < raw.length) {
    const eol = raw.indexOf(0x0a, at);
    if (eol < 0) break;
    const [object, type, size] = raw.subarray(at, eol).toString('utf8').split(' ');
    at = eol + 1;
    if (type === 'missing' || size === undefined || !object) continue;
    const n = Number(size);
    out.set(object, new Uint8Array(raw.subarray(at, at + n)));
    at += n + 1;
  }
  return out;
}

/** The PATHs on which git refused `cat-file --batch-command` (a git before 2.36): that git is not asked again. */
const refusedBatchCommand = new Set<string>();

/** The sizes of these blobs, and the bytes of those within `sizeCap`, from one git process: `cat-file --batch-command`
 * asked for every header first (`info`, as --batch-check), then for the contents of the blobs within the cap
 * (`contents`, as --batch), on the same standard input. A git too old for --batch-command (before 2.36), or one that
 * refuses it, is asked as before: blobSizes, then readBlobs. Each git process is a fork of acta's (~10 ms of CPU), and
 * a revision read would otherwise start two for what one answers. A blob git does not have, or an object that is not a
 * blob, has no size and is not read. */
export async function sizedBlobs(workTree: string, objects: readonly string[], sizeCap: number): Promise<{ sizes: Map<string, number>; blobs: Map<string, Uint8Array> }> {
  const wanted = objectIds(objects);
  if (wanted.length === 0) return { sizes: new Map(), blobs: new Map() };
  const gitFrom = runtime().env['PATH'] ?? '';
  if (!refusedBatchCommand.has(gitFrom)) {
    const answered = await batchCommandBlobs(workTree, wanted, sizeCap);
    if (answered) return answered;
    refusedBatchCommand.add(gitFrom);
  }
  const sizes = await blobSizes(workTree, wanted);
  const blobs = await readBlobs(workTree, wanted.filter((o) => (sizes.get(o) ?? Infinity) <= sizeCap), sizeCap);
  return { sizes, blobs };
}

// One `cat-file --batch-command`: undefined when git refuses the option before answering anything (the caller then
// asks the old way); a GitError when git fails after that, or answers what was not asked.
function batchCommandBlobs(workTree: string, wanted: readonly string[], sizeCap: number): Promise<{ sizes: Map<string, number>; blobs: Map<string, Uint8Array> } | undefined> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', gitArgs(['cat-file', '--batch-command=%(objectname) %(objecttype) %(objectsize)']), { cwd: workTree, env: gitEnvironment(), windowsHide: true, shell: false });
    const sizes = new Map<string, number>();
    const blobs = new Map<string, Uint8Array>();
    const errors: Buffer[] = [];
    let pending: Buffer = Buffer.alloc(0);
    // A blob's contents arrive in pipe-sized chunks (64 KiB): joined to `pending` one at a time, a blob near the cap
    // would be copied once a chunk (quadratic). Chunks are held instead until the answer being read, whose length
    // its header told (`need`, counted from pending's start), is all here, and then joined once.
    const held: Buffer[] = [];
    let heldBytes = 0;
    let need = 0;
    let headers = 0; // info answers read
    let reading: string[] | undefined; // the blobs whose contents were asked for, in order
    let read = 0;
    let settled = false;
    const fail = (e: Error): void => {
      if (settled) return;
      settled = true;
      child.kill();
      reject(e);
    };
    const limit = wanted.length * (sizeCap + 200) + 1024;
    let total = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) return fail(new GitError('git cat-file answered more than was asked', '', null));
      if (pending.length + heldBytes + chunk.length < need) {
        held.push(chunk);
        heldBytes += chunk.length;
        return;
      }
      pending = pending.length || held.length ? Buffer.concat([pending, ...held, chunk]) : chunk;
      held.length = 0;
      heldBytes = 0;
      need = 0;
      let at = 0;
      for (;;) {
        const eol = pending.indexOf(0x0a, at);
        if (eol < 0) break;
        const [object, type, size] = pending.subarray(at, eol).toString('utf8').split(' ');
        if (reading === undefined) {
          if (object === undefined || object !== wanted[headers]) return fail(new GitError(`git cat-file answered ${object ?? ''} for ${wanted[headers] ?? 'nothing'}`, '', null));
          if (type === 'blob' && size !== undefined && /^\d+$/.test(size)) sizes.set(object, Number(size));
          at = eol + 1;
          if (++headers === wanted.length) {
            reading = wanted.filter((o) => (sizes.get(o) ?? Infinity) <= sizeCap);
            blobCounts.sized += wanted.length;
            blobCounts.read += reading.length;
            child.stdin.end(reading.map((o) => `contents ${o}\n`).join(''));
          }
        } else {
          if (object === undefined || object !== reading[read] || type !== 'blob' || size === undefined) return fail(new GitError(`git cat-file answered ${object ?? ''} for ${reading[read] ?? 'nothing'}`, '', null));
          const n = Number(size);
          if (pending.length < eol + 1 + n + 1) {
            need = eol + 1 + n + 1 - at; // the contents and their newline are not all here yet
            break;
          }
          blobs.set(object, new Uint8Array(pending.subarray(eol + 1, eol + 1 + n)));
          at = eol + 1 + n + 1;
          read++;
        }
      }
      pending = pending.subarray(at);
    });
    child.stderr.on('data', (chunk: Buffer) => void errors.push(chunk));
    child.stdin.on('error', () => {});
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      if (e.code === 'ENOENT') reject(new SaidError(say('usage.gitMissing')));
      else reject(e);
    });
    child.on('close', (code) => {
      if (settled) return;
      settled = true;
      const stderr = Buffer.concat(errors).toString('utf8').trim();
      if (code === 0 && reading !== undefined && read === reading.length && pending.length === 0 && heldBytes === 0) return resolve({ sizes, blobs });
      // Refused before any answer as an unknown option (git exits 129 with its usage): the old way.
      if (code === 129 && total === 0) return resolve(undefined);
      reject(new GitError(`git cat-file failed: ${stderr || `exit ${String(code)}`}`, stderr, code));
    });
    child.stdin.write(wanted.map((o) => `info ${o}\n`).join(''));
  });
}

/** A file as git's index recorded it when it last wrote the file's entry (stage 0): its blob and the stat it had. */
export interface IndexEntry {
  readonly mode: string;
  readonly object: string;
  readonly ctime: readonly [seconds: bigint, nanoseconds: bigint];
  readonly mtime: readonly [seconds: bigint, nanoseconds: bigint];
  /** dev, ino and size as git keeps them: their low 32 bits. */
  readonly dev: bigint;
  readonly ino: bigint;
  readonly size: bigint;
  /** Set when git itself does not look at the file (assume-unchanged, skip-worktree, intent-to-add). */
  readonly flagged: boolean;
}

/** The index's entries under `folder` (paths relative to it), and the index file's mtime in ns (`knownIndexFile`: the
 * index file, when locateRevision found it) — read from the index file itself (parseIndexFile), or, for an index that
 * reader leaves to git (split, sparse, another version), through `ls-files --stage --debug`, which reads the index
 * and nothing else (no filter, no diff, no refresh). Undefined when git cannot tell, or the index was rewritten
 * while it was read. */
export async function listIndex(workTree: string, folder: string, knownIndexFile?: string): Promise<{ entries: Map<string, IndexEntry>; mtimeNs: bigint } | undefined> {
  try {
    const indexFile = knownIndexFile ?? path.resolve(workTree, (await runGit(['rev-parse', '--git-path', 'index'], { cwd: workTree })).toString('utf8').trim());
    const before = await stat(indexFile, { bigint: true });
    const own = parseIndexFile(await readFile(indexFile), folder);
    indexReads[own ? 'own' : 'git']++;
    const entries = own ?? parseIndexListing((await runGit(['ls-files', '--stage', '--debug', '-z', '--', folder === '' ? '.' : folder], { cwd: workTree })).toString('utf8'), folder);
    const after = await stat(indexFile, { bigint: true });
    if (before.mtimeNs !== after.mtimeNs || before.size !== after.size || before.ino !== after.ino) return undefined;
    return { entries, mtimeNs: after.mtimeNs };
  } catch (e) {
    if (e instanceof GitError || (e as NodeJS.ErrnoException).code !== undefined) return undefined;
    throw e;
  }
}

/** How many index files were read by parseIndexFile, and how many left to `git ls-files` (for the tests: a process is
 * counted, not timed). */
export const indexReads = { own: 0, git: 0 };

/** The entries of git's index file (`bytes`: the whole file; versions 2, 3 and 4, sha1 objects) under `folder`, as
 * parseIndexListing reads them from `ls-files --stage --debug`: the same fields, the same stage-0 entries, the same
 * flag test. The format is git's (Documentation/gitformat-index.txt): a 12-byte header ("DIRC", version, count), the
 * entries — ten 32-bit stat and mode fields, the object id, 16 bits of flags (assume-valid, extended, stage, name
 * length), 16 more in version 3+ when extended, the path (NUL-padded to 8 bytes in versions 2–3; in version 4 a
 * varint of bytes to drop from the path before and the rest) — then extensions and a checksum. Undefined, so that
 * git is asked, for what this reader does not follow: another version or a file cut short, a split index (its
 * entries are in another file: the "link" extension), a sparse one (directory entries, "sdir"). Reading the file
 * spares a git process forked from a process of ~100 MB, and the parse of ~200 bytes of text an entry. */
export function parseIndexFile(bytes: Uint8Array, folder: string): Map<string, IndexEntry> | undefined {
  const out = new Map<string, IndexEntry>();
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ID = 20;
  const end = buf.length - ID; // the checksum
  if (end < 12 || buf.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = buf.readUInt32BE(4);
  const count = buf.readUInt32BE(8);
  if (version < 2 || version > 4) return undefined;
  const prefix = Buffer.from(folder === '' ? '' : `${folder}/`, 'utf8');
  let at = 12;
  let previous: Buffer = Buffer.alloc(0);
  for (let n = 0; n < count; n++) {
    const start = at;
    const nameAt = at + 40 + ID + 2;
    if (nameAt > end) return undefined;
    const mode = buf.readUInt32BE(at + 24);
    const flags = buf.readUInt16BE(at + 40 + ID);
    const extended = (flags & 0x4000) !== 0;
    if (extended && version < 3) return undefined;
    let p = extended ? nameAt + 2 : nameAt;
    let name: Buffer;
    if (version === 4) {
      // git's varint (varint.c): 7 bits a byte, high bit "more", each continuation adding one first.
      let c = buf[p++];
      if (c === undefined) return undefined;
      let drop = c & 127;
      while (c & 128) {
        c = buf[p++];
        if (c === undefined || drop > 0xffffff) return undefined;
        drop = ((drop + 1) << 7) | (c & 127);
      }
      const zero = buf.indexOf(0, p);
      if (zero < 0 || zero > end || drop > previous.length) return undefined;
      name = Buffer.concat([previous.subarray(0, previous.length - drop), buf.subarray(p, zero)]);
      at = zero + 1;
    } else {
      const length = flags & 0xfff;
      const zero = length < 0xfff ? p + length : buf.indexOf(0, p);
      if (zero < 0 || zero >= end || buf[zero] !== 0) return undefined;
      name = buf.subarray(p, zero);
      // Entries are padded with 1–8 NULs to a multiple of 8 bytes, counted from the entry's start.
      at += (zero - at + 8) & ~7;
    }
    previous = name;
    if (at > end) return undefined;
    if ((mode & 0o170000) === 0o040000) return undefined; // a sparse index's directory entry
    // (No prefix, the records at the work tree's top: no view of the name made to compare with nothing.)
    if (((flags >> 12) & 3) !== 0 || (prefix.length > 0 && !name.subarray(0, prefix.length).equals(prefix))) continue;
    out.set(name.toString('utf8', prefix.length), {
      mode: mode.toString(8).padStart(6, '0'),
      object: buf.toString('hex', start + 40, start + 40 + ID),
      ctime: [BigInt(buf.readUInt32BE(start)), BigInt(buf.readUInt32BE(start + 4))],
      mtime: [BigInt(buf.readUInt32BE(start + 8)), BigInt(buf.readUInt32BE(start + 12))],
      dev: BigInt(buf.readUInt32BE(start + 16)),
      ino: BigInt(buf.readUInt32BE(start + 20)),
      size: BigInt(buf.readUInt32BE(start + 36)),
      flagged: (flags & 0xc000) !== 0,
    });
  }
  // Extensions: a 4-byte signature and a 32-bit size each, up to the checksum.
  while (at + 8 <= end) {
    const signature = buf.toString('latin1', at, at + 4);
    if (signature === 'link' || signature === 'sdir') return undefined;
    at += 8 + buf.readUInt32BE(at + 4);
  }
  return at === end ? out : undefined;
}

const INDEX_RECORD = /(\d{6}) ([0-9a-f]{40,64}) (\d)\t([^\0]*)\0 {2}ctime: (\d+):(\d+)\n {2}mtime: (\d+):(\d+)\n {2}dev: (\d+)\tino: (\d+)\n {2}uid: \d+\tgid: \d+\n {2}size: (\d+)\tflags: ([0-9a-f]+)\n/gy;

/** Records of `ls-files --stage --debug -z`: `<mode> <object> <stage> TAB <path> NUL` and five lines of stat. */
export function parseIndexListing(text: string, folder: string): Map<string, IndexEntry> {
  const out = new Map<string, IndexEntry>();
  const prefix = folder === '' ? '' : `${folder}/`;
  INDEX_RECORD.lastIndex = 0;
  for (let m = INDEX_RECORD.exec(text); m; m = INDEX_RECORD.exec(text)) {
    const [, mode, object, stage, file, cs, cn, ms, mn, dev, ino, size, flags] = m as unknown as string[];
    if (stage !== '0' || !file!.startsWith(prefix)) continue;
    // 0x8000: assume-unchanged; 0x4000: extended flags (skip-worktree, intent-to-add).
    const flagged = (parseInt(flags!, 16) & 0xc000) !== 0;
    out.set(file!.slice(prefix.length), { mode: mode!, object: object!, ctime: [BigInt(cs!), BigInt(cn!)], mtime: [BigInt(ms!), BigInt(mn!)], dev: BigInt(dev!), ino: BigInt(ino!), size: BigInt(size!), flagged });
  }
  return out;
}

/** The records root relative to the work tree (POSIX), refusing a root outside it. */
export async function folderInWorkTree(workTree: string, root: string): Promise<string> {
  const real = await realpath(root);
  const rel = path.relative(workTree, real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new SaidError(say('usage.rootOutsideGit', { root, tree: workTree }));
  return rel.split(path.sep).join('/');
}

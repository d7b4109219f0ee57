// Writes a plan safely: the output path rules (no clobbering, no writing outside the working folder unless asked) and an atomic write.

import { closeSync, existsSync, fsyncSync, linkSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { describeSystemError, PoaError } from '../errors.js';

export type OutputSource = 'command-line' | 'answers' | 'default';

export interface OutputRequest {
  cwd: string;
  /** The path as the user wrote it. */
  path: string;
  source: OutputSource;
  /** Where the path came from, for messages (`answers.yaml:12:9`). */
  origin?: string;
  force: boolean;
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The absolute path to write. A path from the command line may point anywhere; one from an answers
 * file must stay inside the working folder (also through symbolic links), since an answers file may
 * come from someone else. An existing file is refused without `force`; for the default name, the
 * next free name (`-2`, `-3`…) is taken instead, so an interactive session never ends in a refusal.
 */
export function resolveOutput(request: OutputRequest): string {
  let target = resolve(request.cwd, request.path);
  const dir = dirname(target);
  if (!existsSync(dir)) {
    throw new PoaError('the folder to write the plan in does not exist', { subject: request.origin ?? request.path, hint: `create ${dir} first or choose another output file` });
  }
  if (!statSync(dir).isDirectory()) {
    throw new PoaError(`${dirname(request.path)} is a file, not a folder`, { subject: request.origin ?? request.path, hint: 'choose an output file inside a folder' });
  }
  if (request.source === 'answers') {
    const realCwd = realpathSync(request.cwd);
    const realTarget = join(realpathSync(dir), basename(target));
    if (!isInside(realCwd, realTarget)) {
      throw new PoaError(`output "${request.path}" is outside the current folder`, {
        subject: request.origin ?? request.path,
        hint: 'an answers file may only write inside the folder you run poa in; to write there, give the path on the command line with --out',
      });
    }
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new PoaError('is a folder', { subject: request.origin ?? request.path, hint: 'give a file name for the plan, such as plan.md' });
  }
  // A device, pipe or socket is never replaced by a plan, even with --force (think of /dev/null).
  if (existsSync(target) && !statSync(target).isFile()) {
    throw new PoaError('not a regular file', { subject: request.origin ?? request.path, hint: 'give a file name for the plan, such as plan.md, or print it with --stdout' });
  }
  if (!request.force && existsSync(target)) {
    if (request.source !== 'default') {
      throw new PoaError('file already exists', { subject: request.origin ?? request.path, hint: 'pass --force to replace it, or choose another name with --out' });
    }
    const ext = extname(target);
    const stem = target.slice(0, target.length - ext.length);
    let n = 2;
    while (existsSync(`${stem}-${n}${ext}`)) n++;
    target = `${stem}-${n}${ext}`;
  }
  return target;
}

/**
 * Write a file atomically: the text goes to a temporary file in the same folder, is flushed to disk,
 * and only then takes the target's name, so a reader never sees half a plan and an interrupted write
 * leaves the original untouched. Without `force` the final step is a hard link, which fails if the
 * target appeared meanwhile, instead of a rename, which would replace it.
 */
export function writeFileAtomic(target: string, text: string, options: { force: boolean }): void {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // Ctrl-C during the write must not kill the process between creating and renaming the temporary
  // file: hold the signal until the write is done, then deliver it.
  let interrupted = false;
  const hold = (): void => {
    interrupted = true;
  };
  process.on('SIGINT', hold);
  try {
    const fd = openSync(temp, 'wx', 0o666);
    try {
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.force) {
      renameSync(temp, target);
    } else {
      publishWithoutReplacing(temp, target);
    }
  } catch (error) {
    rmSync(temp, { force: true });
    if (error instanceof PoaError) throw error;
    const { what, hint } = describeSystemError(error, 'write');
    throw new PoaError(`cannot write the plan: ${what}`, { subject: target, hint: `${hint}; nothing was written`, cause: error });
  } finally {
    process.removeListener('SIGINT', hold);
  }
  if (interrupted) process.kill(process.pid, 'SIGINT');
}

function publishWithoutReplacing(temp: string, target: string): void {
  try {
    linkSync(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new PoaError('file already exists', { subject: target, hint: 'pass --force to replace it, or choose another name with --out' });
    // File systems without hard links (some network and FAT drives): check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    if (existsSync(target)) throw new PoaError('file already exists', { subject: target, hint: 'pass --force to replace it, or choose another name with --out' });
    renameSync(temp, target);
    return;
  }
  rmSync(temp, { force: true });
}

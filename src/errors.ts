// Errors a user can cause (bad path, bad file, bad flag, bad config): shown as one line, exit code 2.

export class PoaError extends Error {
  /** The file or argument the problem is about, if any. */
  readonly subject: string | undefined;
  readonly hint: string | undefined;

  constructor(message: string, options: { subject?: string; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PoaError';
    this.subject = options.subject;
    this.hint = options.hint;
  }

  /** `<file>: <what> — <what to do>` */
  format(): string {
    const head = this.subject === undefined ? this.message : `${this.subject}: ${this.message}`;
    return this.hint === undefined ? head : `${head} — ${this.hint}`;
  }
}

/** What an operating-system error code means, in words, and what a user can do about it. */
const SYSTEM_ERRORS: Record<string, { what: string; read?: string; write?: string }> = {
  ENOENT: { what: 'no such file or directory', read: 'check the path', write: 'create the folder first, or choose another place' },
  ENOTDIR: { what: 'a part of the path is a file, not a folder', read: 'check the path', write: 'choose a path inside a folder' },
  EISDIR: { what: 'is a folder', read: 'name a file', write: 'give a file name, such as plan.md' },
  EACCES: { what: 'permission denied', read: 'check the file permissions', write: 'check you may write in that folder, or choose another place' },
  EPERM: { what: 'operation not permitted', read: 'check the file permissions', write: 'check you may write in that folder, or choose another place' },
  EROFS: { what: 'the file system is read-only', write: 'choose a folder on a disk you can write to' },
  ENOSPC: { what: 'no space left on the device', write: 'free some space, or choose another disk' },
  EDQUOT: { what: 'disk quota exceeded', write: 'free some space, or choose another disk' },
  EFBIG: { what: 'file too large for the file system', write: 'choose another disk' },
  EIO: { what: 'input/output error', read: 'check the disk or copy the file elsewhere', write: 'check the disk, or choose another one' },
  ELOOP: { what: 'symbolic link loop', read: 'fix or remove the link', write: 'fix or remove the link' },
  ENAMETOOLONG: { what: 'name too long', read: 'use a shorter path', write: 'choose a shorter name' },
  EMFILE: { what: 'too many open files', read: 'close other programs or raise the limit (ulimit -n)', write: 'close other programs or raise the limit (ulimit -n)' },
  ENFILE: { what: 'too many open files in the system', read: 'close other programs', write: 'close other programs' },
  EBUSY: { what: 'the file is busy', read: 'close the program that holds it', write: 'close the program that holds it' },
  ETXTBSY: { what: 'the file is busy', write: 'close the program that holds it' },
  EAGAIN: { what: 'the file is not ready to be read', read: 'poa reads drafts from files, or from stdin (`-`)' },
};

/** `no space left on the device (ENOSPC)` and a hint for reading or writing, for any error a file operation throws. */
export function describeSystemError(error: unknown, action: 'read' | 'write'): { what: string; hint: string } {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const known = code === undefined ? undefined : SYSTEM_ERRORS[code];
  const fallback = action === 'read' ? 'check the file exists and you may read it' : 'check the folder exists and you may write in it';
  if (known) return { what: `${known.what} (${code})`, hint: known[action] ?? fallback };
  const message = error instanceof Error ? error.message : String(error);
  return { what: code ?? message, hint: fallback };
}

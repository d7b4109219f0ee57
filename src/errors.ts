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

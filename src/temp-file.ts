// Temporary files poa writes and then renames or copies (the --cache file, a spilled report): closing and removing one that is no longer needed.

import { closeSync, unlinkSync } from 'node:fs';

/** Close a descriptor that may already be closed. */
export function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}

/** Close a temporary file and remove it, whether it is still open, already closed, or already gone. */
export function discardTempFile(file: { fd: number; path: string }): void {
  closeQuietly(file.fd);
  try {
    unlinkSync(file.path);
  } catch {
    // already renamed, or never written
  }
}

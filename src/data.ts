// Finds poa's own data folders (rules/, templates/) wherever the package is installed, built or bundled.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder holding poa's package.json: the same from src/, dist/ and the bundled CLI. */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(join(dir, 'rules'))) {
      try {
        const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
        if (name === 'poa-lint') return (root = dir);
      } catch {
        // not ours; keep looking upward
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('poa: cannot find its own package folder (rules/ is missing)');
    dir = parent;
  }
}

export function builtinRulesDir(): string {
  return join(packageRoot(), 'rules');
}

export function templatesDir(): string {
  return join(packageRoot(), 'templates');
}

// Rebuilds the CLI bundle and its code cache before the suite so end-to-end tests run the code under test, started
// as users start it.
// @ts-expect-error -- plain ESM build script without type declarations
import { bundleCli, recordCodeCache } from '../../scripts/bundle.mjs';

export default async function setup(): Promise<void> {
  await (bundleCli as () => Promise<void>)();
  (recordCodeCache as () => void)();
}

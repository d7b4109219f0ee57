// Rebuilds the CLI bundle before the suite so end-to-end tests run the code under test.
// @ts-expect-error -- plain ESM build script without type declarations
import { bundleCli } from '../../scripts/bundle.mjs';

export default async function setup(): Promise<void> {
  await (bundleCli as () => Promise<void>)();
}

// The set-up most core tests share: a real library folder, a core on it and its first admin,
// opened before each test and closed and removed after it. Tests that reopen the library assign
// `lib.core` again; whatever core is there at the end is the one closed.
import { afterEach, beforeEach } from 'vitest';
import type { Core } from '../createCore';
import { addAdmin } from './people';
import { openTestCore, tempDir } from './tempLibrary';

export interface TestCore {
  dir: string;
  core: Core;
  /** The first admin's id. */
  actor: string;
}

export function useTestCore(now?: () => Date): TestCore {
  const lib = {} as TestCore;
  let cleanup: () => Promise<void> = async () => undefined;
  beforeEach(async () => {
    ({ dir: lib.dir, cleanup } = await tempDir());
    lib.core = await openTestCore(lib.dir, now);
    lib.actor = await addAdmin(lib.core);
  });
  afterEach(async () => {
    await lib.core?.close().catch(() => undefined);
    await cleanup();
  });
  return lib;
}

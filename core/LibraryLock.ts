// One Copydesk per library: a lock file created exclusively holds the owner's pid and host. A
// lock left by a process that no longer runs is taken over, so a crash never locks a reporter out.
import { hostname } from 'node:os';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../shared/contract/errors';

const heldHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class LibraryLock {
  private constructor(private readonly path: string) {}

  static async acquire(libraryDir: string): Promise<LibraryLock> {
    const path = join(libraryDir, '.lock');
    const mine = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await writeFile(path, mine, { flag: 'wx' });
        heldHere.add(path);
        return new LibraryLock(path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      let owner: { pid?: number; host?: string } = {};
      try {
        owner = JSON.parse(await readFile(path, 'utf8'));
      } catch {
        /* unreadable lock: treat as stale */
      }
      // Another machine's process (a shared folder) cannot be checked, so its lock is respected.
      const ownerRuns =
        typeof owner.pid === 'number' &&
        (owner.host !== hostname() || (owner.pid === process.pid ? heldHere.has(path) : alive(owner.pid)));
      if (ownerRuns) {
        throw new ApiError('forbidden', `library ${libraryDir} is open in another Copydesk (pid ${owner.pid})`, { reason: 'libraryLocked', pid: owner.pid ?? 0 });
      }
      await unlink(path).catch(() => undefined); // stale: its owner is gone
    }
    throw new ApiError('forbidden', `could not lock library ${libraryDir}`, { reason: 'libraryLocked' });
  }

  async release(): Promise<void> {
    heldHere.delete(this.path);
    await unlink(this.path).catch(() => undefined);
  }
}

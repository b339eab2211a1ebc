// What the list says of each story's replica on this machine (issue 17, item 6: "last synced" on
// each story): whether it holds words the server has not stored, and when the server last held
// everything typed here. Read from the replica's log, again only when the file changed (its size
// or time), so a list page of stories costs a stat each.
import { stat } from 'node:fs/promises';
import type { ReplicaSync } from '../../../shared/search/query';
import { ReplicaLog, replicaPath } from './replicaLog';

interface Cached {
  size: number;
  mtimeMs: number;
  sync: ReplicaSync | null;
}

export class ReplicaStates {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly libraryDir: string) {}

  /** The replica's state on disk; null when the story has none, or nothing typed here was ever in it. */
  async of(id: string): Promise<ReplicaSync | null> {
    const path = replicaPath(this.libraryDir, id);
    const file = path ? await stat(path).catch(() => null) : null;
    if (!file) {
      this.cache.delete(id);
      return null;
    }
    const cached = this.cache.get(id);
    if (cached && cached.size === file.size && cached.mtimeMs === file.mtimeMs) return cached.sync;
    const contents = await ReplicaLog.peek(this.libraryDir, id);
    const sync = contents && (contents.unsent || contents.syncedAt) ? { unsent: contents.unsent, syncedAt: contents.syncedAt } : null;
    this.cache.set(id, { size: file.size, mtimeMs: file.mtimeMs, sync });
    return sync;
  }
}

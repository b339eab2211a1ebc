// The last value read from or written to each of a few files, with the fingerprint of the file
// that held it, least recently used first out. A value is only as good as its fingerprint: the
// caller compares it with the file now (`sameFile`) before trusting it.
import type { FileFingerprint } from '../fileFingerprint';

export class RecentFiles<T> {
  /** A Map keeps insertion order: re-inserting on use makes the first key the least recently used. */
  private readonly entries = new Map<string, { value: T; fingerprint: FileFingerprint }>();

  constructor(private readonly capacity: number) {}

  get(key: string): { value: T; fingerprint: FileFingerprint } | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, value: T, fingerprint: FileFingerprint): void {
    this.entries.delete(key);
    this.entries.set(key, { value, fingerprint });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

// copydesk-library.json: says the folder is a Copydesk library, and remembers for good that the
// library has had people. Only a library that never had any lets someone in as its first admin
// without saying who they are; one that lost people.json (and its last good copy) must get it back
// rather than hand the admin role to whoever opens it next.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomicWrite';

export const MARKER_FILE = 'copydesk-library.json';

interface Marker {
  format: 'copydesk-library';
  schemaVersion: 1;
  /** Set when the first person is saved, or at open for a library that already has people. Never cleared. */
  hadPeople?: true;
}

export class LibraryMarker {
  private constructor(
    private readonly path: string,
    private marker: Marker,
  ) {}

  /**
   * Reads the marker, writing a fresh one where there is none. A marker that cannot be read counts
   * as a library that had people: failing closed costs a restore, failing open costs the admin role.
   */
  static async open(dir: string): Promise<LibraryMarker> {
    const path = join(dir, MARKER_FILE);
    let text: string | null;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      text = null;
    }
    if (text === null) {
      const marker = new LibraryMarker(path, { format: 'copydesk-library', schemaVersion: 1 });
      await marker.write();
      return marker;
    }
    let parsed: Partial<Marker> | null = null;
    try {
      parsed = JSON.parse(text) as Partial<Marker>;
    } catch {
      parsed = null;
    }
    const readable = parsed !== null && typeof parsed === 'object' && parsed.format === 'copydesk-library';
    return new LibraryMarker(path, { format: 'copydesk-library', schemaVersion: 1, ...(!readable || parsed?.hadPeople === true ? { hadPeople: true } : {}) });
  }

  get hadPeople(): boolean {
    return this.marker.hadPeople === true;
  }

  /** Records, durably, that the library has people; a no-op once recorded. */
  async markHadPeople(): Promise<void> {
    if (this.hadPeople) return;
    this.marker = { ...this.marker, hadPeople: true };
    await this.write();
  }

  private write(): Promise<void> {
    return writeFileAtomic(this.path, JSON.stringify(this.marker));
  }
}

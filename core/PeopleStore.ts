// people.json: who works in this library. Only an admin changes it, except that a library that
// never had people lets its first person in as admin — someone has to be able to set the desk up.
// So a damaged file is recovered from its last good copy (`people.json.bak`) wherever one exists,
// and the library marker remembers that there were people: a library that lost both files is
// refused the first-admin path, so whoever opens it next cannot make themselves admin.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { PeopleFileSchema, type Person, type PersonDraft } from '../shared/model/person';
import { ApiError, type Notice } from '../shared/contract/errors';
import { AtomicJsonAdapter, CorruptFileError } from './AtomicJsonAdapter';
import { keepCopy } from './atomicWrite';
import { migratePeople } from './migrations/migratePeople';
import { NewerVersionError } from './migrations/migrate';
import { quarantine } from './quarantine';
import type { LibraryMarker } from './libraryMarker';

type PeopleFile = ReturnType<typeof PeopleFileSchema.parse>;

const parsePeople = (raw: unknown): PeopleFile => PeopleFileSchema.parse(migratePeople(raw));

export class PeopleStore {
  private readonly db: Low<PeopleFile | null>;
  private readonly path: string;

  /**
   * Without `notify`, a damaged file is the caller's to handle (load throws CorruptFileError);
   * with it, load recovers from the last good copy itself and reports what it did.
   */
  constructor(
    private readonly libraryDir: string,
    private readonly notify?: (notice: Notice) => void,
    private readonly now: () => Date = () => new Date(),
    /** Where the library records that it has had people (null: nothing is recorded). */
    private readonly marker: LibraryMarker | null = null,
  ) {
    this.path = join(libraryDir, 'people.json');
    // The file it replaces becomes the last good copy, kept only once the new one is safely written.
    this.db = new Low<PeopleFile | null>(new AtomicJsonAdapter(this.path, parsePeople, { beforeReplace: () => keepCopy(this.path, this.path + '.bak').then(() => undefined) }), null);
  }

  async load(): Promise<void> {
    try {
      await this.db.read();
      // What just read well is the last good copy from now on (a save keeps only the version before
      // it). A real copy: a hard link would share the blocks that damage in place would reach.
      if (this.db.data) await keepCopy(this.path, this.path + '.bak', undefined, { link: false }).catch(() => undefined); // best effort: the file itself is fine
    } catch (err) {
      // A newer Copydesk's file is refused whole: treating it as damaged would empty the list.
      if (err instanceof NewerVersionError) throw new ApiError('forbidden', `people.json: ${err.message}`, { reason: 'newerVersion', file: this.path });
      if (!(err instanceof CorruptFileError) || !this.notify) throw err;
      const moved = await quarantine(this.libraryDir, this.path, this.now());
      const backup = new Low<PeopleFile | null>(new AtomicJsonAdapter(this.path + '.bak', parsePeople), null);
      await backup.read().catch(() => undefined);
      this.db.data = backup.data;
      if (backup.data) await this.db.write();
      // `context` picks the sentence (an i18next context in the renderer): restored, or set up an admin again.
      const restored = backup.data ? 'backup' : 'none';
      this.notify({ code: 'peopleReset', params: { file: moved, restored, ...(backup.data ? { context: 'backup' } : {}), reason: err.message.slice(0, 300) } });
    }
    // A library from before the marker knew about people is marked the first time it opens with them.
    if (this.list().length > 0) await this.marker?.markHadPeople();
  }

  /** How many people the library has, and whether it has ever had any (the first-admin path needs never). */
  get census(): { now: number; ever: boolean } {
    const now = this.list().length;
    return { now, ever: now > 0 || (this.marker?.hadPeople ?? false) };
  }

  list(): Person[] {
    return this.db.data?.people ?? [];
  }

  /** The person behind a request; an unknown or inactive id is refused, never guessed. */
  actor(id: string | null | undefined): Person {
    const person = this.list().find((p) => p.id === id);
    if (!person || !person.active) throw new ApiError('forbidden', `unknown or inactive person ${String(id)}`, { reason: 'unknownPerson' });
    return person;
  }

  async save(actorId: string | null | undefined, draft: PersonDraft): Promise<Person> {
    const people = this.list();
    if (people.length === 0) {
      if (this.census.ever) throw new ApiError('forbidden', 'this library had people; its people file is missing', { reason: 'peopleLost' });
      if (draft.role !== 'admin' || !draft.active) throw new ApiError('forbidden', 'the first person must be an active admin', { reason: 'firstAdmin' });
    } else if (this.actor(actorId).role !== 'admin') {
      throw new ApiError('forbidden', 'only an admin manages people', { reason: 'role', permission: 'people' });
    }
    const person: Person = { ...draft, id: draft.id ?? randomUUID() };
    const next = people.some((p) => p.id === person.id) ? people.map((p) => (p.id === person.id ? person : p)) : [...people, person];
    // The library must keep an active admin, or no one could manage it any more.
    if (!next.some((p) => p.role === 'admin' && p.active)) throw new ApiError('forbidden', 'the library needs an active admin', { reason: 'lastAdmin' });
    this.db.data = { format: 'copydesk-people', version: 1, people: next };
    await this.db.write();
    // After people.json: a crash in between leaves people that the next open marks, never a marker without people.
    await this.marker?.markHadPeople();
    return person;
  }
}

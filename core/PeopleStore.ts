// people.json: who works in this library. Only an admin changes it, except that a library that
// never had people lets its first person in as admin — someone has to be able to set the desk up.
// So a damaged file is recovered from its last good copy (`people.json.bak`) wherever one exists,
// and the library marker remembers that there were people: a library that lost both files is
// refused the first-admin path, so whoever opens it next cannot make themselves admin.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { PeopleFileSchema, type Person, type PersonDraft } from '../shared/model/person';
import { ApiError, type Notice } from '../shared/contract/errors';
import { migratePeople, PEOPLE_FILE_VERSION } from './migrations/migratePeople';
import { VersionedJsonFiles } from './storage/versionedJsonFiles';
import type { LibraryMarker } from './libraryMarker';

type PeopleFile = ReturnType<typeof PeopleFileSchema.parse>;

export class PeopleStore {
  private readonly files: VersionedJsonFiles<PeopleFile>;
  private readonly path: string;
  private data: PeopleFile | null = null;

  /**
   * Without `notify`, a damaged file is the caller's to handle (load throws CorruptFileError);
   * with it, load recovers from the last good copy itself and reports what it did.
   */
  constructor(
    libraryDir: string,
    notify?: (notice: Notice) => void,
    now: () => Date = () => new Date(),
    /** Where the library records that it has had people (null: nothing is recorded). */
    private readonly marker: LibraryMarker | null = null,
  ) {
    this.path = join(libraryDir, 'people.json');
    this.files = new VersionedJsonFiles(
      { schema: PeopleFileSchema, version: { current: PEOPLE_FILE_VERSION, field: 'version' }, migrate: migratePeople },
      {
        libraryDir,
        now,
        notify,
        // `context` picks the sentence (an i18next context in the renderer): restored, or set up an admin again.
        noticeOf: ({ file, reason, restored }) => ({
          code: 'peopleReset',
          params: { file, restored: restored ? 'backup' : 'none', ...(restored ? { context: 'backup' } : {}), reason: reason.slice(0, 300) },
        }),
        // A newer Copydesk's file is refused whole: treating it as damaged would empty the list.
        refuseNewer: (path, err) => new ApiError('forbidden', `people.json: ${err.message}`, { reason: 'newerVersion', file: path }),
      },
    );
  }

  async load(): Promise<void> {
    this.data = (await this.files.read(this.path)).value;
    // What just read well is the last good copy from now on (a save keeps only the version before it).
    if (this.data) await this.files.keepGoodCopy(this.path);
    // A library from before the marker knew about people is marked the first time it opens with them.
    if (this.list().length > 0) await this.marker?.markHadPeople();
  }

  /** How many people the library has, and whether it has ever had any (the first-admin path needs never). */
  get census(): { now: number; ever: boolean } {
    const now = this.list().length;
    return { now, ever: now > 0 || (this.marker?.hadPeople ?? false) };
  }

  list(): Person[] {
    return this.data?.people ?? [];
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
    const file: PeopleFile = { format: 'copydesk-people', version: PEOPLE_FILE_VERSION, people: next };
    await this.files.write(this.path, file);
    this.data = file;
    // After people.json: a crash in between leaves people that the next open marks, never a marker without people.
    await this.marker?.markHadPeople();
    return person;
  }
}

// people.json: who works in this library. Only an admin changes it, except that an empty library
// lets its first person in as admin — someone has to be able to set the desk up.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { PeopleFileSchema, type Person, type PersonDraft } from '../../shared/model/person';
import { ApiError } from '../../shared/contract/errors';
import { AtomicJsonAdapter } from './AtomicJsonAdapter';

type PeopleFile = ReturnType<typeof PeopleFileSchema.parse>;

export class PeopleStore {
  private readonly db: Low<PeopleFile | null>;

  constructor(libraryDir: string) {
    this.db = new Low<PeopleFile | null>(new AtomicJsonAdapter(join(libraryDir, 'people.json'), (raw) => PeopleFileSchema.parse(raw)), null);
  }

  async load(): Promise<void> {
    await this.db.read();
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
    return person;
  }
}

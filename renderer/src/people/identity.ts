// Who is at this machine, remembered per library folder in the window's storage (Electron keeps it
// in the user's profile; the browser host in the browser's). There are no passwords: one trusted
// machine, and the core still checks every request against the person's role.
import type { Person } from '../../../shared/model/person';
import { personStorageKey as key } from '../../../shared/model/personStorageKey';

export function rememberedPerson(libraryPath: string): string | null {
  try {
    return localStorage.getItem(key(libraryPath));
  } catch {
    return null;
  }
}

export function rememberPerson(libraryPath: string, id: string | null): void {
  try {
    if (id) localStorage.setItem(key(libraryPath), id);
    else localStorage.removeItem(key(libraryPath));
  } catch {
    /* storage unavailable: the user picks again next time */
  }
}

/** The remembered person for this library if they are still among its active people; else null (the picker shows). */
export function rememberedActivePerson(libraryPath: string, people: readonly Person[]): string | null {
  const id = rememberedPerson(libraryPath);
  return people.some((p) => p.id === id && p.active) ? id : null;
}

/** Who is acting in this window now, for every request to the core (renderer/src/api.ts: `call`). */
let current: string | null = null;

export function setCurrentPerson(id: string | null): void {
  current = id;
}

export function currentPersonId(): string | null {
  return current;
}

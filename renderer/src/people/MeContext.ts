// The person using the app and the library's people, for every screen that shows who did what or
// which buttons this person may press.
import { createContext, useContext } from 'react';
import type { Person } from '../../../shared/model/person';
import type { PermissionTable } from '../../../shared/workflow/transitions';

export interface MeValue {
  me: Person;
  people: Person[];
  permissions: PermissionTable;
  /** Signed in to a newsroom: stories change on the server, and the core says so (the screens follow). */
  connected: boolean;
}

export const MeContext = createContext<MeValue | null>(null);

export function useMe(): MeValue {
  const value = useContext(MeContext);
  if (!value) throw new Error('useMe outside MeContext');
  return value;
}

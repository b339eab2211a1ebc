// Every migration, in order. A new one gets the next number and its own file; one that has
// shipped is never edited (servers that applied it would not see the change).
import { sql as initial } from './001_initial';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial', sql: initial }];

// people.json names its format version in `version`. None to upgrade yet; the runner still refuses
// a file from a newer Copydesk instead of treating it as damaged, which would empty the people list.
import { runMigrations, type Migration } from '../storage/migrate';

export const PEOPLE_FILE_VERSION = 1;

/** Numbered migrations, oldest first. */
export const peopleMigrations: Migration[] = [];

export function migratePeople(raw: unknown, migrations: readonly Migration[] = peopleMigrations, current = PEOPLE_FILE_VERSION): unknown {
  return runMigrations(raw, migrations, current, 'version');
}

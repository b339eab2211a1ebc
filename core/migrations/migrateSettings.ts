// Upgrades settings.json from older schema versions, step by step, like articles. Fields added
// within version 1 (photos, workflow, outlet, export folder, backups) come in as schema defaults;
// a change that defaults cannot express gets a numbered step here and a new SETTINGS_SCHEMA_VERSION.
import { SETTINGS_SCHEMA_VERSION } from '../../shared/model/settings';
import { runMigrations, type Migration } from '../storage/migrate';

/** Numbered migrations, oldest first. None yet: every settings file so far is version 1. */
export const settingsMigrations: Migration[] = [];

export function migrateSettings(raw: unknown, migrations: readonly Migration[] = settingsMigrations, current = SETTINGS_SCHEMA_VERSION): unknown {
  return runMigrations(raw, migrations, current);
}

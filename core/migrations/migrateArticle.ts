// Upgrades an article file from any older schema version to the current one, step by step. The
// file on disk is only rewritten by the next save, which first keeps the original under `migrated/`.
import { ARTICLE_SCHEMA_VERSION } from '../../shared/model/article';
import { runMigrations, type Migration } from '../storage/migrate';

export { NewerVersionError, type Migration } from '../storage/migrate';

/** Numbered migrations, oldest first. */
export const articleMigrations: Migration[] = [
  // 1 → 2: the desk workflow. Old articles have no owner, note, embargo or corrections.
  { from: 1, up: (doc) => ({ deskNote: '', embargo: null, ownerId: null, corrections: [], lastTransition: null, ...doc }) },
];

export function migrateArticle(raw: unknown, migrations: readonly Migration[] = articleMigrations, current = ARTICLE_SCHEMA_VERSION): unknown {
  return runMigrations(raw, migrations, current);
}

// Upgrades an article file from any older schema version to the current one, step by step. The
// file on disk is only rewritten by the next save, and its previous version stays as `.bak`.
import { ARTICLE_SCHEMA_VERSION } from '../../../shared/model/article';

export interface Migration {
  /** The version this step upgrades from; it produces `from + 1`. */
  from: number;
  up(raw: Record<string, unknown>): Record<string, unknown>;
}

/** A file written by a newer Copydesk: never quarantined or overwritten, only refused. */
export class NewerVersionError extends Error {
  constructor(readonly version: number) {
    super(`written by a newer Copydesk (schema version ${version})`);
    this.name = 'NewerVersionError';
  }
}

/** Numbered migrations, oldest first. */
export const articleMigrations: Migration[] = [
  // 1 → 2: the desk workflow. Old articles have no owner, note, embargo or corrections.
  { from: 1, up: (doc) => ({ deskNote: '', embargo: null, ownerId: null, corrections: [], lastTransition: null, ...doc }) },
];

export function migrateArticle(raw: unknown, migrations: readonly Migration[] = articleMigrations, current = ARTICLE_SCHEMA_VERSION): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  let doc = raw as Record<string, unknown>;
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 0;
  if (version > current) throw new NewerVersionError(version);
  while (version < current) {
    const step = migrations.find((m) => m.from === version);
    if (!step) return doc; // no path forward: the schema check will reject it as corrupt
    doc = { ...step.up(doc), schemaVersion: version + 1 };
    version++;
  }
  return doc;
}

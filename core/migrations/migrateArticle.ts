// Upgrades an article file from any older schema version to the current one, step by step. The
// file on disk is only rewritten by the next save, which first keeps the original under `migrated/`.
import { ARTICLE_SCHEMA_VERSION } from '../../shared/model/article';
import { runMigrations, type Migration } from '../storage/migrate';

export { NewerVersionError, type Migration } from '../storage/migrate';

/** Numbered migrations, oldest first. */
export const articleMigrations: Migration[] = [
  // 1 → 2: the desk workflow. Old articles have no owner, note, embargo or corrections.
  { from: 1, up: (doc) => ({ deskNote: '', embargo: null, ownerId: null, corrections: [], lastTransition: null, ...doc }) },
  // 2 → 3: a wire byline's place ((부산=연합뉴스) …) is the article's dateline, not a desk; the
  // wire template reads it from there since settings version 2 (migrateSettings.ts).
  { from: 2, up: wireDateline },
];

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** A `ko-wire` byline's desk moves into an empty dateline; any other article is unchanged. */
export function wireDateline(doc: Record<string, unknown>): Record<string, unknown> {
  const byline = doc.byline;
  if (!isRecord(byline) || byline.templateId !== 'ko-wire' || typeof byline.desk !== 'string' || byline.desk.trim() === '') return doc;
  if (typeof doc.dateline === 'string' && doc.dateline.trim() !== '') return doc;
  return { ...doc, dateline: byline.desk, byline: { ...byline, desk: '' } };
}

export function migrateArticle(raw: unknown, migrations: readonly Migration[] = articleMigrations, current = ARTICLE_SCHEMA_VERSION): unknown {
  return runMigrations(raw, migrations, current);
}

// Upgrades settings.json from older schema versions, step by step, like articles. Fields added
// within version 1 (photos, workflow, outlet, export folder, backups) come in as schema defaults;
// a change that defaults cannot express gets a numbered step here and a new SETTINGS_SCHEMA_VERSION.
// The newsroom server reads its stored settings through the same steps (server/settings/settingsTable.ts).
import { DEFAULT_BYLINE_TEMPLATES, SETTINGS_SCHEMA_VERSION } from '../../shared/model/settings';
import { runMigrations, type Migration } from '../storage/migrate';

/** The wire template's pattern before version 2: the place came from the desk. */
export const OLD_WIRE_PATTERN = '(<{desk}=>{outlet}) {reporters} =';
const WIRE_PATTERN = DEFAULT_BYLINE_TEMPLATES.find((t) => t.id === 'ko-wire')!.pattern;

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The wire template after version 2. The untouched default becomes the new default. Wire articles'
 * place moves from the desk to the dateline whatever the pattern (migrateArticle.ts), so an admin's
 * own pattern that printed it through {desk} (and has no {dateline}) reads it from {dateline}
 * instead, otherwise unchanged; any other pattern is theirs and stays as it is.
 */
function wireTemplate(t: unknown): unknown {
  if (!isRecord(t) || t.id !== 'ko-wire' || typeof t.pattern !== 'string') return t;
  if (t.pattern === OLD_WIRE_PATTERN) return { ...t, pattern: WIRE_PATTERN };
  if (t.pattern.includes('{desk}') && !t.pattern.includes('{dateline}')) return { ...t, pattern: t.pattern.replaceAll('{desk}', '{dateline}') };
  return t;
}

/** Numbered migrations, oldest first. */
export const settingsMigrations: Migration[] = [
  // 1 → 2: the wire template reads its place from the dateline (articles move it there, migrateArticle.ts).
  { from: 1, up: (doc) => (Array.isArray(doc.bylineTemplates) ? { ...doc, bylineTemplates: doc.bylineTemplates.map(wireTemplate) } : doc) },
];

export function migrateSettings(raw: unknown, migrations: readonly Migration[] = settingsMigrations, current = SETTINGS_SCHEMA_VERSION): unknown {
  return runMigrations(raw, migrations, current);
}

// The newsroom's settings: one row holding the same Settings model the desktop keeps in its
// settings.json (house style, the permission table, the checklist). A newsroom that never saved
// any has the defaults; a stored value is read through the same schema, so one written by an
// older server gets the defaults for what it lacks, and the desktop's numbered steps for what
// defaults cannot express (the wire template's place, settings version 2). The row itself is
// upgraded by the next change, as settings.json is by the next save.
import { applySettingsPatch, defaultSettings, SettingsSchema, type Settings, type SettingsPatch } from '../../shared/model/settings';
import { migrateSettings } from '../../core/migrations/migrateSettings';
import type { Queryable } from '../db/Database';

/** A stored value, upgraded from the version it was written in and checked. */
const parseStored = (value: unknown): Settings => SettingsSchema.parse(migrateSettings(value));

/**
 * The last row read and what it parsed to. Every request reads the settings, and an imported rule
 * set makes the parse cost milliseconds (a 254-rule set: about 8 ms, against 0.2 ms without);
 * the same text parses to the same settings, so it is parsed once. Read-only to every caller.
 */
let lastRead: { text: string; settings: Settings } | null = null;

export async function readSettings(db: Queryable): Promise<Settings> {
  const [row] = await db.query<{ text: string }>('SELECT value::text AS text FROM settings WHERE id = 1');
  if (!row) return defaultSettings();
  if (lastRead?.text === row.text) return lastRead.settings;
  const settings = parseStored(JSON.parse(row.text));
  lastRead = { text: row.text, settings };
  return settings;
}

/** The patch over the current settings, in the caller's transaction (the access gate decided who). */
export async function updateSettings(tx: Queryable, patch: SettingsPatch, now: Date): Promise<Settings> {
  // Locked so two admins' changes to different sections both survive.
  await tx.query('INSERT INTO settings (id, value, updated_at) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING', [JSON.stringify(defaultSettings()), now]);
  const [row] = await tx.query<{ value: unknown }>('SELECT value FROM settings WHERE id = 1 FOR UPDATE');
  const next = applySettingsPatch(parseStored(row.value), patch);
  await tx.query('UPDATE settings SET value = $1, updated_at = $2 WHERE id = 1', [JSON.stringify(next), now]);
  return next;
}

/**
 * Settings changed whole by `change` over the current row, in the caller's transaction (an imported
 * rule set: proven before the transaction, so the row is not locked while the proof runs).
 */
export async function changeSettings(tx: Queryable, change: (current: Settings) => Settings, now: Date): Promise<Settings> {
  await tx.query('INSERT INTO settings (id, value, updated_at) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING', [JSON.stringify(defaultSettings()), now]);
  const [row] = await tx.query<{ value: unknown }>('SELECT value FROM settings WHERE id = 1 FOR UPDATE');
  const next = SettingsSchema.parse(change(parseStored(row.value)));
  await tx.query('UPDATE settings SET value = $1, updated_at = $2 WHERE id = 1', [JSON.stringify(next), now]);
  return next;
}

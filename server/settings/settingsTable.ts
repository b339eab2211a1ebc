// The newsroom's settings: one row holding the same Settings model the desktop keeps in its
// settings.json (house style, the permission table, the checklist). A newsroom that never saved
// any has the defaults; a stored value is read through the same schema, so one written by an
// older server gets the defaults for what it lacks.
import { applySettingsPatch, defaultSettings, SettingsSchema, type Settings, type SettingsPatch } from '../../shared/model/settings';
import type { Queryable } from '../db/Database';

export async function readSettings(db: Queryable): Promise<Settings> {
  const [row] = await db.query<{ value: unknown }>('SELECT value FROM settings WHERE id = 1');
  return row ? SettingsSchema.parse(row.value) : defaultSettings();
}

/** The patch over the current settings, in the caller's transaction (the access gate decided who). */
export async function updateSettings(tx: Queryable, patch: SettingsPatch, now: Date): Promise<Settings> {
  // Locked so two admins' changes to different sections both survive.
  await tx.query('INSERT INTO settings (id, value, updated_at) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING', [JSON.stringify(defaultSettings()), now]);
  const [row] = await tx.query<{ value: unknown }>('SELECT value FROM settings WHERE id = 1 FOR UPDATE');
  const next = applySettingsPatch(SettingsSchema.parse(row.value), patch);
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
  const next = SettingsSchema.parse(change(SettingsSchema.parse(row.value)));
  await tx.query('UPDATE settings SET value = $1, updated_at = $2 WHERE id = 1', [JSON.stringify(next), now]);
  return next;
}

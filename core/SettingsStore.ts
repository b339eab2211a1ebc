// settings.json: UI language and byline templates. A damaged file never stops the app: it is
// moved aside, the last good copy or the defaults take its place, and the user is told. A file
// from an older Copydesk is upgraded (its original kept under `migrated/`); one from a newer
// Copydesk is refused rather than reset, since resetting would throw away the house's rules.
import { join } from 'node:path';
import { Low } from 'lowdb';
import { defaultSettings, SETTINGS_SCHEMA_VERSION, SettingsSchema, type Settings, type SettingsPatch } from '../shared/model/settings';
import { ApiError, type Notice } from '../shared/contract/errors';
import { AtomicJsonAdapter } from './AtomicJsonAdapter';
import { keepCopy } from './atomicWrite';
import { keepOriginal, NewerVersionError, versionOf } from './migrations/migrate';
import { migrateSettings } from './migrations/migrateSettings';
import { quarantine } from './quarantine';

const parseSettings = (raw: unknown): Settings => SettingsSchema.parse(migrateSettings(raw));

export class SettingsStore {
  private readonly path: string;
  private current: Settings = defaultSettings();
  /** The schema version settings.json had when loaded, if older than this Copydesk's. */
  private olderVersion: number | null = null;

  constructor(
    private readonly libraryDir: string,
    private readonly notify: (notice: Notice) => void,
    private readonly now: () => Date,
  ) {
    this.path = join(libraryDir, 'settings.json');
  }

  get value(): Settings {
    return this.current;
  }

  async load(): Promise<void> {
    const db = new Low<Settings | null>(
      new AtomicJsonAdapter(this.path, (raw) => {
        const version = versionOf(raw) ?? SETTINGS_SCHEMA_VERSION;
        this.olderVersion = version < SETTINGS_SCHEMA_VERSION ? version : null;
        return parseSettings(raw);
      }),
      null,
    );
    try {
      await db.read();
      if (db.data) this.current = db.data;
    } catch (err) {
      if (err instanceof NewerVersionError) {
        throw new ApiError('forbidden', `settings.json: ${err.message}`, { reason: 'newerVersion', file: this.path });
      }
      this.olderVersion = null;
      const moved = await quarantine(this.libraryDir, this.path, this.now());
      const backup = new Low<Settings | null>(new AtomicJsonAdapter(this.path + '.bak', parseSettings), null);
      await backup.read().catch(() => undefined);
      this.current = backup.data ?? defaultSettings();
      const restored = backup.data ? 'backup' : 'defaults';
      // `context` picks the sentence for what was restored (an i18next context in the renderer).
      this.notify({ code: 'settingsReset', params: { file: moved, restored, context: restored, reason: (err as Error).message.slice(0, 300) } });
    }
    // Written back at every start: creates the file in a new library and refreshes the last good copy.
    await this.save(this.current);
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const next = SettingsSchema.parse({ ...this.current, ...patch });
    await this.save(next);
    return next;
  }

  private async save(next: Settings): Promise<void> {
    const older = this.olderVersion;
    const adapter = new AtomicJsonAdapter<Settings>(this.path, parseSettings, {
      beforeReplace: async () => {
        if (older !== null) await keepOriginal(this.libraryDir, this.path, older);
        await keepCopy(this.path, this.path + '.bak');
      },
    });
    await new Low<Settings | null>(adapter, next).write();
    this.olderVersion = null;
    this.current = next;
  }
}

// settings.json: UI language and byline templates, kept by the library's versioned-file steps
// (core/storage/versionedJsonFiles.ts). What is the settings' own: a damaged file never stops the
// app — the last good copy or the defaults take its place, and the user is told — and the file is
// written back at every start. One from a newer Copydesk is refused rather than reset, since
// resetting would throw away the house's rules.
import { join } from 'node:path';
import { applySettingsPatch, defaultSettings, SETTINGS_SCHEMA_VERSION, SettingsSchema, type Settings, type SettingsPatch } from '../shared/model/settings';
import { ApiError, type Notice } from '../shared/contract/errors';
import { migrateSettings } from './migrations/migrateSettings';
import { VersionedJsonFiles } from './storage/versionedJsonFiles';

export class SettingsStore {
  private readonly path: string;
  private readonly files: VersionedJsonFiles<Settings>;
  private current: Settings = defaultSettings();

  constructor(libraryDir: string, notify: (notice: Notice) => void, now: () => Date) {
    this.path = join(libraryDir, 'settings.json');
    this.files = new VersionedJsonFiles(
      { schema: SettingsSchema, version: { current: SETTINGS_SCHEMA_VERSION }, migrate: migrateSettings },
      {
        libraryDir,
        now,
        notify,
        noticeOf: ({ file, reason, restored }) => {
          const what = restored ? 'backup' : 'defaults';
          // `context` picks the sentence for what was restored (an i18next context in the renderer).
          return { code: 'settingsReset', params: { file, restored: what, context: what, reason: reason.slice(0, 300) } };
        },
        refuseNewer: (path, err) => new ApiError('forbidden', `settings.json: ${err.message}`, { reason: 'newerVersion', file: path }),
      },
    );
  }

  get value(): Settings {
    return this.current;
  }

  async load(): Promise<void> {
    this.current = (await this.files.read(this.path)).value ?? defaultSettings();
    // Written back at every start: creates the file in a new library and refreshes the last good copy.
    await this.save(this.current);
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const next = applySettingsPatch(this.current, patch);
    await this.save(next);
    return next;
  }

  /** Settings made whole by the caller (an imported rule set, already proven): written as they are, after the schema. */
  async replace(next: Settings): Promise<Settings> {
    const checked = SettingsSchema.parse(next);
    await this.save(checked);
    return checked;
  }

  private async save(next: Settings): Promise<void> {
    await this.files.write(this.path, next);
    this.current = next;
  }
}

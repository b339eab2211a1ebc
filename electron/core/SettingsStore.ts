// settings.json: UI language and byline templates. A damaged file never stops the app: it is
// moved aside, the last good copy or the defaults take its place, and the user is told.
import { link, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { defaultSettings, SettingsSchema, type Settings, type SettingsPatch } from '../../shared/model/settings';
import type { Notice } from '../../shared/contract/errors';
import { AtomicJsonAdapter } from './AtomicJsonAdapter';
import { quarantine } from './quarantine';

export class SettingsStore {
  private readonly path: string;
  private current: Settings = defaultSettings();

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
    const db = new Low<Settings | null>(new AtomicJsonAdapter(this.path, (raw) => SettingsSchema.parse(raw)), null);
    try {
      await db.read();
      if (db.data) {
        this.current = db.data;
        return;
      }
    } catch (err) {
      const moved = await quarantine(this.libraryDir, this.path, this.now());
      const backup = new Low<Settings | null>(new AtomicJsonAdapter(this.path + '.bak', (raw) => SettingsSchema.parse(raw)), null);
      await backup.read().catch(() => undefined);
      this.current = backup.data ?? defaultSettings();
      this.notify({ code: 'settingsReset', params: { file: moved, restored: backup.data ? 'backup' : 'defaults', reason: (err as Error).message.slice(0, 300) } });
    }
    await this.save(this.current);
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const next = SettingsSchema.parse({ ...this.current, ...patch });
    await this.save(next);
    return next;
  }

  private async save(next: Settings): Promise<void> {
    await unlink(this.path + '.bak').catch(() => undefined);
    await link(this.path, this.path + '.bak').catch(() => undefined);
    const db = new Low<Settings | null>(new AtomicJsonAdapter(this.path, (raw) => SettingsSchema.parse(raw)), next);
    await db.write();
    this.current = next;
  }
}

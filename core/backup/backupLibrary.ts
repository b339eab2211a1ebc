// What backups need of the library. Its own file so the backup service and the restore it runs
// both name it without importing each other.
import type { Article, ArticleSummary } from '../../shared/model/article';
import type { Person, PersonDraft } from '../../shared/model/person';
import type { Settings, SettingsPatch } from '../../shared/model/settings';
import type { FileStat } from './takeSnapshot';

/** The library as backups use it (Library satisfies this). */
export interface BackupLibrary {
  readonly dir: string;
  readonly currentSettings: Settings;
  summaryOf(id: string): ArticleSummary | null;
  list(scope: 'active' | 'trash'): ArticleSummary[];
  listPeople(): Person[];
  savePerson(actorId: string | null, draft: PersonDraft): Promise<Person>;
  updateSettings(patch: SettingsPatch, actorId?: string): Promise<Settings>;
  /** restoreFromBackup for many at once, their files flushed together; one result per article, in order. */
  restoreManyFromBackup(articles: readonly Article[], actorId: string, note: string): Promise<(Article | Error)[]>;
  setTrashed(id: string, trashed: boolean, actorId: string): Promise<ArticleSummary>;
  /** Size and time of an article file as the library last wrote it (from its index), so an hourly snapshot need not stat every file. */
  fileStatOf?(id: string): FileStat | null;
}

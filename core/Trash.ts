// The trash: moving an article in and out (shared/workflow/trash.ts decides who), emptying it for
// good, deleting one article everywhere it is kept, and sweeping the photos no article uses.
import type { Article, ArticleSummary } from '../shared/model/article';
import { refuseEmptyTrash } from '../shared/workflow/trash';
import { trashMove } from '../shared/workflow/steps';
import type { ArticleStore } from './ArticleStore';
import type { HistoryStore } from './HistoryStore';
import type { IndexEntry } from './indexEntry';
import type { LibraryIndex } from './LibraryIndex';
import type { PhotoStore } from './media/PhotoStore';
import type { PeopleStore } from './PeopleStore';
import type { ListTable } from './search/ListTable';
import type { SearchService } from './search/SearchService';
import type { SettingsStore } from './SettingsStore';

/** How long an imported photo may sit unused before emptying the trash removes it. */
const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;

export interface TrashParts {
  store: ArticleStore;
  index: LibraryIndex;
  table: ListTable;
  search: SearchService;
  people: PeopleStore;
  settings: SettingsStore;
  history: HistoryStore;
  photos: PhotoStore;
  now: () => Date;
  /** The article's index entry; throws `notFound` if there is none. */
  entry(id: string): IndexEntry;
  /** Runs `task` after every earlier task for the same article (the library's save queue). */
  serial<T>(id: string, task: () => Promise<T>): Promise<T>;
  /** Writes the article file and brings the index, list and search up to date (no new version). */
  put(article: Article): Promise<ArticleSummary>;
  /** The articles in the trash. */
  trashed(): ArticleSummary[];
}

export class Trash {
  constructor(private readonly parts: TrashParts) {}

  /**
   * Into the trash or back out of it (shared/workflow/trash.ts decides who). In the trash an
   * article is read-only: it has to come out before anyone changes it.
   */
  setTrashed(id: string, trashed: boolean, actorId: string): Promise<ArticleSummary> {
    const { serial, people, store, settings, put, history, now } = this.parts;
    return serial(id, async () => {
      const person = people.actor(actorId);
      this.parts.entry(id);
      const current = await store.read(id);
      const { article, audit } = trashMove(current, trashed, person, settings.value, now());
      const summary = await put(article);
      await history.audit(id, audit);
      return summary;
    });
  }

  /** Deletes every trashed article and its history for good: an admin's decision only. */
  async emptyTrash(actorId: string): Promise<number> {
    const { people, serial, table, photos } = this.parts;
    const person = people.actor(actorId);
    const refusal = refuseEmptyTrash(person.role);
    if (refusal) throw refusal;
    const trashed = this.parts.trashed();
    const released = new Set<string>();
    for (const s of trashed) {
      await serial(s.id, async () => {
        for (const photo of await this.removeForGood(s.id)) released.add(photo);
      });
    }
    // A photo goes only when no article left in the library (trash included) still uses it.
    const stillUsed = new Set<string>();
    for (const slot of table.liveSlots()) for (const photo of table.photos(slot)) stillUsed.add(photo);
    for (const photo of released) if (!stillUsed.has(photo)) await photos.remove(photo);
    await this.sweepPhotos(stillUsed);
    return trashed.length;
  }

  /** Deletes one article everywhere it is kept: file, index, list, search and history. Returns the photos it used. Run in its queue. */
  async removeForGood(id: string): Promise<string[]> {
    const { index, store, table, search, history } = this.parts;
    const slot = table.slot(id);
    const photos = slot === undefined ? [] : [...table.photos(slot)];
    await store.remove(id);
    await index.delete(id); // its row in the list table too
    search.remove(id);
    await history.remove(id);
    return photos;
  }

  /**
   * Photos no article uses (added, then removed from the body before any delete) are swept when
   * the trash is emptied — but only a day after import, so a photo just added to an article that
   * has not been saved yet is never taken.
   */
  private async sweepPhotos(used: ReadonlySet<string>): Promise<void> {
    const { photos, now } = this.parts;
    const cutoff = now().getTime() - ORPHAN_GRACE_MS;
    for (const id of await photos.ids()) {
      if (used.has(id)) continue;
      const info = await photos.info(id);
      if (info && Date.parse(info.importedAt) < cutoff) await photos.remove(id);
    }
  }
}

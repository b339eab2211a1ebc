// Writes one story bundle (shared/contract/libraryUpload.ts) into the newsroom's database, in one
// transaction: the article (through articleRows and the search table, as every write), each
// version as the library numbered and timed it, the audit log in order. Person ids become the
// server's (PersonIds); a story the server already has is left as it is ('exists').
import type { StoryBundle } from '../../shared/contract/libraryUpload';
import type { Article } from '../../shared/model/article';
import { photoIdsIn } from '../../shared/photos/figures';
import type { Database, Queryable } from '../db/Database';
import { writeArticle } from '../articles/articleRows';
import { indexArticle } from '../search/searchTable';
import type { PersonIds } from './importPeople';
import { articleExists, insertAuditEntries, insertVersion } from './importRows';

export interface WrittenStory {
  /** As stored (the server's person ids). */
  article: Article;
  versions: number;
  audit: number;
  /** Its owner had no account on the server: written with no owner. */
  ownerless: boolean;
  /** The photos its body shows. */
  photos: string[];
}

/** `also` runs in the story's transaction once it is written (the upload's audit entry). */
export async function writeStoryBundle(db: Database, bundle: StoryBundle, ids: PersonIds, also?: (tx: Queryable, article: Article) => Promise<void>): Promise<'exists' | WrittenStory> {
  const read = ids.article(bundle.article);
  // The owner column refers to an account: a story whose owner no account stands for keeps none.
  const ownerless = read.ownerId !== null && ids.column(read.ownerId) === null;
  const article: Article = ownerless ? { ...read, ownerId: null } : read;
  const versions = bundle.versions.map((v) => ({ meta: ids.meta(v.meta), personId: ids.column(v.meta.actorId), article: ids.article(v.article) }));
  const done = await db.transaction(async (tx) => {
    if (await articleExists(tx, article.id)) return false;
    await writeArticle(tx, article);
    await indexArticle(tx, article);
    for (const v of versions) await insertVersion(tx, v.meta, v.article, v.personId);
    await insertAuditEntries(tx, article.id, bundle.audit.map((e) => ({ entry: ids.audit(e), personId: ids.column(e.actorId) })));
    await also?.(tx, article);
    return true;
  });
  if (!done) return 'exists';
  return { article, versions: versions.length, audit: bundle.audit.length, ownerless, photos: photoIdsIn(article.body) };
}

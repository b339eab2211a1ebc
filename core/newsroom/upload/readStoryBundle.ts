// One story of a local library read whole for the newsroom: the article, every version with its
// copy, oldest first, and the audit log, with person ids as the library has them. The command
// line's import-library and the app's upload both read stories this way; the server writes them
// (server/importLibrary/writeStoryBundle.ts).
import type { StoryBundle } from '../../../shared/contract/libraryUpload';
import type { ArticleSummary } from '../../../shared/model/article';
import type { Library } from '../../Library';

export async function readStoryBundle(library: Library, id: string): Promise<StoryBundle> {
  const article = await library.get(id);
  const history = await library.historyOf(id);
  const metas = [...history.versions].sort((a, b) => a.seq - b.seq);
  const versions = await Promise.all(metas.map(async (meta) => ({ meta, article: await library.version(id, meta.seq) })));
  return { article, versions, audit: history.audit };
}

/** Every story of the library, the trash's too, oldest first (the order they are written to the server in). */
export function storiesOldestFirst(library: Library): ArticleSummary[] {
  return [...library.list('active'), ...library.list('trash')].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

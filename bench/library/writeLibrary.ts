// A generated library folder of `n` articles, written the fast way for benches and scale tests:
// the article files, the list index and the search index straight from the generated articles
// (opening it afterwards finds everything up to date and reads no article). Cached by size.
import { mkdir, rm, stat, writeFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { generateArticle, vocabulary } from './generateArticles';
import { SearchIndex } from '../../core/search/SearchIndex';
import { saveSearchIndex } from '../../core/search/searchIndexFile';
import { articleText } from '../../shared/search/articleText';
import { photoIdsIn } from '../../shared/photos/figures';
import { summarise } from '../../core/articleSummary';
import { encodeSnapshot, SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from '../../core/indexSnapshot';
import { writeSectionFile } from '../../core/sectionFile';
import type { IndexEntry } from '../../core/indexEntry';

const GENERATOR_VERSION = 5; // 5: index entries carry 매수 and photo counts

/** Writes (or reuses) `<root>/library-<n>`; `onProgress` hears every 1,000 articles. */
export async function writeLibrary(root: string, n: number, onProgress: (done: number) => void = () => undefined): Promise<string> {
  const dir = join(root, `library-${n}-v${GENERATOR_VERSION}`);
  const done = join(dir, '.generated');
  if (await access(done).then(() => true, () => false)) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'articles'), { recursive: true });
  await mkdir(join(dir, 'index'), { recursive: true });
  const v = vocabulary();
  const search = new SearchIndex();
  const entries: IndexEntry[] = [];
  const BATCH = 200;
  for (let start = 0; start < n; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, n - start) }, (_, i) => generateArticle(start + i, v));
    await Promise.all(
      batch.map(async (a) => {
        const file = join(dir, 'articles', `${a.id}.json`);
        await writeFile(file, JSON.stringify(a));
        const s = await stat(file);
        const fp = { size: s.size, mtimeMs: s.mtimeMs };
        entries.push({ summary: summarise(a), photos: photoIdsIn(a.body), tags: a.tags, ...fp });
        search.put(a.id, articleText(a), fp);
      }),
    );
    if ((start + BATCH) % 1000 === 0) onProgress(start + BATCH);
  }
  await writeSectionFile(join(dir, 'index', 'summaries.bin'), SNAPSHOT_FORMAT, SNAPSHOT_VERSION, encodeSnapshot(entries));
  search.pack();
  await saveSearchIndex(join(dir, 'index', 'search.bin'), search);
  await writeFile(join(dir, 'copydesk-library.json'), JSON.stringify({ format: 'copydesk-library', schemaVersion: 1 }));
  await writeFile(done, new Date().toISOString());
  return dir;
}

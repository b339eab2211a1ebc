// A newsroom to back up, and what a backup must bring back. `fillNewsroom` gives a server's store
// accounts, the sample library's stories (every state, versions, audit, photos with caption and
// credit; import-library's fixture) and a story typed live (its Yjs updates stored, then copied
// into the row). `newsroomContents` reads a store back through the server's own read paths, story
// by story and photo by photo, and every table's rows as a digest, so a restore is compared whole.
import { createHash } from 'node:crypto';
import type { Article } from '../../../shared/model/article';
import { ArticleService } from '../../articles/ArticleService';
import { PhotoService } from '../../photos/PhotoService';
import type { Database } from '../../db/Database';
import { importLibrary } from '../../importLibrary/importLibrary';
import { buildLibrary } from '../../importLibrary/testing/sampleLibrary';
import type { TestStore } from '../../testing/bothDatabases';
import { collabPeople } from '../../testing/collabClient';
import { staffDeskOfThree, startTestServer, type TestServer } from '../../testing/testServer';
import { until } from '../../testing/until';

export const LIVE_TEXT = '실시간으로 쓴 문장, typed live.';
export const LIVE_HEADLINE = '살아 있는 제목';

export interface Filled {
  stories: number;
  photoIds: string[];
  /** The story typed live. */
  liveId: string;
}

/** Fills a fresh store through a server (closed after, so every live body is in its row). */
export async function fillNewsroom(store: TestStore, bulk: number): Promise<Filled> {
  const built = await buildLibrary(bulk);
  const server = await startTestServer(store, { collab: { debounceMs: 50, maxDebounceMs: 200 } });
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const people = collabPeople(() => server, tokens);
  try {
    await staffDeskOfThree(server, tokens, ids);
    const imported = await importLibrary(built.dir, server.db);
    if (imported.failed.length || imported.photos.failed.length) throw new Error(`the sample library did not import: ${JSON.stringify(imported.failed)}`);
    const live = await people.call<Article>('kim', 'createArticle');
    const kim = people.connect('kim', live.id);
    await until(() => kim.provider.isSynced);
    kim.type(LIVE_TEXT);
    kim.typeField('headline', LIVE_HEADLINE);
    await until(() => kim.provider.unsyncedChanges === 0);
    await people.call('kim', 'transitionArticle', { id: live.id, action: 'send', note: '', override: false });
    people.closeAll();
    const [{ n }] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
    return { stories: n, photoIds: built.photoIds, liveId: live.id };
  } finally {
    people.closeAll();
    await server.close();
    await built.cleanup();
  }
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export interface Contents {
  stories: { article: Article; history: unknown; versions: Article[] }[];
  photos: { info: unknown; original: Buffer; preview: Buffer; thumb: Buffer }[];
  /** Every table of the schema: its row count and a digest of all its rows. */
  tables: Record<string, { rows: number; md5: string }>;
}

/** Everything a newsroom holds, read from a closed server's store. */
export async function newsroomContents(db: Database): Promise<Contents> {
  const articles = new ArticleService(db);
  const photos = new PhotoService(db);
  const stories: Contents['stories'] = [];
  for (const { id } of await db.query<{ id: string }>('SELECT id FROM articles ORDER BY id')) {
    const history = await articles.history(id);
    stories.push({ article: await articles.get(id), history, versions: await Promise.all(history.versions.map((v) => articles.version(id, v.seq))) });
  }
  const photoRows: Contents['photos'] = [];
  for (const { sha256 } of await db.query<{ sha256: string }>('SELECT sha256 FROM photos ORDER BY sha256')) {
    const original = await photos.original(sha256);
    if (sha(original) !== sha256) throw new Error(`photo ${sha256}: its bytes hash to ${sha(original)}`);
    photoRows.push({ info: await photos.info(sha256), original, preview: await photos.variant(sha256, 'preview'), thumb: await photos.variant(sha256, 'thumb') });
  }
  const tables: Contents['tables'] = {};
  for (const { name } of await db.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)) {
    const [row] = await db.query<{ rows: number; md5: string }>(`SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM "${name}" t`);
    tables[name] = row;
  }
  return { stories, photos: photoRows, tables };
}

/** A restored server answers as the first did: the live story's text over the API and live, a photo's bytes over HTTP. */
export async function checkRestoredServer(server: TestServer, filled: Filled, originalBytes: Buffer): Promise<void> {
  const login = await server.call('POST', '/api/login', { login: 'kim', password: 'kim password 1' });
  if (login.status !== 200) throw new Error(`kim cannot sign in on the restored server: ${JSON.stringify(login.body)}`);
  const tokens = { kim: (login.body.value as { token: string }).token };
  const people = collabPeople(() => server, tokens);
  try {
    const story = await people.call<Article>('kim', 'getArticle', { id: filled.liveId });
    if (!JSON.stringify(story.body).includes(LIVE_TEXT) || story.headline !== LIVE_HEADLINE || story.status !== 'sent') throw new Error(`the live story came back as ${JSON.stringify(story)}`);
    const res = await fetch(`${server.url}/api/photos/${filled.photoIds[0]}/original`, { headers: { authorization: `Bearer ${tokens.kim}` } });
    const bytes = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200 || !bytes.equals(originalBytes)) throw new Error(`photo ${filled.photoIds[0]}: ${res.status}, ${bytes.length} bytes`);
    const live = people.connect('kim', filled.liveId);
    await until(() => live.provider.isSynced);
    if (!JSON.stringify(live.body()).includes(LIVE_TEXT)) throw new Error(`the live document came back as ${JSON.stringify(live.body())}`);
  } finally {
    people.closeAll();
  }
}

// The offline bench's newsroom: the real server (sign-in, access rules, every live update appended
// to the database before it is acknowledged) on the real PostgreSQL where one is reachable, else on
// embedded PGlite; a reporter's desktop core bound to it (library in a temp folder, replicas in
// newsroom-replicas/), holding stories open live as a window does, with a window Y.Doc per story.
// The server can go away and come back on the same port with its database as it was.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { openCore, type Core } from '../../core/createCore';
import { writeBinding } from '../../core/newsroom/newsroomBinding';
import { dispatch } from '../../shared/contract/dispatch';
import type { CoreEvent } from '../../shared/contract/newsroom';
import { BODY_FRAGMENT, readBody } from '../../shared/live/bodyFragment';
import type { Article, ArticleContent, Body, DocNode } from '../../shared/model/article';
import { PersonSchema, type Person } from '../../shared/model/person';
import { pgliteStore, postgresStore, type TestStore } from '../../server/testing/bothDatabases';
import { addPeople, setUpAdmin, startTestServer, type TestServer } from '../../server/testing/testServer';
import { storyContent } from '../saveBench';

const appInfo = { version: 'bench', platform: process.platform, host: 'browser' as const, systemLocale: 'ko-KR', mediaBase: '/media/' };

/** A story open live in the core, and the window's copy of it. */
export interface OpenStory {
  id: string;
  window: Y.Doc;
}

export class BoundDesk {
  /** Every event the core pushed to its windows, with when (performance.now()). */
  readonly events: { at: number; event: CoreEvent }[] = [];

  private constructor(
    private server: TestServer | null,
    private readonly store: TestStore,
    private readonly port: number,
    private coreNow: Core,
    readonly person: Person,
    private readonly reporterToken: string,
    readonly libraryDir: string,
    readonly database: string,
    /** Where the server listens (the same address after it comes back). */
    readonly serverUrl: string,
  ) {
    this.listen();
  }

  get core(): Core {
    return this.coreNow;
  }

  private listen(): void {
    this.coreNow.onEvent((event) => this.events.push({ at: performance.now(), event }));
  }

  /** The desktop quits (what its stories typed flushed to their replicas first). */
  async quit(): Promise<void> {
    await this.coreNow.close();
  }

  /** The desktop starts again on the same library: the core sends what its replicas hold unsent as it starts. */
  async relaunch(): Promise<void> {
    this.coreNow = await openCore({ libraryDir: this.libraryDir, appInfo, backupSchedule: false, liveOpenTimeoutMs: 10_000 });
    this.listen();
  }

  static async start(): Promise<BoundDesk> {
    // COPYDESK_BENCH_DATABASE=pglite measures the embedded store even where PostgreSQL is reachable.
    const pg = process.env.COPYDESK_BENCH_DATABASE === 'pglite' ? { skip: 'COPYDESK_BENCH_DATABASE=pglite' } : await postgresStore();
    const store: TestStore = 'skip' in pg ? await pgliteStore() : pg;
    const database = 'skip' in pg ? `embedded PGlite (no PostgreSQL here: ${pg.skip})` : 'PostgreSQL';
    const server = await startTestServer(store);
    const admin = await setUpAdmin(server);
    const { tokens } = await addPeople(server, admin, [['kim', { name: '김하늘', role: 'reporter', bylineRole: '기자' }]]);
    const me = await server.call('GET', '/api/me', undefined, tokens.kim);
    const person = PersonSchema.parse(me.body.value);
    const libraryDir = await mkdtemp(join(tmpdir(), 'copydesk-bench-offline-'));
    await writeBinding(libraryDir, { server: server.url, token: tokens.kim, person });
    const core = await openCore({ libraryDir, appInfo, backupSchedule: false, liveOpenTimeoutMs: 10_000 });
    return new BoundDesk(server, store, Number(new URL(server.url).port), core, person, tokens.kim, libraryDir, database, server.url);
  }

  private get live(): TestServer {
    if (!this.server) throw new Error('the server is down');
    return this.server;
  }

  /** A new story made on the server by the reporter: about 600 Korean words, or `content`. */
  async createStory(seed: number, content: ArticleContent = storyContent(seed, `오프라인 벤치 ${seed}`)): Promise<string> {
    const call = async <T>(method: string, input: Record<string, unknown>) => {
      const answer = await this.live.call('POST', `/api/call/${method}`, input, this.reporterToken);
      if (answer.status !== 200) throw new Error(`${method}: ${JSON.stringify(answer.body.error)}`);
      return answer.body.value as T;
    };
    const created = await call<Article>('createArticle', {});
    await call('saveArticle', { id: created.id, baseRevision: created.revision, content });
    return created.id;
  }

  /** The window opens the story live; says whether the core was connected when it answered. */
  async open(id: string): Promise<{ story: OpenStory; connected: boolean }> {
    const opened = await dispatch(this.core.handlers, 'openLiveStory', { actor: this.person.id, id });
    if (!opened.ok) throw new Error(`openLiveStory ${id}: ${opened.error.code} ${opened.error.message}`);
    const window = new Y.Doc();
    Y.applyUpdate(window, new Uint8Array(Buffer.from(opened.value.state, 'base64')));
    return { story: { id, window }, connected: opened.value.connected };
  }

  async close(story: OpenStory): Promise<void> {
    const closed = await dispatch(this.core.handlers, 'closeLiveStory', { actor: this.person.id, id: story.id });
    if (!closed.ok) throw new Error(`closeLiveStory ${story.id}: ${closed.error.message}`);
    story.window.destroy();
  }

  /** The server stops (its database kept as it is). */
  async stopServer(): Promise<void> {
    await this.server?.close();
    this.server = null;
  }

  /** The server starts again on the same port and database; resolves once it listens. */
  async startServer(): Promise<void> {
    this.server = await startTestServer(this.store, { port: this.port });
  }

  /** The story's text as the server stored it (its live updates in the database, what a restart would load). */
  async storedText(id: string): Promise<string> {
    const doc = new Y.Doc();
    for (const r of await this.live.db.query<{ update: Uint8Array }>('SELECT update FROM collab_updates WHERE article_id = $1 ORDER BY seq', [id])) Y.applyUpdate(doc, r.update);
    const text = bodyText(readBody(doc));
    doc.destroy();
    return text;
  }

  async dispose(): Promise<void> {
    await this.coreNow.close().catch(() => undefined);
    await this.stopServer().catch(() => undefined);
    await this.store.dispose().catch(() => undefined);
    await rm(this.libraryDir, { recursive: true, force: true });
  }
}

/**
 * One edit in the window: `text` at the end of paragraph `paragraph` (modulo their number), as
 * the editor makes it; the Yjs update the window sends to the core, base64.
 */
export function windowEdit(window: Y.Doc, paragraph: number, text: string): string {
  let update: Uint8Array | null = null;
  const keep = (u: Uint8Array) => (update = u);
  window.once('update', keep);
  const body = window.getXmlFragment(BODY_FRAGMENT);
  const run = (body.get(paragraph % body.length) as Y.XmlElement).get(0) as Y.XmlText;
  run.insert(run.length, text);
  if (!update) throw new Error('the edit made no update');
  return Buffer.from(update).toString('base64');
}

/** Every character of text in a body, paragraphs one after another. */
export function bodyText(body: Body): string {
  const text = (nodes: readonly DocNode[] = []): string => nodes.map((n) => (n.text ?? '') + text(n.content)).join('');
  return text(body.content as DocNode[]);
}

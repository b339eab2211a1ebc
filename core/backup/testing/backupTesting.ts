// Helpers for the backup tests: a real library on disk with an admin, jobs run the way the
// contract runs them, and the text of an article's body.
import type { Core } from '../../createCore';
import { openCore } from '../../createCore';
import { appInfo, content, tempDir } from '../../testing/tempLibrary';
import { addAdmin } from '../../testing/people';
import type { Article, ArticleContent, DocNode } from '../../../shared/model/article';
import { dispatch } from '../../../shared/contract/dispatch';
import { unwrap } from '../../../shared/contract/errors';
import type { Input, Method, Output } from '../../../shared/contract/api';

export interface TestLibrary {
  dir: string;
  core: Core;
  actor: string;
  /** A contract call as the renderer makes it: input checked (defaults filled), output checked, failures thrown as ApiError. */
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  close(): Promise<void>;
}

/** A library with its admin; `clock` (ms) moves the core's time when given; `before` prepares the folder first. */
export async function openTestLibrary(clock?: { now: number }, before?: (dir: string) => Promise<void>): Promise<TestLibrary> {
  const { dir, cleanup } = await tempDir();
  await before?.(dir);
  const core = await openCore({ libraryDir: dir, appInfo, now: clock ? () => new Date(clock.now) : undefined, backupSchedule: false });
  const actor = await addAdmin(core);
  return {
    dir,
    core,
    actor,
    call: async (method, input) => unwrap(await dispatch(core.handlers, method, input)),
    close: async () => {
      await core.close();
      await cleanup();
    },
  };
}

let jobs = 0;
export const jobId = () => `job-backup-${String(++jobs).padStart(4, '0')}`;

export async function write(lib: TestLibrary, headline: string, body: string): Promise<Article> {
  const created = await lib.call('createArticle', { actor: lib.actor, language: 'ko' });
  await lib.call('saveArticle', { id: created.id, actor: lib.actor, baseRevision: 0, content: content(headline, body) });
  return lib.call('getArticle', { actor: lib.actor, id: created.id });
}

export async function rewrite(lib: TestLibrary, id: string, change: Partial<ArticleContent> | string): Promise<Article> {
  const current = await lib.call('getArticle', { actor: lib.actor, id });
  const next = typeof change === 'string' ? content(current.headline, change) : { ...content(current.headline, bodyText(current)), ...change };
  await lib.call('saveArticle', { id, actor: lib.actor, baseRevision: current.revision, content: next });
  return lib.call('getArticle', { actor: lib.actor, id });
}

export function bodyText(a: Pick<Article, 'body'>): string {
  const walk = (n: DocNode): string => (n.text ?? '') + (n.content ?? []).map(walk).join('');
  return walk(a.body);
}

// The newsroom specs' shared steps: a machine (its own browser host on an empty library folder, in
// its own browser context), connecting it through the app's own form, a story's text as paragraphs,
// and the story as the server holds it (read with the server's own API, not the app).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect } from './fixtures';
import { launchBrowserHost } from '../../host/launchBrowserHost';
import type { HostHandle } from '../../host/startHost';
import { startNewsroomServer, type NewsroomServer } from './newsroomServer';
import type { Article, DocNode } from '../../shared/model/article';

export type Cleanups = (() => Promise<unknown>)[];

/** Each top-level block's text. */
export const texts = (body: DocNode): string[] => {
  const text = (n: DocNode): string => (n.text ?? '') + (n.content ?? []).map(text).join('');
  return (body.content ?? []).map(text);
};

/** The app's own window on its own empty library, as a person at another machine; cleaned up with `cleanups`. */
export async function machine(browser: Browser, locale: string, cleanups: Cleanups, viewport = { width: 1400, height: 1000 }): Promise<{ dir: string; host: HostHandle; page: Page }> {
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-newsroom-'));
  const host = await launchBrowserHost({ libraryDir: dir });
  const context = await browser.newContext({ locale, viewport });
  cleanups.unshift(() => rm(dir, { recursive: true, force: true }), () => host.close(), () => context.close());
  const page = await context.newPage();
  await page.goto(host.url);
  return { dir, host, page };
}

/** Connects through the app's form and waits until the header says online. */
export async function connectAs(page: Page, server: string, who: { login: string; password: string }): Promise<void> {
  await page.getByTestId('connect-newsroom').click();
  await page.getByTestId('connect-server').fill(server);
  await page.getByTestId('connect-login').fill(who.login);
  await page.getByTestId('connect-password').fill(who.password);
  await page.getByTestId('connect-submit').click();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
}

/** The story as the server holds it, read as `login`. */
export async function storyOnServer(server: NewsroomServer, login: string, id: string): Promise<Article> {
  const answer = await server.call('POST', '/api/call/getArticle', { id, actor: server.ids[login] }, server.tokens[login]);
  if (!answer.body.ok) throw new Error(`getArticle: ${JSON.stringify(answer.body)}`);
  return answer.body.value as Article;
}

/** The id of the story with this headline, as `login` lists them (a live headline reaches the list when the server next stores the story's fields). */
export async function storyId(server: NewsroomServer, login: string, headline: string): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(async () => {
      const list = await server.call('POST', '/api/call/listArticles', { scope: 'active', actor: server.ids[login] }, server.tokens[login]);
      id = (list.body.value as { id: string; headline: string }[]).find((a) => a.headline === headline)?.id;
      return id;
    }, { message: `a story "${headline}" for ${login}`, timeout: 10_000 })
    .toBeDefined();
  return id!;
}

/** The reporter and the editor of the live specs: one desk (사회부). */
export const REPORTER = { login: 'kim', name: '김하늘', password: 'kim password 1' };
export const EDITOR = { login: 'park', name: '박데스크', password: 'park password 1' };

/**
 * A newsroom server (embedded database) with the reporter and the editor, each at their own
 * machine and connected through the app's form; stopped and cleaned up with `cleanups`.
 */
export async function reporterAndEditor(browser: Browser, locale: string, cleanups: Cleanups) {
  const server = (await startNewsroomServer('pglite', [
    [REPORTER.login, { name: REPORTER.name, role: 'reporter', desk: '사회부', bylineRole: '기자' }],
    [EDITOR.login, { name: EDITOR.name, role: 'editor', desk: '사회부' }],
  ])) as NewsroomServer;
  cleanups.push(() => server.stop());
  const reporter = await machine(browser, locale, cleanups);
  const editor = await machine(browser, locale, cleanups);
  await connectAs(reporter.page, server.url, REPORTER);
  await connectAs(editor.page, server.url, EDITOR);
  return { server, reporter, editor };
}

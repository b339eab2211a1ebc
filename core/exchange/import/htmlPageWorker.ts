// The worker side of readHtmlPage.ts: parses checked pages one at a time and posts back each
// article or error. It runs in its own thread so that jsdom + Readability (seconds on a big page)
// never stall the core, and so that a page past the time or memory limit can be stopped by
// terminating it. It stays up between pages: loading tsx, our modules and jsdom takes about a second.
import { parentPort } from 'node:worker_threads';
import { toApiError, type ApiErrorShape } from '../../../shared/contract/errors';
import type { ImportedArticle } from '../../../shared/exchange/types';
import { parseHtmlPage } from './fromHtmlPage';
import { domWindow } from './htmlDom';

export interface PageJob {
  html: string;
  name: string;
}

export type PageReply = { ready: true } | { ok: true; article: ImportedArticle } | { ok: false; error: ApiErrorShape };

const port = parentPort;
if (port) {
  port.on('message', ({ html, name }: PageJob) => {
    let reply: PageReply;
    try {
      reply = { ok: true, article: parseHtmlPage(html, name) };
    } catch (err) {
      reply = { ok: false, error: toApiError(err).toJSON() };
    }
    port.postMessage(reply);
  });
  // jsdom loads now, so a page's time limit (counted from `ready`) is spent on the page alone.
  domWindow().close();
  // Loaded: from here on a failure is the page's, not the worker's (readHtmlPage.ts falls back to its own thread only before this).
  port.postMessage({ ready: true } satisfies PageReply);
}

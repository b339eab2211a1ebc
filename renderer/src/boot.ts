// Start-up's questions to the core, asked while this module is evaluated: main.tsx, the entry,
// imports only this, so they leave before React and the screens' code are even fetched, and the
// core answers meanwhile. As soon as the answers say who is at the machine, the library's first
// page is asked for too (library/earlyPage.ts), before the first render.
import { call } from './api';
import { prefetchFirstPage } from './library/earlyPage';
import { listQuery, OPENING_VIEW } from './library/listQuery';
import { rememberedArticle } from './openArticleMemory';
import { rememberedActivePerson } from './people/identity';

export type BootAnswers = Awaited<typeof bootAnswers>;

export const bootAnswers = Promise.all([call('getAppInfo', {}), call('getSettings', {}), call('getLibraryInfo', {}), call('listPeople', {})]).then(([appInfo, settings, library, people]) => {
  // The screen that opens is the library when someone is remembered and no article is to be reopened.
  const me = rememberedActivePerson(library.path, people);
  const firstPage = me && !rememberedArticle(library.path) ? prefetchFirstPage(me, listQuery(OPENING_VIEW.scope, OPENING_VIEW.text, OPENING_VIEW.filters, OPENING_VIEW.order)) : null;
  return { appInfo, settings, library, people, firstPage };
});

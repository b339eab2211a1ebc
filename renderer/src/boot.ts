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

type Answer<T> = { value: T } | { error: unknown };
const answer = <T>(p: Promise<T>): Promise<Answer<T>> => p.then((value) => ({ value }), (error: unknown) => ({ error }));

export const bootAnswers = Promise.all([call('getAppInfo', {}), call('getLibraryInfo', {}), answer(call('getSettings', {})), answer(call('listPeople', {}))]).then(async ([appInfo, library, settingsAnswer, peopleAnswer]) => {
  // Settings and people are the newsroom server's when the folder is bound to one. The app starts
  // even while the server cannot answer them (offline, or the session ended): on the house defaults
  // and the signed-in account, with the connection's state in the header and the way to sign in again.
  const orElse = async <T>(a: Answer<T>, fallback: () => Promise<T>): Promise<T> => ('value' in a ? a.value : library.newsroom ? fallback() : Promise.reject(a.error));
  // (Connected, the core answers with this machine's own settings, the UI language among them, over the newsroom's.)
  const settings = await orElse(settingsAnswer, async () => (await import('../../shared/model/settings')).defaultSettings());
  const people = await orElse(peopleAnswer, async () => [library.newsroom!.person]);
  // The screen that opens is the library when someone is remembered (or signed in) and no article is to be reopened.
  const me = library.newsroom ? library.newsroom.person.id : rememberedActivePerson(library.path, people);
  const firstPage = me && !rememberedArticle(library.path) ? prefetchFirstPage(me, listQuery(OPENING_VIEW.scope, OPENING_VIEW.text, OPENING_VIEW.filters, OPENING_VIEW.order)) : null;
  return { appInfo, settings, library, people, firstPage };
});

// The checking worker: house style and spelling run here, off the typing path (a long story's
// paragraphs are checked while the person keeps typing). The dictionaries ship with the renderer
// (build/dictionaryAssets.ts) and are read from the app itself, never from the network; one that
// cannot be read is reported with each check of its language (checkProtocol.ts) and logged here.
import { copyChecking } from './copyChecking';
import { fetchedDictionaries } from './dictionaryFetch';
import type { CheckRequest } from './checkProtocol';

const checking = copyChecking(fetchedDictionaries(self.location.href), (message) => console.warn(message));

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  void checking.handle(event.data).then((response) => {
    if (response) self.postMessage(response);
  });
};

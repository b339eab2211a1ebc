// The checking worker: house style and spelling run here, off the typing path (a long story's
// paragraphs are checked while the person keeps typing). The dictionaries ship with the renderer
// (build/dictionaryAssets.ts) and are read from the app itself, never from the network.
import { copyChecking } from './copyChecking';
import { workerDictionary } from './workerDictionaries';
import type { CheckRequest } from './checkProtocol';

async function fetchBytes(url: URL): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// Beside the worker's own script (assets/…), from its location: Vite rewrites `new URL(…, import.meta.url)` as an asset of its own.
const dictionaryFile = (file: string) => fetchBytes(new URL(`../dictionaries/${file}`, self.location.href));

const checking = copyChecking(
  (language) => workerDictionary(language, dictionaryFile),
  (message) => console.warn(message),
);

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  void checking.handle(event.data).then((response) => {
    if (response) self.postMessage(response);
  });
};

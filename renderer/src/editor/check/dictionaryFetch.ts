// Where the checking worker reads a language's dictionary: beside its own script (the renderer
// ships dictionaries/{ko,en}.{aff,dic}, build/dictionaryAssets.ts), never from the network. A
// missing file or a refused read rejects with the file and status, which the worker reports.
import type { Language } from '../../../../shared/model/article';
import type { DictionarySource } from './copyChecking';
import { workerDictionary } from './workerDictionaries';

type Fetch = (url: URL) => Promise<Pick<Response, 'ok' | 'status' | 'arrayBuffer'>>;

async function fetchBytes(url: URL, get: Fetch): Promise<Uint8Array> {
  const response = await get(url);
  if (!response.ok) throw new Error(`${url.pathname}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** `base` is the worker's own location (its script sits in assets/, the dictionaries one folder up). */
export function fetchedDictionaries(base: string, get: Fetch = (url) => fetch(url)): DictionarySource {
  return (language: Language) => workerDictionary(language, (file) => fetchBytes(new URL(`../dictionaries/${file}`, base), get));
}

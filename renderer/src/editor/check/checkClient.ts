// The editor's handle on the checking worker. One request at a time is in flight per editor; the
// plugin asks again with whatever is still unchecked when an answer comes back.
import type { Language } from '../../../../shared/model/article';
import type { RuleSet } from '../../../../shared/style/ruleSchema';
import type { CheckRequest, CheckResponse } from './checkProtocol';

export type CheckClient = {
  check(language: Language, texts: string[]): Promise<CheckResponse['results']>;
  setRules(sets: Partial<Record<Language, RuleSet>>): void;
  dispose(): void;
};

/** A client over any function that answers requests (a worker's port, or the worker's own handler in tests). */
export function requestClient(send: (request: CheckRequest) => void, listen: (on: (response: CheckResponse) => void) => void, dispose: () => void): CheckClient {
  let next = 1;
  const waiting = new Map<number, (results: CheckResponse['results']) => void>();
  listen((response) => {
    waiting.get(response.id)?.(response.results);
    waiting.delete(response.id);
  });
  return {
    check(language, texts) {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        send({ type: 'check', id, language, texts });
      });
    },
    setRules(sets) {
      send({ type: 'rules', sets });
    },
    dispose() {
      waiting.clear();
      dispose();
    },
  };
}

/** The real thing: a module worker built by Vite next to the renderer. */
export function workerCheckClient(): CheckClient {
  const worker = new Worker(new URL('./checkWorker.ts', import.meta.url), { type: 'module', name: 'copydesk-check' });
  return requestClient(
    (request) => worker.postMessage(request),
    (on) => worker.addEventListener('message', (event: MessageEvent<CheckResponse>) => on(event.data)),
    () => worker.terminate(),
  );
}

// The editor's handle on the checking worker. The plugin has one check in flight at a time and
// asks again with whatever is still unchecked when the answer comes back.
import type { Language } from '../../../../shared/model/article';
import type { RuleSet } from '../../../../shared/style/ruleSchema';
import type { CheckRequest, CheckResponse } from './checkProtocol';

/** One check's answer: the findings by text, and why spelling is off in this language when it is. */
export type Checked = Pick<Extract<CheckResponse, { type: 'checked' }>, 'results' | 'spellingOff'>;

export type CheckClient = {
  check(language: Language, texts: string[]): Promise<Checked>;
  suggest(language: Language, word: string): Promise<string[]>;
  setRules(sets: Partial<Record<Language, RuleSet>>): void;
  setWords(words: string[]): void;
  dispose(): void;
};

/** A client over any port that answers requests (the worker, or its handler in-process in tests). */
export function requestClient(send: (request: CheckRequest) => void, listen: (on: (response: CheckResponse) => void) => void, dispose: () => void): CheckClient {
  let next = 1;
  const waiting = new Map<number, (response: CheckResponse) => void>();
  listen((response) => {
    waiting.get(response.id)?.(response);
    waiting.delete(response.id);
  });
  const ask = (request: Extract<CheckRequest, { id: number }>) => new Promise<CheckResponse>((resolve) => {
    waiting.set(request.id, resolve);
    send(request);
  });
  return {
    async check(language, texts) {
      const response = await ask({ type: 'check', id: next++, language, texts });
      if (response.type !== 'checked') return { results: [] };
      return response.spellingOff === undefined ? { results: response.results } : { results: response.results, spellingOff: response.spellingOff };
    },
    async suggest(language, word) {
      const response = await ask({ type: 'suggest', id: next++, language, word });
      return response.type === 'suggested' ? response.suggestions : [];
    },
    setRules(sets) {
      send({ type: 'rules', sets });
    },
    setWords(words) {
      send({ type: 'words', words });
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

// The search index's own thread: a SearchEngine fed by the core's messages (searchProtocol.ts).
// Its heap holds the index, so collecting it never pauses the core's thread, where saves run.
import { parentPort, workerData } from 'node:worker_threads';
import { SearchEngine } from './SearchEngine';
import { SEARCH_WORKER_ROLE, type SearchMessage, type SearchReply } from './searchProtocol';

const port = parentPort;
// Imported anywhere else (a test runner's own worker thread) this file does nothing.
if (port && (workerData as { role?: string } | null)?.role === SEARCH_WORKER_ROLE) {
  const engine = new SearchEngine((r, transfer) => port.postMessage(r, transfer));
  port.on('message', (m: SearchMessage) => engine.post(m));
  port.postMessage({ t: 'ready' } satisfies SearchReply);
}

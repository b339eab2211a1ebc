// The search index's own thread: a SearchEngine fed by the core's messages (searchProtocol.ts).
// Its heap holds the index, so collecting it never pauses the core's thread, where saves run.
import { parentPort } from 'node:worker_threads';
import { SearchEngine } from './SearchEngine';
import type { SearchMessage, SearchReply } from './searchProtocol';

const port = parentPort;
if (port) {
  const engine = new SearchEngine((r, transfer) => port.postMessage(r, transfer));
  port.on('message', (m: SearchMessage) => engine.post(m));
  port.postMessage({ t: 'ready' } satisfies SearchReply);
}

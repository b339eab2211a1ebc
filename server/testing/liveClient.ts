// A test client for the live channel: reads the server-sent-events stream with fetch and keeps
// every event, so a test can wait for the one it expects or for the stream to end.
import type { LiveEvent } from '../../shared/contract/live';
import { readEventStream } from '../../core/newsroom/readEventStream';

export interface LiveClient {
  status: number;
  events: LiveEvent[];
  /** The first event (already received or still to come) that matches, or a rejection after `ms`. */
  next(match: (e: LiveEvent) => boolean, ms?: number): Promise<LiveEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openLive(url: string, token: string | null): Promise<LiveClient> {
  const abort = new AbortController();
  const res = await fetch(`${url}/api/events`, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: abort.signal });
  const events: LiveEvent[] = [];
  const waiting = new Set<() => void>();
  let finish!: () => void;
  const ended = new Promise<void>((resolve) => (finish = resolve));
  if (res.ok && res.body) {
    void (async () => {
      try {
        for await (const { data } of readEventStream(res.body as unknown as AsyncIterable<Uint8Array>)) {
          events.push(JSON.parse(data) as LiveEvent);
          for (const wake of waiting) wake();
        }
      } catch {
        // aborted by close()
      }
      finish();
    })();
  } else {
    finish();
  }
  return {
    status: res.status,
    events,
    ended,
    close: () => abort.abort(),
    next(match, ms = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching live event in ${ms} ms; got ${JSON.stringify(events.map((e) => e.type))}`));
        }, ms);
        const cleanup = () => {
          clearTimeout(timer);
          waiting.delete(check);
        };
        waiting.add(check);
        check();
      });
    },
  };
}

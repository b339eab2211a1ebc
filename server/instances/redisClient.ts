// One place that makes ioredis connections, so every one gets the option that keeps ioredis 5.8's
// CLIENT SETINFO handshake out of subscriber connections ("Connection in subscriber mode",
// ioredis #2037; ENGINEERING.md, "The newsroom server").
import IORedis, { type Redis } from 'ioredis';

export function redisClient(url: string): Redis {
  // maxRetriesPerRequest null: a command waits through a Redis restart instead of failing after 20 tries.
  return new IORedis(url, { disableClientInfo: true, maxRetriesPerRequest: null });
}

/** Resolves once Redis answers PING; a clear error after `ms` (a wrong URL must not start a half-joined instance). */
export async function checkRedis(url: string, ms = 5000): Promise<void> {
  const client = new IORedis(url, { disableClientInfo: true, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined); // reported below
  const shown = url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect().then(() => client.ping()),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer')), ms))),
    ]);
  } catch (err) {
    throw new Error(`Redis at ${shown} does not answer (${(err as Error).message})`);
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

// A loopback port nothing listens on now, for a process the test starts itself (Redis, nginx, a
// PostgreSQL of its own, a server that must come back on the same port).
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

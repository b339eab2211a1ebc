// A tiny TCP load balancer on loopback, standing in for nginx's upstream in tests: each new
// connection goes to the next server in turn, and to the one after when that one refuses (its
// process died), so a client whose instance died reconnects to another by itself.
import { connect, createServer, type Socket } from 'node:net';

export interface RoundRobinProxy {
  /** http://127.0.0.1:PORT, as the clients' server address. */
  url: string;
  /** Which server (its index) each connection went to, in order. */
  routed: number[];
  /** New connections skip these servers (as nginx does one marked down). */
  down: Set<number>;
  close(): Promise<void>;
}

export async function roundRobinProxy(serverUrls: readonly string[]): Promise<RoundRobinProxy> {
  const targets = serverUrls.map((u) => new URL(u));
  const sockets = new Set<Socket>();
  const routed: number[] = [];
  const down = new Set<number>();
  let next = 0;
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  const server = createServer((client) => {
    track(client);
    client.pause();
    const attempt = (tries: number) => {
      if (tries >= targets.length) return void client.destroy();
      const index = next++ % targets.length;
      if (down.has(index)) return attempt(tries + 1);
      const upstream = connect(Number(targets[index].port), targets[index].hostname);
      track(upstream);
      let connected = false;
      upstream.once('error', () => (connected ? client.destroy() : attempt(tries + 1)));
      upstream.once('connect', () => {
        connected = true;
        routed.push(index);
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        client.on('close', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    attempt(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    routed,
    down,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

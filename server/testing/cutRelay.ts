// A TCP relay on loopback for one client, that can be cut: `cut()` destroys the connections
// going through it and refuses new ones (the laptop off the network), `restore()` lets them
// through again. The Node counterpart of e2e/support/cutProxy.ts, for the server's fault tests.
import { connect, createServer, type Socket } from 'node:net';

export interface CutRelay {
  /** http://127.0.0.1:PORT: the client's server address. */
  url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function cutRelay(serverUrl: string): Promise<CutRelay> {
  const target = new URL(serverUrl);
  const sockets = new Set<Socket>();
  let isCut = false;
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (isCut) return void client.destroy();
    const upstream = connect(Number(target.port), target.hostname);
    track(upstream);
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      isCut = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      isCut = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

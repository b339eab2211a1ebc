// One machine's network to the newsroom server, as a TCP relay on loopback that the spec can cut
// and restore: cut, every connection through it drops and new ones are refused (the reporter on a
// train); restored, it listens on the same address again. Others reach the server directly.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface CutProxy {
  /** The server's address as this machine uses it (http://127.0.0.1:port). */
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startCutProxy(target: string): Promise<CutProxy> {
  const to = new URL(target);
  const sockets = new Set<Socket>();
  const listen = (port: number) =>
    new Promise<Server>((resolve, reject) => {
      const server = createServer((inbound) => {
        const outbound = connect(Number(to.port), to.hostname);
        for (const s of [inbound, outbound]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        inbound.pipe(outbound).pipe(inbound);
        inbound.on('close', () => outbound.destroy());
        outbound.on('close', () => inbound.destroy());
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve(server));
    });
  let server: Server | null = await listen(0);
  const port = (server.address() as { port: number }).port;
  const stop = async () => {
    const s = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  return {
    url: `http://127.0.0.1:${port}`,
    cut: stop,
    restore: async () => {
      if (!server) server = await listen(port);
    },
    close: stop,
  };
}

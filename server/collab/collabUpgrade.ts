// WebSocket upgrades on the server's own HTTP(S) listener: only COLLAB_PATH, and never from a
// browser page (one sends an Origin; the app's cores send none). Everything else is answered
// with a status and the socket closed before any WebSocket exists.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { COLLAB_PATH } from '../../shared/contract/liveProtocol';

/** A whole story's state fits well under this; anything bigger is not from our clients. */
const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function acceptCollabUpgrades(server: Server, handle: (ws: WebSocket, req: IncomingMessage) => void): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = new URL(req.url ?? '/', 'http://server').pathname;
    if (path !== COLLAB_PATH) return refuse(socket, '404 Not Found');
    if (req.headers.origin !== undefined) return refuse(socket, '403 Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => handle(ws, req));
  });
  return wss;
}

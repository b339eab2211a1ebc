// Test harness: the smallest newsroom a bound core's live stories can talk to, on loopback. A
// Hocuspocus instance at COLLAB_PATH that checks the session token, schema version and epoch as the
// real server does (shared/contract/liveProtocol.ts), tells each connection its epoch and access,
// keeps each document across unloads, and can flip a story's write access or end its epoch; plus
// the live channel (/api/events) and sign-out the core's Newsroom expects. The real server's end-to-end test replaces it once server/collab is merged.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { Hocuspocus } from '@hocuspocus/server';
import { COLLAB_EPOCH_PARAM, COLLAB_PATH, COLLAB_REFUSALS, COLLAB_SCHEMA_PARAM, type CollabStateless } from '../../../../shared/contract/liveProtocol';
import { LIVE_SCHEMA_VERSION, readBody, writeBody } from '../../../../shared/live/bodyFragment';
import { readFields, writeFields } from '../../../../shared/live/articleFields';
import type { ArticleContent } from '../../../../shared/model/article';

const refuse = (reason: string) => Object.assign(new Error(reason), { reason });

export interface CollabTestServer {
  url: string;
  hocuspocus: Hocuspocus;
  /** Every token offered to onAuthenticate, in order. */
  tokensSeen: string[];
  /** The upgrade requests' URLs and Origin headers. */
  upgrades: { url: string; origin: string | undefined }[];
  /** The server's copy of a story (what it keeps between connections). */
  stored(id: string): Y.Doc;
  /** The workflow flips write access: every connection to the story, and a stateless message to its clients. */
  /** `tell: false` drops the connections' updates without saying so yet (the moment between a step and its message). */
  setReadOnly(id: string, readOnly: boolean, tell?: boolean): void;
  /** Ends a session: its live channel is dropped and refused from then on (the core hears it as signed out). */
  revoke(token: string): void;
  /** Approval: the story's next epoch starts from its copy now, and its clients are told to reload (their sockets close). */
  endEpoch(id: string): void;
  /** Open connections to a story's document now. */
  connections(id: string): number;
  close(): Promise<void>;
}

/** A story's first document, as the server makes it from the article's JSON: its body and the fields beside it. */
function seed(doc: Y.Doc, { body, ...meta }: ArticleContent): void {
  doc.transact(() => {
    writeBody(doc, body);
    writeFields(doc, meta);
  });
}

export async function startCollabTestServer(opts: { tokens: Set<string>; stories?: Record<string, ArticleContent>; kept?: Record<string, Uint8Array>; port?: number }): Promise<CollabTestServer> {
  const tokensSeen: string[] = [];
  const upgrades: CollabTestServer['upgrades'] = [];
  const docs = new Map<string, Y.Doc>();
  const epochs = new Map<string, number>();
  const epochOf = (id: string) => epochs.get(id) ?? 1;
  const stored = (id: string) => {
    let doc = docs.get(id);
    if (!doc) {
      doc = new Y.Doc();
      const story = opts.stories?.[id];
      const kept = opts.kept?.[id];
      // A story kept from before (a restarted server) or made from its JSON, once, as only the server does.
      if (kept) Y.applyUpdate(doc, kept);
      else if (story) seed(doc, story);
      docs.set(id, doc);
    }
    return doc;
  };
  const hocuspocus = new Hocuspocus({
    quiet: true,
    async onAuthenticate({ token, requestParameters, documentName }) {
      tokensSeen.push(token);
      if (!opts.tokens.has(token)) throw refuse(COLLAB_REFUSALS.unauthenticated);
      if (requestParameters.get(COLLAB_SCHEMA_PARAM) !== String(LIVE_SCHEMA_VERSION)) throw refuse(COLLAB_REFUSALS.schema);
      const epoch = requestParameters.get(COLLAB_EPOCH_PARAM);
      if (epoch !== null && Number(epoch) !== epochOf(documentName)) throw refuse(COLLAB_REFUSALS.epoch);
      return { token };
    },
    async connected({ connection, documentName }) {
      const say = (message: CollabStateless) => connection.sendStateless(JSON.stringify(message));
      say({ type: 'epoch', epoch: epochOf(documentName) });
      say({ type: 'access', readOnly: connection.readOnly });
    },
    async onLoadDocument({ document, documentName }) {
      Y.applyUpdate(document, Y.encodeStateAsUpdate(stored(documentName)));
      return document;
    },
    async onChange({ documentName, update }) {
      Y.applyUpdate(stored(documentName), update);
    },
  });
  const events = new Set<ServerResponse>();
  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/api/events') {
      if (!opts.tokens.has((req.headers.authorization ?? '').replace(/^Bearer /, ''))) {
        res.writeHead(401, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ ok: false, error: { code: 'notSignedIn', message: 'no session', params: {} } }));
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': open\n\n');
      events.add(res);
      res.on('close', () => events.delete(res));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, value: null }));
  });
  const wss = new WebSocketServer({ noServer: true });
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgrades.push({ url: req.url ?? '', origin: req.headers.origin });
    if (new URL(req.url ?? '', 'http://x').pathname !== COLLAB_PATH) return void socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => hocuspocus.handleConnection(ws, req));
  });
  await new Promise<void>((resolve) => http.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hocuspocus,
    tokensSeen,
    upgrades,
    stored,
    setReadOnly(id, readOnly, tell = true) {
      const document = hocuspocus.documents.get(id);
      if (!document) throw new Error(`no open document ${id}`);
      for (const connection of document.getConnections()) connection.readOnly = readOnly;
      if (tell) document.broadcastStateless(JSON.stringify({ type: 'access', readOnly }));
    },
    revoke(token) {
      opts.tokens.delete(token);
      for (const res of events) res.destroy();
    },
    endEpoch(id) {
      const next = new Y.Doc();
      const now = stored(id);
      const story = opts.stories?.[id];
      // The approved copy is what the document holds (a field that does not read: the story's own).
      if (story) seed(next, { ...readFields(now, story), body: readBody(now) });
      else writeBody(next, readBody(now));
      docs.set(id, next);
      epochs.set(id, epochOf(id) + 1);
      const document = hocuspocus.documents.get(id);
      if (!document) return;
      hocuspocus.documents.delete(id);
      for (const connection of document.getConnections()) connection.webSocket.close(4205, 'reload');
    },
    connections: (id) => hocuspocus.documents.get(id)?.getConnectionsCount() ?? 0,
    async close() {
      for (const res of events) res.end();
      hocuspocus.closeConnections();
      for (const client of wss.clients) client.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

/** Resolves once `fn` is true, checked every 10 ms; fails after `ms` (as server/testing/until.ts, which core may not import). */
export function until(fn: () => boolean, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => (fn() ? resolve() : Date.now() - started > ms ? reject(new Error('condition not met in time')) : setTimeout(tick, 10));
    tick();
  });
}

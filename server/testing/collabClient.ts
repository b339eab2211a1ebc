// A Node client of the server's live documents, as the core holds one: a HocuspocusProvider over
// `ws`, keeping the stateless messages it got and the reason of any refusal.
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { collabUrl, parseCollabStateless, type CollabStateless } from '../../shared/contract/liveProtocol';
import { BODY_FRAGMENT, readBody } from '../../shared/live/bodyFragment';
import { fieldFragment, readFieldsPartial, setFields, type LiveMeta, type TextFieldKey } from '../../shared/live/articleFields';
import type { Body } from '../../shared/model/article';

/**
 * `ws` with an error listener of its own, as the core's (core/newsroom/live/LiveStory.ts): the
 * provider removes its listeners before closing a socket, and `ws` reports closing one still
 * connecting (a reconnection while the server is restarting) as an uncaught 'error' event.
 */
class ListenedWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => undefined);
  }
}

export interface CollabClient {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  messages: CollabStateless[];
  /** The refusal's reason, once the server refused the document. */
  refused: string | null;
  /** Closes seen (the server ending the socket, or this document's connection), with their reasons. */
  closes: number;
  closeReasons: string[];
  body(): Body;
  /** Types `text` at the end of the body's last paragraph (one Yjs transaction). */
  type(text: string): void;
  /** The fields beside the body that read (none before the first sync). */
  fields(): Partial<LiveMeta>;
  /** Types `text` into a text field at `offset` of its first paragraph (its end when left out), as its small editor would. */
  typeField(key: TextFieldKey, text: string, offset?: number): void;
  /** Changes fields that are not text (byline, tags, values), as the renderer does. */
  setFields(patch: Partial<LiveMeta>): void;
  readOnly(): boolean | undefined;
  destroy(): void;
}

export function openCollab(serverUrl: string, articleId: string, token: string, opts: { url?: string; epoch?: number; state?: Uint8Array } = {}): CollabClient {
  const doc = new Y.Doc();
  // A replica kept from before (another connection's state).
  if (opts.state) Y.applyUpdate(doc, opts.state);
  const client: CollabClient = {
    doc,
    messages: [],
    refused: null,
    closes: 0,
    closeReasons: [],
    provider: null as unknown as HocuspocusProvider,
    body: () => readBody(doc),
    type(text) {
      const fragment = doc.getXmlFragment(BODY_FRAGMENT);
      doc.transact(() => {
        let paragraph = fragment.get(fragment.length - 1) as Y.XmlElement | undefined;
        if (!(paragraph instanceof Y.XmlElement)) {
          paragraph = new Y.XmlElement('paragraph');
          fragment.insert(fragment.length, [paragraph]);
        }
        let run = paragraph.get(paragraph.length - 1) as Y.XmlText | undefined;
        if (!(run instanceof Y.XmlText)) {
          run = new Y.XmlText();
          paragraph.insert(paragraph.length, [run]);
        }
        run.insert(run.length, text);
      });
    },
    fields: () => readFieldsPartial(doc),
    typeField(key, text, offset) {
      const paragraph = doc.getXmlFragment(fieldFragment(key)).get(0) as Y.XmlElement;
      doc.transact(() => {
        if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
        const run = paragraph.get(0) as Y.XmlText;
        run.insert(offset ?? run.length, text);
      });
    },
    setFields: (patch) => setFields(doc, patch),
    readOnly: () => client.messages.filter((m) => m.type === 'access').at(-1)?.readOnly,
    destroy: () => client.provider.destroy(),
  };
  client.provider = new HocuspocusProvider({
    url: opts.url ?? collabUrl(serverUrl, opts.epoch),
    name: articleId,
    token,
    document: doc,
    // Passed on to the provider's own socket (its type lists it only there).
    ...({ WebSocketPolyfill: ListenedWebSocket } as object),
    onStateless: ({ payload }) => {
      const message = parseCollabStateless(payload);
      if (message) client.messages.push(message);
    },
    onAuthenticationFailed: ({ reason }) => {
      client.refused = reason;
    },
    onClose: ({ event }) => {
      client.closes += 1;
      client.closeReasons.push(event.reason);
    },
  });
  return client;
}

/** Resolves once `fn` resolves true, checked every 20 ms; fails after `ms`. */
export async function eventually(fn: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await fn()) return;
    if (Date.now() - started > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A test's clients of one server: `connect` opens a live document as a person (by login, or a raw
 * token), `call` is a contract method as that person (its value, or it throws), `closeAll` ends
 * every client opened.
 */
export function collabPeople(server: () => { url: string; call(method: 'POST', path: string, body: unknown, token?: string): Promise<{ status: number; body: { value?: unknown; error?: unknown } }> }, tokens: Record<string, string>) {
  const clients: CollabClient[] = [];
  return {
    clients,
    connect(who: string, id: string, opts?: Parameters<typeof openCollab>[3]): CollabClient {
      const client = openCollab(server().url, id, tokens[who] ?? who, opts);
      clients.push(client);
      return client;
    },
    async call<T>(who: string, method: string, input: Record<string, unknown> = {}): Promise<T> {
      const answer = await server().call('POST', `/api/call/${method}`, input, tokens[who]);
      if (answer.status !== 200) throw new Error(`${method}: ${JSON.stringify(answer.body.error)}`);
      return answer.body.value as T;
    },
    closeAll(): void {
      for (const c of clients.splice(0)) c.destroy();
    },
  };
}

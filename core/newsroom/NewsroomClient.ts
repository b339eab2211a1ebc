// The app's side of a newsroom server, held by the core (Electron's main process or the browser
// host), never by the renderer: it signs in, keeps the session token, sends contract calls for
// the signed-in person, and follows the live channel, reconnecting by itself when it drops.
import { contract, type Method, type Output } from '../../shared/contract/api';
import { ApiError, unwrap, type Envelope } from '../../shared/contract/errors';
import { LiveEventSchema, type LiveEvent } from '../../shared/contract/live';
import type { ConnectionState } from '../../shared/contract/newsroom';
import { PersonSchema, type Person, type PersonDraft } from '../../shared/model/person';
import { PHOTO_FORMATS } from '../../shared/model/photo';
import type { Article } from '../../shared/model/article';
import { ExportAnswerSchema } from '../../shared/contract/newsroomExports';
import { UploadPeopleAnswerSchema, UploadStoryAnswerSchema, type StoryBundle, type UploadPeopleAnswer, type UploadStoryAnswer } from '../../shared/contract/libraryUpload';
import type { ExportFormat } from '../../shared/exchange/types';
import { sha256Hex } from '../media/sha256Hex';
import { readEventStream } from './readEventStream';

export type { ConnectionState };

/**
 * The live channel is tried again this soon while the server cannot be reached at all: a try then
 * costs one refused connection, and the words and steps waiting on this machine go out as soon as
 * it answers (issue 17: merged within a second of the server being back, however long it was away).
 */
export const UNREACHABLE_RETRY_MS = 1000;
/** What a reverse proxy answers while the server behind it is down or restarting. */
const PROXY_GONE = new Set([502, 503, 504]);
/** A server that answers with an error is given room: 1 s, doubling to 30 s. */
const RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/** A server's address: http(s), no path, no credentials; the trailing slash dropped. */
export function serverAddress(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ApiError('invalidInput', `not a server address: ${raw}`, { field: 'server' });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) {
    throw new ApiError('invalidInput', `not a server address: ${raw}`, { field: 'server' });
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** A person as the server gives them out, without the login the app does not keep. */
function personOf(raw: unknown): Person {
  const { login: _login, ...person } = raw as Record<string, unknown>;
  return PersonSchema.parse(person);
}

async function request<T>(url: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (err) {
    throw new ApiError('offline', `the newsroom server at ${new URL(url).origin} cannot be reached: ${(err as Error).message}`, { server: new URL(url).origin });
  }
  const body = (await res.json().catch(() => null)) as Envelope<T> | null;
  if (!body || typeof body !== 'object' || !('ok' in body)) {
    const server = new URL(url).origin;
    // A proxy in front answered for the server: too large for it (its body limit), or the server behind it is down.
    if (res.status === 413) throw new ApiError('tooLarge', `the proxy in front of ${server} refused the request as too large (its body size limit)`, { server });
    if (PROXY_GONE.has(res.status)) throw new ApiError('offline', `the newsroom server behind ${server} is not answering (the proxy said ${res.status})`, { server });
    throw new ApiError('malformedData', `the server answered ${res.status} without a Copydesk answer`);
  }
  return unwrap(body);
}

export class NewsroomClient {
  private stopFollowing: (() => void) | null = null;

  private constructor(
    readonly server: string,
    private token: string,
    readonly person: Person,
  ) {}

  /** Signs in with a login and password; the token stays in this object (and where the core keeps it). */
  static async signIn(server: string, login: string, password: string): Promise<NewsroomClient> {
    const address = serverAddress(server);
    const answer = await request<{ token: string; person: unknown }>(`${address}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
    return NewsroomClient.signedIn(address, answer);
  }

  /** Makes the first admin of a new server with its one-time setup code, and signs in as them. */
  static async setUp(server: string, code: string, login: string, password: string, person: Omit<Person, 'id' | 'role' | 'active'>): Promise<NewsroomClient> {
    const address = serverAddress(server);
    const answer = await request<{ token: string; person: unknown }>(`${address}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, login, password, person }) });
    return NewsroomClient.signedIn(address, answer);
  }

  private static signedIn(address: string, answer: { token: string; person: unknown }): NewsroomClient {
    return new NewsroomClient(address, answer.token, personOf(answer.person));
  }

  /** Adds a person with a sign-in (admins only; the server decides), or changes one. */
  async savePerson(person: PersonDraft, account?: { login: string; password: string }): Promise<Person> {
    const { id, ...fields } = person;
    if (id) return personOf(await request<unknown>(`${this.server}/api/people/update`, { method: 'POST', headers: this.headers(), body: JSON.stringify({ person: { ...fields, id } }) }));
    if (!account) throw new ApiError('invalidInput', 'a newsroom person needs a login and an initial password', { field: 'login' });
    return personOf(await request<unknown>(`${this.server}/api/people/add`, { method: 'POST', headers: this.headers(), body: JSON.stringify({ ...account, person: fields }) }));
  }

  /** A session kept from before (the library's binding); checked with the server when online. */
  static resume(server: string, token: string, person: Person): NewsroomClient {
    return new NewsroomClient(serverAddress(server), token, person);
  }

  get sessionToken(): string {
    return this.token;
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' };
  }

  /** One contract method on the server, for the signed-in person; the answer is checked against the contract. */
  async call<M extends Method>(method: M, input: Record<string, unknown>): Promise<Output<M>> {
    const value = await request<unknown>(`${this.server}/api/call/${method}`, { method: 'POST', headers: this.headers(), body: JSON.stringify({ ...input, actor: this.person.id }) });
    return contract[method].output.parse(value) as Output<M>;
  }

  /** One story for export, decided and audited by the server for the signed-in person (POST /api/exports), with its version number. */
  async exportStory(id: string, req: { override: boolean; note: string; formats: ExportFormat[] }): Promise<{ article: Article; version: number | null }> {
    const value = await request<unknown>(`${this.server}/api/exports`, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify({ ids: [id], formats: req.formats, override: req.override, note: req.note }),
    });
    const decision = ExportAnswerSchema.parse(value).results.find((r) => r.id === id);
    if (!decision) throw new ApiError('malformedData', `the server's export answer lacks ${id}`);
    if (decision.error) throw new ApiError(decision.error.code, decision.error.message, decision.error.params);
    if (!decision.article) throw new ApiError('malformedData', `the server's export answer has no copy of ${id}`);
    return { article: decision.article, version: decision.version };
  }

  /** Sends a photo's bytes under their SHA-256 (the server hashes them again and stores them once). */
  async uploadPhoto(name: string, bytes: Uint8Array): Promise<Output<'importPhoto'>> {
    const url = `${this.server}/api/photos/${sha256Hex(bytes)}?name=${encodeURIComponent(name)}`;
    const value = await request<unknown>(url, { method: 'PUT', headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/octet-stream' }, body: bytes as Uint8Array<ArrayBuffer> });
    return contract.importPhoto.output.parse(value);
  }

  /** Of these photos, the ones the server lacks (an upload sends only those). */
  async missingPhotos(ids: string[]): Promise<string[]> {
    return (await request<{ missing: string[] }>(`${this.server}/api/photos/missing`, { method: 'POST', headers: this.headers(), body: JSON.stringify({ ids }) })).missing;
  }

  /** A local library's people to the newsroom (admins only): each matched to an account or made one. */
  async uploadPeople(people: Person[]): Promise<UploadPeopleAnswer> {
    return UploadPeopleAnswerSchema.parse(await request<unknown>(`${this.server}/api/import/people`, { method: 'POST', headers: this.headers(), body: JSON.stringify({ people }) }));
  }

  /** One story of a local library to the newsroom (admins only), with the library's people it names. */
  async uploadStory(story: StoryBundle, people: Person[]): Promise<UploadStoryAnswer> {
    return UploadStoryAnswerSchema.parse(await request<unknown>(`${this.server}/api/import/story`, { method: 'POST', headers: this.headers(), body: JSON.stringify({ story, people }) }));
  }

  /** A photo file from the server (`original`, `preview` or `thumb`) with its file extension; null if it has none. */
  async photoFile(id: string, variant: string): Promise<{ bytes: Uint8Array; ext: string } | null> {
    let res: Response;
    try {
      res = await fetch(`${this.server}/api/photos/${id}/${variant}`, { headers: { authorization: `Bearer ${this.token}` } });
    } catch (err) {
      throw new ApiError('offline', `the newsroom server at ${this.server} cannot be reached: ${(err as Error).message}`, { server: this.server });
    }
    if (res.status === 404) return null;
    if (!res.ok) throw new ApiError(res.status === 401 ? 'notSignedIn' : 'internal', `photo ${id}/${variant}: the server answered ${res.status}`);
    const type = res.headers.get('content-type') ?? '';
    const ext = Object.values(PHOTO_FORMATS).find((f) => f.mime === type)?.ext;
    if (!ext) throw new ApiError('malformedData', `photo ${id}/${variant} came as ${type}`);
    return { bytes: new Uint8Array(await res.arrayBuffer()), ext };
  }

  async signOut(): Promise<void> {
    this.stop();
    await request(`${this.server}/api/logout`, { method: 'POST', headers: this.headers(), body: '{}' }).catch(() => undefined);
  }

  /**
   * Follows the live channel: every event to `onEvent`, every change of connection to `onState`.
   * A dropped or unreachable server is tried again every UNREACHABLE_RETRY_MS; one that answers
   * with an error after 1 s, doubling to 30 s; an ended session stops.
   */
  follow(onEvent: (e: LiveEvent) => void, onState: (s: ConnectionState) => void): void {
    this.stop();
    const abort = new AbortController();
    this.stopFollowing = () => abort.abort();
    void (async () => {
      let wait = RETRY_MS;
      let offline = false;
      while (!abort.signal.aborted) {
        // Once offline, the quiet retries say nothing until one gets through (a window's status
        // line, read aloud, would otherwise change every second for as long as the server is away).
        if (!offline) onState('connecting');
        let answered = false;
        try {
          const res = await fetch(`${this.server}/api/events`, { headers: { authorization: `Bearer ${this.token}` }, signal: abort.signal });
          if (res.status === 401) return onState('signedOut');
          // A proxy in front of a server that is down answers for it (502, 503, 504): as unreachable.
          answered = (!res.ok || !res.body) && !PROXY_GONE.has(res.status);
          if (!res.ok || !res.body) throw new Error(`live channel answered ${res.status}`);
          onState('online');
          offline = false;
          wait = RETRY_MS;
          for await (const { data } of readEventStream(res.body as unknown as AsyncIterable<Uint8Array>)) {
            const parsed = LiveEventSchema.safeParse(JSON.parse(data));
            if (parsed.success) onEvent(parsed.data);
          }
        } catch {
          // Dropped or unreachable: said below, then retried.
        }
        if (abort.signal.aborted) return;
        if (!offline) onState('offline');
        offline = true;
        await new Promise((resolve) => setTimeout(resolve, answered ? wait : UNREACHABLE_RETRY_MS).unref());
        if (answered) wait = Math.min(wait * 2, MAX_RETRY_MS);
      }
    })();
  }

  stop(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
  }
}

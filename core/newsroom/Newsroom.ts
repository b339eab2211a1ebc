// A library folder's newsroom connection, held by the core: signing in binds the folder to one
// server and one account (newsroomBinding.ts), the contract methods the server answers go there
// for the signed-in person, and the live channel's changes and the connection's state are passed
// on to whoever listens (the window, through the host's push path).
import type { Input, Method, Output } from '../../shared/contract/api';
import type { Person, PersonDraft } from '../../shared/model/person';
import { ApiError } from '../../shared/contract/errors';
import type { ConnectionState, CoreEvent, NewsroomStatus } from '../../shared/contract/newsroom';
import type { AccessContext } from '../../shared/workflow/access';
import type { PermissionTable } from '../../shared/workflow/transitions';
import type { Settings } from '../../shared/model/settings';
import type { Article } from '../../shared/model/article';
import type { ExportFormat } from '../../shared/exchange/types';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PHOTO_FORMATS, PhotoIdSchema } from '../../shared/model/photo';
import { writeFileAtomic } from '../atomicWrite';
import { NewsroomClient, serverAddress } from './NewsroomClient';
import { readBinding, removeBinding, writeBinding } from './newsroomBinding';

type Listener = (event: CoreEvent) => void;
type ConnectRequest = Omit<Input<'connectNewsroom'>, 'actor'>;

/** Newsroom photos shown on this machine, kept in the library folder (a cache: the server has them). */
const PHOTO_CACHE = 'newsroom-photos';

const photoType = (name: string) => Object.values(PHOTO_FORMATS).find((f) => name.endsWith(`.${f.ext}`))?.mime ?? 'application/octet-stream';

export class Newsroom {
  private client: NewsroomClient | null = null;
  private state: ConnectionState = 'connecting';
  private settings: Settings | null = null;
  private readonly listeners = new Set<Listener>();

  private constructor(private readonly libraryDir: string) {}

  /** The folder's newsroom, following the server at once when the folder is bound. */
  static async open(libraryDir: string): Promise<Newsroom> {
    const newsroom = new Newsroom(libraryDir);
    const binding = await readBinding(libraryDir);
    if (binding) newsroom.use(NewsroomClient.resume(binding.server, binding.token, binding.person));
    return newsroom;
  }

  get bound(): boolean {
    return this.client !== null;
  }

  status(): NewsroomStatus | null {
    return this.client ? { server: this.client.server, person: this.client.person, state: this.state } : null;
  }

  /**
   * Signs in and binds the folder. `storyCount`: the folder's own articles; a folder with any is
   * refused (its stories would vanish behind the newsroom's). Signing in again (after the session
   * ended) must be as the folder's own account.
   */
  async connect(req: ConnectRequest, storyCount: number): Promise<NewsroomStatus> {
    const { server, login, password, setup } = req;
    if (!this.client && storyCount > 0) throw new ApiError('forbidden', 'this library has stories of its own', { reason: 'libraryNotEmpty' });
    const client = setup ? await NewsroomClient.setUp(server, setup.code, login, password, setup.person) : await NewsroomClient.signIn(server, login, password);
    if (this.client && (this.client.person.id !== client.person.id || this.client.server !== serverAddress(server))) {
      await client.signOut();
      throw new ApiError('forbidden', 'this library is bound to another account', { reason: 'otherAccount' });
    }
    await writeBinding(this.libraryDir, { server: client.server, token: client.sessionToken, person: client.person });
    this.client?.stop();
    this.use(client);
    return this.status()!;
  }

  async disconnect(): Promise<boolean> {
    const client = this.client;
    if (!client) return false;
    this.client = null;
    await client.signOut();
    await removeBinding(this.libraryDir);
    return true;
  }

  /** The server and session token the core's live stories connect with (core/newsroom/live); never sent to a window. */
  liveCredentials(): { server: string; token: string } | null {
    return this.client && this.state !== 'signedOut' ? { server: this.client.server, token: this.client.sessionToken } : null;
  }

  /** A contract method on the server, as the signed-in person; an ended session is said at once. */
  call<M extends Method>(method: M, input: Record<string, unknown>): Promise<Output<M>> {
    return this.withClient((client) => client.call(method, input));
  }

  /** People are the server's accounts: an admin adds one with a sign-in, or changes one. */
  savePerson(person: PersonDraft, account?: { login: string; password: string }): Promise<Person> {
    return this.withClient((client) => client.savePerson(person, account));
  }

  /** The newsroom's settings, read again (export and import shape files by them). */
  async refreshSettings(): Promise<Settings> {
    this.settings = await this.call('getSettings', {});
    return this.settings;
  }

  /** The newsroom's settings as last read; null before the first read. */
  get lastSettings(): Settings | null {
    return this.settings;
  }

  /** One story to export, if the server allows it for the signed-in person (it audits the export). */
  exportStory(id: string, req: { override: boolean; note: string; formats: ExportFormat[] }): Promise<{ article: Article; version: number | null }> {
    return this.withClient((client) => client.exportStory(id, req));
  }

  /** A photo goes to the newsroom (by its SHA-256); this machine fetches its files back when shown. */
  importPhoto(name: string, bytes: Uint8Array): Promise<Output<'importPhoto'>> {
    return this.withClient((client) => client.uploadPhoto(name, bytes));
  }

  /**
   * A newsroom photo's file for the media scheme, fetched once from the server into the folder's
   * photo cache (photos never change under their hash); null when the server has none.
   */
  async photoFile(id: string, variant: string): Promise<{ path: string; type: string } | null> {
    if (!this.client || !PhotoIdSchema.safeParse(id).success) return null;
    const cache = join(this.libraryDir, PHOTO_CACHE);
    // Previews and thumbnails are JPEG; an original is one of the photo formats: a few stats, no folder listing.
    for (const { ext, mime } of variant === 'original' ? Object.values(PHOTO_FORMATS) : [PHOTO_FORMATS.jpeg]) {
      const path = join(cache, `${id}.${variant}.${ext}`);
      if (await stat(path).then(() => true, () => false)) return { path, type: mime };
    }
    const file = await this.withClient((client) => client.photoFile(id, variant));
    if (!file) return null;
    await mkdir(cache, { recursive: true });
    const path = join(cache, `${id}.${variant}.${file.ext}`);
    await writeFileAtomic(path, file.bytes, undefined, { durable: false });
    return { path, type: photoType(path) };
  }

  private async withClient<T>(fn: (client: NewsroomClient) => Promise<T>): Promise<T> {
    if (!this.client) throw new ApiError('notSignedIn', 'this library is not connected to a newsroom');
    try {
      return await fn(this.client);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'notSignedIn') this.setState('signedOut');
      throw err;
    }
  }

  /**
   * What the core's own gate needs for the methods that stay on this machine (photos, jobs, files):
   * the signed-in person is the only person, and the folder has no articles of its own.
   */
  accessContext(permissions: PermissionTable): AccessContext {
    const person = this.client?.person ?? null;
    return { personOf: (id) => (person && id === person.id ? person : null), articleOf: () => null, permissions, people: { now: 1, ever: true } };
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.client?.stop();
  }

  private use(client: NewsroomClient): void {
    this.client = client;
    client.follow(
      (event) => this.emit(event),
      (state) => this.setState(state),
    );
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    if (state === 'signedOut') this.client?.stop();
    this.emit({ type: 'connection', state });
  }

  private emit(event: CoreEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

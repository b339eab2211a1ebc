// Photos over HTTP on PGlite and on the real PostgreSQL: uploaded under their SHA-256, which the
// server checks; checked as the desktop checks an imported photo; stored once; fetched back whole.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORES, type TestStore } from '../testing/bothDatabases';
import { setUpAdmin, startTestServer, type TestServer } from '../testing/testServer';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jpegWithIim, plainJpeg } from '../../core/media/testing/photoFiles';
import { PhotoStore } from '../../core/media/PhotoStore';
import type { PhotoInfo } from '../../shared/model/photo';
import { PHOTO_CHUNK_BYTES } from './photoTables';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** Small enough to test quickly, large enough to need more than one chunk. */
const MAX = 3 * PHOTO_CHUNK_BYTES;

for (const [kind, make] of Object.entries(STORES)) {
  const store = await make();
  describe.skipIf('skip' in store)(`photos on ${kind}`, () => {
    const s = store as TestStore;
    let server: TestServer;
    let token: string;

    beforeAll(async () => {
      server = await startTestServer(s, { maxPhotoBytes: MAX });
      token = await setUpAdmin(server);
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await s.dispose();
    });

    const put = (id: string, body: Uint8Array, auth: string | null = token, name = 'photo.jpg') =>
      fetch(`${server.url}/api/photos/${id}?name=${encodeURIComponent(name)}`, { method: 'PUT', headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), 'content-type': 'application/octet-stream' }, body: new Uint8Array(body) });
    const get = (path: string, method = 'GET', auth: string | null = token) => fetch(`${server.url}${path}`, { method, headers: auth ? { authorization: `Bearer ${auth}` } : {} });

    it('stores an upload once, answers the same for the same bytes again, and gives back the bytes as they were', async () => {
      const jpeg = await plainJpeg(640, 480);
      const id = sha(jpeg);
      expect((await get(`/api/photos/${id}`, 'HEAD')).status).toBe(404);
      const first = await put(id, jpeg, token, '현장.jpg');
      expect(first.status).toBe(200);
      const body = (await first.json()) as { value: { photo: Record<string, unknown>; existed: boolean } };
      expect(body.value.existed).toBe(false);
      expect(body.value.photo).toMatchObject({ id, originalName: '현장.jpg', format: 'jpeg', width: 640, height: 480, bytes: jpeg.length });
      const again = (await (await put(id, jpeg)).json()) as { value: { photo: unknown; existed: boolean } };
      expect(again.value).toEqual({ photo: body.value.photo, existed: true });
      expect(await server.db.query('SELECT sha256 FROM photos')).toEqual([{ sha256: id }]);
      expect((await get(`/api/photos/${id}`, 'HEAD')).status).toBe(200);
      const original = await get(`/api/photos/${id}/original`);
      expect(original.headers.get('content-type')).toBe('image/jpeg');
      expect(Buffer.from(await original.arrayBuffer()).equals(jpeg)).toBe(true);
      const thumb = await get(`/api/photos/${id}/thumb`);
      expect(thumb.status).toBe(200);
      expect([...new Uint8Array(await thumb.arrayBuffer()).subarray(0, 2)]).toEqual([0xff, 0xd8]);
      const missing = await server.call('POST', '/api/photos/missing', { ids: [id, 'b'.repeat(64)] }, token);
      expect(missing.body.value).toEqual({ missing: ['b'.repeat(64)] });
    });

    it('keeps a photo of several chunks whole, in order', async () => {
      // A PNG of noise does not compress: over two chunks of bytes.
      const sharp = (await import('sharp')).default;
      const raw = Buffer.alloc(1100 * 700 * 3);
      for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
      const png = await sharp(raw, { raw: { width: 1100, height: 700, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
      expect(png.length).toBeGreaterThan(2 * PHOTO_CHUNK_BYTES);
      expect(png.length).toBeLessThan(MAX);
      const id = sha(png);
      expect((await put(id, png)).status).toBe(200);
      const [row] = await server.db.query<{ chunk_count: number }>('SELECT chunk_count FROM photos WHERE sha256 = $1', [id]);
      expect(row.chunk_count).toBe(Math.ceil(png.length / PHOTO_CHUNK_BYTES));
      const back = Buffer.from(await (await get(`/api/photos/${id}/original`)).arrayBuffer());
      expect(sha(back)).toBe(id);
    });

    it('stores a photo uploaded twice at once a single time', async () => {
      const jpeg = await plainJpeg(200, 100, { r: 9, g: 99, b: 199 });
      const answers = await Promise.all([1, 2].map(async () => ((await (await put(sha(jpeg), jpeg)).json()) as { value: { existed: boolean } }).value.existed));
      expect(answers.sort()).toEqual([false, true]);
      expect(await server.db.query('SELECT count(*)::int AS n FROM photo_chunks WHERE sha256 = $1', [sha(jpeg)])).toEqual([{ n: 1 }]);
    });

    it('refuses bytes that are not what the upload named, and stores nothing', async () => {
      const jpeg = await plainJpeg(32, 32, { r: 1, g: 2, b: 3 });
      const other = sha(Buffer.from('something else'));
      const answer = await put(other, jpeg);
      expect(answer.status).toBe(422);
      const body = (await answer.json()) as { error: { code: string; params: Record<string, string> } };
      expect(body.error.code).toBe('hashMismatch');
      expect(body.error.params).toEqual({ expected: other, actual: sha(jpeg) });
      expect(await server.db.query('SELECT 1 FROM photos WHERE sha256 = ANY($1::text[])', [[other, sha(jpeg)]])).toEqual([]);
    });

    it('refuses what the desktop would not import: not an image, an SVG', async () => {
      for (const [bytes, reason] of [
        [Buffer.from('just some text, not a photo at all'), 'imageNameOnly'],
        [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'svg'],
      ] as const) {
        const answer = await put(sha(bytes), bytes);
        const body = (await answer.json()) as { error: { code: string; params: Record<string, string> } };
        expect([answer.status, body.error.code, body.error.params.reason]).toEqual([422, 'photoRejected', reason]);
        expect(await server.db.query('SELECT 1 FROM photos WHERE sha256 = $1', [sha(bytes)])).toEqual([]);
      }
    });

    it('refuses a photo over the limit, declared or streamed, with 413', async () => {
      const big = Buffer.alloc(MAX + 1, 7);
      const declared = await put(sha(big), big);
      expect([declared.status, ((await declared.json()) as { error: { code: string } }).error.code]).toEqual([413, 'tooLarge']);
      // No Content-Length: the body arrives in pieces and is counted as it comes.
      const pieces = new ReadableStream<Uint8Array>({
        start(c) {
          for (let i = 0; i < 4; i++) c.enqueue(big.subarray(i * PHOTO_CHUNK_BYTES, (i + 1) * PHOTO_CHUNK_BYTES));
          c.close();
        },
      });
      const streamed = await fetch(`${server.url}/api/photos/${sha(big)}`, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body: pieces, duplex: 'half' } as RequestInit);
      expect(streamed.status).toBe(413);
      expect(await server.db.query('SELECT 1 FROM photos WHERE sha256 = $1', [sha(big)])).toEqual([]);
    });

    it('answers getPhotos with what the desktop library knows of the same photo, each asked photo it has once, in order', async () => {
      // A caption and a credit in the file's IIM: the metadata the photo panel shows travels too.
      const jpeg = await jpegWithIim([[120, Buffer.from('시청 앞 집회')], [110, Buffer.from('한빛통신')]], { utf8Marker: true });
      const other = await plainJpeg(48, 32, { r: 5, g: 50, b: 150 });
      for (const [bytes, name] of [[jpeg, '집회.jpg'], [other, 'other.jpg']] as const) expect((await put(sha(bytes), bytes, token, name)).status).toBe(200);
      const unknown = sha(Buffer.from('no such photo'));
      const answer = await server.call('POST', '/api/call/getPhotos', { ids: [sha(jpeg), unknown, sha(other), sha(jpeg)] }, token);
      expect(answer.status).toBe(200);
      const infos = answer.body.value as PhotoInfo[];
      expect(infos.map((p) => p.id)).toEqual([sha(jpeg), sha(other)]);
      const dir = await mkdtemp(join(tmpdir(), 'copydesk-desktop-photos-'));
      try {
        const desktop = (await new PhotoStore(dir, () => new Date(infos[0].importedAt)).import('집회.jpg', jpeg, { maxBytes: MAX, maxPixels: 100_000_000 })).photo;
        expect(infos[0]).toEqual(desktop);
        expect(infos[0].metadata).toMatchObject({ caption: '시청 앞 집회', credit: '한빛통신' });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('answers nothing without a session', async () => {
      const jpeg = await plainJpeg(16, 16);
      const id = sha(jpeg);
      expect((await put(id, jpeg, null)).status).toBe(401);
      for (const path of [`/api/photos/${id}`, `/api/photos/${id}/original`, `/api/photos/${id}/thumb`]) expect((await get(path, 'GET', null)).status).toBe(401);
      expect((await get(`/api/photos/${id}`, 'HEAD', null)).status).toBe(401);
      expect((await server.call('POST', '/api/photos/missing', { ids: [id] })).status).toBe(401);
      expect((await get('/api/photos/not-a-hash/original')).status).toBe(404);
    });
  });
}

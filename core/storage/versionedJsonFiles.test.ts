// The versioned-file steps on a kind of their own (a toy "note" file), apart from any store: the
// stores' own behaviour is in durability/corruption.test.ts and durability/migrations.test.ts.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, type Notice } from '../../shared/contract/errors';
import { tempDir } from '../testing/tempLibrary';
import { CorruptFileError } from './AtomicJsonAdapter';
import { runMigrations } from './migrate';
import { VersionedJsonFiles, type JsonFileKind } from './versionedJsonFiles';

const NoteSchema = z.object({ schemaVersion: z.literal(2), owner: z.string(), text: z.string() });
type Note = z.infer<typeof NoteSchema>;
const NOTE: JsonFileKind<Note> = {
  schema: NoteSchema,
  version: { current: 2 },
  // 1 → 2: notes gained an owner.
  migrate: (raw) => runMigrations(raw, [{ from: 1, up: (doc) => ({ owner: '', ...doc }) }], 2),
};

let dir: string;
let cleanup: () => Promise<void>;
let notices: Notice[];
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  notices = [];
});
afterEach(() => cleanup());

/** `tell: false`: no one to tell (no `notify`). */
function notes(tell = true) {
  return new VersionedJsonFiles(NOTE, {
    libraryDir: dir,
    now: () => new Date('2026-01-02T03:04:05.678Z'),
    notify: tell ? (n) => notices.push(n) : undefined,
    noticeOf: ({ file, restored }) => ({ code: 'articleQuarantined', params: { file, restored: restored?.text ?? 'none' } }),
    refuseNewer: (path, err) => new ApiError('forbidden', `${path}: ${err.message}`, { reason: 'newerVersion' }),
    belongs: (_path, note) => note.owner !== 'someone else',
  });
}

const V1 = JSON.stringify({ schemaVersion: 1, text: '옛 메모' });

describe('a file from an older version', () => {
  it('reads upgraded, and its first write keeps the original bytes under migrated/ and as the last good copy', async () => {
    const path = join(dir, 'note.json');
    await writeFile(path, V1);
    const files = notes();
    const read = await files.read(path);
    expect(read.value).toEqual({ schemaVersion: 2, owner: '', text: '옛 메모' });
    expect(await readFile(path, 'utf8')).toBe(V1); // upgraded in memory only

    await files.write(path, { ...read.value!, text: '새 메모' });
    expect(await readFile(join(dir, 'migrated', 'note.v1.json'), 'utf8')).toBe(V1);
    expect(await readFile(path + '.bak', 'utf8')).toBe(V1);
    // Written once upgraded, it is current: the next write keeps no other original.
    await files.write(path, { ...read.value!, text: '또 새 메모' });
    expect(await readdir(join(dir, 'migrated'))).toEqual(['note.v1.json']);
  });

  it('refuses a file from a newer version and leaves it as it is', async () => {
    const path = join(dir, 'note.json');
    const newer = JSON.stringify({ schemaVersion: 3, text: '' });
    await writeFile(path, newer);
    await expect(notes().read(path)).rejects.toMatchObject({ code: 'forbidden', params: { reason: 'newerVersion' } });
    expect(await readFile(path, 'utf8')).toBe(newer);
    expect(await readdir(dir)).not.toContain('quarantine');
  });
});

describe('a damaged file', () => {
  it('is moved to quarantine with its bytes, and its last good copy put back byte for byte, with a notice', async () => {
    const path = join(dir, 'note.json');
    await writeFile(path, '{"schemaVersion": 2, "te');
    await writeFile(path + '.bak', V1);
    const read = await notes().read(path);
    expect(read.value).toMatchObject({ text: '옛 메모' });
    expect(await readFile(path, 'utf8')).toBe(V1);
    const [moved] = await readdir(join(dir, 'quarantine'));
    expect(await readFile(join(dir, 'quarantine', moved), 'utf8')).toBe('{"schemaVersion": 2, "te');
    expect(notices).toEqual([{ code: 'articleQuarantined', params: { file: join(dir, 'quarantine', moved), restored: '옛 메모' } }]);
  });

  it('is not replaced by a valid copy that is not its own', async () => {
    const path = join(dir, 'note.json');
    await writeFile(path, 'garbage');
    await writeFile(path + '.bak', JSON.stringify({ schemaVersion: 2, owner: 'someone else', text: '남의 메모' }));
    const read = await notes().read(path);
    expect(read).toEqual({ value: null, quarantined: expect.stringContaining(join(dir, 'quarantine', 'note.json.')) });
    expect(notices).toEqual([expect.objectContaining({ params: expect.objectContaining({ restored: 'none' }) })]);
    expect(await readdir(dir)).not.toContain('note.json');
  });

  it('without anyone to tell, is left where it is for the caller', async () => {
    const path = join(dir, 'note.json');
    await writeFile(path, 'garbage');
    await expect(notes(false).read(path)).rejects.toBeInstanceOf(CorruptFileError);
    expect(await readFile(path, 'utf8')).toBe('garbage');
    expect(await readdir(dir)).not.toContain('quarantine');
  });
});

// Late revisions kept on this machine are handed in once the newsroom can be reached: this
// person's only, each under its own key (the same key every time it is tried), moved to `sent/`
// or, refused for that story, to `refused/`; offline stops the round and leaves the rest; a file
// that does not read stays where it is.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { tempDir } from '../../testing/tempLibrary';
import { keepLateRevision, LATE_REVISIONS_DIR } from './lateRevisions';
import { keyOfName, sendLateRevisions } from './sendLateRevisions';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const body = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('handing late revisions in', () => {
  it('sends this person’s, under a stable key, and files each by its answer', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const late = join(dir, LATE_REVISIONS_DIR);
    await keepLateRevision(dir, { articleId: 'story-0001-aaaa', at: '2026-12-07T08:00:00.000Z', personId: 'person-kim1', body: body('늦은 문장 하나'), fields: { headline: '첫 기사' } });
    await keepLateRevision(dir, { articleId: 'story-0002-bbbb', at: '2026-12-07T08:01:00.000Z', personId: 'person-kim1', body: body('지워진 기사'), fields: {} });
    await keepLateRevision(dir, { articleId: 'story-0003-cccc', at: '2026-12-07T08:02:00.000Z', personId: 'person-lee2', body: body('남의 글'), fields: {} });
    await mkdir(late, { recursive: true });
    await writeFile(join(late, 'story-0004-dddd-old.json'), '{"articleId": "story-0004-dddd", "at": "2026-12-07T08:03:00.000Z", "personId": "person-kim1", "body": {"type":"doc","content":[{"type":"paragraph"}]}, "fields": {}}');
    await writeFile(join(late, 'broken.json'), '{');

    // Offline first: nothing moves.
    const offline = await sendLateRevisions(dir, { personId: () => 'person-kim1', submit: async () => Promise.reject(new ApiError('offline', 'no server', { server: 'x' })) });
    expect(offline).toBe(0);
    expect((await readdir(late)).filter((n) => n.endsWith('.json')).length).toBe(5);

    const submitted: { id: string; key: string; typedAt: string }[] = [];
    const sent = await sendLateRevisions(dir, {
      personId: () => 'person-kim1',
      submit: async (input) => {
        submitted.push({ id: input.id, key: input.key, typedAt: input.typedAt });
        if (input.id === 'story-0002-bbbb') throw new ApiError('notFound', 'gone', { id: input.id });
        return {};
      },
    });
    expect(sent).toBe(2);
    expect(submitted.map((s) => s.id).sort()).toEqual(['story-0001-aaaa', 'story-0002-bbbb', 'story-0004-dddd']);
    // A file from before keys were written gets one from its name, the same every time.
    expect(submitted.find((s) => s.id === 'story-0004-dddd')!.key).toBe(keyOfName('story-0004-dddd-old.json'));
    expect(submitted.find((s) => s.id === 'story-0001-aaaa')!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect((await readdir(join(late, 'sent'))).length).toBe(2);
    expect((await readdir(join(late, 'refused'))).length).toBe(1);
    // Someone else's, and the broken file, are still there.
    expect((await readdir(late)).filter((n) => n.endsWith('.json')).sort()).toEqual(['broken.json', expect.stringMatching(/^story-0003-cccc-/)]);
  });
});

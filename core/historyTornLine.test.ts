// An audit or version line cut short (disk full, a crash mid-append) must not take the next entry
// down with it: the next append starts on a line of its own.
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { HistoryStore } from './HistoryStore';
import type { AuditEntry } from '../shared/model/history';

const ID = '0'.repeat(26);
let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

const entry = (note: string): AuditEntry => ({ at: '2026-12-06T09:00:00.000Z', actorId: 'p1', actorName: '김하늘', action: 'send', from: 'draft', to: 'sent', note, overridden: [] });

it('keeps the entry written after a torn line, and the ones before it', async () => {
  dir = await mkdtemp(join(tmpdir(), 'copydesk-history-'));
  const history = new HistoryStore(dir);
  await history.audit(ID, entry('first'));
  // What a write cut short leaves: the start of a line, no newline.
  await appendFile(join(dir, ID, 'audit.jsonl'), JSON.stringify(entry('torn')).slice(0, 40));
  await history.audit(ID, entry('after the tear'));
  expect((await history.read(ID)).audit.map((e) => e.note)).toEqual(['first', 'after the tear']);
  // The fragment stays on its own line; nothing of it is glued to the new entry.
  const lines = (await readFile(join(dir, ID, 'audit.jsonl'), 'utf8')).split('\n');
  expect(lines).toHaveLength(4);
  expect(JSON.parse(lines[2])).toMatchObject({ note: 'after the tear' });
});

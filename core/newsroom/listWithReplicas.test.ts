// A bound library's list says, per row, what this machine holds of the story: nothing for a story
// with no replica, "synced at" for one whose words the server holds, and for one with words not
// yet sent, "not sent" with the headline as typed here (the server's row lags behind it).
import { describe, expect, it } from 'vitest';
import { ArticleSummarySchema } from '../../shared/model/article';
import type { QueryResult, ReplicaSync, ResultRow } from '../../shared/search/query';
import type { LateCopy } from './live/lateRevisions';
import { listWithReplicas, type ReplicaCopies } from './listWithReplicas';

const row = (id: string, headline: string): ResultRow => ({
  summary: ArticleSummarySchema.parse({
    id,
    revision: 3,
    headline,
    kicker: '',
    language: 'ko',
    status: 'draft',
    createdAt: '2026-12-07T09:00:00.000Z',
    updatedAt: '2026-12-07T09:10:00.000Z',
    trashedAt: null,
    byline: { outlet: '', desk: '', templateId: '', reporters: [] },
  }),
  headlineMarks: [[0, 2]],
  snippet: null,
});

function copies(syncs: Record<string, ReplicaSync>, fields: Record<string, LateCopy['fields']>): ReplicaCopies {
  return {
    syncOf: async (id) => syncs[id] ?? null,
    copyOf: async (id) => (fields[id] ? { body: { type: 'doc', content: [] }, fields: fields[id] } : null),
  };
}

describe('listWithReplicas', () => {
  it('marks each row with its replica and shows unsent headlines as typed here', async () => {
    const result: QueryResult = { total: 3, counts: { all: 3, draft: 3, sent: 0, review: 0, approved: 0, returned: 0, published: 0, spiked: 0 }, indexing: null, rows: [row('story-a1', '서울 첫눈'), row('story-b2', '폭설 예보'), row('story-c3', '한파')] };
    const out = await listWithReplicas(
      result,
      copies(
        { 'story-b2': { unsent: false, syncedAt: '2026-12-07T10:00:00.000Z' }, 'story-c3': { unsent: true, syncedAt: null } },
        { 'story-b2': { headline: '안 보여야 할 제목' }, 'story-c3': { headline: '한파 특보', kicker: '속보' } },
      ),
    );
    expect(out.rows[0]).toEqual(result.rows[0]);
    expect(out.rows[1].replica).toEqual({ unsent: false, syncedAt: '2026-12-07T10:00:00.000Z' });
    // All of it is on the server: its row stands as the server gave it.
    expect(out.rows[1].summary.headline).toBe('폭설 예보');
    expect(out.rows[1].headlineMarks).toEqual([[0, 2]]);
    expect(out.rows[2].replica).toEqual({ unsent: true, syncedAt: null });
    expect(out.rows[2].summary).toMatchObject({ headline: '한파 특보', kicker: '속보', id: 'story-c3', revision: 3 });
    // The search matched the server's headline, not this one.
    expect(out.rows[2].headlineMarks).toEqual([]);
    expect(out.total).toBe(3);
  });
});

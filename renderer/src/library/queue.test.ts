import { describe, expect, it } from 'vitest';
import type { ArticleStatus, ArticleSummary } from '../../../shared/model/article';
import type { Person } from '../../../shared/model/person';
import { countByState, filterQueue, NO_FILTERS, orderQueue } from './queue';

const row = (id: string, status: ArticleStatus, updatedAt: string, extra: Partial<ArticleSummary> = {}): ArticleSummary => ({
  id,
  language: 'ko',
  kicker: '',
  headline: id,
  byline: { outlet: '한빛경제', desk: '산업부', templateId: '', reporters: [] },
  status,
  revision: 1,
  createdAt: updatedAt,
  updatedAt,
  trashedAt: null,
  ownerId: null,
  embargo: null,
  lastTransition: null,
  ...extra,
});
const sky: Person = { id: 'person-sky-0001', name: '김하늘', role: 'reporter', desk: '산업부', email: '', bylineName: '김하늘', bylineRole: '기자', active: true };

const rows = [
  row('draft-new', 'draft', '2026-11-27T10:00:00Z'),
  row('sent-old', 'sent', '2026-11-25T09:00:00Z', { ownerId: sky.id }),
  row('review', 'review', '2026-11-26T09:00:00Z', { byline: { outlet: '', desk: '경제부', templateId: '', reporters: [{ name: '김하늘', role: '기자', email: '' }] } }),
  row('returned', 'returned', '2026-11-24T09:00:00Z'),
  row('published', 'published', '2026-11-27T11:00:00Z'),
];

describe('queue', () => {
  it('puts what waits for the desk first, and what came back first for a reporter', () => {
    expect(orderQueue(rows, 'editor').map((r) => r.id)).toEqual(['sent-old', 'review', 'published', 'draft-new', 'returned']);
    expect(orderQueue(rows, 'reporter').map((r) => r.id)).toEqual(['returned', 'draft-new', 'published', 'review', 'sent-old']);
  });

  it('filters by state, desk, reporter (owner or byline) and date range, combined', () => {
    const ids = (f: Partial<typeof NO_FILTERS>) => filterQueue(rows, { ...NO_FILTERS, ...f }, [sky]).map((r) => r.id);
    expect(ids({ state: 'sent' })).toEqual(['sent-old']);
    expect(ids({ desk: '경제부' })).toEqual(['review']);
    expect(ids({ reporter: sky.id })).toEqual(['sent-old', 'review']);
    expect(ids({ from: '2026-11-26', to: '2026-11-26' })).toEqual(['review']);
    expect(ids({ reporter: sky.id, desk: '산업부' })).toEqual(['sent-old']);
  });

  it('counts per state', () => {
    expect(countByState(rows)).toEqual({ all: 5, draft: 1, sent: 1, review: 1, approved: 0, returned: 1, published: 1, spiked: 0 });
  });
});

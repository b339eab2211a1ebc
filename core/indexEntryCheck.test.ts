import { describe, expect, it } from 'vitest';
import { checkIndexEntry } from './indexEntryCheck';
import { IndexEntrySchema } from './indexEntry';

const good = {
  summary: {
    id: 'abcdef12-3456',
    language: 'ko',
    kicker: '',
    headline: '배터리',
    byline: { outlet: '한빛경제', desk: '산업부', templateId: '', reporters: [{ name: '김하늘', role: '기자', email: '' }] },
    status: 'draft',
    revision: 3,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-02T00:00:00.000Z',
    trashedAt: null,
  },
  size: 10,
  mtimeMs: 20,
};

describe('checkIndexEntry', () => {
  it('accepts what zod accepts and fills the same defaults', () => {
    expect(checkIndexEntry(good)).toEqual(IndexEntrySchema.parse(good));
  });

  it('refuses what zod refuses', () => {
    const bad: unknown[] = [
      null,
      { ...good, size: '10' },
      { ...good, summary: { ...good.summary, status: 'lost' } },
      { ...good, summary: { ...good.summary, id: '../etc' } },
      { ...good, summary: { ...good.summary, byline: { ...good.summary.byline, reporters: [{ name: 1 }] } } },
      { ...good, tags: [1] },
      { ...good, summary: { ...good.summary, headline: undefined } },
    ];
    for (const b of bad) {
      expect(checkIndexEntry(b)).toBeNull();
      expect(IndexEntrySchema.safeParse(b).success).toBe(false);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../shared/model/article';
import { ListTable, type OrderKey } from './ListTable';

function summary(id: string, updated: number, created: number, headline: string): ArticleSummary {
  return {
    id,
    language: 'ko',
    kicker: '',
    headline,
    byline: { outlet: '', desk: '', templateId: '', reporters: [] },
    status: 'draft',
    revision: 0,
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(updated).toISOString(),
    trashedAt: null,
    ownerId: null,
    embargo: null,
    lastTransition: null,
    sheets: 0,
    photoCount: 0,
    waitingPhotos: 0,
  };
}

describe('ListTable', () => {
  it('keeps its standing orders exactly as a full sort would, through adds, changes and removals', () => {
    let seed = 3;
    const rand = (n: number) => Math.floor(((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32) * n);
    const words = ['가나', '다라', 'Apple', 'banana', '', '마바', 'cherry'];
    const table = new ListTable();
    const keys: OrderKey[] = ['updated', 'created', 'headline'];
    const live = new Map<string, ArticleSummary>();
    for (let step = 0; step < 600; step++) {
      const id = `article-${String(rand(80)).padStart(4, '0')}`;
      if (step === 100) keys.forEach((k) => table.order(k)); // built mid-way, then maintained
      if (rand(6) === 0) {
        table.remove(id);
        live.delete(id);
      } else {
        const s = summary(id, rand(50) * 1000, rand(50) * 1000, words[rand(words.length)]);
        table.set(s, []);
        live.set(id, s);
      }
    }
    const fresh = new ListTable();
    for (const s of live.values()) fresh.set(s, []);
    for (const key of keys) {
      const ids = (t: ListTable) => Array.from(t.order(key), (slot) => t.id(slot)!);
      // Slots differ between the two tables, so ties (same date) compare by id here.
      const byKey = (t: ListTable) => ids(t).map((id) => [key === 'headline' ? live.get(id)!.headline : '', key === 'created' ? live.get(id)!.createdAt : live.get(id)!.updatedAt]);
      expect(byKey(table)).toEqual(byKey(fresh));
      expect(new Set(ids(table))).toEqual(new Set(live.keys()));
    }
  });
});

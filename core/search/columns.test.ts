// The list table's building blocks and the query that reads them: a slot list changed in place
// stays what a plain array would be, and a query's window, ranked through scratch columns kept
// between queries, pages exactly like one full ranked list (nothing left over from a bigger query).
import { defaultPermissions } from '../../shared/workflow/transitions';
import { describe, expect, it } from 'vitest';
import { ArticleQuerySchema } from '../../shared/search/query';
import type { ArticleStatus, ArticleSummary } from '../../shared/model/article';
import { DateColumn, SlotList } from './columns';
import { ListTable } from './ListTable';
import { runQuery, WAITING } from './runQuery';

describe('SlotList', () => {
  it('inserts and removes in place exactly as splice does on an array, past its first capacity', () => {
    let seed = 7;
    const rand = (n: number) => Math.floor(((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32) * n);
    const list = new SlotList();
    const model: number[] = [];
    for (let step = 0; step < 5000; step++) {
      if (model.length > 0 && rand(3) === 0) {
        const at = rand(model.length);
        list.removeAt(at);
        model.splice(at, 1);
      } else {
        const at = rand(model.length + 1);
        list.insert(at, step);
        model.splice(at, 0, step);
      }
    }
    expect(model.length).toBeGreaterThan(1024);
    expect(Array.from(list.view())).toEqual(model);
    expect(list.indexOf(model[17])).toBe(17);
  });
});

describe('DateColumn', () => {
  it('gives back canonical, odd and missing dates as they were, and orders by the time', () => {
    const col = new DateColumn();
    col.set(0, '2026-11-02T00:00:00.000Z');
    col.set(1, '2026-11-02T00:00:00Z');
    col.set(2, null);
    col.set(3, 'not a date');
    expect([0, 1, 2, 3].map((s) => col.get(s))).toEqual(['2026-11-02T00:00:00.000Z', '2026-11-02T00:00:00Z', null, 'not a date']);
    expect(col.ms[0]).toBe(col.ms[1]);
    col.set(1, '2026-11-03T00:00:00.000Z'); // no longer odd
    expect(col.get(1)).toBe('2026-11-03T00:00:00.000Z');
    // Texts that parse but would not format back the same (hour 24, 30 February), and a 31st that does.
    const texts = ['2026-11-02T24:00:00.000Z', '2026-02-30T00:00:00.000Z', '2026-01-31T23:59:59.999Z', '+002026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000+09:00'];
    texts.forEach((t, i) => col.set(10 + i, t));
    expect(texts.map((_, i) => col.get(10 + i))).toEqual(texts);
  });
});

function summary(i: number, status: ArticleStatus, trashed: boolean): ArticleSummary {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  return {
    id: `article-${String(i).padStart(4, '0')}`, revision: 1, headline: `기사 ${i}`, kicker: '', language: 'ko', status,
    createdAt: at, updatedAt: at, trashedAt: trashed ? at : null,
    byline: { outlet: '', desk: i % 2 ? '산업부' : '정치부', templateId: '', reporters: [] },
    ownerId: null, embargo: null, lastTransition: null, sheets: 1, photoCount: 0, waitingPhotos: 0,
  };
}

describe('runQuery', () => {
  it('pages the role’s queue first, then the rest, newest first in each, the same as one full ranking', () => {
    const statuses: ArticleStatus[] = ['draft', 'sent', 'review', 'approved', 'published', 'returned'];
    const table = new ListTable();
    const all = Array.from({ length: 300 }, (_, i) => summary(i, statuses[(i * 7) % statuses.length], i % 10 === 0));
    for (const s of all) table.set(s, []);
    const q = ArticleQuerySchema.parse({ scope: 'active', text: '', order: 'auto' });
    const editor = { id: 'editor-0001', name: '데스크', role: 'editor' as const, desk: '', email: '', bylineName: '', bylineRole: '', active: true };
    const ctx = { table, people: [], role: 'editor' as const, viewer: editor, permissions: defaultPermissions(), hits: null };
    const rank = (s: ArticleSummary) => {
      const i = WAITING.editor.indexOf(s.status);
      return i === -1 ? WAITING.editor.length : i;
    };
    const expected = all
      .filter((s) => s.trashedAt === null)
      .sort((a, b) => rank(a) - rank(b) || b.updatedAt.localeCompare(a.updatedAt))
      .map((s) => s.id);
    const paged: string[] = [];
    for (let offset = 0; offset < expected.length; offset += 40) {
      const win = runQuery(q, ctx, offset, 40);
      expect(win.total).toBe(expected.length);
      paged.push(...win.ids);
    }
    expect(paged).toEqual(expected);
    // A smaller query after the bigger one: the scratch columns hold nothing of the first.
    const trash = runQuery(ArticleQuerySchema.parse({ scope: 'trash', text: '', order: 'auto' }), ctx, 0, 100);
    expect(trash.ids).toEqual(all.filter((s) => s.trashedAt !== null).sort((a, b) => rank(a) - rank(b) || b.updatedAt.localeCompare(a.updatedAt)).map((s) => s.id));
    expect(trash.total).toBe(30);
  });
});

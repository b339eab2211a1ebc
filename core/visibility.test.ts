// Drafts on the desktop follow the same rule as on the server (shared/workflow/visibility.ts): a
// reporter's draft is seen by its owner, the reporters in its byline and the roles the workflow
// table lets see drafts; the list leaves it out for everyone else, and opening it answers as if it
// were not there. Once sent it is the newsroom's to see.
import { describe, expect, it } from 'vitest';
import { useTestCore } from './testing/useTestCore';
import { addPerson } from './testing/people';
import { content } from './testing/tempLibrary';
import { ArticleQuerySchema } from '../shared/search/query';

describe('who sees a draft on the desktop', () => {
  const lib = useTestCore();

  it('lists and opens a draft only for its owner, its co-bylined reporter and the desk, and for everyone once sent', async () => {
    const { core, actor: admin } = lib;
    const kim = await addPerson(core, '김하늘', 'reporter', admin);
    const lee = await addPerson(core, '이바다', 'reporter', admin);
    const park = await addPerson(core, '박데스크', 'editor', admin);
    const { id } = await core.handlers.createArticle({ actor: kim });
    await core.handlers.saveArticle({ id, actor: kim, baseRevision: 0, content: content('김하늘의 초고') });
    const query = (actor: string, text: string) => core.handlers.queryArticles({ actor, ...ArticleQuerySchema.parse({ scope: 'active', text }), offset: 0, limit: 50 });
    const listed = async (actor: string) => (await query(actor, '')).rows.some((r) => r.summary.id === id);
    const found = async (actor: string) => (await query(actor, '초고')).total;
    expect([await listed(kim), await listed(lee), await listed(park), await listed(admin)]).toEqual([true, false, true, true]);
    expect([await found(kim), await found(lee)]).toEqual([1, 0]);
    const inAll = async (actor: string) => (await core.handlers.listArticles({ actor, scope: 'active' })).some((s) => s.id === id);
    expect([await inAll(kim), await inAll(lee), await inAll(park)]).toEqual([true, false, true]);
    await expect(core.handlers.getArticle({ id, actor: lee })).rejects.toMatchObject({ code: 'notFound' });
    await expect(core.handlers.getHistory({ id, actor: lee })).rejects.toMatchObject({ code: 'notFound' });
    // Nor can lee export it by its id: refused as if it did not exist, its headline not told.
    const exported = await core.handlers.exportArticles({ actor: lee, jobId: 'visibility-export', ids: [id], formats: ['text'], override: false, note: '' });
    expect(exported.results[0]).toMatchObject({ headline: '', files: [], error: { code: 'notFound' } });
    const byKim = await core.handlers.exportArticles({ actor: kim, jobId: 'visibility-export-2', ids: [id], formats: ['text'], override: false, note: '' });
    expect(byKim.results[0]).toMatchObject({ headline: '김하늘의 초고', error: null });

    // Named in the byline, lee sees the shared draft.
    const shared = { ...content('김하늘의 초고'), byline: { outlet: '', desk: '', templateId: '', reporters: [{ name: '김하늘', role: '기자', email: '' }, { name: '이바다', role: '기자', email: '' }] } };
    await core.handlers.saveArticle({ id, actor: kim, baseRevision: 1, content: shared });
    expect(await listed(lee)).toBe(true);
    expect((await core.handlers.getArticle({ id, actor: lee })).headline).toBe('김하늘의 초고');

    const other = (await core.handlers.createArticle({ actor: kim })).id;
    expect(await core.handlers.getArticle({ id: other, actor: lee }).catch((e: { code: string }) => e.code)).toBe('notFound');
    await core.handlers.transitionArticle({ id: other, actor: kim, action: 'send', note: '', override: false });
    expect((await core.handlers.getArticle({ id: other, actor: lee })).status).toBe('sent');
  });

  it('lets reporters see every draft when the workflow table says so', async () => {
    const { core, actor: admin } = lib;
    const kim = await addPerson(core, '김하늘', 'reporter', admin);
    const lee = await addPerson(core, '이바다', 'reporter', admin);
    const { id } = await core.handlers.createArticle({ actor: kim });
    await expect(core.handlers.getArticle({ id, actor: lee })).rejects.toMatchObject({ code: 'notFound' });
    const { workflow } = await core.handlers.getSettings({});
    await core.handlers.updateSettings({ actor: admin, workflow: { ...workflow, permissions: { ...workflow.permissions, seeDrafts: ['reporter', 'editor', 'admin'] } } });
    expect((await core.handlers.getArticle({ id, actor: lee })).id).toBe(id);
  });
});

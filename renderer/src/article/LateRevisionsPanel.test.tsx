// @vitest-environment jsdom
// The late revisions beside a story: the desk sees a reporter's late words as a word diff against
// the copy now and takes or drops them; someone who may not edit the story now gets no buttons;
// the reporter sees what became of their own.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../i18n/en';
import type { LateRevision } from '../../../shared/contract/lateRevision';
import type { Article, ArticleContent } from '../../../shared/model/article';

const calls: { method: string; input: Record<string, unknown> }[] = [];
let listed: LateRevision[] = [];
vi.mock('../api', () => ({
  call: async (method: string, input: Record<string, unknown>) => {
    calls.push({ method, input });
    if (method === 'listLateRevisions') return listed;
    if (method === 'decideLateRevision') return { ...listed[0], state: input.decision === 'take' ? 'taken' : 'dropped' };
    return null;
  },
  onEvent: () => () => undefined,
}));
const { LateRevisionsPanel } = await import('./LateRevisionsPanel');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
void i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false }, showSupportNotice: false });

const paragraph = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const content: ArticleContent = {
  language: 'ko', kicker: '', headline: '수소버스 도입', deck: [], byline: { outlet: '', desk: '', templateId: '', reporters: [] }, dateline: '', tags: [],
  body: paragraph('시는 버스를 도입한다.'), lengthTarget: null, deskNote: '', embargo: null, keptFindings: [],
};
const article = { ...content, id: 'story-0001-aaaa', status: 'approved', trashedAt: null } as unknown as Article;
const revision: LateRevision = {
  id: '11111111-1111-4111-8111-111111111111', articleId: article.id, personId: 'person-kim1', personName: '김하늘',
  typedAt: '2026-12-07T08:00:00.000Z', receivedAt: '2026-12-07T08:05:00.000Z', body: paragraph('시는 수소버스 100대를 도입한다.'), fields: {},
  state: 'open', decidedBy: null, decidedByName: null, decidedAt: null,
};

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  calls.length = 0;
});

async function panel(actor: string, mayEdit: boolean, onTaken: () => void = () => undefined): Promise<HTMLElement> {
  const host = document.createElement('div');
  root = createRoot(host);
  await act(async () => root!.render(<LateRevisionsPanel article={article} actor={actor} connected mayEdit={mayEdit} current={() => content} onTaken={onTaken} />));
  return host;
}

describe('late revisions beside a story', () => {
  it('shows the desk the reporter’s words against the copy now, and takes them', async () => {
    listed = [revision];
    let taken = 0;
    const host = await panel('person-park1', true, () => taken++);
    expect(host.querySelector('[data-testid=late-revision]')?.getAttribute('data-state')).toBe('open');
    const added = [...host.querySelectorAll('[data-testid=diff] ins, [data-testid=diff] .diff__added, [data-testid=diff] [data-change=added]')].map((n) => n.textContent).join('');
    expect(added).toContain('100');
    await act(async () => (host.querySelector('[data-testid=late-take]') as HTMLButtonElement).click());
    expect(calls.find((c) => c.method === 'decideLateRevision')?.input).toMatchObject({ id: article.id, revision: revision.id, decision: 'take', actor: 'person-park1' });
    expect(taken).toBe(1);
  });

  it('gives no buttons to someone who may not edit the story now, and shows the reporter what became of theirs', async () => {
    listed = [revision];
    let host = await panel('person-lee3', false);
    expect(host.querySelector('[data-testid=late-take]')).toBeNull();
    expect(host.textContent).toContain(en.late.notNow);
    act(() => root?.unmount());
    listed = [{ ...revision, state: 'dropped', decidedBy: 'person-park1', decidedByName: '박데스크', decidedAt: '2026-12-07T08:10:00.000Z' }];
    host = await panel('person-kim1', false);
    expect(host.querySelector('[data-testid=late-state]')?.textContent).toContain('박데스크');
    expect(host.querySelector('[data-testid=diff]')).toBeNull();
  });
});

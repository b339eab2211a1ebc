// @vitest-environment jsdom
// A live field's small editor: it shows what the story's document holds and writes into its own
// fragment only; another person's change appears in it; a one-line field takes no new line and the
// deck no fifth; a re-render of the screen around it leaves the editor alone (no setOptions).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Editor } from '@tiptap/core';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { fieldFragment, readFields, writeFields, type LiveMeta } from '../../../../shared/live/articleFields';
import { emptyContent } from '../../../../shared/model/article';
import { LiveTextField } from './LiveTextField';
import type { LiveBody } from './LiveBody';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// jsdom has no ClipboardEvent; ProseMirror's pasteHTML / pasteText make one to stand for the paste.
(globalThis as { ClipboardEvent?: unknown }).ClipboardEvent ??= class extends Event {
  clipboardData = null;
};

const { body: _body, ...EMPTY } = emptyContent('ko');
const META: LiveMeta = { ...EMPTY, headline: '서울 첫눈', deck: ['첫째 줄', '둘째 줄', '셋째 줄'] };

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
});

function story(): LiveBody {
  const doc = new Y.Doc();
  writeFields(doc, META);
  return { doc, awareness: new Awareness(doc), hold: vi.fn(), release: vi.fn() };
}

function mount(live: LiveBody, field: 'headline' | 'deck', extra: { label?: string } = {}) {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const render = (label: string) =>
    act(() => root!.render(<LiveTextField live={live} user={{ name: '김하늘', color: '#c0392b' }} field={field} maxLines={field === 'deck' ? 4 : 1} editable label={label} testId={`field-${field}`} placeholder={() => ''} />));
  render(extra.label ?? field);
  const dom = host.querySelector<HTMLElement & { editor: Editor }>(`[data-testid="field-${field}"]`)!;
  return { editor: dom.editor, dom, render };
}

describe('a live field', () => {
  it('shows the document’s text, writes into its own fragment, and shows another person’s change', () => {
    const live = story();
    const { editor, dom } = mount(live, 'headline');
    expect(dom.textContent).toBe('서울 첫눈');
    act(() => void editor.chain().focus('end').insertContent(' 내려').run());
    expect(readFields(live.doc, META).headline).toBe('서울 첫눈 내려');
    expect(readFields(live.doc, META).deck).toEqual(META.deck);
    // Another person's replica: a word at the start.
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(live.doc));
    ((theirs.getXmlFragment(fieldFragment('headline')).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, '[속보] ');
    act(() => Y.applyUpdate(live.doc, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(live.doc))));
    expect(dom.textContent).toBe('[속보] 서울 첫눈 내려');
  });

  it('a one-line field keeps a pasted paragraphs’ words on its line; the deck takes lines up to four, the rest in its last', () => {
    const live = story();
    const headline = mount(live, 'headline');
    act(() => void headline.editor.chain().focus('end').run());
    act(() => void headline.editor.view.pasteHTML('<p>에 이어</p><p>출근길 빙판</p><p></p><p>주의</p>'));
    expect(readFields(live.doc, META).headline).toBe('서울 첫눈에 이어 출근길 빙판 주의');
    expect(headline.editor.state.doc.childCount).toBe(1);
    act(() => root!.unmount());

    const deck = mount(live, 'deck');
    act(() => void deck.editor.chain().focus('end').run());
    act(() => void deck.editor.view.pasteText(' 이어서\n넷째 줄\n다섯째 줄\n여섯째 줄'));
    expect(readFields(live.doc, META).deck).toEqual(['첫째 줄', '둘째 줄', '셋째 줄 이어서', '넷째 줄 다섯째 줄 여섯째 줄']);
    // Full: Enter makes no fifth line, and neither does a change of this person's.
    expect(deck.editor.commands.keyboardShortcut('Enter')).toBe(true);
    act(() => void deck.editor.commands.insertContentAt(deck.editor.state.doc.content.size, '<p>다섯째</p>'));
    expect(deck.editor.state.doc.childCount).toBe(4);
    expect(readFields(live.doc, META).deck).toHaveLength(4);
  });

  it('a re-render around it (the screen follows every keystroke) does not touch the editor', () => {
    const { editor, render } = mount(story(), 'headline', { label: '제목' });
    const setOptions = vi.spyOn(editor, 'setOptions');
    render('Headline');
    render('제목');
    expect(setOptions).not.toHaveBeenCalled();
  });
});

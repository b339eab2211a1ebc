// @vitest-environment jsdom
// The editor cannot nest past the limit the core stores: Tab in a list (sinkListItem) and wrapping
// in a quote stop at MAX_BODY_DEPTH, with the text where it was; typing there still works.
import { afterEach, describe, expect, it } from 'vitest';
import { Editor, type JSONContent } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { bodyExtensions } from './extensions';
import { deepestBlock } from './DepthLimit';
import { MAX_BODY_DEPTH } from '../../../shared/body/bodySchema';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function open(content: JSONContent): Editor {
  editor = new Editor({ element: document.createElement('div'), extensions: bodyExtensions(''), content });
  return editor;
}

/** Puts the caret at the start of the text `text`. */
function caretAt(e: Editor, text: string): void {
  let at = -1;
  e.state.doc.descendants((n, pos) => {
    if (at < 0 && n.isText && n.text === text) at = pos;
  });
  if (at < 0) throw new Error(`no ${text}`);
  e.view.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, at)));
}

const depthOf = (e: Editor, text: string): number => {
  let depth = -1;
  e.state.doc.descendants((n, pos) => {
    if (n.isText && n.text === text) depth = e.state.doc.resolve(pos).depth;
  });
  return depth;
};

describe('DepthLimit', () => {
  it('Tab in a list nests items down to the limit and no further', () => {
    const items = Array.from({ length: 20 }, (_, i) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: `i${i}` }] }] }));
    const e = open({ type: 'doc', content: [{ type: 'bulletList', content: items }] });
    // A staircase: item k is sunk k times, one level under item k - 1.
    for (let k = 1; k < 20; k++) {
      caretAt(e, `i${k}`);
      for (let n = 0; n < k; n++) e.commands.sinkListItem('listItem');
    }
    // A top-level item's paragraph is at depth 3 (list, item, paragraph); each nesting adds 2.
    expect(depthOf(e, 'i1')).toBe(5);
    expect(depthOf(e, 'i14')).toBe(31);
    // One more would be 33: i15 and every later item stay at 31, under i14.
    for (const k of [15, 16, 19]) expect(depthOf(e, `i${k}`)).toBe(31);
    expect(deepestBlock(e.state.doc.content)).toBe(MAX_BODY_DEPTH - 1);
    expect(e.state.doc.textContent).toBe(items.map((_, i) => `i${i}`).join(''));
  });

  it('the Tab key nests an item, and is refused at the limit', () => {
    const item = (text: string, nested?: JSONContent): JSONContent => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }, ...(nested ? [nested] : [])] });
    let list: JSONContent = { type: 'bulletList', content: [item('바닥'), item('막내')] };
    for (let n = 0; n < 14; n++) list = { type: 'bulletList', content: [item(`층${n}`, list)] };
    const e = open({ type: 'doc', content: [list] });
    const tab = () => e.view.someProp('handleKeyDown', (f) => f(e.view, new KeyboardEvent('keydown', { key: 'Tab' })));
    expect(depthOf(e, '막내')).toBe(31);
    caretAt(e, '막내');
    tab();
    expect(depthOf(e, '막내')).toBe(31);
    // Higher up, the same key still works.
    e.destroy();
    const shallow = open({ type: 'doc', content: [{ type: 'bulletList', content: [item('하나'), item('둘')] }] });
    caretAt(shallow, '둘');
    shallow.view.someProp('handleKeyDown', (f) => f(shallow.view, new KeyboardEvent('keydown', { key: 'Tab' })));
    expect(depthOf(shallow, '둘')).toBe(5);
  });

  it('wrapping in quotes stops at the limit; typing at the limit still works', () => {
    const e = open({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '인용' }] }] });
    for (let n = 0; n < 40; n++) {
      caretAt(e, '인용');
      e.commands.wrapIn('blockquote');
    }
    expect(depthOf(e, '인용')).toBe(MAX_BODY_DEPTH);
    expect(deepestBlock(e.state.doc.content)).toBe(MAX_BODY_DEPTH);
    caretAt(e, '인용');
    e.commands.insertContent('새 ');
    expect(e.state.doc.textContent).toBe('새 인용');
    e.commands.splitBlock();
    expect(e.state.doc.childCount).toBe(1);
    expect(deepestBlock(e.state.doc.content)).toBe(MAX_BODY_DEPTH);
  });

  it('pasted HTML nested too deep for where it lands arrives flattened to the limit, text and all', () => {
    const e = open({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '앞' }] }] });
    for (let n = 0; n < 20; n++) {
      caretAt(e, '앞');
      e.commands.wrapIn('blockquote');
    }
    caretAt(e, '앞');
    e.commands.selectTextblockEnd();
    // (A paste that opens with the deep quotes merges them into the quotes around the caret; one
    // that opens with a paragraph brings them in whole, 20 + 41 levels deep.)
    const html = '<p>먼저</p>' + '<blockquote>'.repeat(40) + '<p>붙인 글</p>' + '</blockquote>'.repeat(40) + '<ul><li><p>항목</p></li></ul>';
    expect(e.view.pasteHTML(html, new Event('paste') as ClipboardEvent)).toBe(true); // jsdom has no ClipboardEvent
    expect(e.state.doc.textContent).toBe('앞먼저붙인 글항목');
    expect(deepestBlock(e.state.doc.content)).toBe(MAX_BODY_DEPTH);
    expect(depthOf(e, '붙인 글')).toBeLessThanOrEqual(MAX_BODY_DEPTH);
  });

  it('content inserted past the limit by a command does not go in; content that fits does', () => {
    let deep: JSONContent = { type: 'paragraph', content: [{ type: 'text', text: '붙임' }] };
    for (let n = 0; n < 40; n++) deep = { type: 'blockquote', content: [deep] };
    const e = open({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '앞' }] }] });
    e.commands.insertContentAt(e.state.doc.content.size, deep);
    expect(e.state.doc.textContent).toBe('앞');
    e.commands.insertContentAt(e.state.doc.content.size, { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: '붙임' }] }] });
    expect(e.state.doc.textContent).toBe('앞붙임');
  });
});

// @vitest-environment jsdom
// A shortcut pressed right after a caret move acts from where the browser shows the caret, not
// from where ProseMirror last read it.
import { afterEach, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { bodyExtensions } from './extensions';
import { catchUpSelection } from './catchUpSelection';

let editor: Editor | null = null;
afterEach(async () => {
  editor?.destroy();
  // ProseMirror flushes DOM changes pending at destroy on a 20 ms timer: let it run while the DOM is still here.
  await new Promise((resolve) => setTimeout(resolve, 30));
  editor = null;
  document.body.replaceChildren();
});

it('takes the DOM selection the browser moved before ProseMirror read it, and leaves a caught-up one alone', () => {
  const host = document.createElement('div');
  document.body.append(host);
  editor = new Editor({ element: host, extensions: bodyExtensions(''), content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '공장은 문을 연다.' }] }] } });
  const { view } = editor;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 5)));
  const text = view.dom.querySelector('p')!.firstChild!;
  // As Ctrl+Home does: the browser's selection is at the start; ProseMirror has not looked yet.
  document.getSelection()!.setBaseAndExtent(text, 0, text, 0);
  expect(view.state.selection.from).toBe(5);
  catchUpSelection(view);
  expect([view.state.selection.anchor, view.state.selection.head]).toEqual([1, 1]);
  // A range the browser shows (shift-selected backwards) keeps its direction.
  document.getSelection()!.setBaseAndExtent(text, 3, text, 1);
  catchUpSelection(view);
  expect([view.state.selection.anchor, view.state.selection.head]).toEqual([4, 2]);
  // A DOM selection outside the editor changes nothing.
  const outside = document.createElement('p');
  outside.textContent = 'elsewhere';
  document.body.append(outside);
  document.getSelection()!.setBaseAndExtent(outside.firstChild!, 2, outside.firstChild!, 2);
  const before = view.state;
  catchUpSelection(view);
  expect(view.state).toBe(before);
  outside.remove();
});

// @vitest-environment jsdom
// TKs are painted where the shared rule finds them, the positions the checklist computes from the
// JSON body are the editor's own, and the next/previous command walks notes and TKs with wrap-around.
import { afterEach, describe, expect, it } from 'vitest';
import { Editor, type JSONContent } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { bodyExtensions } from './extensions';
import { openMarksOf } from './OpenMarks';
import { figurePlaces, openMarkPlaces } from '../../../shared/workflow/places';
import type { DocNode } from '../../../shared/model/article';

let editor: Editor | null = null;
afterEach(async () => {
  editor?.destroy();
  // ProseMirror flushes DOM changes pending at destroy on a 20 ms timer: let it run while the DOM is still here.
  await new Promise((resolve) => setTimeout(resolve, 30));
  editor = null;
});

const t = (text: string, note = false) => ({ type: 'text', text, ...(note ? { marks: [{ type: 'editorNote' }] } : {}) });
const body: JSONContent = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [t('사망자 TK명, '), t('확인 중', true), t(' 배터리TK TKO')] },
    { type: 'figure', attrs: { photoId: 'a'.repeat(64), credit: '', alt: '' }, content: [{ type: 'figureCaption', content: [t('착공식 TK')] }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [t('고용 '), { type: 'hardBreak' }, t('TK명')] }] }] },
  ],
};

function open(content: JSONContent): Editor {
  editor = new Editor({ element: document.createElement('div'), extensions: bodyExtensions(''), content });
  return editor;
}

const selected = (e: Editor) => e.state.doc.textBetween(e.state.selection.from, e.state.selection.to);

describe('open notes and TKs in the editor', () => {
  it('paints each TK outside notes, and only those', () => {
    const e = open(body);
    const painted = [...e.view.dom.querySelectorAll('.tk-mark')].map((el) => el.textContent);
    expect(painted).toEqual(['TK', 'TK', 'TK', 'TK']);
    expect(e.view.dom.querySelector('.editor-note .tk-mark')).toBeNull();
  });

  it('finds the places the checklist computes from JSON at the same positions', () => {
    const e = open(body);
    const json = e.getJSON() as DocNode;
    expect(openMarkPlaces(json).map((m) => [m.mark, m.from, m.to])).toEqual(openMarksOf(e.state).map((m) => [m.kind, m.from, m.to]));
    for (const m of openMarkPlaces(json)) expect(e.state.doc.textBetween(m.from, m.to)).toBe(m.mark === 'tk' ? 'TK' : '확인 중');
    const [figure] = figurePlaces(json, 'credit');
    expect(e.state.doc.nodeAt(figure.pos)?.type.name).toBe('figure');
  });

  it('follows edits: a TK typed is painted, one filled in is gone', () => {
    const e = open({ type: 'doc', content: [{ type: 'paragraph', content: [t('투자액은 억원')] }] });
    e.commands.insertContentAt(6, 'TK');
    expect(e.view.dom.querySelector('.tk-mark')?.textContent).toBe('TK');
    e.chain().setTextSelection({ from: 6, to: 8 }).insertContent('4800').run();
    expect(e.view.dom.querySelector('.tk-mark')).toBeNull();
    expect(openMarksOf(e.state)).toEqual([]);
  });

  it('goes to the next one after the caret, then on, wrapping to the start; back with -1', () => {
    const e = open(body);
    e.view.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, 1)));
    const forward: string[] = [];
    for (let i = 0; i < 6; i++) {
      expect(e.commands.goToOpenMark(1)).toBe(true);
      forward.push(`${e.state.selection.from}:${selected(e)}`);
    }
    const marks = openMarksOf(e.state).map((m) => `${m.from}:${e.state.doc.textBetween(m.from, m.to)}`);
    expect(marks.map((m) => m.split(':')[1])).toEqual(['TK', '확인 중', 'TK', 'TK', 'TK']);
    expect(forward).toEqual([...marks, marks[0]]);
    expect(e.commands.goToOpenMark(-1)).toBe(true);
    expect(`${e.state.selection.from}:${selected(e)}`).toBe(marks[4]);
    expect(e.commands.goToOpenMark(-1)).toBe(true);
    expect(`${e.state.selection.from}:${selected(e)}`).toBe(marks[3]);
  });

  it('typing over a whole note it selected gives plain text, by key, by text input and by IME composition', () => {
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [t('공장은 '), t('착공일 확인', true), t(' 연다.')] }] };
    const noteText = (e: Editor) => { const out: string[] = []; e.state.doc.descendants((n) => { if (n.isText && n.marks.some((m) => m.type.name === 'editorNote')) out.push(n.text!); }); return out; };
    const toNote = (e: Editor) => {
      e.view.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, 1)));
      e.commands.goToOpenMark(1);
      expect(selected(e)).toBe('착공일 확인');
    };

    // A key: Chromium's beforeinput, before the browser touches the DOM.
    let e = open(doc);
    toNote(e);
    const key = new InputEvent('beforeinput', { inputType: 'insertText', data: '5', cancelable: true, bubbles: true });
    e.view.dom.dispatchEvent(key);
    expect(key.defaultPrevented).toBe(true);
    expect(e.state.doc.textContent).toBe('공장은 5 연다.');
    expect(noteText(e)).toEqual([]);
    expect(openMarksOf(e.state)).toEqual([]);
    e.destroy();

    // Text that reaches ProseMirror as a DOM change (handleTextInput) over the note.
    e = open(doc);
    toNote(e);
    const { from, to } = e.state.selection;
    const handled = e.view.someProp('handleTextInput', (f) => f(e.view, from, to, '3월', () => e.state.tr.insertText('3월', from, to)));
    expect(handled).toBe(true);
    expect(e.state.doc.textContent).toBe('공장은 3월 연다.');
    expect(noteText(e)).toEqual([]);
    e.destroy();

    // An IME composition starts at a caret where the note was, with plain marks stored to compose into.
    e = open(doc);
    toNote(e);
    e.view.dom.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    expect(e.state.selection.empty).toBe(true);
    expect(e.state.doc.textContent).toBe('공장은  연다.');
    expect(e.state.storedMarks).toEqual([]);
    e.commands.insertContent('내년');
    expect(noteText(e)).toEqual([]);

    // A selection that is not a whole note is typed over as before (part of a note stays note).
    e = open(doc);
    e.view.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, 5, 8)));
    const part = new InputEvent('beforeinput', { inputType: 'insertText', data: '5', cancelable: true, bubbles: true });
    e.view.dom.dispatchEvent(part);
    expect(part.defaultPrevented).toBe(false);
  });

  it('does nothing in a clean copy', () => {
    const e = open({ type: 'doc', content: [{ type: 'paragraph', content: [t('깨끗한 원고')] }] });
    expect(e.commands.goToOpenMark(1)).toBe(false);
    expect(e.state.selection.empty).toBe(true);
  });
});

// @vitest-environment jsdom
// Others' carets step aside from the paragraph this person composes in, and only from that one:
// a caret redrawn next to an open composition makes Chrome lose it (서울 came out as 서서우서울).
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { bodyExtensions } from '../extensions';
import { liveExtensions } from './liveExtensions';
import { BODY_FRAGMENT, writeBody } from '../../../../shared/live/bodyFragment';

const editors: Editor[] = [];
afterEach(async () => {
  editors.splice(0).forEach((e) => e.destroy());
  // ProseMirror flushes DOM changes pending at destroy on a 20 ms timer: let it run while the DOM is still here.
  await new Promise((resolve) => setTimeout(resolve, 30));
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Who has a caret drawn in each paragraph of the editor. */
const caretsByParagraph = (editor: Editor) =>
  Array.from(editor.view.dom.querySelectorAll('p')).map((p) => Array.from(p.querySelectorAll('.collaboration-carets__label')).map((l) => l.textContent));

describe('others’ carets while this person composes', () => {
  it('leave the paragraph being composed in until the composition is taken, and stay in the others', async () => {
    const doc = new Y.Doc();
    writeBody(doc, {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '시는 도입한다.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '예산은 300억원이다.' }] },
      ],
    });
    const awareness = new Awareness(doc);
    const live = { doc, awareness, hold: () => undefined, release: () => undefined };
    const base = bodyExtensions('', { captionPlaceholder: '', mediaBase: '/media/', t: (k: string) => k, platform: 'linux', onReplace: () => undefined });
    const editor = new Editor({ element: document.createElement('div'), extensions: liveExtensions(base, live, { name: '김하늘', color: '#1f77b4' }) });
    editors.push(editor);
    // y-tiptap binds the document to the editor after the view is made.
    await wait(0);

    // Two other people: one at the start of the first paragraph, one inside the second.
    const paragraphText = (i: number) => (doc.getXmlFragment(BODY_FRAGMENT).get(i) as Y.XmlElement).get(0) as Y.XmlText;
    for (const [name, paragraph, index] of [['박데스크', 0, 0], ['이사진', 1, 3]] as const) {
      const other = new Awareness(new Y.Doc());
      const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(paragraphText(paragraph), index));
      other.setLocalState({ user: { name, color: '#ff7f0e' }, cursor: { anchor: at, head: at } });
      applyAwarenessUpdate(awareness, encodeAwarenessUpdate(other, [other.clientID]), 'remote');
    }
    // y-tiptap redraws carets on the tick after presence changes.
    await wait(0);
    expect(caretsByParagraph(editor)).toEqual([['박데스크'], ['이사진']]);

    // This person composes at the start of the first paragraph, where 박데스크's caret is.
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, 1)));
    editor.view.dom.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    expect(caretsByParagraph(editor)).toEqual([[], ['이사진']]);
    // This window's own presence changes as the syllable grows: the caret stays out all the same.
    editor.view.dispatch(editor.state.tr.insertText('서', 1));
    awareness.setLocalStateField('typing', true);
    await wait(0);
    expect(caretsByParagraph(editor)).toEqual([[], ['이사진']]);

    editor.view.dom.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '서' }));
    await wait(60);
    expect(caretsByParagraph(editor)).toEqual([['박데스크'], ['이사진']]);
  });
});

// @vitest-environment jsdom
// Undo in a live story is Yjs undo: it takes back this person's own typing, never another
// person's, and a figure moved right after typing is its own step (Yjs would otherwise merge
// everything within half a second into one).
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Editor } from '@tiptap/core';
import { Awareness } from 'y-protocols/awareness';
import { bodyExtensions } from '../extensions';
import { liveExtensions } from './liveExtensions';
import { writeBody } from '../../../../shared/live/bodyFragment';
import type { Body } from '../../../../shared/model/article';

const PHOTO = 'b'.repeat(64);
const body: Body = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: '첫 문단' }] },
    { type: 'figure', attrs: { photoId: PHOTO, credit: '', alt: '' }, content: [{ type: 'figureCaption' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '끝 문단' }] },
  ],
};

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((e) => e.destroy()));

function liveEditor(doc: Y.Doc): Editor {
  const live = { doc, awareness: new Awareness(doc), hold: () => undefined, release: () => undefined };
  const base = bodyExtensions('', { captionPlaceholder: '', mediaBase: '/media/', t: (k: string) => k, platform: 'linux', onReplace: () => undefined });
  const editor = new Editor({ extensions: liveExtensions(base, live, { name: '김하늘', color: '#1f77b4' }) });
  editors.push(editor);
  return editor;
}

const blocks = (editor: Editor) => (editor.getJSON().content ?? []).map((n) => n.type + ':' + (n.content ?? []).map((c) => (c as { text?: string }).text ?? '').join(''));

describe('undo in a live story', () => {
  it('takes back only this person’s typing, not what another person typed meanwhile', () => {
    const server = new Y.Doc();
    writeBody(server, body);
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    // Every change reaches the other replica at once, as the server relays it.
    mine.on('update', (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(theirs, u, 'relay'));
    theirs.on('update', (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(mine, u, 'relay'));
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(server), 'relay');
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(server), 'relay');
    const me = liveEditor(mine);
    const other = liveEditor(theirs);
    me.chain().setTextSelection(5).insertContent(' 내 글').run();
    other.chain().focus('end').insertContent(' 남의 글').run();
    expect(blocks(me)).toEqual(['paragraph:첫 문단 내 글', 'figure:', 'paragraph:끝 문단 남의 글']);
    me.commands.undo();
    expect(blocks(me)).toEqual(['paragraph:첫 문단', 'figure:', 'paragraph:끝 문단 남의 글']);
    expect(blocks(other)).toEqual(blocks(me));
  });

  it('keeps a figure moved right after typing as its own undo step', () => {
    const doc = new Y.Doc();
    const server = new Y.Doc();
    writeBody(server, body);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    const editor = liveEditor(doc);
    editor.chain().setTextSelection(5).insertContent(' 추가').run();
    // At once (well within Yjs's half-second capture): the figure goes below the last paragraph.
    const figurePos = editor.state.doc.child(0).nodeSize;
    expect(editor.commands.moveFigureAt(figurePos, 1)).toBe(true);
    const endOfLast = editor.state.doc.child(0).nodeSize + editor.state.doc.child(1).nodeSize - 1;
    editor.chain().setTextSelection(endOfLast).insertContent(' 또').run();
    expect(blocks(editor)).toEqual(['paragraph:첫 문단 추가', 'paragraph:끝 문단 또', 'figure:']);
    editor.commands.undo();
    expect(blocks(editor)).toEqual(['paragraph:첫 문단 추가', 'paragraph:끝 문단', 'figure:']);
    editor.commands.undo();
    expect(blocks(editor)).toEqual(['paragraph:첫 문단 추가', 'figure:', 'paragraph:끝 문단']);
    editor.commands.undo();
    expect(blocks(editor)).toEqual(['paragraph:첫 문단', 'figure:', 'paragraph:끝 문단']);
  });
});

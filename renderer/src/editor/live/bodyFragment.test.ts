// @vitest-environment jsdom
// The server fills a story's document from its JSON (shared/live/bodyFragment.ts, no ProseMirror
// there); the editor must read exactly that body through TipTap's Collaboration, and what the
// editor writes must read back as the same body. If the two layouts drift, a live story would
// open with marks, figures or lists lost for everyone.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { bodyExtensions } from '../extensions';
import { BODY_FRAGMENT, readBody, writeBody } from '../../../../shared/live/bodyFragment';
import { normaliseBody } from '../../../../shared/body/normaliseBody';
import type { Body } from '../../../../shared/model/article';

const PHOTO = 'a'.repeat(64);

const rich: Body = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '서울 도심에 ' },
        { type: 'text', text: '첫눈', marks: [{ type: 'bold' }] },
        { type: 'text', text: '이 내렸다. ', marks: [{ type: 'italic' }] },
        { type: 'text', text: '기상청', marks: [{ type: 'link', attrs: { href: 'https://example.kr/weather' } }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'TK 확인' , marks: [{ type: 'editorNote' }] },
      ],
    },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '중간제목' }] },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: '“눈이 온다”' }] }] },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '하나' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '둘' }] }, { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '셋' }] }] }] }] },
      ],
    },
    { type: 'figure', attrs: { photoId: PHOTO, credit: '사진=김하늘 기자', alt: '눈 덮인 광화문' }, content: [{ type: 'figureCaption', content: [{ type: 'text', text: '광화문 광장' }] }] },
    { type: 'paragraph' },
  ],
};

const extensions = () => bodyExtensions('', { captionPlaceholder: '', mediaBase: '/media/', t: (k: string) => k, platform: 'linux', onReplace: () => undefined });

/** A body as the editor shows it when opened the ordinary way (defaults of attributes filled in). */
function shown(body: Body): unknown {
  const editor = new Editor({ extensions: extensions(), content: body });
  const json = editor.getJSON();
  editor.destroy();
  return json;
}

function editorOn(doc: Y.Doc): Editor {
  // Yjs undo replaces StarterKit's (Collaboration refuses to run beside it).
  const live = extensions().map((e) => (e.name === 'starterKit' ? e.configure({ ...e.options, undoRedo: false }) : e));
  return new Editor({ extensions: [...live, Collaboration.configure({ document: doc, field: BODY_FRAGMENT })] });
}

describe('a body as a live document', () => {
  it('opens in the editor exactly as stored, every node, mark and attribute', () => {
    const expected = shown(rich);
    // Nothing of the fixture is dropped on the ordinary path either (names as the editor knows them).
    expect(normaliseBody(rich).body).toEqual(rich);
    const doc = new Y.Doc();
    writeBody(doc, rich);
    const editor = editorOn(doc);
    expect(editor.getJSON()).toEqual(expected);
    // And reading the document back without an editor gives the same body.
    expect(shown(readBody(doc))).toEqual(expected);
    editor.destroy();
  });

  it('reads back what the editor typed, from another replica', () => {
    const server = new Y.Doc();
    writeBody(server, rich);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const editor = editorOn(client);
    editor.chain().setTextSelection(1).insertContent('오늘 ').run();
    editor.chain().focus('end').insertContent('끝.').run();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    const body = readBody(server);
    expect(shown(body)).toEqual(editor.getJSON());
    expect(JSON.stringify(body)).toContain('오늘 서울 도심에 ');
    expect(JSON.stringify(body)).toContain('끝.');
    editor.destroy();
  });

  it('refuses to fill a document twice (two fillers would double the text)', () => {
    const doc = new Y.Doc();
    writeBody(doc, rich);
    expect(() => writeBody(doc, rich)).toThrow(/not empty/);
  });

  it('keeps the text of a crafted document nested far deeper than any body, without overflowing', () => {
    const doc = new Y.Doc();
    let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment(BODY_FRAGMENT);
    for (let i = 0; i < 5000; i++) {
      const quote = new Y.XmlElement('blockquote');
      parent.insert(0, [quote]);
      parent = quote;
    }
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, '깊은 곳의 문장');
    p.insert(0, [text]);
    parent.insert(0, [p]);
    const body = readBody(doc);
    expect(JSON.stringify(body)).toContain('깊은 곳의 문장');
  });
});

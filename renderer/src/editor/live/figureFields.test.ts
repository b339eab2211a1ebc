// @vitest-environment jsdom
// A figure's credit and alt text in a live story: another person's change never overwrites the
// field this person is typing in (nor replaces the figure under them); once they leave the field
// it shows what the story now holds.
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Editor } from '@tiptap/core';
import { Awareness } from 'y-protocols/awareness';
import { bodyExtensions } from '../extensions';
import { liveExtensions } from './liveExtensions';
import { BODY_FRAGMENT, writeBody } from '../../../../shared/live/bodyFragment';

const editors: Editor[] = [];
afterEach(() => {
  editors.splice(0).forEach((e) => e.destroy());
  document.body.innerHTML = '';
});

it('keeps what this person types in a figure’s credit while another person changes the figure and the text around it', () => {
  const server = new Y.Doc();
  writeBody(server, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '문단' }] }, { type: 'figure', attrs: { photoId: 'c'.repeat(64), credit: '', alt: '' }, content: [{ type: 'figureCaption' }] }] });
  const mine = new Y.Doc();
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(server));
  const element = document.createElement('div');
  document.body.append(element);
  const base = bodyExtensions('', { captionPlaceholder: '', mediaBase: '/media/', t: (k: string) => k, platform: 'linux', onReplace: () => undefined });
  const editor = new Editor({ element, extensions: liveExtensions(base, { doc: mine, awareness: new Awareness(mine), hold: () => undefined, release: () => undefined }, { name: '김하늘', color: '#1f77b4' }) });
  editors.push(editor);
  const credit = () => element.querySelector<HTMLInputElement>('[data-testid=figure-credit]')!;
  const figureDom = element.querySelector('figure, [data-photo-id]');
  credit().focus();
  credit().value = '사진=김하';
  credit().dispatchEvent(new Event('input', { bubbles: true }));
  expect(editor.getJSON().content![1].attrs!.credit).toBe('사진=김하');

  // Another replica (the desk) sets the credit and types in the paragraph; its update arrives here.
  const theirs = new Y.Doc();
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
  const fragment = theirs.getXmlFragment(BODY_FRAGMENT);
  theirs.transact(() => {
    (fragment.get(1) as Y.XmlElement).setAttribute('credit', '사진=연합뉴스');
    ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(2, ' 추가');
  });
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine)));

  expect((editor.getJSON().content![0].content?.[0] as { text?: string } | undefined)?.text).toBe('문단 추가');
  // Still the field being typed in, with what was typed, in the same figure.
  expect(document.activeElement).toBe(credit());
  expect(credit().value).toBe('사진=김하');
  expect(element.querySelector('figure, [data-photo-id]')).toBe(figureDom);
  // Leaving the field shows the story's credit as it now is.
  credit().blur();
  expect(editor.getJSON().content![1].attrs!.credit).toBe('사진=연합뉴스');
  expect(credit().value).toBe('사진=연합뉴스');
});

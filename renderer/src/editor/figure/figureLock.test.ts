// @vitest-environment jsdom
// A figure's credit, alt text and tools follow the editor's lock live: 데스킹 시작 unlocks them on
// the same editor, without recreating it (they used to stay locked until the story was reopened).
import { afterEach, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import { bodyExtensions } from '../extensions';

const ID = 'a'.repeat(64);
let editor: Editor | null = null;
afterEach(() => editor?.destroy());

it('unlocks and relocks credit, alt and tools when the editor becomes editable or read-only', () => {
  const element = document.createElement('div');
  document.body.append(element);
  editor = new Editor({
    element,
    editable: false,
    extensions: bodyExtensions('', { mediaBase: '/media/', t: (k) => k, platform: 'linux', onReplace: () => undefined, captionPlaceholder: '' }),
    content: { type: 'doc', content: [{ type: 'figure', attrs: { photoId: ID, credit: '', alt: '' }, content: [{ type: 'figureCaption' }] }] },
  });
  const credit = () => element.querySelector<HTMLInputElement>('[data-testid=figure-credit]')!;
  const alt = () => element.querySelector<HTMLInputElement>('[data-testid=figure-alt]')!;
  const tools = () => element.querySelector<HTMLElement>('.figure__tools')!;
  expect(credit().disabled).toBe(true);
  expect(tools().hidden).toBe(true);

  const before = credit();
  editor.setEditable(true, false);
  expect(credit()).toBe(before); // the same node view, not a new one
  expect(credit().disabled).toBe(false);
  expect(alt().disabled).toBe(false);
  expect(tools().hidden).toBe(false);
  credit().value = '홍길동 기자';
  credit().dispatchEvent(new Event('input'));
  expect(editor.getJSON().content![0].attrs!.credit).toBe('홍길동 기자');

  editor.setEditable(false, false);
  expect(credit().disabled).toBe(true);
  expect(alt().disabled).toBe(true);
  // An input event that slips through on locked copy changes nothing.
  alt().value = '몰래';
  alt().dispatchEvent(new Event('input'));
  expect(editor.getJSON().content![0].attrs!.alt).toBe('');
});

it('a figure waiting for its photo offers 사진 넣기 for that figure only while the copy is editable, and requests no image', () => {
  const element = document.createElement('div');
  document.body.append(element);
  const asked: number[] = [];
  editor = new Editor({
    element,
    editable: false,
    extensions: bodyExtensions('', { mediaBase: '/media/', t: (k) => k, platform: 'linux', onReplace: (pos) => asked.push(pos), captionPlaceholder: '' }),
    content: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '본문' }] },
        { type: 'figure', attrs: { photoId: '', credit: '한빛경제', alt: '' }, content: [{ type: 'figureCaption', content: [{ type: 'text', text: '부두의 크레인' }] }] },
      ],
    },
  });
  const add = () => element.querySelector<HTMLButtonElement>('[data-testid=figure-add-photo]')!;
  const img = element.querySelector<HTMLImageElement>('[data-testid=figure-image]')!;
  expect(img.hasAttribute('src')).toBe(false);
  expect(img.hidden).toBe(true);
  expect(element.querySelector<HTMLElement>('[data-testid=figure-placeholder]')!.hidden).toBe(false);
  expect(add().hidden).toBe(true);
  add().click();
  expect(asked).toEqual([]); // locked copy takes no photo

  editor.setEditable(true, false);
  expect(add().hidden).toBe(false);
  add().click();
  expect(asked).toEqual([4]); // the figure's own position, after the paragraph

  // Alt text is one paragraph: a line break that reaches it (a paste) is stored as a space.
  const alt = element.querySelector<HTMLTextAreaElement>('[data-testid=figure-alt]')!;
  expect(alt.tagName).toBe('TEXTAREA');
  alt.value = '크레인이\n늘어선 부두';
  alt.dispatchEvent(new Event('input'));
  expect(editor.getJSON().content![1].attrs!.alt).toBe('크레인이 늘어선 부두');
});

it('on a locked copy every figure command and tool refuses to change the document, and works again once unlocked', () => {
  const element = document.createElement('div');
  document.body.append(element);
  const asked: number[] = [];
  const figure = (caption: string) => ({ type: 'figure', attrs: { photoId: ID, credit: '', alt: '' }, content: [{ type: 'figureCaption', content: [{ type: 'text', text: caption }] }] });
  editor = new Editor({
    element,
    editable: false,
    extensions: bodyExtensions('', { mediaBase: '/media/', t: (k) => k, platform: 'linux', onReplace: (pos) => asked.push(pos), captionPlaceholder: '' }),
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '본문' }] }, figure('첫 사진'), figure('둘째 사진')] },
  });
  const e = editor;
  const before = e.getJSON();
  const tool = (id: string) => element.querySelector<HTMLButtonElement>(`[data-testid=${id}]`)!;
  for (const id of ['figure-up', 'figure-down', 'figure-replace', 'figure-remove']) {
    expect(tool(id).disabled).toBe(true);
    // A click that reaches the button anyway (a forced or scripted one) does nothing.
    tool(id).dispatchEvent(new MouseEvent('click', { bubbles: true }));
  }
  expect(asked).toEqual([]);
  const other = { photoId: 'b'.repeat(64), credit: '새 크레디트', alt: '', fromFile: { caption: '', credit: '새 크레디트', alt: '' } };
  expect(e.commands.removeFigure(4)).toBe(false);
  expect(e.commands.moveFigureAt(4, 1)).toBe(false);
  expect(e.commands.replaceFigurePhoto(4, other)).toBe(false);
  expect(e.commands.insertFigures([{ ...other, caption: '끼어든 사진' }], 0)).toBe(false);
  e.commands.setNodeSelection(4);
  expect(e.commands.moveFigure(1)).toBe(false);
  expect(e.getJSON()).toEqual(before);

  // A figure that arrives while locked (the library's copy adopted in place) is locked from the start.
  e.view.dispatch(e.state.tr.insert(0, e.schema.nodeFromJSON(figure('새로 온 사진'))));
  const tools = [...element.querySelectorAll<HTMLElement>('.figure__tools')];
  expect(tools).toHaveLength(3);
  expect(tools.every((t) => t.hidden)).toBe(true);
  expect([...element.querySelectorAll<HTMLButtonElement>('[data-testid=figure-remove]')].every((b) => b.disabled)).toBe(true);
  e.view.dispatch(e.state.tr.delete(0, e.state.doc.child(0).nodeSize));
  expect(e.getJSON()).toEqual(before);

  // The same commands change the copy once it is editable (so the refusals above are the lock's).
  e.setEditable(true, false);
  expect(tool('figure-remove').disabled).toBe(false);
  expect(e.commands.replaceFigurePhoto(4, other)).toBe(true);
  expect(e.getJSON().content![1].attrs).toMatchObject({ photoId: 'b'.repeat(64), credit: '새 크레디트' });
  tool('figure-remove').click();
  expect(e.getJSON().content!.map((n) => n.type)).toEqual(['paragraph', 'figure']);
});

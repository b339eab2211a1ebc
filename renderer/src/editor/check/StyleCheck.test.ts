// @vitest-environment jsdom
// The check in the editor with the worker's own handler in-process: findings land where the text
// is (notes and hard breaks kept in step), paragraphs are checked once per text, fixes apply only
// where the text is still what was checked, "fix all" is one undo step, and an ignore is kept by
// article and by its place in the sentence.
import { afterEach, describe, expect, it } from 'vitest';
import { Editor, type JSONContent } from '@tiptap/core';
import { undo } from '@tiptap/pm/history';
import { bodyExtensions } from '../extensions';
import { StyleCheck, openFindings, recheck } from './StyleCheck';
import { requestClient, type CheckClient } from './checkClient';
import { copyChecking } from './copyChecking';
import { applyFix, applyFixAll, keepHere } from './checkActions';
import { keptAt, withKept, type KeptFinding } from '../../../../shared/style/keptFindings';
import { checkedTextOf } from '../../../../shared/style/checkedText';
import { textblockText } from './textblockText';
import type { CheckRequest, CheckResponse } from './checkProtocol';

let editor: Editor | null = null;
afterEach(async () => {
  editor?.destroy();
  await new Promise((resolve) => setTimeout(resolve, 30));
  editor = null;
});

function inProcessClient(sent: string[][]): CheckClient {
  let answer: ((r: CheckResponse) => void) | null = null;
  // House style only here: spelling has its own tests (copyChecking.test.ts).
  const checking = copyChecking(null);
  return requestClient(
    (request: CheckRequest) => {
      if (request.type === 'check') sent.push(request.texts);
      void checking.handle(request).then((response) => response && answer?.(response));
    },
    (on) => (answer = on),
    () => undefined,
  );
}

const t = (text: string, note = false) => ({ type: 'text', text, ...(note ? { marks: [{ type: 'editorNote' }] } : {}) });

function open(content: JSONContent, sent: string[][] = [], kept: { list: KeptFinding[] } = { list: [] }): Editor {
  editor = new Editor({ extensions: [...bodyExtensions(''), StyleCheck.configure({ client: () => inProcessClient(sent), language: () => 'ko', kept: () => kept.list })], content });
  return editor;
}

async function checked(e: Editor, count: number): Promise<void> {
  for (let i = 0; i < 100 && openFindings(e.state).length !== count; i++) await new Promise((r) => setTimeout(r, 20));
  expect(openFindings(e.state).map((f) => f.text)).toHaveLength(count);
}

describe('the check in the body', () => {
  it('reads a paragraph one character per position: notes hidden, hard breaks kept', () => {
    const e = open({ type: 'doc', content: [{ type: 'paragraph', content: [t('컨퍼런스 '), t('컨퍼런스 확인', true), { type: 'hardBreak' }, t('끝')] }] });
    const text = textblockText(e.state.doc.firstChild!);
    expect(text).toBe('컨퍼런스 \uFFFC\uFFFC\uFFFC\uFFFC\uFFFC\uFFFC\uFFFC\n끝');
    expect(text.length).toBe(e.state.doc.firstChild!.content.size);
    // The checklist reads the saved JSON the same way, so a finding kept here is kept there.
    expect(checkedTextOf(e.getJSON().content![0] as Parameters<typeof checkedTextOf>[0])).toBe(text);
  });

  it('underlines each finding at its text, in paragraphs and captions, and not inside an editor\'s note', async () => {
    const e = open({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [t('개발자 '), t('컨퍼런스 메모', true), t(' 컨퍼런스가 열렸다.')] },
        { type: 'figure', attrs: { photoId: 'a'.repeat(64), credit: '', alt: '' }, content: [{ type: 'figureCaption', content: [t('몇일 전 모습')] }] },
      ],
    });
    await checked(e, 2);
    for (const f of openFindings(e.state)) expect(e.state.doc.textBetween(f.from, f.to)).toBe(f.text);
    expect(openFindings(e.state).map((f) => f.text)).toEqual(['컨퍼런스', '몇일']);
  });

  it('checks a text once: a paragraph moved or repeated is not sent again', async () => {
    const sent: string[][] = [];
    const e = open({ type: 'doc', content: [{ type: 'paragraph', content: [t('컨퍼런스가 열렸다.')] }, { type: 'paragraph', content: [t('컨퍼런스가 열렸다.')] }] }, sent);
    await checked(e, 2);
    expect(sent).toEqual([['컨퍼런스가 열렸다.']]);
    e.commands.insertContentAt(0, { type: 'paragraph', content: [t('새 문단')] });
    for (let i = 0; i < 100 && sent.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    await checked(e, 2);
    expect(sent.flat()).toEqual(['컨퍼런스가 열렸다.', '새 문단']);
  });

  it('a fix applies only where the text is still what was checked; fix all is one undo step', async () => {
    const e = open({ type: 'doc', content: [{ type: 'paragraph', content: [t('컨퍼런스와 컨퍼런스, 또 컨퍼런스')] }] });
    await checked(e, 3);
    const [first] = openFindings(e.state);
    e.commands.insertContentAt({ from: first.from, to: first.from + 1 }, '콘');
    expect(applyFix(e.view, first)).toBe(false);
    expect(e.state.doc.textContent).toBe('콘퍼런스와 컨퍼런스, 또 컨퍼런스');
    await checked(e, 2);
    expect(applyFixAll(e.view, 'loanword-conference')).toBe(2);
    expect(e.state.doc.textContent).toBe('콘퍼런스와 콘퍼런스, 또 콘퍼런스');
    undo(e.state, e.view.dispatch);
    expect(e.state.doc.textContent).toBe('콘퍼런스와 컨퍼런스, 또 컨퍼런스');
  });

  it('drops an underline at once when its text is typed over, and keeps one the typing only touches', async () => {
    const e = open({ type: 'doc', content: [{ type: 'paragraph', content: [t('컨퍼런스와 컨퍼런스, 또 컨퍼런스')] }] });
    await checked(e, 3);
    const [first, second, third] = openFindings(e.state);
    // Before any check: the fixed word has no underline; the others are where they were.
    e.commands.insertContentAt({ from: first.from, to: first.from + 1 }, '콘');
    expect(openFindings(e.state).map((f) => e.state.doc.textBetween(f.from, f.to))).toEqual(['컨퍼런스', '컨퍼런스']);
    // Typed right after a word: it stays underlined.
    e.commands.insertContentAt(second.to, '가');
    expect(openFindings(e.state)).toHaveLength(2);
    // Its last letter deleted: gone.
    const last = openFindings(e.state)[1];
    expect(last.text).toBe(third.text);
    e.commands.deleteRange({ from: last.to - 1, to: last.to });
    expect(openFindings(e.state).map((f) => e.state.doc.textBetween(f.from, f.to))).toEqual(['컨퍼런스']);
  });

  it('keeps a finding with the words around it now, when a fix beside it was typed before the check caught up', async () => {
    const kept = { list: [] as KeptFinding[] };
    const e = open({ type: 'doc', content: [{ type: 'paragraph', content: [t('컨퍼런스에는 몇일 동안')] }] }, [], kept);
    await checked(e, 2);
    expect(applyFixAll(e.view, 'loanword-conference')).toBe(1);
    // At once, before the paragraph is checked again: its underline was only moved.
    const [stale] = openFindings(e.state);
    expect(stale.kept.before).toContain('컨퍼런스');
    keepHere(e.view, stale, (k) => (kept.list = withKept(kept.list, k)));
    expect(kept.list).toEqual([keptAt('spelling-myeochil', '콘퍼런스에는 몇일 동안', '콘퍼런스에는 '.length, 2)]);
    recheck(e.view);
    await checked(e, 0);
  });

  it('keeps a kept finding out of sight at that place only, by what the article records', async () => {
    const paragraph = '몇일 전 일이다. 그리고 몇일 뒤.';
    const kept = { list: [] as KeptFinding[] };
    const e = open({ type: 'doc', content: [{ type: 'paragraph', content: [t(paragraph)] }] }, [], kept);
    await checked(e, 2);
    const recorded: KeptFinding[] = [];
    keepHere(e.view, openFindings(e.state)[0], (k) => recorded.push(k));
    expect(recorded).toEqual([keptAt('spelling-myeochil', paragraph, 0, 2)]);
    // The article now has it (ArticleScreen's update): the editor redraws from the new list.
    kept.list = withKept(kept.list, recorded[0]);
    recheck(e.view);
    expect(openFindings(e.state).map((f) => f.from)).toEqual([1 + '몇일 전 일이다. 그리고 '.length]);
    editor?.destroy();
    // Another machine opening the article with that list sees the same.
    const again = open({ type: 'doc', content: [{ type: 'paragraph', content: [t(paragraph)] }] }, [], { list: kept.list });
    await checked(again, 1);
    expect(openFindings(again.state)[0].from).toBe(1 + '몇일 전 일이다. 그리고 '.length);
  });
});

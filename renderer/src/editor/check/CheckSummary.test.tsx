// @vitest-environment jsdom
// The count beside the length, with the worker's own checking in-process: when the spelling
// dictionary cannot be loaded it says so in the UI language (the reason in its title) and counts
// house style only; with spelling working it says nothing of the kind.
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createInstance } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { Editor } from '@tiptap/core';
import { bodyExtensions } from '../extensions';
import { StyleCheck } from './StyleCheck';
import { requestClient, type CheckClient } from './checkClient';
import { copyChecking, type DictionarySource } from './copyChecking';
import { CheckSummary } from './CheckSummary';
import type { CheckResponse } from './checkProtocol';
import { ko } from '../../i18n/ko';
import { en } from '../../i18n/en';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let editor: Editor | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  editor?.destroy();
  editor = null;
});

const missingDictionary: DictionarySource = async () => {
  throw new Error('/dictionaries/ko.dic: 404');
};

/** The worker's handler answering in-process, as StyleCheck.test.ts does. */
function inProcessClient(dictionaries: DictionarySource | null): CheckClient {
  const checking = copyChecking(dictionaries);
  let answer: ((r: CheckResponse) => void) | null = null;
  return requestClient(
    (request) => void checking.handle(request).then((response) => response && answer?.(response)),
    (on) => (answer = on),
    () => undefined,
  );
}

async function summary(language: 'ko' | 'en', dictionaries: DictionarySource | null, fieldFindings = 0): Promise<HTMLElement> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ resources: { ko: { translation: ko }, en: { translation: en } }, lng: language, interpolation: { escapeValue: false }, showSupportNotice: false });
  const client = inProcessClient(dictionaries);
  editor = new Editor({
    extensions: [...bodyExtensions(''), StyleCheck.configure({ client: () => client, language: () => 'ko', kept: () => [] })],
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '대퉁령은 컨퍼런스에 갔다.' }] }] },
  });
  const host = document.createElement('div');
  root = createRoot(host);
  act(() => root!.render(<I18nextProvider i18n={i18n}><CheckSummary editor={editor} fieldFindings={fieldFindings} /></I18nextProvider>));
  return host;
}

/** Waits (generously: a loaded CI machine) until the house-style finding is counted. */
async function counted(host: HTMLElement, expected = '1'): Promise<void> {
  const count = () => host.querySelector<HTMLElement>('[data-testid="check-count"]')?.dataset.count;
  for (let i = 0; i < 400 && count() !== expected; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 25)));
  expect(count()).toBe(expected);
}

const notice = (host: HTMLElement) => host.querySelector<HTMLElement>('[data-testid="check-spelling-off"]');
const countText = (host: HTMLElement) => host.querySelector<HTMLElement>('[data-testid="check-count"]')!.textContent;

describe('the check summary: spelling unavailable said so, and the headline and deck counted', () => {
  it('says so in Korean, with what to do, and counts house style only', async () => {
    const host = await summary('ko', missingDictionary);
    await counted(host);
    expect(notice(host)?.textContent).toBe('맞춤법 검사를 쓸 수 없음 — 사전을 불러오지 못했습니다. 앱을 다시 시작해 보세요');
    expect(notice(host)?.title).toContain('표기 점검은 그대로 됩니다');
    expect(notice(host)?.title).toContain('/dictionaries/ko.dic: 404');
    expect(countText(host)).toBe('표기 1건');
  }, 30_000);

  it('says so in English', async () => {
    const host = await summary('en', missingDictionary);
    await counted(host);
    expect(notice(host)?.textContent).toBe('Spelling check unavailable — the dictionary did not load. Try restarting the app');
    expect(notice(host)?.title).toContain('/dictionaries/ko.dic: 404');
    expect(countText(host)).toBe('Style 1');
  }, 30_000);

  it('shows no notice when the check has no dictionary trouble', async () => {
    const host = await summary('ko', null);
    await counted(host);
    expect(notice(host)).toBeNull();
    expect(countText(host)).toBe('표기 1건 · 맞춤법 0건');
  }, 30_000);

  it('counts the headline\'s and deck\'s house-style findings with the body\'s', async () => {
    const host = await summary('ko', null, 2);
    await counted(host, '3');
    expect(countText(host)).toBe('표기 3건 · 맞춤법 0건');
    // "Next" still goes through the body's: the fields' are listed under the deck.
    expect(host.querySelector('[data-testid="check-next"]')).not.toBeNull();
  }, 30_000);
});

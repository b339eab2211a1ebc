// The worker's checking in-process, with the real Korean dictionary: house style and spelling in
// one answer with one finding per place (house style first), suggestions only when asked, the
// newsroom word list taken at once, and a dictionary that fails to load leaving house style working
// while every answer in that language says spelling is off, and why.
import { beforeAll, describe, expect, it } from 'vitest';
import { copyChecking } from './copyChecking';
import { fetchedDictionaries } from './dictionaryFetch';
import type { DictionaryBytes } from '../../../../shared/spelling/hunspellChecker';
import type { CheckResponse } from './checkProtocol';

let korean: DictionaryBytes;
beforeAll(async () => {
  const { default: ko } = await import('dictionary-ko');
  korean = { language: 'ko', aff: ko.aff, dic: ko.dic };
}, 120_000);

type Checked = Extract<CheckResponse, { type: 'checked' }>;

async function answer(checking: ReturnType<typeof copyChecking>, text: string): Promise<Checked> {
  const response = await checking.handle({ type: 'check', id: 1, language: 'ko', texts: [text] });
  if (response?.type !== 'checked') throw new Error(`not a check's answer: ${JSON.stringify(response)}`);
  return response;
}

async function check(checking: ReturnType<typeof copyChecking>, text: string): Promise<Checked['results'][number]['findings']> {
  return (await answer(checking, text)).results[0].findings;
}

describe('checking in the worker', () => {
  it('answers house style and spelling together, one finding per place, spelling without suggestions', async () => {
    const checking = copyChecking(async () => korean);
    const response = await answer(checking, '몇일 전 대퉁령은 컨퍼런스에 갔다.');
    expect(response.spellingOff).toBeUndefined();
    const findings = response.results[0].findings;
    expect(findings.map((f) => [f.checker, f.text, f.offset])).toEqual([
      ['style', '몇일', 0],
      ['spelling', '대퉁령은', 5],
      ['style', '컨퍼런스', 10],
    ]);
    expect(findings[1].fix).toBeUndefined();
    const suggested = await checking.handle({ type: 'suggest', id: 2, language: 'ko', word: '대퉁령은' });
    expect(suggested).toMatchObject({ type: 'suggested', id: 2 });
    expect((suggested as Extract<CheckResponse, { type: 'suggested' }>).suggestions[0]).toBe('대통령은');
  }, 120_000);

  it('takes the newsroom word list at once', async () => {
    const checking = copyChecking(async () => korean);
    expect((await check(checking, '한빛타이탄스가 이겼다.')).map((f) => f.text)).toEqual(['한빛타이탄스가']);
    await checking.handle({ type: 'words', words: ['한빛타이탄스'] });
    expect(await check(checking, '한빛타이탄스가 이겼다.')).toEqual([]);
  }, 120_000);

  it('keeps house style when the dictionary cannot be loaded, reports it with every answer, and logs it once', async () => {
    const said: string[] = [];
    const checking = copyChecking(async () => {
      throw new Error('404');
    }, (m) => said.push(m));
    const first = await answer(checking, '대퉁령은 컨퍼런스에 갔다.');
    expect(first.results[0].findings.map((f) => f.text)).toEqual(['컨퍼런스']);
    expect(first.spellingOff).toBe('404');
    expect((await answer(checking, '또 컨퍼런스.')).spellingOff).toBe('404');
    expect(said).toEqual(['spelling is off for ko: 404']);
  });

  it('reports the dictionary file the worker could not fetch from the app, and keeps checking house style', async () => {
    const asked: string[] = [];
    // The app serves the .aff but not the .dic (a damaged install).
    const fakeFetch = async (url: URL) => {
      asked.push(url.href);
      const found = url.pathname.endsWith('.aff');
      return { ok: found, status: found ? 200 : 404, arrayBuffer: async () => new ArrayBuffer(8) };
    };
    const checking = copyChecking(fetchedDictionaries('app://copydesk/assets/checkWorker-1a2b.js', fakeFetch));
    const response = await answer(checking, '대퉁령은 컨퍼런스에 갔다.');
    expect(asked).toEqual(['app://copydesk/dictionaries/ko.aff', 'app://copydesk/dictionaries/ko.dic']);
    expect(response.spellingOff).toBe('/dictionaries/ko.dic: 404');
    expect(response.results[0].findings.map((f) => [f.checker, f.text])).toEqual([['style', '컨퍼런스']]);
    // Asking for suggestions in that language answers, with none.
    expect(await checking.handle({ type: 'suggest', id: 2, language: 'ko', word: '대퉁령은' })).toEqual({ type: 'suggested', id: 2, suggestions: [] });
  });

  it('says nothing about spelling when the worker was given no dictionaries at all', async () => {
    expect((await answer(copyChecking(null), '컨퍼런스')).spellingOff).toBeUndefined();
  });
});

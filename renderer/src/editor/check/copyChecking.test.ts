// The worker's checking in-process, with the real Korean dictionary: house style and spelling in
// one answer with one finding per place (house style first), suggestions only when asked, the
// newsroom word list taken at once, and a dictionary that fails to load leaving house style working.
import { beforeAll, describe, expect, it } from 'vitest';
import { copyChecking } from './copyChecking';
import type { DictionaryBytes } from '../../../../shared/spelling/hunspellChecker';
import type { CheckResponse } from './checkProtocol';

let korean: DictionaryBytes;
beforeAll(async () => {
  const { default: ko } = await import('dictionary-ko');
  korean = { language: 'ko', aff: ko.aff, dic: ko.dic };
}, 120_000);

type Checked = Extract<CheckResponse, { type: 'checked' }>;

async function check(checking: ReturnType<typeof copyChecking>, text: string): Promise<Checked['results'][number]['findings']> {
  const response = (await checking.handle({ type: 'check', id: 1, language: 'ko', texts: [text] })) as Checked;
  return response.results[0].findings;
}

describe('checking in the worker', () => {
  it('answers house style and spelling together, one finding per place, spelling without suggestions', async () => {
    const checking = copyChecking(async () => korean);
    const findings = await check(checking, '몇일 전 대퉁령은 컨퍼런스에 갔다.');
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

  it('keeps house style when the dictionary cannot be loaded, and says why once', async () => {
    const said: string[] = [];
    const checking = copyChecking(async () => {
      throw new Error('404');
    }, (m) => said.push(m));
    expect((await check(checking, '대퉁령은 컨퍼런스에 갔다.')).map((f) => f.text)).toEqual(['컨퍼런스']);
    await check(checking, '또 컨퍼런스.');
    expect(said).toEqual(['spelling is off for ko: 404']);
  });
});

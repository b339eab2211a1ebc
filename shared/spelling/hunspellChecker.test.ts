// Hunspell (WebAssembly) with the Korean and English dictionaries, on sentences of our own: the
// misspellings are flagged where they stand with the right suggestion, correct copy is not, and the
// word list accepts what the newsroom says is right. Loading Korean takes about 1.6 s, so each
// dictionary is loaded once for the file.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ko from 'dictionary-ko';
import en from 'dictionary-en';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpeller, type Speller } from './hunspellChecker';

const LOAD_TIMEOUT = 120_000;
/**
 * The outlet's own names in our corpus (the fictional 한빛 titles, its teams, a company): what a
 * newsroom puts in its word list first.
 */
const OUTLET_WORDS = ['한빛', '타이탄스', '마린스', '스파크스', '웨이브스', '짐길', '유나이티드'];
let koSpeller: Speller;
/** Korean with the outlet's word list; the word-list tests add to this one only. */
let koListed: Speller;
let enSpeller: Speller;
let koLoadMs = 0;
let enLoadMs = 0;

beforeAll(async () => {
  let t = performance.now();
  koSpeller = await createSpeller({ language: 'ko', ...ko });
  koLoadMs = performance.now() - t;
  t = performance.now();
  enSpeller = await createSpeller({ language: 'en', ...en });
  enLoadMs = performance.now() - t;
  koListed = await createSpeller({ language: 'ko', ...ko }, OUTLET_WORDS);
}, LOAD_TIMEOUT);

afterAll(() => {
  koSpeller?.dispose();
  koListed?.dispose();
  enSpeller?.dispose();
});

/** What the speller flags, as [offset, text, first suggestion]. */
const flagged = (speller: Speller, text: string) => speller.check(text).map((f) => [f.offset, f.text, f.suggestions[0]]);

describe('Korean', () => {
  it('flags our misspellings where they stand, with the right first suggestion', { timeout: 60_000 }, () => {
    // Offsets counted by hand: 몇일 at 4, 대퉁령은 at 15, 설겆이 at 20.
    const text = '회의는 몇일 뒤로 미뤄졌고 대퉁령은 설겆이 봉사에 나섰다.';
    expect(flagged(koSpeller, text)).toEqual([
      [4, '몇일', '며칠'],
      [15, '대퉁령은', '대통령은'],
      [20, '설겆이', '설거지'],
    ]);
    const [first] = koSpeller.check(text);
    expect(first).toMatchObject({ offset: 4, length: 2, text: '몇일' });
    expect(first.suggestions.length).toBeLessThanOrEqual(5);
  });

  it('accepts correct copy, compounds written solid and Korean names before a title', () => {
    const clean = [
      '기자는 며칠 전 대통령을 만났다고 말했다.',
      '정부는 공급망을 점검하고 폐배터리를 재활용하는 방안을 내놓았다.',
      '재보궐선거는 다음 달 치러지며 접종률은 지역마다 달랐다.',
      '[산업부 김하늘ㆍ박도윤 기자] 최윤호 장관은 11월 수출이 612억달러로 늘었다고 밝혔다.',
    ];
    for (const text of clean) expect([text, flagged(koSpeller, text)]).toEqual([text, []]);
  });

  it('offers no suggestions for a Korean word over eight syllables (Hunspell spends seconds on each)', () => {
    const run = '가나다라마바사아자차카';
    expect(koSpeller.check(`그는 ${run} 했다.`)).toEqual([{ offset: 3, length: 11, text: run, suggestions: [] }]);
    // Hunspell itself would split this one (대통령께서는 그러니까) after about 1.4 s.
    expect(koSpeller.suggest('대통령께서는그러니까')).toEqual([]);
    expect(koSpeller.suggest('대퉁령께서')).toContain('대통령께서');
  });

  it('the word list accepts a flagged word, with particles after it and in compounds', () => {
    expect(flagged(koSpeller, '한빛경제 타이탄스가 이겼다.').map(([, text]) => text)).toEqual(['한빛경제', '타이탄스가']);
    expect(flagged(koListed, '한빛경제 타이탄스가 이겼다.')).toEqual([]);
    // Only what is listed: a misspelling is still flagged.
    expect(flagged(koListed, '타이탄스는 몇일 쉰다.')).toEqual([[6, '몇일', '며칠']]);
  });

  it('금새: the dictionary lacks the rare noun (물건값), so it is flagged with 금세 first; addWords accepts it', () => {
    expect(flagged(koListed, '소문은 금새 퍼졌다.')).toEqual([[4, '금새', '금세']]);
    expect(flagged(koListed, '소문은 금세 퍼졌다.')).toEqual([]);
    koListed.addWords([' 금새 ', '']);
    expect(flagged(koListed, '쌀 금새가 올랐다.')).toEqual([]);
    // The speller without the list still flags it.
    expect(flagged(koSpeller, '쌀 금새가 올랐다.').map(([offset, text]) => [offset, text])).toEqual([[2, '금새가']]);
  });
});

describe('English', () => {
  it('flags our misspellings with offsets and suggestions, and leaves names alone', { timeout: 60_000 }, () => {
    const text = 'Council member Rosa Ibarra said the port will recieve ships and accomodate visitors.';
    expect(flagged(enSpeller, text)).toEqual([
      [46, 'recieve', 'receive'],
      [64, 'accomodate', 'accommodate'],
    ]);
    expect(enSpeller.suggest('recieve')[0]).toBe('receive');
    expect(flagged(enSpeller, 'The council’s vote on Tuesday didn’t pass.')).toEqual([]);
  });

  it('takes the word list when created, and stops after dispose', async () => {
    const speller = await createSpeller({ language: 'en', ...en }, ['accomodate']);
    expect(flagged(speller, 'We recieve and accomodate.')).toEqual([[3, 'recieve', 'receive']]);
    expect(speller.check('We recieve.', { suggestions: false })).toEqual([{ offset: 3, length: 7, text: 'recieve', suggestions: [] }]);
    speller.dispose();
    expect(() => speller.check('We recieve.')).toThrow('disposed');
  });
});

/** Characters as a reader counts them (code points), line breaks left out, as the house-style corpus test counts. */
const charCount = (text: string) => [...text.replace(/\n/g, '')].length;

function corpus(language: 'ko' | 'en') {
  const dir = fileURLToPath(new URL(`../style/corpus/${language}/`, import.meta.url));
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(`${dir}${name}`, 'utf8') }));
}

/**
 * Flags per 2,000 characters on our own clean copy (shared/style/corpus/). Ceilings are the measured
 * rates with a little room (README.md): Korean is high because dictionary-ko lacks many loanwords,
 * place names and newer words.
 */

describe('clean copy', () => {
  const cases: Array<[language: 'ko' | 'en', listed: boolean, ceiling: number]> = [
    ['en', false, 0.5],
    ['ko', false, 10.5],
    ['ko', true, 6],
  ];
  for (const [language, listed, ceiling] of cases) {
    it(`${language}${listed ? ' with the outlet’s word list' : ''}: at most ${ceiling} flags per 2,000 characters`, () => {
      const speller = language === 'en' ? enSpeller : listed ? koListed : koSpeller;
      const stories = corpus(language);
      const paragraphs = stories.flatMap((s) => s.text.split('\n').filter((line) => line.trim() !== ''));
      const started = performance.now();
      const found = paragraphs.flatMap((p) => speller.check(p, { suggestions: false }).map((f) => f.text));
      const perParagraph = (performance.now() - started) / paragraphs.length;
      const characters = stories.reduce((sum, s) => sum + charCount(s.text), 0);
      const per2000 = (found.length * 2000) / characters;
      console.log(
        `[spelling ${language}${listed ? ` + ${OUTLET_WORDS.length} words` : ''}] ${stories.length} stories, ${characters} characters, ${paragraphs.length} paragraphs: ` +
          `${found.length} flags = ${per2000.toFixed(2)} per 2,000 characters; load ${(language === 'ko' ? koLoadMs : enLoadMs).toFixed(0)} ms, ` +
          `check ${perParagraph.toFixed(2)} ms a paragraph (no suggestions)\n  ${found.join(' ')}`,
      );
      expect(stories.length).toBeGreaterThanOrEqual(10);
      expect(per2000).toBeLessThanOrEqual(ceiling);
    });
  }
});

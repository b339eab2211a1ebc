// Spelling as a checker beside house style: findings located by part, Hunspell's first suggestion as
// the fix, messages in both languages, and one finding where house style already flags the words.
import ko from 'dictionary-ko';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyContent } from '../model/article';
import { checkArticle, defaultRuleSets, styleChecker } from '../style/checkArticle';
import { createSpeller, type Speller } from './hunspellChecker';
import { spellingChecker } from './spellingChecker';

let koSpeller: Speller;
beforeAll(async () => {
  koSpeller = await createSpeller({ language: 'ko', ...ko }, ['한빛']);
}, 120_000);
afterAll(() => koSpeller?.dispose());

function article() {
  const content = emptyContent('ko');
  content.headline = '대퉁령 몇일 만에 복귀';
  content.deck = ['한빛경제 단독'];
  content.body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '정부는 설겆이 봉사에 나섰다.' }] }] };
  return content;
}

describe('spellingChecker', () => {
  it('locates spelling findings by part with the first suggestion as the fix and a message in Korean and English', { timeout: 60_000 }, () => {
    const { findings, notChecked } = checkArticle(article(), [spellingChecker({ ko: koSpeller })]);
    expect(notChecked).toEqual([]);
    expect(findings.map((f) => [f.checker, f.ruleId, f.part, f.paragraph, f.offset, f.text, f.fix])).toEqual([
      ['spelling', 'spelling', 'headline', 1, 0, '대퉁령', '대통령'],
      ['spelling', 'spelling', 'headline', 1, 4, '몇일', '며칠'],
      ['spelling', 'spelling', 'body', 1, 4, '설겆이', '설거지'],
    ]);
    expect(findings[0].message).toEqual({
      ko: '사전에 없는 말입니다: ‘대퉁령’. ‘대통령’이(가) 맞는지 확인하세요. 맞는 말(이름·고유명사)이면 사내 단어장에 추가하세요.',
      en: 'Not in the dictionary: “대퉁령”. Did you mean “대통령”? If the word is right (a name, say), add it to the newsroom word list.',
    });
  });

  it('after house style, a place it already flags gets the rule’s finding only', { timeout: 60_000 }, () => {
    const { findings } = checkArticle(article(), [styleChecker(defaultRuleSets()), spellingChecker({ ko: koSpeller })]);
    expect(findings.map((f) => [f.checker, f.ruleId, f.part, f.offset, f.text])).toEqual([
      ['spelling', 'spelling', 'headline', 0, '대퉁령'],
      ['style', 'spelling-myeochil', 'headline', 4, '몇일'],
      ['style', 'spelling-seolgeoji', 'body', 4, '설겆이'],
    ]);
  });

  it('says it did not run when there is no speller for the article’s language', () => {
    const { findings, notChecked } = checkArticle(article(), [spellingChecker({})]);
    expect(findings).toEqual([]);
    expect(notChecked).toEqual(['spelling']);
  });
});

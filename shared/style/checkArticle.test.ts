import { describe, expect, it } from 'vitest';
import { emptyContent, type ArticleContent } from '../model/article';
import { figureNode } from '../exchange/docNodes';
import { NOTE_MARK } from '../workflow/notes';
import { articleParts, checkArticle, defaultRuleSets, styleChecker, type Checker } from './checkArticle';

function koArticle(): ArticleContent {
  const content = emptyContent('ko');
  content.kicker = '몇일';
  content.headline = '몇일 만의 재개';
  content.deck = ['첫 줄', '역활 분담'];
  content.body = {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: '회의가 열렸다.' }] },
      // The editor's note is never published, so it is not checked and does not shift offsets.
      { type: 'paragraph', content: [{ type: 'text', text: '확인 몇일', marks: [{ type: NOTE_MARK }] }, { type: 'text', text: ' 소문은 금새 퍼졌다.' }] },
      figureNode({ caption: '개발자 컨퍼런스 현장', credit: '몇일 사진부' }),
    ],
  };
  return content;
}

describe('checkArticle', () => {
  it('numbers the parts: headline, deck lines, body paragraphs and captions, without the kicker or editor’s notes', () => {
    expect(articleParts(koArticle())).toEqual([
      { part: 'headline', paragraph: 1, text: '몇일 만의 재개' },
      { part: 'deck', paragraph: 1, text: '첫 줄' },
      { part: 'deck', paragraph: 2, text: '역활 분담' },
      { part: 'body', paragraph: 1, text: '회의가 열렸다.' },
      { part: 'body', paragraph: 2, text: '소문은 금새 퍼졌다.' },
      { part: 'caption', paragraph: 1, text: '개발자 컨퍼런스 현장' },
    ]);
  });

  it('locates house-style findings by part, paragraph and offset with the Korean set for Korean copy', () => {
    const { findings, notChecked } = checkArticle(koArticle(), [styleChecker(defaultRuleSets())]);
    expect(notChecked).toEqual([]);
    expect(findings.map((f) => [f.checker, f.part, f.paragraph, f.offset, f.ruleId, f.text, f.fix])).toEqual([
      ['style', 'headline', 1, 0, 'spelling-myeochil', '몇일', '며칠'],
      ['style', 'deck', 2, 0, 'spelling-yeokhal', '역활', '역할'],
      ['style', 'body', 2, 4, 'spelling-geumse', '금새', '금세'],
      ['style', 'caption', 1, 4, 'loanword-conference', '컨퍼런스', '콘퍼런스'],
    ]);
  });

  it('says so when no rule set is for the article’s language, and merges a second checker’s findings in reading order', () => {
    const content = koArticle();
    const marker: Checker = {
      name: 'marker',
      check: (parts) => parts.filter((p) => p.part === 'body').map((p) => ({ ruleId: 'mark', part: p.part, paragraph: p.paragraph, offset: 0, length: 1, text: p.text[0], message: { ko: '표시', en: 'mark' } })),
    };
    const { findings, notChecked } = checkArticle(content, [styleChecker({ en: defaultRuleSets().en }), marker]);
    expect(notChecked).toEqual(['style']);
    expect(findings.map((f) => `${f.checker}:${f.part} ${f.paragraph}:${f.offset}`)).toEqual(['marker:body 1:0', 'marker:body 2:0']);

    const both = checkArticle(content, [marker, styleChecker(defaultRuleSets())]);
    expect(both.findings.filter((f) => f.part === 'body').map((f) => `${f.checker}:${f.paragraph}:${f.offset}`)).toEqual(['marker:1:0', 'marker:2:0', 'style:2:4']);
  });

  it('keeps one finding per place: a later checker’s finding that overlaps an earlier one’s is dropped', () => {
    const at = (offset: number, length: number): Checker => ({
      name: `at${offset}`,
      check: (parts) => parts.filter((p) => p.part === 'headline').map((p) => ({ ruleId: 'mark', part: p.part, paragraph: p.paragraph, offset, length, text: p.text.slice(offset, offset + length), message: { ko: '표시', en: 'mark' } })),
    });
    // The style finding is 몇일 at 0–2 in the headline: 1–3 overlaps it, 2–4 only touches it.
    const { findings } = checkArticle(koArticle(), [styleChecker(defaultRuleSets()), at(1, 2), at(2, 2)]);
    expect(findings.filter((f) => f.part === 'headline').map((f) => `${f.checker}:${f.offset}`)).toEqual(['style:0', 'at2:2']);
  });
});

import { describe, expect, it } from 'vitest';
import { emptyContent, type ArticleContent, type DocNode } from '../model/article';
import { keptAt } from '../style/keptFindings';
import { diffArticles, diffText, type BlockDiff, type FigureDiff, type Part, type TextBlockDiff } from './diff';

const p = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const article = (headline: string, ...paragraphs: string[]): ArticleContent => ({ ...emptyContent('ko'), headline, body: { type: 'doc', content: paragraphs.map(p) } });
const text = (b: BlockDiff) => b as TextBlockDiff;
const marked = (parts: Part[], change: 'added' | 'removed') => parts.filter((x) => x.change === change).map((x) => x.text.trim()).filter(Boolean);

describe('article diff', () => {
  it('marks changed Korean words (eojeol) and leaves the rest alone', () => {
    const parts = diffText('공장은 내년 3월 착공한다.', '공장은 내년 5월 착공할 예정이다.');
    // Intl.Segmenter splits 3월 into 3 and 월, so only the digit is marked; 공장은 내년 is untouched.
    expect(marked(parts, 'removed')).toEqual(['3', '착공한다']);
    expect(marked(parts, 'added')).toEqual(['5', '착공할 예정이다']);
    expect(parts.filter((x) => x.change !== 'added').map((x) => x.text).join('')).toBe('공장은 내년 3월 착공한다.');
    expect(parts.filter((x) => x.change !== 'removed').map((x) => x.text).join('')).toBe('공장은 내년 5월 착공할 예정이다.');
  });

  it('marks changed English words', () => {
    const parts = diffText('The plant opens in March.', 'The plant opens in May, officials said.');
    expect(marked(parts, 'removed')).toEqual(['March']);
    expect(marked(parts, 'added')).toEqual(['May, officials said']);
  });

  it('compares field by field and paragraph by paragraph', () => {
    const before = article('배터리 공장 착공', '첫 문단.', '둘째 문단은 그대로.', '지울 문단.');
    const after = { ...article('폐배터리 공장 착공', '첫 문단을 고쳤다.', '둘째 문단은 그대로.', '새 문단.', '덧붙인 문단.'), tags: ['배터리'] };
    const diff = diffArticles(before, after);
    expect(diff.same).toBe(false);
    expect(diff.fields.map((f) => f.field)).toEqual(['headline', 'tags']);
    expect(diff.fields[0]).toMatchObject({ before: '배터리 공장 착공', after: '폐배터리 공장 착공' });
    expect(diff.blocks.map((b) => b.change)).toEqual(['changed', 'same', 'changed', 'added']);
    expect(marked(text(diff.blocks[0]).parts, 'added')).toEqual(['문단을 고쳤다']);
    expect(text(diff.blocks[0]).parts[0]).toEqual({ text: '첫 ', change: 'same' });
    expect(text(diff.blocks[3]).parts).toEqual([{ text: '덧붙인 문단.', change: 'added' }]);
  });

  describe('figures', () => {
    const ID1 = '40368cac'.padEnd(64, 'a');
    const ID2 = 'b'.repeat(64);
    const figure = (photoId: string, caption: string, credit = '', alt = ''): DocNode => ({ type: 'figure', attrs: { photoId, credit, alt }, content: [{ type: 'figureCaption', content: caption ? [{ type: 'text', text: caption }] : [] }] });
    const body = (...content: DocNode[]): ArticleContent => ({ ...article('제목'), body: { type: 'doc', content } });
    const changed = (before: ArticleContent, after: ArticleContent) => diffArticles(before, after).blocks.filter((b) => b.change !== 'same') as FigureDiff[];
    const fields = (f: FigureDiff) => f.fields.map((x) => [x.field, marked(x.parts, 'removed'), marked(x.parts, 'added')]);
    const two = (credit2: string, caption2 = '광양항 관제실에서 직원이 하역 장비를 원격으로 조종하고 있다.') =>
      body(p('문단.'), figure(ID1, '부산항 신항 부두에서 무인 크레인이 컨테이너를 옮기고 있다.', '한빛경제 DB', '크레인'), p('둘째 문단.'), figure(ID2, caption2, credit2));

    it('names a changed credit by its photo number and caption start, never by its photo id', () => {
      const diff = changed(two('한빛경제 DB'), two('해양수산부 제공'));
      expect(diff).toEqual([{ change: 'changed', kind: 'figure', figure: 2, caption: '광양항 관제실에서 직원이 하역 장비를…', photo: 'same', fields: expect.any(Array) }]);
      expect(fields(diff[0])).toEqual([['credit', ['한빛경제 DB'], ['해양수산부 제공']]]);
      expect(JSON.stringify(diff)).not.toMatch(/40368cac|bbbbbbbb/);
    });

    it('says caption, credit and alt text apart, each under its own photo', () => {
      const before = two('', '광양항 관제실');
      const after = body(p('문단.'), figure(ID1, '부산항 신항 부두에서 무인 크레인이 컨테이너를 옮기고 있다. 12일 촬영', '한빛경제 DB', '크레인을 든 부두'), p('둘째 문단.'), figure(ID2, '광양항 관제실 자료사진', '해양수산부 제공'));
      const diff = changed(before, after);
      expect(diff.map((f) => f.figure)).toEqual([1, 2]);
      expect(fields(diff[0])).toEqual([['caption', [], ['12일 촬영']], ['alt', ['크레인'], ['크레인을 든 부두']]]);
      expect(fields(diff[1])).toEqual([['caption', [], ['자료사진']], ['credit', [], ['해양수산부 제공']]]);
    });

    it('says what happened to the photo in words: replaced, added, removed, still waiting', () => {
      const photo = (a: ArticleContent, b: ArticleContent) => changed(a, b).map((f) => [f.change, f.figure, f.photo]);
      expect(photo(body(figure(ID1, '캡션')), body(figure(ID2, '캡션')))).toEqual([['changed', 1, 'replaced']]);
      expect(photo(body(figure('', '캡션')), body(figure(ID2, '캡션')))).toEqual([['changed', 1, 'added']]);
      expect(photo(body(figure(ID1, '캡션')), body(figure('', '캡션')))).toEqual([['changed', 1, 'removed']]);
      expect(photo(body(figure('', '캡션')), body(figure('', '캡션 고침')))).toEqual([['changed', 1, 'waiting']]);
      expect(photo(body(p('a')), body(p('a'), figure(ID1, '새 사진')))).toEqual([['added', 1, 'added']]);
      expect(photo(body(p('a')), body(p('a'), figure('', '기다리는 사진')))).toEqual([['added', 1, 'waiting']]);
      expect(photo(body(figure(ID1, '하나'), figure(ID2, '둘')), body(figure(ID1, '하나')))).toEqual([['removed', 2, 'removed']]);
    });

    it('pairs an edited paragraph with a paragraph and an edited figure with a figure in the same run', () => {
      const diff = diffArticles(body(p('첫 문단.'), figure(ID1, '캡션', '김하늘')), body(p('첫 문단을 고쳤다.'), figure(ID1, '캡션', '한빛경제 김하늘'))).blocks;
      expect(diff.map((b) => [b.change, b.kind])).toEqual([['changed', 'paragraph'], ['changed', 'figure']]);
    });

    it('finds an unchanged figure the same', () => {
      expect(diffArticles(two('a'), two('a')).same).toBe(true);
    });
  });

  it('keeps the length target as data so the screen words its unit', () => {
    const a = article('제목');
    const diff = diffArticles(a, { ...a, lengthTarget: { value: 3, unit: 'sheets' } });
    expect(diff.fields).toEqual([expect.objectContaining({ field: 'lengthTarget', target: { before: null, after: { value: 3, unit: 'sheets' } } })]);
  });

  it('sees a changed dateline', () => {
    expect(diffArticles({ ...article('제목'), dateline: '울산' }, { ...article('제목'), dateline: '세종' }).fields.map((f) => f.field)).toEqual(['dateline']);
  });

  it('sees a finding kept as written, by its text', () => {
    const a = article('제목', '몇일 전');
    const diff = diffArticles(a, { ...a, keptFindings: [keptAt('spelling-myeochil', '몇일 전', 0, 2)] });
    expect(diff.same).toBe(false);
    expect(diff.fields.map((f) => [f.field, f.after])).toEqual([['keptFindings', '“몇일”']]);
  });

  it('finds nothing between identical versions', () => {
    const a = article('같다', '문단');
    expect(diffArticles(a, structuredClone(a))).toMatchObject({ same: true, fields: [] });
  });
});

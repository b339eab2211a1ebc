import { describe, expect, it } from 'vitest';
import { blockTexts, countBlocks } from './countBody';
import { bodySheets, toSheets } from './sheets';
import type { DocNode } from '../model/article';

const p = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('bodySheets', () => {
  it('is the grid 매수 the counts panel shows, captions apart, with or without a remembered row count', () => {
    const body: DocNode = {
      type: 'doc',
      content: [
        p('폐배터리에서 리튬과 니켈, 코발트를 뽑아내는 재활용 업체들이 올해 들어 잇따라 공장을 늘리고 있다.'),
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '공장 증설 경쟁' }] },
        { type: 'figure', attrs: { photoId: 'x' }, content: [{ type: 'figureCaption', content: [{ type: 'text', text: '사진 설명은 세지 않는다. '.repeat(20) }] }] },
        p('Battery makers said the supply of used cells would double by 2030.'),
        p(''),
      ],
    };
    const panel = toSheets(countBlocks(blockTexts(body).body)).grid;
    expect(bodySheets(body)).toBe(panel);
    expect(panel).toBeGreaterThan(0.5);
    const seen: string[] = [];
    expect(bodySheets(body, (text) => (seen.push(text), 10))).toBe(seen.length); // 10 rows = one sheet a paragraph
    expect(seen).not.toContain(expect.stringContaining('사진 설명'));
  });
});

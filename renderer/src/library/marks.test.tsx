import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Marked, markSegments } from './marks';

const join = (segments: { text: string }[]) => segments.map((s) => s.text).join('');

describe('search marks', () => {
  it('cuts the text into plain and marked runs that join back to the text', () => {
    const text = '정부가 폐배터리를 재활용한다';
    const segs = markSegments(text, [[5, 8]]);
    expect(segs).toEqual([
      { text: '정부가 폐', marked: false },
      { text: '배터리', marked: true },
      { text: '를 재활용한다', marked: false },
    ]);
    expect(join(segs)).toBe(text);
  });

  it('merges overlapping and touching marks, sorts them, and clips ranges past the end', () => {
    const text = 'recycling batteries';
    const segs = markSegments(text, [[10, 99], [0, 4], [2, 7], [7, 9]]);
    expect(segs.filter((s) => s.marked).map((s) => s.text)).toEqual(['recycling', 'batteries']);
    expect(join(segs)).toBe(text);
  });

  it('ignores empty, reversed and negative ranges and keeps the whole text', () => {
    const text = 'Harbour';
    expect(markSegments(text, [[3, 3], [5, 2], [-4, -1]])).toEqual([{ text, marked: false }]);
    expect(markSegments('', [[0, 2]])).toEqual([]);
  });

  it('renders marked runs as <mark> and escapes the text', () => {
    const html = renderToStaticMarkup(<Marked text={'<b>배터리</b> 값'} marks={[[3, 6]]} />);
    expect(html).toBe('&lt;b&gt;<mark>배터리</mark>&lt;/b&gt; 값');
  });
});

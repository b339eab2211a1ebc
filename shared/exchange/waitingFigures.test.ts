import { describe, expect, it } from 'vitest';
import type { ExportArticle, ExportFigure } from './types';
import { withoutWaitingFigures } from './waitingFigures';

const photo = { id: 'p'.repeat(64), fileName: 'photo-01.jpg', mimeType: 'image/jpeg', width: 10, height: 10, metadata: {} } as unknown as ExportFigure['photo'];
const fig = (photoId: string, caption: string): ExportFigure => ({ photoId, caption, credit: 'c', alt: '', photo: photoId ? photo : null });
const p = (text: string) => ({ type: 'paragraph' as const, inlines: [{ text }] });

describe('withoutWaitingFigures', () => {
  const a = {
    figures: [fig('', '첫 사진은 아직 없다'), fig('p'.repeat(64), '둘째 사진'), fig('', '광양항 관제실에서 직원이 하역 장비를 원격으로 조종하고 있다.')],
    blocks: [p('하나'), { type: 'figure', index: 0 }, p('둘'), { type: 'figure', index: 1 }, { type: 'quote', blocks: [{ type: 'figure', index: 2 }, p('셋')] }],
  } as unknown as ExportArticle;

  it('leaves out the figures with no photo, names them as the checklist does, and renumbers the rest', () => {
    const { doc, leftOut } = withoutWaitingFigures(a);
    expect(leftOut).toEqual([
      { figure: 1, caption: '첫 사진은 아직 없다' },
      { figure: 3, caption: '광양항 관제실에서 직원이 하역 장비를…' },
    ]);
    expect(doc.figures.map((f) => f.caption)).toEqual(['둘째 사진']);
    expect(doc.blocks).toEqual([p('하나'), p('둘'), { type: 'figure', index: 0 }, { type: 'quote', blocks: [p('셋')] }]);
    // The article it was given is untouched (the PDF proof still shows every figure).
    expect(a.figures).toHaveLength(3);
  });

  it('returns the same article when every figure has its photo', () => {
    const full = { ...a, figures: [fig('p'.repeat(64), 'x')], blocks: [{ type: 'figure', index: 0 }] } as unknown as ExportArticle;
    expect(withoutWaitingFigures(full)).toEqual({ doc: full, leftOut: [] });
  });
});

import { describe, expect, it } from 'vitest';
import type { ArticleContent, DocNode } from '../model/article';
import { defaultSettings } from '../model/settings';
import { emptyContent } from '../model/article';
import { activeRuleSets } from '../style/activeRuleSets';
import { keptAt } from '../style/keptFindings';
import { NOTE_MARK } from './notes';
import { missingForApproval } from './checklist';
import { houseStylePlaces } from './houseStylePlaces';

const t = (text: string, note = false): DocNode => ({ type: 'text', text, ...(note ? { marks: [{ type: NOTE_MARK }] } : {}) });
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const body = (...content: DocNode[]) => ({ type: 'doc' as const, content });
const LEAD = '그는 컨퍼런스에 갔다. 다음 컨퍼런스도 간다.';

function copy(over: Partial<ArticleContent> = {}): ArticleContent {
  return { ...emptyContent('ko'), headline: '수상버스 달린다', byline: { outlet: '한빛', desk: '', templateId: '', reporters: [{ name: '김하늘', role: '기자', email: '' }] }, body: body(p(t(LEAD))), ...over };
}

describe('house style on the approval checklist', () => {
  const settings = defaultSettings();
  const sets = activeRuleSets(settings);

  it('points at each finding in the body by its editor position and paragraph', () => {
    const places = houseStylePlaces(copy(), sets);
    // The paragraph's text starts at position 1, as in the editor.
    expect(places).toEqual([
      { kind: 'finding', ruleId: 'loanword-conference', text: '컨퍼런스', fix: '콘퍼런스', message: expect.objectContaining({ ko: expect.any(String) }), at: { kind: 'body', from: 1 + 3, to: 1 + 7, block: { kind: 'paragraph', n: 1, start: expect.any(String) } } },
      { kind: 'finding', ruleId: 'loanword-conference', text: '컨퍼런스', fix: '콘퍼런스', message: expect.objectContaining({ ko: expect.any(String) }), at: { kind: 'body', from: 1 + LEAD.indexOf('컨퍼런스도'), to: 1 + LEAD.indexOf('컨퍼런스도') + 4, block: expect.objectContaining({ n: 1 }) } },
    ]);
    expect(missingForApproval(copy(), settings)).toEqual(['houseStyle']);
  });

  it('leaves out a finding the writer kept, and only that one', () => {
    const kept = [keptAt('loanword-conference', LEAD, 3, 4)];
    expect(houseStylePlaces(copy({ keptFindings: kept }), sets).map((f) => f.at.kind === 'body' && f.at.from)).toEqual([1 + LEAD.indexOf('컨퍼런스도')]);
    const both = [...kept, keptAt('loanword-conference', LEAD, LEAD.indexOf('컨퍼런스도'), 4)];
    expect(missingForApproval(copy({ keptFindings: both }), settings)).toEqual([]);
  });

  it('reads a paragraph with a note in it as the editor does, so positions after the note hold', () => {
    const withNote = copy({ body: body(p(t('확인 '), t('출처 다시', true), t(' 컨퍼런스'))) });
    const [place] = houseStylePlaces(withNote, sets);
    expect(place.at).toMatchObject({ kind: 'body', from: 1 + '확인 출처 다시 '.length, to: 1 + '확인 출처 다시 컨퍼런스'.length });
  });

  it('checks the headline, the deck and captions too', () => {
    const caption: DocNode = { type: 'figure', attrs: { photoId: 'a'.repeat(64), credit: 'c', alt: 'a' }, content: [{ type: 'figureCaption', content: [t('몇일 전 모습')] }] };
    const places = houseStylePlaces(copy({ headline: '컨퍼런스 연다', deck: ['몇일 뒤'], body: body(caption) }), sets);
    expect(places.map((f) => [f.ruleId, f.at.kind === 'field' ? f.at.field : f.at.block.kind])).toEqual([
      ['loanword-conference', 'headline'],
      ['spelling-myeochil', 'deck'],
      ['spelling-myeochil', 'caption'],
    ]);
  });

  it('follows the settings: a rule turned off or the item turned off counts nothing; an English story uses the English rules', () => {
    const off = { ...settings, houseStyle: { ...settings.houseStyle, ko: { ...settings.houseStyle.ko, disabled: ['loanword-conference'] } } };
    expect(missingForApproval(copy(), off)).toEqual([]);
    const itemOff = { ...settings, workflow: { ...settings.workflow, checklist: { ...settings.workflow.checklist, items: { houseStyle: false } } } };
    expect(missingForApproval(copy(), itemOff)).toEqual([]);
    expect(houseStylePlaces(copy({ language: 'en' }), sets)).toEqual([]);
  });
});

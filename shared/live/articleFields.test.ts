// The fields beside the body in a live document: what the server writes reads back the same; two
// people's changes to different parts of a field merge; what a client made unreadable or too long
// reads as the field allows.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ArticleContentSchema } from '../model/article';
import { LIVE_FIELDS, fieldFragment, hasFields, readFields, readFieldsPartial, setFields, writeFields, type LiveMeta } from './articleFields';

const META: LiveMeta = {
  language: 'ko',
  kicker: '단독',
  headline: '서울 첫눈, 평년보다 일주일 늦어',
  deck: ['기상청 "이번 주말 영하권"', '출근길 빙판 주의'],
  byline: { outlet: '한빛일보', desk: '사회부', templateId: '', reporters: [{ name: '김서연', role: '기자', email: 'seoyeon@example.kr' }] },
  dateline: '서울',
  tags: ['날씨', '첫눈'],
  lengthTarget: { unit: 'sheets', value: 6 },
  deskNote: '사진 두 장 더 옵니다.\n\n제목은 바꿔도 됩니다.',
  embargo: null,
  keptFindings: [{ rule: 'loanword-conference', before: '그는 ', text: '컨퍼런스', after: '에 갔다.' }],
};

/** A second replica that has everything `doc` has (as a client would after syncing). */
function replicaOf(doc: Y.Doc): Y.Doc {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return other;
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

function typeAt(doc: Y.Doc, key: 'headline' | 'deck' | 'deskNote', line: number, offset: number, text: string): void {
  const paragraph = doc.getXmlFragment(fieldFragment(key)).get(line) as Y.XmlElement;
  if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
  (paragraph.get(0) as Y.XmlText).insert(offset, text);
}

describe('live article fields', () => {
  it('has a kind for every field of the article but the body', () => {
    const keys = Object.keys(ArticleContentSchema.shape).filter((k) => k !== 'body').sort();
    expect(Object.keys(LIVE_FIELDS).sort()).toEqual(keys);
  });

  it('reads back what the server wrote', () => {
    const doc = new Y.Doc();
    expect(hasFields(doc)).toBe(false);
    writeFields(doc, META);
    expect(hasFields(doc)).toBe(true);
    expect(readFields(replicaOf(doc), { ...META, headline: 'x', tags: [] })).toEqual(META);
  });

  it('a document made before the fields were live reads as the copy it came from', () => {
    const doc = new Y.Doc();
    doc.getXmlFragment('body');
    expect(readFields(doc, META)).toEqual(META);
  });

  it('every text field holds a paragraph even when empty, so no client has to make one', () => {
    const doc = new Y.Doc();
    writeFields(doc, { ...META, kicker: '', deck: [], deskNote: '' });
    for (const key of ['kicker', 'deck', 'deskNote'] as const) expect(doc.getXmlFragment(fieldFragment(key)).length).toBe(1);
    expect(readFields(doc, META)).toMatchObject({ kicker: '', deck: [], deskNote: '' });
  });

  it('merges two people typing in the same headline and deck line', () => {
    const server = new Y.Doc();
    writeFields(server, { ...META, headline: '서울 첫눈' });
    const a = replicaOf(server);
    const b = replicaOf(server);
    typeAt(a, 'headline', 0, 0, '[속보] ');
    typeAt(b, 'headline', 0, 5, ' 내려');
    typeAt(b, 'deck', 1, 0, '내일 ');
    exchange(a, b);
    expect(readFields(a, META).headline).toBe('[속보] 서울 첫눈 내려');
    expect(readFields(b, META)).toEqual(readFields(a, META));
    expect(readFields(a, META).deck).toEqual(['기상청 "이번 주말 영하권"', '내일 출근길 빙판 주의']);
  });

  it('keeps both people’s tags, and one’s outlet beside the other’s desk', () => {
    const server = new Y.Doc();
    writeFields(server, META);
    const a = replicaOf(server);
    const b = replicaOf(server);
    setFields(a, { tags: [...META.tags, '교통'], byline: { ...META.byline, outlet: '한빛신문' } });
    setFields(b, { tags: ['첫눈', '기상청'], byline: { ...META.byline, desk: '전국부' } });
    exchange(a, b);
    const read = readFields(a, META);
    // Both additions kept, the removed tag gone (the order of two additions at once follows the Yjs client ids).
    expect([...read.tags].sort()).toEqual(['교통', '기상청', '첫눈']);
    expect(read.byline).toMatchObject({ outlet: '한빛신문', desk: '전국부' });
    expect(readFields(b, META)).toEqual(read);
  });

  it('keeps the findings two people kept at once', () => {
    const server = new Y.Doc();
    writeFields(server, META);
    const a = replicaOf(server);
    const b = replicaOf(server);
    const mine = { rule: 'spelling-myeochil', before: '', text: '몇일', after: ' 뒤' };
    const theirs = { rule: 'loanword-conference', before: '다음 ', text: '컨퍼런스', after: '도' };
    setFields(a, { keptFindings: [...META.keptFindings, mine] });
    setFields(b, { keptFindings: [...META.keptFindings, theirs] });
    exchange(a, b);
    expect(readFields(a, META).keptFindings).toHaveLength(3);
    expect(readFields(a, META).keptFindings).toEqual(expect.arrayContaining([...META.keptFindings, mine, theirs]));
  });

  it('writes nothing for a value that did not change', () => {
    const doc = new Y.Doc();
    writeFields(doc, META);
    const before = Y.encodeStateVector(doc);
    setFields(doc, { language: 'ko', tags: [...META.tags], byline: structuredClone(META.byline), lengthTarget: { unit: 'sheets', value: 6 } });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    setFields(doc, { lengthTarget: null, embargo: '2026-12-08T00:00:00.000Z' });
    expect(readFields(doc, META)).toMatchObject({ lengthTarget: null, embargo: '2026-12-08T00:00:00.000Z' });
  });

  it('reads a field a client made unreadable as the fallback, and cuts text at the field’s limit', () => {
    const doc = new Y.Doc();
    writeFields(doc, META);
    const hostile = replicaOf(doc);
    hostile.getMap('field.values').set('language', 'fr');
    hostile.getMap('field.byline').set('reporters', 'everyone');
    typeAt(hostile, 'headline', 0, 0, '가'.repeat(1500));
    const extra = new Y.XmlElement('paragraph');
    extra.insert(0, [new Y.XmlText('둘째 줄')]);
    hostile.getXmlFragment(fieldFragment('headline')).push([extra]);
    for (let i = 0; i < 4; i++) hostile.getXmlFragment(fieldFragment('deck')).push([new Y.XmlElement('paragraph')]);
    typeAt(hostile, 'deck', 5, 0, '다섯째 줄');
    const read = readFields(replicaOf(hostile), { ...META, language: 'en' });
    expect(read.language).toBe('en');
    expect(read.byline).toEqual(META.byline);
    expect(read.headline).toHaveLength(1000);
    expect(read.headline.startsWith('가가가')).toBe(true);
    expect(read.deck).toEqual(META.deck.concat('다섯째 줄'));
    expect(readFields(replicaOf(doc), META).dateline).toBe('서울');
  });

  it('reads only the fields that read when there is no copy to fall back on', () => {
    expect(readFieldsPartial(new Y.Doc())).toEqual({});
    const doc = new Y.Doc();
    writeFields(doc, META);
    doc.getMap('field.values').set('language', 'fr');
    const read = readFieldsPartial(doc);
    expect('language' in read).toBe(false);
    expect(read).toEqual((({ language: _language, ...rest }) => rest)(META));
  });
});

// A Korean sign-off closing a body becomes the byline's e-mail and leaves the body, in ninjs as on
// web pages (NITF: core/exchange/import/nitfSignOff.test.ts); a body that only mentions an address keeps it.
import { describe, expect, it } from 'vitest';
import { fromNinjs } from './fromNinjs';
import { signOffIn } from './bodySignOff';
import type { DocNode } from '../../model/article';

const texts = (body: DocNode) => (body.content ?? []).map((n) => (n.content ?? []).map((c) => c.text ?? '').join(''));

describe('the sign-off closing a body', () => {
  it('reads a line that is only a sign-off, or one at the end of the last sentence, and nothing else', () => {
    expect(signOffIn('정태오 기자 taeo@badanews.example')).toEqual({ whole: true, name: '정태오', email: 'taeo@badanews.example' });
    expect(signOffIn('최윤호 기자 = yunho@badanews.example')).toMatchObject({ whole: true, name: '최윤호' });
    expect(signOffIn('증가세가 이어질 전망이다. 정태오 기자 taeo@badanews.example')).toEqual({ whole: false, kept: '증가세가 이어질 전망이다.', name: '정태오', email: 'taeo@badanews.example' });
    expect(signOffIn('문의는 help@badanews.example 로 하면 된다고 밝혔다.')).toBeNull();
  });

  it('ninjs: a sign-off after the last sentence is cut off it, the sentence kept', () => {
    const read = fromNinjs(
      {
        guid: 'badanews-20261207-0001',
        headline: '항만 물동량 늘어',
        language: 'ko',
        byline: '정태오 기자',
        body_text: '부산항 물동량이 석 달째 늘었다.\n\n항만공사는 연말까지 증가세가 이어질 것으로 봤다. 정태오 기자 taeo@badanews.example',
      },
      'wire.json',
    );
    expect(texts(read.content.body)).toEqual(['부산항 물동량이 석 달째 늘었다.', '항만공사는 연말까지 증가세가 이어질 것으로 봤다.']);
    expect(read.content.byline.reporters).toEqual([expect.objectContaining({ name: '정태오', email: 'taeo@badanews.example' })]);
  });
});

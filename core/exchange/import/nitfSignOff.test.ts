// NITF from a Korean wire: the sign-off closing the body (shared/exchange/import/bodySignOff.ts)
// is the byline's e-mail, not body text; a last paragraph that only mentions an address stays.
import { describe, expect, it } from 'vitest';
import { fromNitf } from './fromNitf';
import type { DocNode } from '../../../shared/model/article';

const texts = (body: DocNode) => (body.content ?? []).map((n) => (n.content ?? []).map((c) => c.text ?? '').join(''));

const nitf = (closing: string) =>
  new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><title>항만 물동량 늘어</title></head><body><body.head><hedline><hl1>항만 물동량 늘어</hl1></hedline><byline>정태오 기자</byline></body.head>
<body.content><p>부산항 물동량이 석 달째 늘었다.</p><p>항만공사는 연말까지 증가세가 이어질 것으로 봤다.</p><p>${closing}</p></body.content></body></nitf>`);

describe('a Korean wire in NITF', () => {
  it('NITF: the sign-off leaves the body and gives the reporter an e-mail', async () => {
    const read = await fromNitf(nitf('정태오 기자 taeo@badanews.example'), 'wire.xml');
    expect(texts(read.content.body)).toEqual(['부산항 물동량이 석 달째 늘었다.', '항만공사는 연말까지 증가세가 이어질 것으로 봤다.']);
    expect(read.content.byline.reporters).toEqual([expect.objectContaining({ name: '정태오', email: 'taeo@badanews.example' })]);
  });

  it('NITF: a last paragraph that is a sentence stays whole', async () => {
    const read = await fromNitf(nitf('문의는 help@badanews.example 로 하면 된다고 밝혔다.'), 'wire.xml');
    expect(texts(read.content.body)).toHaveLength(3);
    expect(read.content.byline.reporters.every((r) => r.email === '')).toBe(true);
  });

});

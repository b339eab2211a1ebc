import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../contract/errors';
import { toImportSummary } from '../importSummary';
import { parseWebCopy } from './parseWebCopy';
import { ARTICLES } from '../../../testing/fixturePaths';
import { corpus, skipConformance } from '../../../testing/referenceCorpus';

/** A folder of web copies: our own (testing/fixtures/articles) or the reference corpus's. */
const reader = (dir: string) => (name: string) => readFileSync(join(dir, name), 'utf8');
const summary = (text: string) => toImportSummary(parseWebCopy(text));

/** The copies, read exactly as their expected summaries say, whatever the line endings and spaces. */
function readsAsExpected(fixture: (name: string) => string) {
  for (const name of ['web-copy-ko', 'web-copy-en']) {
    it(`reads ${name}.txt exactly as ${name}.expected.json`, () => {
      expect(summary(fixture(`${name}.txt`))).toEqual(JSON.parse(fixture(`${name}.expected.json`)));
    });

    it(`reads ${name} the same with Windows line endings and non-breaking spaces`, () => {
      const windows = fixture(`${name}.txt`).replace(/\n/g, '\r\n').replace(/ (?=\S)/g, (s, i: number) => (i % 3 === 0 ? '\u00A0' : s));
      expect(windows).toContain('\u00A0');
      expect(summary(windows)).toEqual(JSON.parse(fixture(`${name}.expected.json`)));
    });
  }

  it('gives each reporter the role the byline prints', () => {
    expect(parseWebCopy(fixture('web-copy-ko.txt')).byline.reporters.map((r) => r.role)).toEqual(['기자', '기자']);
    expect(parseWebCopy(fixture('web-copy-en.txt')).byline.reporters.map((r) => r.role)).toEqual(['', '']);
  });

  it('makes captions figures awaiting their photo', () => {
    for (const name of ['web-copy-ko.txt', 'web-copy-en.txt']) {
      const figures = parseWebCopy(fixture(name)).body.content.filter((n) => n.type === 'figure');
      expect(figures, name).toHaveLength(2);
      expect(figures.every((f) => f.attrs?.photoId === '')).toBe(true);
    }
  });
}

describe('parseWebCopy on our own Korean and English web copies', () => readsAsExpected(reader(ARTICLES)));
describe.skipIf(skipConformance('web copies'))('conformance (../shared): parseWebCopy on the reference web copies', () => readsAsExpected(reader(corpus('fixtures/articles'))));

const YONHAP = `연합뉴스
전체메뉴
검색
경제
반도체 수출 석 달 만에 반등…AI 서버 수요 덕
송고시간2026-11-03 09:12
공유
댓글
글자크기조정

(서울=연합뉴스) 홍길동 김철수 기자 = 반도체 수출이 인공지능(AI) 서버용 메모리 수요에 힘입어 석 달 만에 증가세로 돌아섰다.

산업통상자원부가 3일 발표한 10월 수출입 동향에 따르면 반도체 수출액은 작년 같은 달보다 12.4% 늘어난 118억 달러로 집계됐다.

3일 경기 평택의 한 반도체 공장에서 직원들이 웨이퍼를 점검하고 있다. 2026.11.3 /연합뉴스

고대역폭메모리(HBM) 등 고부가 제품의 비중이 커지면서 수출 단가도 함께 올랐다.

정부는 연말까지 수출 증가세가 이어질 것으로 내다봤다.

hong@yna.co.kr

(끝)

<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>

관련 뉴스
  • 10월 수출 5.1% 증가…두 달 연속 플러스
  • 반도체 재고 줄어…"내년 상반기 회복"
`;

const CORRESPONDENT = `한빛경제
로그인
구독
[글로벌마켓]美 연준, 기준금리 0.25%p 인하…"고용 둔화 대응"
-파월 의장 "12월 추가 인하는 지표를 보고
결정하겠다"
-달러 약세에 원·달러 환율 1350원대로

[워싱턴=한빛경제]이서준 특파원ㆍ최민아 기자 = 미국 연방준비제도(Fed)가 2일(현지시간) 기준금리를 0.25%포인트 내렸다.

연준은 이날 연방공개시장위원회(FOMC) 회의를 마친 뒤 낸 성명에서 "고용 증가세가 둔화했다"고 밝혔다.

제롬 파월 연준 의장이 2일(현지시간) 미국 워싱턴 연준 청사에서 기자회견을 하고 있다. [사진=AP 연합뉴스]

파월 의장은 기자회견에서 "12월 추가 인하는 정해진 것이 없다"고 말했다.

◆ 환율 1350원대로

달러 약세로 원·달러 환율은 이날 서울 외환시장에서 1350원대로 내려왔다.

sjlee@hanbit-econ.example
mina@hanbit-econ.example

#미국 #연준 #금리
많이 본 뉴스
    1 코스피, 외국인 매수에 2600 회복
`;

const AP = `Skip to main content
AP
Sign in
World
U.S.
Politics
Senate passes bill to fund coastal flood barriers
By JANE DOE, Associated Press
Updated 6:41 PM EST, November 3, 2026
Share

WASHINGTON (AP) — The Senate on Monday passed a $12 billion bill to build flood barriers along the Atlantic and Gulf coasts, sending the measure to the House.

The vote was 68-31, with a dozen Republicans joining Democrats in support.

"This is about keeping water out of people's homes," said Sen. Maria Lopez, who wrote the bill.

The House is expected to take up the measure next month.

Copyright 2026 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.
`;

const REUTERS = `Asia Pacific
Korean shipbuilders win record LNG carrier orders
By Kim Min-ji, Hyunjoo Jin and Joyce Lee
November 3, 2026 8:04 AM GMT+9
4 min read

SEOUL, Nov. 3 (Reuters) - South Korea's three largest shipbuilders have won orders for 41 liquefied natural gas carriers so far this year, an industry group said on Monday.

The orders are worth about $10 billion, according to the Korea Offshore & Shipbuilding Association.

Reporting by Kim Min-ji; Editing by Ed Davies
Our Standards: The Thomson Reuters Trust Principles.
`;

describe('parseWebCopy on other pages of the genre', () => {
  it('reads a Yonhap-style wire story: (서울=연합뉴스) lead with the place as dateline, no kicker, no deck, /연합뉴스 photo credit', () => {
    expect(summary(YONHAP)).toEqual({
      language: 'ko',
      headline: '반도체 수출 석 달 만에 반등…AI 서버 수요 덕',
      byline: { outlet: '연합뉴스', reporters: [{ name: '홍길동', email: 'hong@yna.co.kr' }, { name: '김철수' }] },
      dateline: '서울',
      body: [
        { type: 'paragraph', text: '반도체 수출이 인공지능(AI) 서버용 메모리 수요에 힘입어 석 달 만에 증가세로 돌아섰다.' },
        { type: 'paragraph', text: '산업통상자원부가 3일 발표한 10월 수출입 동향에 따르면 반도체 수출액은 작년 같은 달보다 12.4% 늘어난 118억 달러로 집계됐다.' },
        { type: 'figure', caption: '3일 경기 평택의 한 반도체 공장에서 직원들이 웨이퍼를 점검하고 있다.', credit: '연합뉴스' },
        { type: 'paragraph', text: '고대역폭메모리(HBM) 등 고부가 제품의 비중이 커지면서 수출 단가도 함께 올랐다.' },
        { type: 'paragraph', text: '정부는 연말까지 수출 증가세가 이어질 것으로 내다봤다.' },
      ],
    });
  });

  it('reads a correspondent story: [워싱턴=한빛경제] lead with 특파원, a wrapped deck line, several e-mails, ◆ subhead, hashtags', () => {
    const content = parseWebCopy(CORRESPONDENT);
    expect(content.byline.reporters).toEqual([
      { name: '이서준', role: '특파원', email: 'sjlee@hanbit-econ.example' },
      { name: '최민아', role: '기자', email: 'mina@hanbit-econ.example' },
    ]);
    expect(toImportSummary(content)).toEqual({
      language: 'ko',
      kicker: '글로벌마켓',
      headline: '美 연준, 기준금리 0.25%p 인하…"고용 둔화 대응"',
      deck: ['파월 의장 "12월 추가 인하는 지표를 보고 결정하겠다"', '달러 약세에 원·달러 환율 1350원대로'],
      byline: {
        outlet: '한빛경제',
        reporters: [
          { name: '이서준', email: 'sjlee@hanbit-econ.example' },
          { name: '최민아', email: 'mina@hanbit-econ.example' },
        ],
      },
      dateline: '워싱턴',
      tags: ['미국', '연준', '금리'],
      body: [
        { type: 'paragraph', text: '미국 연방준비제도(Fed)가 2일(현지시간) 기준금리를 0.25%포인트 내렸다.' },
        { type: 'paragraph', text: '연준은 이날 연방공개시장위원회(FOMC) 회의를 마친 뒤 낸 성명에서 "고용 증가세가 둔화했다"고 밝혔다.' },
        { type: 'figure', caption: '제롬 파월 연준 의장이 2일(현지시간) 미국 워싱턴 연준 청사에서 기자회견을 하고 있다.', credit: 'AP 연합뉴스' },
        { type: 'paragraph', text: '파월 의장은 기자회견에서 "12월 추가 인하는 정해진 것이 없다"고 말했다.' },
        { type: 'heading', text: '환율 1350원대로' },
        { type: 'paragraph', text: '달러 약세로 원·달러 환율은 이날 서울 외환시장에서 1350원대로 내려왔다.' },
      ],
    });
  });

  it('reads an AP story: "By X, Associated Press", WASHINGTON (AP) dateline, no kicker, no deck, no photos', () => {
    expect(summary(AP)).toEqual({
      language: 'en',
      headline: 'Senate passes bill to fund coastal flood barriers',
      byline: { outlet: 'Associated Press', reporters: [{ name: 'JANE DOE' }] },
      dateline: 'WASHINGTON',
      body: [
        { type: 'paragraph', text: 'The Senate on Monday passed a $12 billion bill to build flood barriers along the Atlantic and Gulf coasts, sending the measure to the House.' },
        { type: 'paragraph', text: 'The vote was 68-31, with a dozen Republicans joining Democrats in support.' },
        { type: 'paragraph', text: '"This is about keeping water out of people\'s homes," said Sen. Maria Lopez, who wrote the bill.' },
        { type: 'paragraph', text: 'The House is expected to take up the measure next month.' },
      ],
    });
  });

  it('reads a Reuters story: "By A, B and C", SEOUL, Nov. 3 (Reuters) - dateline, agency as outlet', () => {
    expect(summary(REUTERS)).toEqual({
      language: 'en',
      kicker: 'Asia Pacific',
      headline: 'Korean shipbuilders win record LNG carrier orders',
      byline: { outlet: 'Reuters', reporters: [{ name: 'Kim Min-ji' }, { name: 'Hyunjoo Jin' }, { name: 'Joyce Lee' }] },
      dateline: 'SEOUL',
      body: [
        {
          type: 'paragraph',
          text: "South Korea's three largest shipbuilders have won orders for 41 liquefied natural gas carriers so far this year, an industry group said on Monday.",
        },
        { type: 'paragraph', text: 'The orders are worth about $10 billion, according to the Korea Offshore & Shipbuilding Association.' },
      ],
    });
  });

  it('reads a Newsis-style lead and roles such as 인턴기자', () => {
    const text = '정부, 청년 월세 지원 1년 연장\n\n[서울=뉴시스]이수민 인턴기자 = 정부가 청년 월세 특별지원 사업을 내년 말까지 1년 더 연장하기로 했다.\n\n국토교통부는 3일 이런 내용을 담은 주거 지원 방안을 발표했다.\n';
    const content = parseWebCopy(text);
    expect(content.byline).toMatchObject({ outlet: '뉴시스', desk: '', reporters: [{ name: '이수민', role: '인턴기자', email: '' }] });
    expect(content.dateline).toBe('서울');
    expect(content.headline).toBe('정부, 청년 월세 지원 1년 연장');
  });

  it('joins an English deck line that wrapped onto the next line', () => {
    const text = [
      'Harbor cities race to turn old ferries into floating battery banks',
      'Retired car ferries are being refitted as grid storage along the',
      'coast, and operators say the hulls are cheaper than new land sites',
      'Insurers want sprinklers on every deck',
      '',
      'By Dana Whitfield',
      '',
      'The last passenger ferry on the Avery-Lund crossing made its final run in March.',
    ].join('\n');
    expect(parseWebCopy(text).deck).toEqual([
      'Retired car ferries are being refitted as grid storage along the coast, and operators say the hulls are cheaper than new land sites',
      'Insurers want sprinklers on every deck',
    ]);
  });

  it('keeps a story without byline, deck or kicker, and drops a trailing menu', () => {
    const text = 'Ferry converted to battery bank\n\nThe last passenger ferry on the Avery-Lund crossing made its final run in March.\n\nIt now stores power for 3,000 homes.\n\nMost read\nNewsletters\n';
    expect(summary(text)).toEqual({
      language: 'en',
      headline: 'Ferry converted to battery bank',
      body: [
        { type: 'paragraph', text: 'The last passenger ferry on the Avery-Lund crossing made its final run in March.' },
        { type: 'paragraph', text: 'It now stores power for 3,000 homes.' },
      ],
    });
  });
});

describe('parseWebCopy refuses what is not an article', () => {
  const refused = (text: string) => {
    try {
      parseWebCopy(text);
    } catch (err) {
      return err;
    }
    return null;
  };

  for (const [what, text] of [
    ['empty text', ''],
    ['blank lines', ' \n\r\n\u00A0\n'],
    ['only site furniture', 'Markets Live\nSubscribe\nMost read\nNewsletters\n실시간 뉴스\n    당신을 위한 추천 정보\n      많이 본 정보\n'],
    ['a headline and deck with no story', 'Harbor cities race to turn old ferries into floating battery banks\nRetired car ferries are being refitted as grid storage\n'],
  ] as const) {
    it(`throws importFailed/empty for ${what}`, () => {
      const err = refused(text);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe('importFailed');
      expect((err as ApiError).params).toEqual({ reason: 'empty' });
    });
  }

  it('throws importFailed/tooLarge for a paste far beyond an article', () => {
    const err = refused('A sentence that goes on. '.repeat(100_000));
    expect((err as ApiError).code).toBe('importFailed');
    expect((err as ApiError).params).toEqual({ reason: 'tooLarge' });
  });
});

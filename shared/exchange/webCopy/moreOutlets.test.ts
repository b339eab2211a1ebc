// Look-alike pages of the families issue 19 adds (every outlet, name, place and line invented):
// a byline at the end, a wire lead whose place is the dateline, caption credits in their several
// shapes, `Name in City` bylines under a standfirst, topic lists, time stamps, copyright and 송고
// lines. Each page is read whole, exactly as its summary says.
import { describe, it, expect } from 'vitest';
import { toImportSummary } from '../importSummary';
import { parseWebCopy } from './parseWebCopy';

const summary = (text: string) => toImportSummary(parseWebCopy(text));

const KO_END_BYLINE = `한빛일보
전체메뉴
사회
섬마을 학교에 원격 수업 교실 생긴다…내년 봄 개교
입력 2026.12.07. 오후 3:30
수정 2026-12-07 오후 4:05
2026년 12월 7일(월) 15:30

전남 남해안의 작은 섬 세 곳에 원격 수업 교실이 문을 연다.

도 교육청은 7일 도서 지역 학생을 위한 원격 교실 설치 계획을 내놨다. 교실마다 대형 화면과 카메라를 갖춰 육지 학교의 수업을 실시간으로 듣게 한다.

▲ 지난달 시범 수업이 열린 한 섬마을 분교에서 학생들이 화면 속 교사와 인사하고 있다. [사진=한빛일보 DB]

교육청은 교사 두 명을 섬마다 순환 배치해 생활 지도도 맡긴다.

윤서하 기자 seoha@hanbit-ilbo.example

[ⓒ 한빛일보]
무단 전재 및 재배포 금지

관련 태그
원격수업
섬마을
`;

const KO_WIRE = `바다뉴스
속보
물류
항만 자동화 크레인 첫 가동…하역 시간 30% 단축
2026.12.07 15:30

(부산=바다뉴스) 정태오 한유진 기자 = 부산 신항에 무인 자동화 크레인이 처음으로 가동됐다.

항만공사는 7일 신항 3부두에서 자동화 크레인 여덟 대의 시운전을 마쳤다고 밝혔다.

7일 부산 신항 3부두에서 자동화 크레인이 컨테이너를 옮기고 있다. (사진=항만공사 제공)

하역에 걸리는 시간은 기존보다 30%가량 줄었다고 공사는 설명했다.

지난해 여름 신항 전경. [바다뉴스 자료사진]

공사는 내년까지 크레인을 스무 대로 늘릴 계획이다.

7일 부산 신항 야적장에서 트레일러들이 컨테이너를 싣고 있다. 2026.12.7 /바다뉴스

taeo@badanews.example

(끝)

2026/12/07 15:30 송고

저작권자 © 바다뉴스, 무단 전재-재배포, AI 학습 및 활용 금지
`;

const KO_NAME_AT_END = `새벽일보
문화
옛 방앗간이 동네 책방으로…주민이 직접 운영
2026-12-07 오후 3:30

골목 끝 옛 방앗간이 동네 책방으로 문을 열었다.

주민 스무 명이 돈을 모아 건물을 빌렸고, 당번을 정해 돌아가며 책방을 지킨다.

책방 한쪽에는 방앗간에서 쓰던 낡은 저울이 그대로 남아 있다.

/글·사진=문채원 기자

Copyright © 새벽일보. All rights reserved.
`;

const EN_IN_CITY = `Coastline Herald
News
Opinion
Environment
Harbour towns turn old ferries into floating power stations

Operators in three ports say refitted hulls store wind power more cheaply than new sites on land, though insurers remain wary.

A refitted ferry at its berth in Lund Photograph: Sami Brandt/Coastline Herald
Dana Whitfield in Port Avery and Marco Ilves in Lund
Sun 7 Dec 2026 15.30 GMT
Last modified on Sun 7 Dec 2026 16.02 GMT
Share

The last passenger ferry on the Avery-Lund crossing made its final run in March; by autumn it was storing power for 3,000 homes.

Its owner, a small municipal company, spent less on the refit than a land-based battery of the same size would have cost.

The old terminal in Port Avery, where the first converted ferry is moored
Photograph: Ines Okafor/Coastline Herald

Insurers have asked for sprinklers on every deck before they will cover the vessels.

Explore more on these topics
Energy storage
Shipping
Port Avery

Share
Reuse this content
© 2026 Coastline Herald. All rights reserved.
`;

const EN_WIRE = `Skip to content
World
Port workers vote to end strike after pay deal
Published: 7 December 2026
Updated Dec. 7, 2026 3:30 p.m. ET
5 hours ago

By Priya Raman in Lund

LUND, Norland — Dock workers at Norland's largest port voted on Sunday to end a two-week strike after the port authority offered an 8% pay rise.

The union said 71% of members backed the deal.

3:30 p.m. ET, Dec. 7, 2026

More on this story
Ports reopen as strike ends
What the pay deal means for shippers

Copyright 2026 Norland Wire Service
`;

describe('parseWebCopy on the families of more outlets', () => {
  it('takes a byline printed at the end (`이름 기자 email`) out of the body and makes it the byline', () => {
    expect(summary(KO_END_BYLINE)).toEqual({
      language: 'ko',
      headline: '섬마을 학교에 원격 수업 교실 생긴다…내년 봄 개교',
      byline: { reporters: [{ name: '윤서하', email: 'seoha@hanbit-ilbo.example' }] },
      tags: ['원격수업', '섬마을'],
      body: [
        { type: 'paragraph', text: '전남 남해안의 작은 섬 세 곳에 원격 수업 교실이 문을 연다.' },
        { type: 'paragraph', text: '도 교육청은 7일 도서 지역 학생을 위한 원격 교실 설치 계획을 내놨다. 교실마다 대형 화면과 카메라를 갖춰 육지 학교의 수업을 실시간으로 듣게 한다.' },
        { type: 'figure', caption: '지난달 시범 수업이 열린 한 섬마을 분교에서 학생들이 화면 속 교사와 인사하고 있다.', credit: '한빛일보 DB' },
        { type: 'paragraph', text: '교육청은 교사 두 명을 섬마다 순환 배치해 생활 지도도 맡긴다.' },
      ],
    });
    expect(parseWebCopy(KO_END_BYLINE).byline.reporters).toEqual([{ name: '윤서하', role: '기자', email: 'seoha@hanbit-ilbo.example' }]);
  });

  it('takes a byline at the end with no address (`/글·사진=이름 기자`) as the byline, and drops the copyright line', () => {
    expect(summary(KO_NAME_AT_END)).toEqual({
      language: 'ko',
      headline: '옛 방앗간이 동네 책방으로…주민이 직접 운영',
      byline: { reporters: [{ name: '문채원' }] },
      body: [
        { type: 'paragraph', text: '골목 끝 옛 방앗간이 동네 책방으로 문을 열었다.' },
        { type: 'paragraph', text: '주민 스무 명이 돈을 모아 건물을 빌렸고, 당번을 정해 돌아가며 책방을 지킨다.' },
        { type: 'paragraph', text: '책방 한쪽에는 방앗간에서 쓰던 낡은 저울이 그대로 남아 있다.' },
      ],
    });
    expect(parseWebCopy(KO_NAME_AT_END).byline.reporters).toEqual([{ name: '문채원', role: '기자', email: '' }]);
  });

  it('reads a wire lead (부산=바다뉴스) with the place as the dateline, its caption credits, and drops 송고 and copyright lines', () => {
    const content = parseWebCopy(KO_WIRE);
    expect(content.byline.desk).toBe('');
    expect(summary(KO_WIRE)).toEqual({
      language: 'ko',
      headline: '항만 자동화 크레인 첫 가동…하역 시간 30% 단축',
      byline: { outlet: '바다뉴스', reporters: [{ name: '정태오', email: 'taeo@badanews.example' }, { name: '한유진' }] },
      dateline: '부산',
      body: [
        { type: 'paragraph', text: '부산 신항에 무인 자동화 크레인이 처음으로 가동됐다.' },
        { type: 'paragraph', text: '항만공사는 7일 신항 3부두에서 자동화 크레인 여덟 대의 시운전을 마쳤다고 밝혔다.' },
        { type: 'figure', caption: '7일 부산 신항 3부두에서 자동화 크레인이 컨테이너를 옮기고 있다.', credit: '항만공사 제공' },
        { type: 'paragraph', text: '하역에 걸리는 시간은 기존보다 30%가량 줄었다고 공사는 설명했다.' },
        { type: 'figure', caption: '지난해 여름 신항 전경.', credit: '바다뉴스 자료사진' },
        { type: 'paragraph', text: '공사는 내년까지 크레인을 스무 대로 늘릴 계획이다.' },
        { type: 'figure', caption: '7일 부산 신항 야적장에서 트레일러들이 컨테이너를 싣고 있다.', credit: '바다뉴스' },
      ],
    });
  });

  it('reads a standfirst, a `Name in City` byline, Photograph: credits, a topics list and time stamps', () => {
    expect(summary(EN_IN_CITY)).toEqual({
      language: 'en',
      headline: 'Harbour towns turn old ferries into floating power stations',
      deck: ['Operators in three ports say refitted hulls store wind power more cheaply than new sites on land, though insurers remain wary.'],
      byline: { reporters: [{ name: 'Dana Whitfield' }, { name: 'Marco Ilves' }] },
      dateline: 'Port Avery',
      tags: ['Energy storage', 'Shipping', 'Port Avery'],
      body: [
        { type: 'figure', caption: 'A refitted ferry at its berth in Lund', credit: 'Sami Brandt/Coastline Herald' },
        { type: 'paragraph', text: 'The last passenger ferry on the Avery-Lund crossing made its final run in March; by autumn it was storing power for 3,000 homes.' },
        { type: 'paragraph', text: 'Its owner, a small municipal company, spent less on the refit than a land-based battery of the same size would have cost.' },
        { type: 'figure', caption: 'The old terminal in Port Avery, where the first converted ferry is moored', credit: 'Ines Okafor/Coastline Herald' },
        { type: 'paragraph', text: 'Insurers have asked for sprinklers on every deck before they will cover the vessels.' },
      ],
    });
  });

  it('reads "By Name in City" and drops date lines in any form and a "More on this story" list', () => {
    expect(summary(EN_WIRE)).toEqual({
      language: 'en',
      headline: 'Port workers vote to end strike after pay deal',
      byline: { reporters: [{ name: 'Priya Raman' }] },
      dateline: 'LUND, Norland',
      body: [
        { type: 'paragraph', text: "Dock workers at Norland's largest port voted on Sunday to end a two-week strike after the port authority offered an 8% pay rise." },
        { type: 'paragraph', text: 'The union said 71% of members backed the deal.' },
      ],
    });
  });

  it('keeps a name line that has story after it as copy, not as a sign-off', () => {
    const text = [
      '섬마을 책방 문 열어',
      '',
      '골목 끝 옛 방앗간이 동네 책방으로 문을 열었다.',
      '',
      '책방 한쪽에는 방앗간에서 쓰던 낡은 저울이 그대로 남아 있다.',
      '',
      '문채원 기자',
      '',
      '주민 스무 명이 돈을 모아 건물을 빌렸고, 당번을 정해 돌아가며 책방을 지킨다.',
    ].join('\n');
    const content = parseWebCopy(text);
    expect(content.byline.reporters).toEqual([]);
    expect((toImportSummary(content).body ?? []).filter((b) => b.type === 'paragraph')).toHaveLength(3);
  });

  it('takes a title-case headline with "in" for the headline, not a byline', () => {
    const text = 'News\nWorld\nFerry Strike in Lund\n\nDock workers at the port of Lund walked out on Sunday after talks broke down.\n';
    expect(summary(text)).toMatchObject({ headline: 'Ferry Strike in Lund' });
    expect(parseWebCopy(text).byline.reporters).toEqual([]);
  });

  it('keeps a section path with a slash in the header as a kicker, not a photo credit', () => {
    const text = 'Coastline Herald\nWorld / Asia\nPort workers vote to end strike after pay deal\n\nDock workers at the port of Lund walked out on Sunday after talks broke down.\n';
    expect(summary(text)).toMatchObject({ kicker: 'World / Asia', headline: 'Port workers vote to end strike after pay deal' });
    expect(parseWebCopy(text).body.content.filter((n) => n.type === 'figure')).toEqual([]);
  });
});

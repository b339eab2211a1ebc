import { describe, it, expect } from 'vitest';
import { useSampleExports, SECRET_DESK_NOTE, SECRET_NOTE, type SampleLibrary } from '../../../core/exchange/testing/sampleArticles';
import { toImportSummary, type ImportSummary } from '../importSummary';
import type { ExportArticle } from '../types';
import { parseWebCopy } from '../webCopy/parseWebCopy';
import { toPlainText } from './toPlainText';

const KOREAN = `[테크인사이드]폐배터리에서 리튬 캐는 ‘도시광산’…재활용 경쟁 불붙었다
- 2030년 전기차 폐배터리 연 10만개 쏟아져
- 완성차ㆍ배터리ㆍ소재사 삼파전

[한빛경제=산업부 김하늘ㆍ박도윤 기자] 다 쓴 전기차 배터리에서 리튬과 니켈을 다시 뽑아내는 이른바 ‘도시광산’ 사업에 국내 기업들이 잇따라 뛰어들고 있다.

업계에 따르면 회수되는 배터리는 2030년 10만개 이상으로 늘어날 전망이다.

경북 포항의 한 배터리 재활용 공장에서 작업자가 배터리 모듈을 옮기고 있다. [사진=김하늘 기자]

■ 회수율이 승부처

한 업체 관계자는 “배터리 여권”이 도입되면 경쟁 구도가 바뀔 것이라고 말했다. 자세한 내용은 환경부 자료에 있다.

> 누가 더 많은 폐배터리를 확보하느냐가 경쟁력을 가를 것

- 리튬 회수율 80%대

- 니켈 회수율 95%

재활용 공정을 설명하는 연구원 [사진=한빛경제 사진부]

정부는 내년 상반기 중 관련 법안을 발의할 계획이다. 비용은 억원 규모다.

sky@hanbit-econ.example

관련 태그: 배터리, 재활용, 도시광산
`;

const ENGLISH = `Business | Energy
Harbor cities race to turn old ferries into floating battery banks
- Retired car ferries are being refitted as grid storage along the coast

By Dana Whitfield and Marco Ilves

PORT AVERY — The last passenger ferry on the Avery-Lund crossing made its final run in March. By autumn it was back in the harbor, its car deck stacked with battery racks.

Workers install battery racks on the car deck of the former ferry Lund Star. (Photo: Ines Okafor/Coastline Herald)

Each hull holds about megawatt-hours, enough for roughly 3,000 homes.

■ Fire risk

"We already had the hull," said Petra Holm, who runs the project. See the port notice & details <here>.

1. Sprinklers on every deck

2. Flooding system

A control room monitors the charge level. (Photo: Coastline Herald)

If the pilots succeed, two more vessels will be converted by 2028.

dana.whitfield@coastline-herald.example

Related topics: Energy storage, Shipping
`;

/** What plain text can carry: no photo ids or alt text, and no outlet where the house byline does not print one. */
function carried(summary: ImportSummary, bylineText: string): ImportSummary {
  const body = summary.body?.map((item) => (item.type === 'figure' ? { type: item.type, caption: item.caption, credit: item.credit } : item));
  const byline = summary.byline && { ...summary.byline };
  if (byline && byline.outlet && !bylineText.includes(byline.outlet)) delete byline.outlet;
  return { ...summary, byline, body };
}

describe('toPlainText on the sample stories', () => {
  let lib: SampleLibrary;
  let ko: ExportArticle;
  let en: ExportArticle;
  useSampleExports((s) => ({ lib, ko, en } = s));

  it('prints the Korean story in house style', () => {
    expect(toPlainText(ko)).toBe(KOREAN);
  });

  it('prints the English story in house style', () => {
    expect(toPlainText(en)).toBe(ENGLISH);
  });

  it("never prints editor's notes, TKs or the note to the desk", () => {
    for (const text of [toPlainText(ko), toPlainText(en)]) {
      expect(text).not.toContain(SECRET_NOTE);
      expect(text).not.toContain('check with port');
      expect(text).not.toContain(SECRET_DESK_NOTE);
      expect(text).not.toContain('lawyer to read');
      expect(text).not.toMatch(/(?<![A-Za-z])TK(?![A-Za-z])/);
    }
  });

  it('reads back through parseWebCopy as the same story', () => {
    for (const [article, exported] of [
      [lib.ko, ko],
      [lib.en, en],
    ] as const) {
      const back = toImportSummary(parseWebCopy(toPlainText(exported)));
      expect(back).toEqual(carried(toImportSummary(article), exported.bylineText));
      // The check is not vacuous: headline, deck, names, e-mail and captions all came back.
      expect(back.deck?.length).toBeGreaterThan(0);
      expect(back.byline?.reporters?.[0].email).toBe(exported.signOff);
      expect(back.body?.filter((b) => b.type === 'figure').map((b) => b.type === 'figure' && b.credit)).toEqual(exported.figures.map((f) => f.credit));
    }
  });
});

function article(overrides: Partial<ExportArticle>): ExportArticle {
  return {
    id: 'a1b2c3d4e5',
    language: 'ko',
    status: 'published',
    revision: 3,
    createdAt: '2026-11-03T00:00:00.000Z',
    updatedAt: '2026-11-03T00:00:00.000Z',
    kicker: '',
    headline: '정부, 청년 월세 지원 1년 연장',
    deck: [],
    byline: { outlet: '연합뉴스', desk: '서울', templateId: 'ko-wire', reporters: [{ name: '홍길동', role: '기자', email: 'hong@yna.co.kr' }] },
    bylineText: '(서울=연합뉴스) 홍길동 기자 =',
    signOff: 'hong@yna.co.kr',
    dateline: '',
    tags: [],
    embargo: null,
    corrections: [],
    blocks: [{ type: 'paragraph', inlines: [{ text: '정부가 청년 월세 특별지원 사업을 1년 더 연장한다.' }] }],
    figures: [],
    photos: [],
    creditPattern: '[사진={credit}]',
    ...overrides,
  };
}

describe('toPlainText layouts', () => {
  it('prints a wire byline lead, then corrections after the sign-off, and reads back without them', () => {
    const a = article({ corrections: [{ at: '2026-11-04T01:00:00.000Z', by: '데스크', note: '지원 기간을 바로잡았습니다.' }] });
    const text = toPlainText(a);
    expect(text).toBe(
      '정부, 청년 월세 지원 1년 연장\n\n(서울=연합뉴스) 홍길동 기자 = 정부가 청년 월세 특별지원 사업을 1년 더 연장한다.\n\nhong@yna.co.kr\n\n[정정 2026-11-04] 지원 기간을 바로잡았습니다.\n',
    );
    expect(toImportSummary(parseWebCopy(text))).toEqual({
      language: 'ko',
      headline: '정부, 청년 월세 지원 1년 연장',
      // The wire lead's place reads back as the dateline (issue 19): it is where the story was filed.
      byline: { outlet: '연합뉴스', reporters: [{ name: '홍길동', email: 'hong@yna.co.kr' }] },
      dateline: '서울',
      body: [{ type: 'paragraph', text: '정부가 청년 월세 특별지원 사업을 1년 더 연장한다.' }],
    });
  });

  it('does not open the body with the dateline again when the byline template printed it', () => {
    const a = article({ byline: { ...article({}).byline, desk: '' }, dateline: '서울', bylineText: '(서울=연합뉴스) 홍길동 기자 =', datelineInByline: true });
    const text = toPlainText(a);
    expect(text).toContain('(서울=연합뉴스) 홍길동 기자 = 정부가 청년');
    expect(text).not.toContain('서울 —');
    expect(toPlainText({ ...a, datelineInByline: false })).toContain('(서울=연합뉴스) 홍길동 기자 = 서울 — 정부가');
    expect(toImportSummary(parseWebCopy(text))).toMatchObject({ byline: { outlet: '연합뉴스' }, dateline: '서울' });
  });

  it('puts the Korean lead on its own line when the story opens with a photo, and the caption stays above the first paragraph', () => {
    const a = article({
      blocks: [{ type: 'figure', index: 0 }, ...article({}).blocks],
      figures: [{ photoId: 'x', caption: '청년들이 주택 상담을 받고 있다.', credit: '연합뉴스', alt: '', photo: null }],
    });
    const text = toPlainText(a);
    expect(text).toContain('(서울=연합뉴스) 홍길동 기자 =\n\n청년들이 주택 상담을 받고 있다. [사진=연합뉴스]\n\n정부가');
    expect(toImportSummary(parseWebCopy(text)).body).toEqual([
      { type: 'figure', caption: '청년들이 주택 상담을 받고 있다.', credit: '연합뉴스' },
      { type: 'paragraph', text: '정부가 청년 월세 특별지원 사업을 1년 더 연장한다.' },
    ]);
  });

  it('prints an English story without kicker, deck or byline as headline, dateline and paragraphs', () => {
    const a = article({
      language: 'en',
      headline: 'Ferry converted to battery bank',
      byline: { outlet: '', desk: '', templateId: '', reporters: [] },
      bylineText: '',
      signOff: '',
      dateline: 'PORT AVERY',
      blocks: [{ type: 'paragraph', inlines: [{ text: 'The last ferry ran in March.' }] }],
      creditPattern: '(Photo: {credit})',
    });
    expect(toPlainText(a)).toBe('Ferry converted to battery bank\n\nPORT AVERY — The last ferry ran in March.\n');
  });
});

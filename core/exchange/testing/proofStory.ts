// A Korean story of about 3.6매 with a photo right after the lead: the shape that once printed a
// mostly blank first page (the photo jumped to page 2 and left page 1 with the header and lead).
// Its header is as long as a desk's gets (two-line headline, four deck lines), its lead runs four
// lines and its photo is a tall portrait: the case that leaves the least room on page 1.
import sharp from 'sharp';
import type { ArticleContent, DocNode } from '../../../shared/model/article';
import type { Core } from '../../createCore';
import { openTestCore, tempDir } from '../../testing/tempLibrary';
import { addAdmin } from '../../testing/people';

const t = (text: string): DocNode => ({ type: 'text', text });
const p = (text: string): DocNode => ({ type: 'paragraph', content: [t(text)] });

export const PROOF_LEAD = '서울시가 내년 3월부터 한강 수상버스를 출퇴근 시간대에 15분 간격으로 운행한다고 6일 밝혔다. 지하철과 버스에 몰리는 출퇴근 수요를 강으로 나눠 도로 정체를 덜겠다는 구상으로, 시는 이를 위해 올해 추경에서 배 여덟 척과 선착장 건설 예산을 확보했다. 시는 이 밖에도 선착장 접근성을 높이고 야간 운항을 늘리는 등 여러 대책을 함께 내놓았다고 설명했다.';
/** A sentence from the paragraph after the photo: on page 1 when the photo does not jump. */
export const PROOF_AFTER_PHOTO = '시는 마곡에서 잠실까지 일곱 개 선착장을 잇는 노선을 먼저 연다.';
export const PROOF_LAST = '시민단체는 요금과 안전 대책을 공개 토론에 부치자고 요구했다.';

export function proofStoryContent(photoId: string): ArticleContent {
  return {
    language: 'ko',
    kicker: '도시',
    headline: '한강 수상버스, 내년부터 출퇴근 시간 15분 간격으로 마곡~잠실 달린다',
    deck: ['마곡~잠실 일곱 개 선착장 먼저 연결', '요금은 지하철과 같은 1500원, 환승 할인', '하루 이용객 2만명 목표…결빙ㆍ녹조 대책이 관건', '선착장 앞 따릉이ㆍ마을버스 정류장 신설'],
    byline: { outlet: '한빛경제', desk: '사회부', templateId: '', reporters: [{ name: '이서준', role: '기자', email: 'seojun@hanbit-econ.example' }] },
    dateline: '',
    tags: ['한강', '교통'],
    body: {
      type: 'doc',
      content: [
        p(PROOF_LEAD),
        {
          type: 'figure',
          attrs: { photoId, credit: '이서준 기자', alt: '한강을 지나는 수상버스 시험선', fromFile: { caption: '', credit: '', alt: '' } },
          content: [{ type: 'figureCaption', content: [t('지난달 시험 운항에 나선 수상버스가 서울 영등포구 여의도 선착장을 떠나 잠실 방향으로 한강을 거슬러 오르고 있다. 시는 내년 3월 정식 운항에 앞서 두 달간 시민 시승 행사를 연다.')] }],
        },
        p(`${PROOF_AFTER_PHOTO} 배는 한 척에 199명을 태우며, 출퇴근 시간에는 급행으로 세 곳에만 선다.`),
        p('요금은 지하철과 같은 1500원으로 정하고 대중교통 환승 할인을 적용한다. 시는 정기권 이용자도 추가 요금 없이 탈 수 있게 할 방침이다.'),
        p('선착장까지 가는 길이 멀다는 지적에 따라 시는 따릉이 대여소와 마을버스 정류장을 선착장 앞에 새로 만든다. 야간 운항은 안전 점검을 마친 뒤 하반기에 시작한다.'),
        p('교통 전문가들은 수상버스가 도로 정체를 얼마나 줄일지는 이용객 수에 달렸다고 본다.'),
        p('서울시는 운항 첫해 하루 이용객을 2만명으로 잡았다. 시 관계자는 “선착장마다 대기 공간과 매점을 갖춰 날씨가 궂은 날에도 기다리기 불편하지 않게 하겠다”고 설명했다.'),
        p('다만 겨울철 결빙과 여름철 녹조로 운항이 멈추는 날이 적지 않을 것이라는 우려도 나온다.'),
        p(PROOF_LAST),
      ],
    },
    lengthTarget: { unit: 'sheets', value: 3.6 },
    deskNote: '',
    embargo: null,
    keptFindings: [],
  };
}

/** A large portrait JPEG, as a camera gives: taller than any page when printed at full width. */
export function portraitPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 2000, height: 3000, channels: 3, background: { r: 60, g: 110, b: 150 } } }).jpeg({ quality: 70 }).toBuffer();
}

export interface ProofLibrary {
  core: Core;
  actor: string;
  id: string;
  revision: number;
  /** A folder for exports, removed with the library. */
  outDir: string;
  cleanup(): Promise<void>;
}

/** A real temporary library holding the proof story with its photo, saved once. */
export async function openProofLibrary(now?: () => Date): Promise<ProofLibrary> {
  const tmp = await tempDir();
  const core = await openTestCore(`${tmp.dir}/library`, now);
  const actor = await addAdmin(core);
  const { photo } = await core.handlers.importPhoto({ actor, name: 'river-bus.jpg', bytes: new Uint8Array(await portraitPhoto()) });
  const created = await core.handlers.createArticle({ actor, language: 'ko' });
  const saved = await core.handlers.saveArticle({ id: created.id, actor, baseRevision: created.revision, content: proofStoryContent(photo.id) });
  return {
    core,
    actor,
    id: created.id,
    revision: saved.revision,
    outDir: `${tmp.dir}/exports`,
    cleanup: async () => {
      await core.close();
      await tmp.cleanup();
    },
  };
}

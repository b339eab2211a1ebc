// Stories for the demo library the README's screenshots are taken from. Written for this project
// (no agency copy): a few Korean and English desk stories in different states.
import type { Language } from '../../shared/model/article';

export interface DemoStory {
  language: Language;
  kicker: string;
  headline: string;
  deck: string[];
  desk: string;
  tags: string[];
  paragraphs: string[];
  /** Photos placed after the paragraph with this index: caption, credit, alt text, and the scene drawn. */
  photos: { after: number; caption: string; credit: string; alt: string; scene: 'harbour' | 'field' | 'city' }[];
  /** An editor's note left in the first paragraph. */
  note?: string;
  /** Where the story ends up: each step is taken by the person the workflow expects. */
  steps: ('send' | 'review' | 'return' | 'approve' | 'publish')[];
}

export const DEMO_STORIES: DemoStory[] = [
  {
    language: 'ko',
    kicker: '산업',
    headline: '폐배터리 재활용 공장 첫 가동…연 2만t 처리',
    deck: ['리튬·니켈 회수율 95% 목표', '지역 일자리 300개 생길 듯'],
    desk: '산업부',
    tags: ['배터리', '재활용'],
    paragraphs: [
      '전기차에서 나온 폐배터리를 분해해 리튬과 니켈을 되살리는 재활용 공장이 6일 충북 청주에서 첫 가동에 들어갔다.',
      '공장은 한 해 2만t의 폐배터리를 처리할 수 있다. 회사 측은 배터리 입자를 잘게 부순 뒤 용액에 녹여 금속을 뽑아내는 습식 공정으로 회수율을 95%까지 끌어올리겠다고 밝혔다.',
      '업계는 2030년이면 국내에서만 한 해 10만 대 분량의 전기차 배터리가 수명을 다할 것으로 본다. 새 배터리에 들어가는 원료의 상당 부분을 수입에 기대는 만큼 재활용이 공급망의 한 축이 될 수 있다는 기대가 나온다.',
      '공장 가동으로 지역에는 300개 안팎의 일자리가 생길 전망이다. 다만 분해 과정에서 나오는 폐액 처리를 두고 주민들의 걱정도 여전하다.',
    ],
    photos: [
      { after: 0, caption: '6일 가동을 시작한 청주 재활용 공장 전경.', credit: '김하늘 기자', alt: '강변에 선 회색 공장 건물과 굴뚝', scene: 'city' },
      { after: 2, caption: '분해를 기다리는 폐배터리 팩이 쌓여 있다.', credit: '', alt: '', scene: 'field' },
    ],
    note: '회수율 수치 회사 확인 필요',
    steps: ['send', 'review'],
  },
  {
    language: 'ko',
    kicker: '사회',
    headline: '항구 도시 새벽 어시장, 경매가 다시 붐빈다',
    deck: ['겨울 대게 철 맞아 위판량 두 배'],
    desk: '사회부',
    tags: ['어시장', '대게'],
    paragraphs: [
      '새벽 4시, 항구 어시장에 경매를 알리는 종이 울리자 중도매인들이 손가락 신호를 주고받기 시작했다.',
      '겨울 대게 철을 맞아 이달 위판량은 지난달의 두 배로 늘었다. 상인들은 날씨가 풀려 조업일이 늘어난 덕분이라고 말했다.',
      '시장 측은 관광객을 위한 견학 통로를 새로 만들어 경매 모습을 가까이서 볼 수 있게 할 계획이다.',
    ],
    photos: [{ after: 0, caption: '6일 새벽 어시장에서 대게 경매가 열리고 있다.', credit: '이데스크 기자', alt: '부두에 정박한 어선들과 새벽 하늘', scene: 'harbour' }],
    steps: ['send', 'review', 'approve', 'publish'],
  },
  {
    language: 'ko',
    kicker: '경제',
    headline: '소상공인 대출 만기 연장, 내년 6월까지',
    deck: [],
    desk: '경제부',
    tags: ['대출', '소상공인'],
    paragraphs: [
      '금융당국이 소상공인 대출의 만기 연장과 상환 유예 조치를 내년 6월까지 이어가기로 했다.',
      '지원을 받는 대출 잔액은 TK조 원에 이른다. 당국은 연장 기간 동안 차주별 상환 계획을 받아 부실 위험을 점검하겠다고 밝혔다.',
    ],
    photos: [],
    steps: ['send'],
  },
  {
    language: 'en',
    kicker: 'Science',
    headline: 'Night-sky survey finds two comets in a week',
    deck: ['Amateur observers confirmed both sightings'],
    desk: 'Science',
    tags: ['astronomy'],
    paragraphs: [
      'A volunteer sky survey run from a hilltop observatory has found two new comets in the space of a week, its organisers said on Sunday.',
      'Both objects were first flagged by software that compares images taken minutes apart, then confirmed by amateur observers in three countries.',
      'Neither comet is expected to become bright enough to see without a telescope.',
    ],
    photos: [{ after: 0, caption: 'The observatory dome before a night of survey work.', credit: 'Sam Rivera', alt: 'An observatory dome on a hill under a pale evening sky', scene: 'field' }],
    steps: ['send', 'review', 'approve'],
  },
  {
    language: 'ko',
    kicker: '문화',
    headline: '지역 서점 살리기 나선 주민들…공동 운영 1년',
    deck: [],
    desk: '문화부',
    tags: ['서점'],
    paragraphs: [
      '문을 닫을 뻔한 동네 서점을 주민 120명이 조합을 만들어 살려낸 지 1년이 됐다.',
      '조합원들은 돌아가며 계산대를 지키고, 한 달에 두 번 작가와의 만남을 연다.',
    ],
    photos: [],
    steps: [],
  },
];

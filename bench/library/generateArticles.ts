// Deterministic Korean and English news stories for the 10k/100k benches and scale tests:
// realistic lengths (Korean 1,200–2,600 characters, English 350–900 words), a vocabulary
// with a long tail (so the search index meets as many distinct terms as a real archive),
// particles glued to nouns, bylines from a few hundred reporters, tags, photos' captions,
// editor's notes, and three years of dates.
import { ARTICLE_SCHEMA_VERSION, type Article, type ArticleStatus, type DocNode } from '../../shared/model/article';
import { seededRandom } from '../koreanText';

const SYLLABLES = '가각간갈감강개거건검게겨견결경계고곡공과관광교구국군권규그근금기김나남내노농누는다단달담당대더도독동두드등라락란람래량러레려력련령로록론료루류르리림마만말망매머면명모목무문물미민바박반발방배백번범법변보복본부북분불비빈사산살상새생서석선설섬성세소속손송수숙순스승시식신실심아악안알암압앙애야약양어억언업에여역연열염영예오옥온와완왕외요용우운울원월위유육윤은을음응의이인일임입자작장재저적전절점정제조족종좌주준중지직진질집차착찬참창채책처천철청체초총최추축출충취치친카타탁탄탈태택토통투특파판패편평포표품풍프피필하학한할함합항해핵행향허혁현협형호혼화확환활황회효후훈휘흥희';
const REAL_KO = ['배터리', '폐배터리', '반도체', '전기차', '재활용', '금리', '수출', '물가', '부동산', '도시광산', '인공지능', '기후', '선거', '국회', '지방자치', '청년', '일자리', '의료', '교육', '원전'];
const PARTICLES = ['은', '는', '이', '가', '을', '를', '의', '에', '에서', '으로', '와', '과', '도', '만', '까지', '부터', ''];
const ENDINGS = ['밝혔다', '전망했다', '설명했다', '늘었다', '줄었다', '발표했다', '강조했다', '추진한다', '검토하고 있다', '나타났다'];
const LETTERS = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'st', 'tr', 'pl', 'gr', 'ch', 'sh'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ea', 'io', 'ou', 'ai'];
const REAL_EN = ['battery', 'batteries', 'recycling', 'semiconductor', 'government', 'governor', 'election', 'inflation', 'exports', 'climate', 'housing', 'parliament', 'minister', 'council', 'hospital', 'teachers', 'harbour', 'ferry', 'lithium', 'market'];
const FUNCTION_EN = ['the', 'of', 'and', 'to', 'in', 'a', 'for', 'on', 'that', 'with', 'said', 'was', 'is', 'by', 'at', 'from', 'it', 'as', 'will', 'has'];
const DESKS_KO = ['산업부', '경제부', '정치부', '사회부', '국제부', '문화부', '스포츠부', '과학부'];
const DESKS_EN = ['Business', 'Politics', 'Metro', 'World', 'Culture', 'Sports'];
const TAGS_KO = ['배터리', '반도체', '금리', '부동산', '선거', '기후', '교육', '의료', '노동', '외교', '증시', '환율'];
const TAGS_EN = ['batteries', 'chips', 'rates', 'housing', 'elections', 'climate', 'schools', 'health', 'labour', 'trade'];
const SURNAMES = '김이박최정강조윤장임한오서신권황안송류홍';
const STATUSES: ArticleStatus[] = ['published', 'published', 'published', 'published', 'approved', 'draft', 'draft', 'sent', 'review', 'returned', 'spiked'];

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)];
/** Zipf-like index into a vocabulary of `n`: a few words very common, a long tail rare. */
const zipf = (rand: Rand, n: number) => Math.min(n - 1, Math.floor(Math.exp(rand() * Math.log(n + 1)) - 1));

export interface Vocabulary {
  ko: string[];
  en: string[];
  reportersKo: string[];
  reportersEn: string[];
}

export function vocabulary(seed = 7): Vocabulary {
  const rand = seededRandom(seed);
  // Real words sit a little way down the frequency curve, as they would in an archive.
  const ko = new Set<string>();
  while (ko.size < 30000) {
    if (ko.size === 150) REAL_KO.forEach((w) => ko.add(w));
    const len = 2 + Math.floor(rand() * rand() * 3);
    let w = '';
    for (let i = 0; i < len; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    ko.add(w);
  }
  const en = new Set(FUNCTION_EN);
  while (en.size < 30000) {
    if (en.size === 300) REAL_EN.forEach((w) => en.add(w));
    const len = 1 + Math.floor(rand() * 3);
    let w = '';
    for (let i = 0; i < len; i++) w += pick(rand, LETTERS) + pick(rand, VOWELS);
    if (rand() < 0.5) w += pick(rand, ['n', 's', 'r', 'l', 'ng', 'ed', 'ing', 'ion']);
    en.add(w);
  }
  const reportersKo = Array.from({ length: 200 }, () => SURNAMES[Math.floor(rand() * SURNAMES.length)] + SYLLABLES[Math.floor(rand() * SYLLABLES.length)] + SYLLABLES[Math.floor(rand() * SYLLABLES.length)]);
  const reportersEn = Array.from({ length: 150 }, () => cap(pick(rand, [...en].slice(100, 2000))) + ' ' + cap(pick(rand, [...en].slice(2000, 6000))));
  return { ko: [...ko], en: [...en], reportersKo, reportersEn };
}

function cap(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function koSentence(rand: Rand, v: Vocabulary): string {
  const n = 5 + Math.floor(rand() * 9);
  const words: string[] = [];
  for (let i = 0; i < n - 1; i++) {
    const r = rand();
    if (r < 0.06) words.push(String(Math.floor(rand() * 3000)) + pick(rand, ['년', '%', '억원', '명', '개']));
    else if (r < 0.09) words.push(pick(rand, ['AI', 'ESG', 'OECD', 'SK', 'LG', 'battery']));
    else words.push(v.ko[zipf(rand, v.ko.length)] + pick(rand, PARTICLES));
  }
  words.push(pick(rand, ENDINGS) + '.');
  return words.join(' ');
}

function enSentence(rand: Rand, v: Vocabulary): string {
  const n = 8 + Math.floor(rand() * 18);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(rand() < 0.45 ? pick(rand, FUNCTION_EN) : v.en[zipf(rand, v.en.length)]);
  return cap(words.join(' ')) + '.';
}

function paragraph(text: string): DocNode {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

/** The `n`th generated article (same input, same article). */
export function generateArticle(n: number, v: Vocabulary, opts: { now?: number; ownerId?: string | null } = {}): Article {
  const rand = seededRandom(1000 + n * 7919);
  const ko = rand() < 0.6;
  const sentence = () => (ko ? koSentence(rand, v) : enSentence(rand, v));
  const body: DocNode[] = [];
  const target = ko ? 1200 + rand() * 1400 : (350 + rand() * 550) * 6;
  let length = 0;
  while (length < target) {
    const p = Array.from({ length: 2 + Math.floor(rand() * 3) }, sentence).join(' ');
    if (rand() < 0.04) body.push({ type: 'paragraph', content: [{ type: 'text', text: 'TK 확인 필요 ', marks: [{ type: 'editorNote' }] }, { type: 'text', text: p }] });
    else body.push(paragraph(p));
    length += p.length;
    if (rand() < 0.05) body.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: sentence().slice(0, 30) }] });
  }
  if (rand() < 0.35) {
    body.splice(2, 0, {
      type: 'figure',
      attrs: { photoId: '', credit: ko ? '한빛경제' : 'Staff', alt: '', fromFile: { caption: '', credit: '', alt: '' } },
      content: [{ type: 'figureCaption', content: [{ type: 'text', text: sentence() }] }],
    });
  }
  const headline = (ko ? koSentence(rand, v) : enSentence(rand, v)).replace(/[.]$/, '').split(' ').slice(0, ko ? 6 : 10).join(' ');
  const reporters = Array.from({ length: rand() < 0.8 ? 1 : 2 }, () => ({ name: pick(rand, ko ? v.reportersKo : v.reportersEn), role: ko ? '기자' : '', email: '' }));
  const now = opts.now ?? Date.parse('2026-11-27T09:00:00Z');
  const created = now - Math.floor(rand() * 3 * 365 * 86400_000);
  const updated = created + Math.floor(rand() * 3 * 86400_000);
  return {
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id: `gen-${String(n).padStart(8, '0')}-${Math.floor(rand() * 1e9).toString(36)}`,
    revision: 1 + Math.floor(rand() * 30),
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(Math.min(updated, now)).toISOString(),
    status: pick(rand, STATUSES),
    trashedAt: rand() < 0.01 ? new Date(now).toISOString() : null,
    ownerId: opts.ownerId ?? null,
    corrections: [],
    lastTransition: null,
    language: ko ? 'ko' : 'en',
    kicker: rand() < 0.3 ? (ko ? pick(rand, ['단독', '종합', '르포', '인터뷰']) : pick(rand, ['Exclusive', 'Analysis', 'Update'])) : '',
    headline,
    deck: rand() < 0.5 ? [sentence().slice(0, 80)] : [],
    byline: { outlet: ko ? '한빛경제' : 'Port Avery Post', desk: pick(rand, ko ? DESKS_KO : DESKS_EN), templateId: '', reporters },
    dateline: ko ? '' : 'PORT AVERY',
    tags: Array.from(new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(rand, ko ? TAGS_KO : TAGS_EN)))),
    body: { type: 'doc', content: body },
    lengthTarget: null,
    deskNote: rand() < 0.1 ? sentence() : '',
    embargo: null,
    keptFindings: [],
  };
}

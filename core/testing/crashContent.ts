// What the crash writer saves and how a check recognises it: every revision's headline and body
// carry the revision number, so an article that holds one revision's number with another's text,
// or an older revision than was reported saved, is caught.
import { createHash } from 'node:crypto';
import { emptyContent, type ArticleContent, type DocNode } from '../../shared/model/article';

const TOPICS = [
  ['반도체 수출 회복세', 'Chip exports rebound'],
  ['폐배터리 재활용 경쟁', 'Battery recycling race'],
  ['기준금리 동결', 'Rates on hold'],
  ['지역 공장 증설', 'Regional plant expands'],
  ['도시광산 투자 확대', 'Urban mining draws investment'],
  ['전력망 과부하 경보', 'Grid overload warning'],
];
const KO = ['정부는 올해 투자 계획을 발표했다.', '업계에 따르면 리튬 가격이 전년 대비 3.5% 올랐다.', '연구진은 재활용 공정의 효율을 높였다고 설명했다.', '소비자 단체는 가격 인상을 우려했다.', '산업부는 2030년까지 10만개 회수망을 추진한다.'];
const EN = ['Officials said the plan would be reviewed next month.', 'Analysts expect prices to ease by the third quarter.', 'The company declined to comment on the figures.', 'Residents near the plant raised concerns about traffic.'];

/** The mark that ties an article's text to its revision, so a check can tell whose text it holds. */
export const revisionMark = (revision: number) => `#r${revision}`;

export function headlineHash(headline: string): string {
  return createHash('sha256').update(headline).digest('hex').slice(0, 16);
}

export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Korean and English copy whose headline, first and last paragraph carry the revision's mark. */
export function crashContent(slot: number, revision: number, rand: () => number): ArticleContent {
  const [ko, en] = TOPICS[slot % TOPICS.length];
  const pick = (list: string[]) => list[Math.floor(rand() * list.length)];
  const paragraphs = [`${revisionMark(revision)} ${pick(KO)} ${pick(EN)}`];
  // Lengths vary from save to save, so file sizes do too (as they do while someone types).
  const more = Math.floor(rand() * 12);
  for (let i = 0; i < more; i++) paragraphs.push(rand() < 0.6 ? `${pick(KO)} ${pick(KO)}` : `${pick(EN)} ${pick(KO)}`);
  paragraphs.push(`${pick(EN)} ${revisionMark(revision)}`);
  const body: DocNode[] = paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }));
  return { ...emptyContent(slot % 2 ? 'en' : 'ko'), kicker: `슬롯 ${slot}`, headline: `${ko} ${en} ${revisionMark(revision)}`, body: { type: 'doc', content: body } };
}

// Deterministic Korean news prose for benchmarks: realistic word and paragraph lengths, particles
// glued to nouns, a little English and numbers, and no dependency on outside data.
const NOUNS = ['배터리', '리튬', '재활용', '전기차', '정부', '기업', '시장', '투자', '공장', '소비자', '수출', '금리', '반도체', '도시광산', '산업부', '연구진', '지역', '주민', '계획', '가격'];
const PARTICLES = ['은', '는', '이', '가', '을', '를', '의', '에', '에서', '으로', '와', '과', '도', '만'];
const VERBS = ['늘었다', '밝혔다', '전망했다', '설명했다', '커지고 있다', '추진한다', '줄었다', '검토 중이다', '발표했다', '강조했다'];
const EXTRA = ['2030년', '10만개', '3.5%', 'ESG', 'K-배터리', '1조원', '올해', '지난달', '전년 대비', '업계에 따르면'];

/** A small seeded generator so every run benchmarks the same text. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

export function koreanSentence(rand: () => number): string {
  const words: string[] = [];
  const n = 6 + Math.floor(rand() * 8);
  for (let i = 0; i < n - 1; i++) {
    if (rand() < 0.15) words.push(EXTRA[Math.floor(rand() * EXTRA.length)]);
    else words.push(NOUNS[Math.floor(rand() * NOUNS.length)] + PARTICLES[Math.floor(rand() * PARTICLES.length)]);
  }
  words.push(VERBS[Math.floor(rand() * VERBS.length)]);
  return words.join(' ').replace(/다$/, '다.');
}

/** Paragraphs of Korean prose totalling about `words` 어절. */
export function koreanParagraphs(words: number, seed = 42): string[] {
  const rand = seededRandom(seed);
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    const m = 2 + Math.floor(rand() * 3);
    for (let i = 0; i < m; i++) sentences.push(koreanSentence(rand));
    const p = sentences.join(' ');
    count += p.split(/\s+/).length;
    paragraphs.push(p);
  }
  return paragraphs;
}

export function paragraphsToDoc(paragraphs: string[]) {
  return { type: 'doc' as const, content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

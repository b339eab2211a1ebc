// A saved news web page of our own, for tests that need a real-looking page (site furniture around
// an article) without the publishers' pages in ../shared.

export const NEWS_PAGE_HEADLINE = '항만 자동화 3년 앞당긴다';

export function newsPage(paragraphs = 12): Uint8Array {
  const body = Array.from(
    { length: paragraphs },
    (_, i) => `<p>해양수산부는 ${i + 1}단계 계획에서 부산항과 광양항의 하역 장비를 원격으로 움직이는 방식을 넓히고, 항만 노동자 재교육 예산을 함께 늘리겠다고 밝혔다.</p>`,
  ).join('\n');
  const html = `<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>${NEWS_PAGE_HEADLINE} | 한빛경제</title>
<meta property="og:title" content="${NEWS_PAGE_HEADLINE}"></head>
<body>
<header><nav><a href="/">홈</a> <a href="/economy">경제</a> <a href="/society">사회</a></nav></header>
<main><article>
<h1>${NEWS_PAGE_HEADLINE}</h1>
<p class="byline">[한빛경제=산업부 김하늘 기자]</p>
${body}
</article></main>
<aside><h2>많이 본 뉴스</h2><ul><li><a href="/1">다른 기사</a></li></ul></aside>
<footer>© 한빛경제. 무단 전재·재배포 금지</footer>
</body></html>`;
  return new TextEncoder().encode(html);
}

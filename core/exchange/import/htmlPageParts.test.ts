// News pages as sites really print them (issue 20), each a small invented look-alike: sign-offs and
// placeholder authors, furniture inside the article element, captions printed beside their photos,
// 부제 lines, <pre> blocks and glued labels. Outlets, names and text are fictitious.
import { describe, expect, it } from 'vitest';
import { fromHtmlPage } from './fromHtmlPage';
import type { DocNode } from '../../../shared/model/article';
import type { ImportedArticle } from '../../../shared/exchange/types';
import { toImportSummary } from '../../../shared/exchange/importSummary';

const utf8 = (s: string) => new TextEncoder().encode(s);
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const read = (html: string) => fromHtmlPage(utf8(html), 'page.html');

function textOf(node: DocNode): string {
  if (node.type === 'hardBreak') return '\n';
  return (node.text ?? '') + (node.content ?? []).map(textOf).join('');
}
const paragraphs = (a: ImportedArticle) => a.content.body.content.filter((n) => n.type === 'paragraph' || n.type === 'heading').map((n) => norm(textOf(n)));
const figures = (a: ImportedArticle) => a.content.body.content.filter((n) => n.type === 'figure');

/** A Korean page of the 새벽일보 (fictitious) kind; `head` and `article` vary per case. */
const koPage = (article: string, head = '') => `<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>항구 전력선 개통 - 새벽일보</title>
<meta property="og:site_name" content="새벽일보">${head}</head><body><div id="nav"><a href="/">홈</a> <a href="/s">사회</a></div>
<article id="view"><h1>항구 전력선 개통</h1>${article}</article><div id="foot">회사소개 | 이용약관</div></body></html>`;

const KO_STORY = `<p>남해안의 한 항구에 정박한 선박이 육상 전기를 쓸 수 있는 전력선이 3일 문을 열었다. 선박들은 그동안 정박 중에도 디젤 발전기를 돌려야 했다.</p>
<p>항만공사는 전력선 개통으로 정박 선박의 배출가스가 연간 수천 톤 줄어들 것으로 내다봤다. 인근 주민들은 소음이 줄었다며 반겼다.</p>
<p>공사는 내년까지 부두 세 곳에 같은 설비를 더 놓을 계획이다. 비용은 국비와 지방비로 나눠 부담한다.</p>`;

/** An English page of the Riverside Ledger (fictitious). */
const enPage = (article: string, head = '') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Lock gates reopen after a winter of repairs | Riverside Ledger</title>
<meta property="og:site_name" content="Riverside Ledger">${head}</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><h1>Lock gates reopen after a winter of repairs</h1>${article}</article></main><footer>About us · Contact</footer></body></html>`;

const EN_STORY = `<p>The lock gates at Millbrook reopened on Monday after five months of repairs, letting barges through to the upper river for the first time since November.</p>
<p>Engineers replaced both oak gates and rebuilt the stone walls of the chamber, which had bulged after a flood two winters ago. The work cost the canal trust £1.2m.</p>
<p>Boat owners queued from dawn. "We have been stuck below the lock all winter," said one skipper, who runs a floating bookshop between the two towns.</p>`;

describe('bylines: Korean sign-offs, placeholder and organisation authors (issue 20, 1)', () => {
  it('a `이름 기자 email` line at the end becomes the reporter and leaves the body', async () => {
    const a = await read(koPage(`${KO_STORY}<p>최은결 기자 eungyeol@saebyeok.example</p>`));
    expect(a.content.byline.reporters).toEqual([{ name: '최은결', role: '기자', email: 'eungyeol@saebyeok.example' }]);
    expect(paragraphs(a).join(' ')).not.toMatch(/최은결|eungyeol/);
    expect(paragraphs(a)).toHaveLength(3);
  });

  it('`이름 기자 = email`, and a sign-off written at the end of the last paragraph, leave only the sentence', async () => {
    const eq = await read(koPage(`${KO_STORY}<p>한도담 기자 = dodam@saebyeok.example</p>`));
    expect(eq.content.byline.reporters).toEqual([{ name: '한도담', role: '기자', email: 'dodam@saebyeok.example' }]);
    expect(paragraphs(eq).join(' ')).not.toContain('dodam');
    const glued = await read(koPage(KO_STORY.replace('부담한다.</p>', '부담한다. 한도담 기자 dodam@saebyeok.example</p>')));
    expect(glued.content.byline.reporters).toEqual([{ name: '한도담', role: '기자', email: 'dodam@saebyeok.example' }]);
    expect(paragraphs(glued).at(-1)).toBe('공사는 내년까지 부두 세 곳에 같은 설비를 더 놓을 계획이다. 비용은 국비와 지방비로 나눠 부담한다.');
  });

  it('a sign-off followed by the copyright line is still found; both leave the body', async () => {
    const a = await read(koPage(`${KO_STORY}<p>최은결 기자 eungyeol@saebyeok.example</p><p>&lt;저작권자 © 새벽일보, 무단 전재 및 재배포 금지&gt;</p>`));
    expect(a.content.byline.reporters).toEqual([{ name: '최은결', role: '기자', email: 'eungyeol@saebyeok.example' }]);
    expect(paragraphs(a)).toHaveLength(3);
  });

  it('a placeholder author ("admin") is nobody: the sign-off names the reporter', async () => {
    const a = await read(koPage(`${KO_STORY}<p>최은결 기자 eungyeol@saebyeok.example</p>`, '<meta name="author" content="admin">'));
    expect(a.content.byline.reporters.map((r) => r.name)).toEqual(['최은결']);
  });

  it('"No Author" and "Staff" are not reporters; an organisation as author is the outlet, not a reporter', async () => {
    const none = await read(enPage(EN_STORY, '<meta name="author" content="No Author">'));
    expect(none.content.byline.reporters).toEqual([]);
    const staff = await read(enPage(EN_STORY, '<meta name="author" content="Staff">'));
    expect(staff.content.byline.reporters).toEqual([]);
    const org = await read(enPage(EN_STORY, '<meta name="author" content="Valley Broadcasting News">').replace(/<meta property="og:site_name"[^>]*>/, ''));
    expect(org.content.byline.reporters).toEqual([]);
    expect(org.content.byline.outlet).toBe('Valley Broadcasting News');
    // A person next to the organisation stays a reporter.
    const both = await read(enPage(EN_STORY, '<script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"Ines Marlow"},{"name":"Riverside Ledger"}]}</script>'));
    expect(both.content.byline.reporters.map((r) => r.name)).toEqual(['Ines Marlow']);
    expect(both.content.byline.outlet).toBe('Riverside Ledger');
  });
});

describe('furniture stays out (issue 20, 2)', () => {
  it('a site-wide meta description is not the deck; one about this article is', async () => {
    const site = await read(enPage(EN_STORY, '<meta name="description" content="Independent journalism for the towns of the valley since 1921: politics, sport and weather.">'));
    expect(site.content.deck).toEqual([]);
    const own = await read(enPage(EN_STORY, '<meta name="description" content="Barges reach the upper river again as Millbrook\'s rebuilt oak gates open to queues of boat owners.">'));
    expect(own.content.deck).toEqual(["Barges reach the upper river again as Millbrook's rebuilt oak gates open to queues of boat owners."]);
  });

  it('a description that merely repeats the lead in other order is dropped', async () => {
    const a = await read(enPage(EN_STORY, '<meta name="description" content="After five months of repairs the lock gates at Millbrook reopened on Monday, letting barges through to the upper river for the first time since November.">'));
    expect(a.content.deck).toEqual([]);
    expect(paragraphs(a)[0]).toMatch(/^The lock gates at Millbrook reopened/);
  });

  it('related-stories boxes (by class or by label), copyright lines, ad images and share prompts are removed; the story stays', async () => {
    const a = await read(
      enPage(`<p class="share">Share this article</p>${EN_STORY}
      <div class="related-links"><a href="/a">Canal trust names new chief</a> <a href="/b">Flood defences tested</a></div>
      <aside><h3>Related stories</h3><ul><li><a href="/c">Barge festival returns</a></li><li><a href="/d">Towpath closures</a></li></ul></aside>
      <p><strong>Read more:</strong> <a href="/e">How the gates were built</a></p>
      <p><a href="https://ads.example/click"><img src="https://cdn.example/ads/banner-300x250.jpg" alt="Advertisement"></a></p>
      <p>The trust will inspect the gates again in the autumn.</p>
      <p>© 2026 Riverside Ledger. All Rights Reserved.</p>`),
    );
    const text = paragraphs(a).join('\n');
    expect(text).not.toMatch(/Share this|Canal trust names|Flood defences|Barge festival|Towpath|Read more|How the gates|All Rights Reserved|©/);
    expect(text).toContain('The trust will inspect the gates again in the autumn.');
    expect(figures(a)).toEqual([]);
    expect(a.warnings.filter((w) => w.key === 'importPhotosNotIncluded')).toEqual([]);
    expect(paragraphs(a)).toHaveLength(4);
  });

  it('Korean: 관련기사 box, 저작권자 © and 무단 전재·재배포 금지 lines, 공유하기 prompt removed', async () => {
    const a = await read(
      koPage(`${KO_STORY}<div class="box"><strong>관련기사</strong><a href="/1">부두 전기 요금 논란</a><a href="/2">항만 미세먼지 측정</a></div>
      <p>공유하기</p><p>저작권자 © 새벽일보 무단전재 및 재배포 금지</p>`),
    );
    const text = paragraphs(a).join('\n');
    expect(text).not.toMatch(/관련기사|요금 논란|미세먼지 측정|공유하기|저작권자|무단/);
    expect(paragraphs(a)).toHaveLength(3);
  });

  it('story sentences that only mention copyright, sharing or related news stay', async () => {
    const kept = [
      '출판사들은 전자책의 무단 복제를 막기 위해 공동 감시단을 꾸렸다고 밝혔다.',
      '(c) the third clause of the lease lets the trust close the lock for repairs.',
      'Share prices of the canal operator rose 4% on Monday.',
      'Copyright lawyers say the old lock-keeper\'s photographs belong to the trust.',
    ];
    const a = await read(enPage(`${EN_STORY}${kept.map((p) => `<p>${p}</p>`).join('')}`));
    for (const line of kept) expect(paragraphs(a)).toContain(line);
  });
});

describe('captions stay with their photos (issue 20, 3)', () => {
  it('a sibling block with a caption class becomes the caption and credit, never the first paragraph', async () => {
    const a = await read(
      enPage(`<div class="photo"><img src="https://img.riverside.example/gates.jpg" alt="Lock gates"></div>
      <div class="img-caption">The new oak gates swing open at Millbrook. <span class="photo-credit">Tam Oduya</span></div>${EN_STORY}`),
    );
    expect(figures(a)).toHaveLength(1);
    expect(toImportSummary(a.content).body?.[0]).toEqual({ type: 'figure', caption: 'The new oak gates swing open at Millbrook.', credit: 'Tam Oduya', alt: 'Lock gates' });
    expect(paragraphs(a)[0]).toMatch(/^The lock gates at Millbrook reopened/);
    expect(paragraphs(a).join(' ')).not.toContain('oak gates swing');
  });

  it('"Photo: …" and "(사진=…)" lines right after the image become the credit', async () => {
    const en = await read(enPage(`${EN_STORY}<p><img src="https://img.riverside.example/queue.jpg" alt="Boats queue"></p><p>Photo: Tam Oduya/Ledger</p><p>The trust will inspect the gates again in the autumn.</p>`));
    expect(figures(en)[0].attrs).toMatchObject({ credit: 'Tam Oduya/Ledger', alt: 'Boats queue' });
    expect(paragraphs(en).join(' ')).not.toContain('Photo:');
    const ko = await read(koPage(`${KO_STORY}<p><img src="https://img.saebyeok.example/line.jpg" alt="전력선"></p><p>부두에 설치된 육상 전력 공급 장치. (사진=새벽일보 DB)</p><p>공사는 설비 점검을 매달 하기로 했다.</p>`));
    const fig = figures(ko)[0];
    expect(fig.attrs).toMatchObject({ credit: '새벽일보 DB' });
    expect(textOf(fig)).toBe('부두에 설치된 육상 전력 공급 장치.');
    expect(paragraphs(ko).join(' ')).not.toContain('사진=');
  });

  it('a figure with no picture and no words is not created', async () => {
    const a = await read(enPage(`<figure><img data-lazy="1"></figure>${EN_STORY}`));
    expect(figures(a)).toEqual([]);
  });
});

describe('line structure (issue 20, 4)', () => {
  it('a 부제 written with <br> becomes deck lines, not a heading or the first paragraph', async () => {
    const a = await read(koPage(`<h2 class="subtitle">육상 전력 첫 공급…배출가스 연간 수천 톤 감축<br>- 내년까지 부두 세 곳 추가</h2>${KO_STORY}`));
    expect(a.content.deck).toEqual(['육상 전력 첫 공급…배출가스 연간 수천 톤 감축', '내년까지 부두 세 곳 추가']);
    expect(paragraphs(a)[0]).toMatch(/^남해안의 한 항구에/);
    expect(a.content.body.content.some((n) => n.type === 'heading')).toBe(false);
  });

  it('a 부제 written as several elements becomes one deck line each', async () => {
    const a = await read(koPage(`<div class="sub_title"><p>육상 전력 첫 공급</p><p>주민들 "소음 줄었다"</p></div>${KO_STORY}`));
    expect(a.content.deck).toEqual(['육상 전력 첫 공급', '주민들 "소음 줄었다"']);
    expect(paragraphs(a)[0]).toMatch(/^남해안의 한 항구에/);
  });

  it('a 부제 without a class, a heading of several lines above the story, becomes deck lines', async () => {
    const a = await read(koPage(`<h3>육상 전력 첫 공급<br>주민들 "소음 줄었다"</h3>${KO_STORY}<h3>남은 과제</h3><p>요금 체계는 아직 정해지지 않았다. 공사는 선사들과 협의를 이어가고 있다.</p>`));
    expect(a.content.deck).toEqual(['육상 전력 첫 공급', '주민들 "소음 줄었다"']);
    expect(paragraphs(a)[0]).toMatch(/^남해안의 한 항구에/);
    // A heading of one line further down stays a heading.
    expect(a.content.body.content.filter((n) => n.type === 'heading').map(textOf)).toEqual(['남은 과제']);
  });

  it('a <pre> lineup keeps one line per line', async () => {
    const a = await read(enPage(`${EN_STORY}<pre>Millbrook Rowers:  Ames, Bello, Cray
Upper Lock Club:   Dunne, Eze, Farrow

Result: Millbrook by two lengths</pre>`));
    const lines = a.content.body.content.map(textOf);
    expect(lines).toContain('Millbrook Rowers: Ames, Bello, Cray\nUpper Lock Club: Dunne, Eze, Farrow');
    expect(lines).toContain('Result: Millbrook by two lengths');
  });

  it('a label printed right against the text ("Rowing" + "RL") gets its space', async () => {
    const a = await read(enPage(`<p><span class="label">Rowing</span><span class="agency">RL</span> Millbrook won the spring race by two lengths on Saturday, the club's first win over Upper Lock in nine years of trying.</p>${EN_STORY}`));
    expect(paragraphs(a)[0]).toMatch(/^Rowing RL Millbrook won/);
    expect(paragraphs(a).join(' ')).not.toContain('RowingRL');
  });
});

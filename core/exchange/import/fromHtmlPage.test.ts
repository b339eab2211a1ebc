import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtmlPage } from './fromHtmlPage';
import { domWindow } from './htmlDom';
import { BodySchema, type DocNode } from '../../../shared/model/article';
import type { ImportedArticle } from '../../../shared/exchange/types';
import { refusalReason as reason } from '../../../shared/exchange/testing/refusal';
import { toImportSummary } from '../../../shared/exchange/importSummary';
import { WEB_PAGES } from '../../../testing/fixturePaths';
import { corpus, skipConformance } from '../../../testing/referenceCorpus';

/** Publishers' pages with an extractor project's expected output: the reference corpus only. */
const PAGES = corpus('fixtures/web-pages');
const skipPages = skipConformance('publishers\' web pages');
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const utf8 = (s: string) => new TextEncoder().encode(s);

function textOf(node: DocNode): string {
  if (node.type === 'hardBreak') return ' ';
  return (node.text ?? '') + (node.content ?? []).map(textOf).join('');
}
/** Every paragraph, heading, list item and caption of the body, as normalised lines in order. */
function bodyLines(article: ImportedArticle): string[] {
  const out: string[] = [];
  const walk = (n: DocNode) => {
    if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'figureCaption') out.push(norm(textOf(n)));
    else n.content?.forEach(walk);
  };
  article.content.body.content.forEach(walk);
  return out.filter(Boolean);
}

/** What each Readability fixture should give. Headlines: the page's own (JSON-LD / <h1>); `titleSuffix` is the site furniture
 *  Readability's title keeps and we drop. `deckIsExcerpt`: the page's description is a real standfirst, not its first paragraph. */
const READABILITY = [
  { dir: 'ars-1', titleSuffix: '', deckIsExcerpt: true, language: 'en', other: '' },
  { dir: 'cnn', titleSuffix: '', deckIsExcerpt: true, language: 'en', other: '' },
  { dir: 'schema-org-context-object', titleSuffix: '', deckIsExcerpt: true, language: 'en', other: '' },
  { dir: 'gmw', titleSuffix: ' _探索者 _光明网', deckIsExcerpt: false, language: 'en', other: 'zh' },
  { dir: 'yahoo-4', titleSuffix: '（CNET Japan） - Yahoo!ニュース', deckIsExcerpt: false, language: 'en', other: 'ja' },
];

describe('fromHtmlPage on our own news pages (testing/fixtures/web-pages)', () => {
  const page = (name: string) => readFileSync(join(WEB_PAGES, `${name}.html`));
  const expected = (name: string) => JSON.parse(readFileSync(join(WEB_PAGES, `${name}.expected.json`), 'utf8'));

  it('English: JSON-LD headline, both authors, outlet, standfirst as deck, section as kicker, keywords once each; credits in their own element; furniture gone', async () => {
    const article = await fromHtmlPage(page('coastline-herald-en'), 'coastline.html');
    expect(article.format).toBe('html');
    expect(BodySchema.safeParse(article.content.body).success).toBe(true);
    expect(toImportSummary(article.content)).toEqual(expected('coastline-herald-en'));
    expect(article.warnings).toEqual([{ key: 'importPhotosNotIncluded', values: { count: '2' } }]);
    const json = JSON.stringify(article.content);
    expect(json).not.toMatch(/analytics|cookie|Most read|morning briefing|Privacy|Subscribe|All rights reserved/);
  });

  it('Korean: article:section kicker, a description cut with … is no deck, credit from the alt text, the 사진설명 line as caption, sign-off e-mail to the reporter', async () => {
    const article = await fromHtmlPage(page('hanbit-econ-ko'), 'hanbit.html');
    expect(toImportSummary(article.content)).toEqual(expected('hanbit-econ-ko'));
    expect(article.content.byline.reporters).toEqual([{ name: '박도윤', role: '기자', email: 'dy.park@hanbit-econ.example' }]);
    expect(article.warnings).toEqual([{ key: 'importPhotosNotIncluded', values: { count: '1' } }]);
    expect(JSON.stringify(article.content)).not.toMatch(/사진설명|많이 본 뉴스|무단 전재|로그인|ad_slot/);
  });

  it('a page in neither language is read as English with a warning naming its language (kana → ja, Han → zh)', async () => {
    const ja = `<html><head><title>港の蓄電船</title></head><body><article><h1>古いフェリーが港の蓄電池に</h1>
      <p>引退したカーフェリー二隻が、変電所の隣で風力発電の電気をためる蓄電船に生まれ変わった。港湾局が三日に発表した。</p>
      <p>一隻あたりの容量は約四十メガワット時で、夕方の需要が高まる時間帯に約三千世帯分の電力をまかなえるという。</p>
      <p>保険会社は火災への備えとして、すべての甲板にスプリンクラーを設けるよう求めている。</p></article></body></html>`;
    const zh = `<html><head><title>港口储能船</title></head><body><article><h1>旧渡轮变身港口储能船</h1>
      <figure><img src="https://img.example/ferry.jpg" alt="停泊在变电站旁的渡轮 (Credit: 港务局)"></figure>
      <p>图注：停泊在变电站旁的旧渡轮</p>
      <p>两艘退役的汽车渡轮被改装成储能船，停泊在变电站旁边，用来储存风力发电的电能。港务局三日宣布了这一消息。</p>
      <p>每艘船的容量约为四十兆瓦时，可以在傍晚用电高峰时为大约三千户家庭供电。</p>
      <p>保险公司要求每层甲板都安装喷淋系统，以防火灾。</p></article></body></html>`;
    const jaArticle = await fromHtmlPage(utf8(ja), 'ja.html');
    expect(jaArticle.content.language).toBe('en');
    expect(jaArticle.warnings).toContainEqual({ key: 'importLanguageGuessed', values: { lang: 'ja' } });
    const zhArticle = await fromHtmlPage(utf8(zh), 'zh.html');
    expect(zhArticle.warnings).toContainEqual({ key: 'importLanguageGuessed', values: { lang: 'zh' } });
    // The credit written in the alt text and the 图注 line become credit and caption.
    const figure = zhArticle.content.body.content.find((n) => n.type === 'figure')!;
    expect(figure.attrs).toMatchObject({ credit: '港务局', alt: '停泊在变电站旁的渡轮' });
    expect(textOf(figure)).toBe('停泊在变电站旁的旧渡轮');
    expect(bodyLines(zhArticle)).not.toContain('图注：停泊在变电站旁的旧渡轮');
  });
});

describe.skipIf(skipPages)('conformance (../shared): fromHtmlPage on Readability test pages', () => {
  for (const fx of READABILITY) {
    it(`${fx.dir}: headline, reporters, outlet, deck, language and every paragraph of Readability's expected content`, async () => {
      const dir = join(PAGES, 'readability', fx.dir);
      const expected = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as { title: string; byline: string | null; excerpt: string; siteName: string | null };
      const article = await fromHtmlPage(readFileSync(join(dir, 'source.html')), 'page.html');
      const c = article.content;

      expect(article.format).toBe('html');
      expect(BodySchema.safeParse(c.body).success).toBe(true);
      expect(c.headline + fx.titleSuffix).toBe(norm(expected.title));
      expect(c.byline.reporters.map((r) => r.name)).toEqual(norm(expected.byline).split(/\s*,\s*|\s+and\s+/).filter(Boolean));
      expect(c.byline.outlet).toBe(expected.siteName ?? '');
      expect(c.language).toBe(fx.language);
      expect(article.warnings.filter((w) => w.key === 'importLanguageGuessed').map((w) => w.values?.lang)).toEqual(fx.other ? [fx.other] : []);
      const lines = bodyLines(article);
      const text = lines.join('\n');
      if (fx.deckIsExcerpt) expect(c.deck).toEqual([norm(expected.excerpt)]);
      else {
        expect(c.deck).toEqual([]);
        expect(text).toContain(norm(expected.excerpt).slice(0, 30)); // the "excerpt" is the opening, kept in the body
      }

      // Readability's own expected content: each of its paragraphs is in our body, in the same order.
      const page = domWindow(readFileSync(join(dir, 'expected.html'), 'utf8'));
      const paragraphs = Array.from(page.document.querySelectorAll('p'))
        .map((p) => norm(p.textContent).replace(/^(图注|사진설명)[:：]\s*/, '')) // a caption line becomes the photo's caption
        .filter((p) => p.length >= 20);
      page.close();
      expect(paragraphs.length).toBeGreaterThan(3);
      let at = 0;
      for (const p of paragraphs) {
        const found = text.indexOf(p, at);
        expect(found, `missing or out of order: ${p.slice(0, 60)}`).toBeGreaterThanOrEqual(0);
        at = found + p.length;
      }
      // No script, style or handler text leaked from the page.
      expect(JSON.stringify(c.body)).not.toMatch(/<script|function\s*\(|onclick|javascript:/i);
    });
  }

  it('NBC: photo credits in their own caption element become the figure credit, not caption text', async () => {
    const article = await fromHtmlPage(readFileSync(join(PAGES, 'readability/schema-org-context-object/source.html')), 'nbc.html');
    const figures = article.content.body.content.filter((n) => n.type === 'figure');
    expect(figures.length).toBeGreaterThanOrEqual(3);
    expect(figures[0].attrs?.credit).toBe('Anthony Wallace / AFP - Getty Images');
    expect(textOf(figures[0])).toBe('An image of South Korean President Yoon Suk Yeol is raised during a candlelight rally in Seoul on Thursday.');
    expect(figures.every((f) => f.attrs?.photoId === '')).toBe(true); // the photos are not in the saved page
    expect(article.warnings).toContainEqual({ key: 'importPhotosNotIncluded', values: { count: String(figures.length) } });
  });

  it('gmw: the credit written in the alt text (Credit: Nasa) and the 图注 line become credit and caption', async () => {
    const article = await fromHtmlPage(readFileSync(join(PAGES, 'readability/gmw/source.html')), 'gmw.html');
    const figure = article.content.body.content.find((n) => n.type === 'figure')!;
    expect(figure.attrs).toMatchObject({ credit: 'Nasa', alt: '' });
    expect(textOf(figure)).toBe('巴兹?奥尔德林(Buzz Aldrin)可能是第二个在月球上行走的人，但他是第一个在月球上喝酒的人');
  });
});

describe.skipIf(skipPages)('conformance (../shared): fromHtmlPage on Yonhap (newspaper4k test page)', () => {
  const dir = join(PAGES, 'newspaper4k/yna_co_kr');
  const expected = skipPages ? ({} as never) : JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as { title: string; language: string; meta_site_name: string; meta_lang: string };

  it('body paragraphs are exactly those of expected-text.txt, in order; the sign-off e-mail goes to the byline', async () => {
    const article = await fromHtmlPage(readFileSync(join(dir, 'source.html')), 'yna.html');
    const c = article.content;
    const paragraphs = readFileSync(join(dir, 'expected-text.txt'), 'utf8').split(/\n\s*\n/).map(norm).filter(Boolean);
    expect(c.body.content.every((n) => n.type === 'paragraph')).toBe(true);
    expect(bodyLines(article)).toEqual(paragraphs);
    expect(c.headline).toBe(expected.title);
    expect(c.language).toBe(expected.language);
    expect(c.byline.outlet).toBe(expected.meta_site_name);
    expect(c.byline.reporters).toEqual([{ name: '', role: '', email: 'kokobj@yna.co.kr' }]);
    // article:section is the kicker; the JSON-LD keywords are the tags; the "…"-cut description is no deck.
    expect(c.kicker).toBe('North Korea');
    expect(c.tags).toEqual(['NK', 'Rodong Sinmun', 'joint military excerise']);
    expect(c.deck).toEqual([]);
  });
});

/** EUC-KR bytes for `text`, from the decoder's own table (Node has no EUC-KR encoder). */
function eucKr(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('euc-kr');
  for (let a = 0xa1; a <= 0xfe; a++) for (let b = 0xa1; b <= 0xfe; b++) table.set(decoder.decode(new Uint8Array([a, b])), [a, b]);
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}

const KOREAN_PAGE = `<html><head><meta charset="euc-kr"><title>부산항 자동화 부두 첫 가동 | 한빛경제</title>
<meta property="og:site_name" content="한빛경제"><meta name="author" content="김하늘ㆍ박도윤 기자"><meta name="keywords" content="항만, 자동화, 부산">
<meta name="description" content="부산항의 첫 완전 자동화 부두가 문을 열었다. 하역 속도는 두 배로 빨라졌다"></head>
<body><header><nav><a href="/">홈</a> <a href="/economy">경제</a></nav></header>
<article><h1>부산항 자동화 부두 첫 가동</h1><p class="byline">김하늘ㆍ박도윤 기자</p>
<p>부산항의 첫 완전 자동화 부두가 오늘 문을 열었다. 무인 크레인 열두 대가 컨테이너를 옮긴다. 항만공사는 하역 속도가 기존 부두의 두 배라고 밝혔다.</p>
<p>노조는 일자리 감소를 우려하며 재교육 계획을 요구했다. 항만공사는 전환 배치를 약속했지만 구체적인 숫자는 내놓지 않았다. 협상은 다음 주에 이어진다.</p>
<p>자동화 부두는 하루 스물네 시간 가동되며 선박 대기 시간을 절반으로 줄일 것으로 기대된다. 업계는 다른 항만으로 확산될지 주목하고 있다.</p>
<p>sky@hanbit.example</p></article><footer>Copyright 한빛경제</footer></body></html>`;

describe('fromHtmlPage on a Korean page', () => {
  it('decodes by the declared charset, splits the shared-role byline and reads Korean metadata', async () => {
    const article = await fromHtmlPage(eucKr(KOREAN_PAGE), 'hanbit.html');
    const c = article.content;
    expect(c.language).toBe('ko');
    expect(c.headline).toBe('부산항 자동화 부두 첫 가동');
    expect(c.byline.outlet).toBe('한빛경제');
    expect(c.byline.reporters).toEqual([
      { name: '김하늘', role: '기자', email: 'sky@hanbit.example' },
      { name: '박도윤', role: '기자', email: '' },
    ]);
    expect(c.tags).toEqual(['항만', '자동화', '부산']);
    expect(c.deck).toEqual(['부산항의 첫 완전 자동화 부두가 문을 열었다. 하역 속도는 두 배로 빨라졌다']);
    expect(bodyLines(article)[0]).toMatch(/^부산항의 첫 완전 자동화 부두가 오늘 문을 열었다/);
    expect(bodyLines(article).join(' ')).not.toMatch(/김하늘ㆍ박도윤 기자|홈|Copyright|sky@/);
  });
});

describe('fromHtmlPage refuses what is not an article', () => {
  it('a page over 20 MB → tooLarge (before parsing it)', async () => {
    expect(await reason(fromHtmlPage(new Uint8Array(50 * 1024 * 1024).fill(0x20), 'huge.html'))).toBe('tooLarge');
  });

  it('a page with no article → empty', async () => {
    const page = '<html><head><title>Log in</title><script>var a = 1;</script></head><body><nav><a href="/">Home</a></nav><form><input name="u"></form></body></html>';
    expect(await reason(fromHtmlPage(utf8(page), 'login.html'))).toBe('empty');
  });

  it('bytes that are neither UTF-8 nor EUC-KR and declare nothing → encoding', async () => {
    expect(await reason(fromHtmlPage(new Uint8Array([0x3c, 0x70, 0x3e, 0xff, 0xff, 0xfe, 0x80, 0x80, 0xc3, 0x28]), 'bad.html'))).toBe('encoding');
  });

  it('scripts, handlers and javascript: links never reach the body; malformed markup still yields the story', async () => {
    const story = 'The harbour board voted on Tuesday to automate the third terminal, a move the union says will cost two hundred jobs within five years.';
    const page = `<html><head><title>Vote</title></head><body><div class="story"><h1>Harbour votes</h1><p onclick="steal()">${story}<a href="javascript:alert(1)">more</a>
      <p>Officials said retraining would be offered<img src="x" onerror="alert(2)"> to every crane operator <b>before the switch</i> next spring.
      <script>document.write('<p>injected</p>')</script><p>The vote was <a href="https://example.com/vote">seven to two</a>.</td></tr></table>`;
    const article = await fromHtmlPage(utf8(page), 'vote.html');
    const json = JSON.stringify(article.content.body);
    expect(json).not.toMatch(/alert|onclick|onerror|javascript|injected|document\.write/);
    const text = bodyLines(article).join(' ');
    expect(text).toContain(story);
    expect(text).toContain('to every crane operator before the switch next spring');
    expect(json).toContain('"href":"https://example.com/vote"');
  });
});

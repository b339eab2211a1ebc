import { lexer, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import { describe, it, expect } from 'vitest';
import { useSampleExports, SECRET_DESK_NOTE, SECRET_NOTE } from '../../../core/exchange/testing/sampleArticles';
import { plainText, type Inline } from '../blocks';
import { inlinesFromTokens } from '../import/markdownInlines';
import type { ExportArticle } from '../types';
import { inlineMarkdown, toMarkdown } from './toMarkdown';

let ko: ExportArticle;
let en: ExportArticle;
const photoHref = (p: { fileName: string }) => `photos/${p.fileName}`;

useSampleExports((s) => ({ ko, en } = s));

/** What a Markdown reader makes of one paragraph. */
const readBack = (md: string): Inline[] => inlinesFromTokens((lexer(md)[0] as Tokens.Paragraph).tokens);

describe('toMarkdown', () => {
  it('writes the English sample exactly', () => {
    expect(toMarkdown(en, { photoHref })).toBe(`---
id: ${en.id}
language: en
status: draft
revision: ${en.revision}
kicker: Business | Energy
headline: Harbor cities race to turn old ferries into floating battery banks
deck:
  - Retired car ferries are being refitted as grid storage along the coast
byline:
  outlet: Coastline Herald
  desk: ""
  reporters:
    - name: Dana Whitfield
      role: Energy reporter
      email: dana.whitfield@coastline-herald.example
    - name: Marco Ilves
      role: ""
      email: ""
byline_text: By Dana Whitfield and Marco Ilves
dateline: PORT AVERY
tags:
  - Energy storage
  - Shipping
embargo: null
created: ${en.createdAt}
updated: ${en.updatedAt}
corrections: []
credit_pattern: "(Photo: {credit})"
---

# Harbor cities race to turn old ferries into floating battery banks

> Retired car ferries are being refitted as grid storage along the coast

By Dana Whitfield and Marco Ilves

The last passenger ferry on the Avery-Lund crossing made its final run in March. By autumn it was back in the harbor, its car deck stacked with **battery racks**.

![Battery racks on a ferry deck](photos/photo-01.jpg "Workers install battery racks on the car deck of the former ferry Lund Star.")
_Workers install battery racks on the car deck of the former ferry Lund Star. (Photo: Ines Okafor/Coastline Herald)_

Each hull holds about megawatt-hours, enough for roughly 3,000 homes.

## Fire risk

"We already had the hull," said _Petra Holm_, who runs the project. See the [port notice](https://example.org/notice?a=1&b=2) & details \\<here>.

1. Sprinklers on every deck
2. Flooding system

![A control room](photos/photo-02.jpg "A control room monitors the charge level.")
_A control room monitors the charge level. (Photo: Coastline Herald)_

If the pilots succeed, two more vessels will be converted by 2028.

dana.whitfield@coastline-herald.example
`);
  });

  it('keeps every Korean field in the front matter, read back by a YAML parser', () => {
    const md = toMarkdown(ko, { photoHref });
    const meta = parseYaml(md.split('\n---\n')[0].replace(/^---\n/, ''));
    expect(meta).toMatchObject({
      language: 'ko',
      kicker: '테크인사이드',
      headline: '폐배터리에서 리튬 캐는 ‘도시광산’…재활용 경쟁 불붙었다',
      deck: ['2030년 전기차 폐배터리 연 10만개 쏟아져', '완성차ㆍ배터리ㆍ소재사 삼파전'],
      byline: {
        outlet: '한빛경제',
        desk: '산업부',
        reporters: [
          { name: '김하늘', role: '기자', email: 'sky@hanbit-econ.example' },
          { name: '박도윤', role: '기자', email: '' },
        ],
      },
      byline_text: '[한빛경제=산업부 김하늘ㆍ박도윤 기자]',
      tags: ['배터리', '재활용', '도시광산'],
      embargo: null,
      credit_pattern: '[사진={credit}]',
    });
  });

  it('writes the Korean body: 중간제목, quote, list, bold, links, escaped byline, figure with house credit', () => {
    const md = toMarkdown(ko, { photoHref });
    expect(md).toContain('\n# 폐배터리에서 리튬 캐는 ‘도시광산’…재활용 경쟁 불붙었다\n\n> 2030년 전기차 폐배터리 연 10만개 쏟아져\n>\n> 완성차ㆍ배터리ㆍ소재사 삼파전\n\n\\[한빛경제=산업부 김하늘ㆍ박도윤 기자\\]\n');
    expect(md).toContain('다 쓴 전기차 배터리에서 **리튬과 니켈**을 다시 뽑아내는');
    expect(md).toContain('\n## 회수율이 승부처\n');
    expect(md).toContain('\n> 누가 더 많은 폐배터리를 확보하느냐가 경쟁력을 가를 것\n');
    expect(md).toContain('\n- 리튬 회수율 80%대\n- 니켈 회수율 95%\n');
    expect(md).toContain('[환경부 자료](https://www.me.go.kr/)에 있다.');
    // _“…”_이 is not italic under CommonMark's flanking rules next to Hangul, so the writer uses <em>.
    expect(md).toContain('한 업체 관계자는 <em>“배터리 여권”</em>이 도입되면');
    expect(md).toContain(
      '![배터리 모듈을 옮기는 작업자](photos/photo-01.jpg "경북 포항의 한 배터리 재활용 공장에서 작업자가 배터리 모듈을 옮기고 있다.")\n_경북 포항의 한 배터리 재활용 공장에서 작업자가 배터리 모듈을 옮기고 있다. \\[사진=김하늘 기자\\]_\n',
    );
    expect(md.trimEnd().endsWith('\n\nsky@hanbit-econ.example')).toBe(true);
  });

  it('never writes editor notes, TKs or the note to the desk', () => {
    for (const a of [ko, en]) {
      const md = toMarkdown(a, { photoHref });
      for (const secret of [SECRET_NOTE, SECRET_DESK_NOTE, 'check with port', 'lawyer to read', 'TK']) expect(md).not.toContain(secret);
    }
  });
});

describe('inlineMarkdown', () => {
  it('escapes text so a reader sees exactly the same characters, with no markup made from them', () => {
    const tricky = ['# not a heading', '1. not a list', '- nor this', '> nor a quote', '*stars* and _unders_ and `ticks`', '<script>alert(1)</script>', '&amp; stays literal', '[x](javascript:alert(1))', '10~20% and 30~40%', '=== under'];
    for (const text of tricky) {
      const md = inlineMarkdown([{ text }]);
      const tokens = lexer(md);
      expect(tokens).toHaveLength(1);
      expect(tokens[0].type, md).toBe('paragraph');
      const back = readBack(md);
      expect(back, md).toEqual([{ text }]);
    }
  });

  it('falls back to <em>/<strong> only where CommonMark emphasis would not hold', () => {
    expect(inlineMarkdown([{ text: 'a ' }, { text: 'b', italic: true }, { text: ' c' }])).toBe('a _b_ c');
    const korean: Inline[] = [{ text: '그는 ' }, { text: '“배터리 여권”', italic: true }, { text: '이 ' }, { text: '핵심', bold: true }, { text: '이라고 했다.' }];
    const md = inlineMarkdown(korean);
    expect(md).toBe('그는 <em>“배터리 여권”</em>이 <strong>핵심</strong>이라고 했다.');
    expect(readBack(md)).toEqual(korean);
    expect(plainText(readBack(md))).toBe('그는 “배터리 여권”이 핵심이라고 했다.');
  });

  it('writes links with their targets escaped and hard breaks as backslash newlines', () => {
    const md = inlineMarkdown([{ text: 'see ' }, { text: 'this', href: 'https://example.org/a_(b) c' }, { text: '\n', br: true }, { text: 'next' }]);
    expect(md).toBe('see [this](https://example.org/a_\\(b\\)%20c)\\\nnext');
    expect(readBack(md)).toEqual([{ text: 'see ' }, { text: 'this', href: 'https://example.org/a_(b)%20c' }, { text: '\n', br: true }, { text: 'next' }]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Byline } from '../model/article';
import { DEFAULT_BYLINE_TEMPLATES, defaultSettings, type BylineTemplate } from '../model/settings';
import { pickTemplate, renderByline, signOff, validateBylinePattern } from './renderByline';

const tpl = (id: string) => DEFAULT_BYLINE_TEMPLATES.find((t) => t.id === id)!;
const byline = (outlet: string, desk: string, ...people: [string, string?, string?][]): Byline => ({
  outlet,
  desk,
  templateId: '',
  reporters: people.map(([name, role = '', email = '']) => ({ name, role, email })),
});

describe('renderByline', () => {
  it('renders the three Korean house shapes from PRODUCT.md', () => {
    expect(renderByline(byline('한빛경제', '산업부', ['김하늘', '기자'], ['박도윤', '기자']), tpl('ko-bracket-desk'))).toBe(
      '[한빛경제=산업부 김하늘ㆍ박도윤 기자]',
    );
    expect(renderByline(byline('연합뉴스', '', ['홍길동', '기자']), tpl('ko-wire'), '서울')).toBe('(서울=연합뉴스) 홍길동 기자 =');
    expect(renderByline(byline('아시아경제', '', ['홍길동', '기자']), tpl('ko-bracket'))).toBe('[아시아경제 홍길동 기자]');
  });

  it('drops optional parts whose placeholders are empty', () => {
    expect(renderByline(byline('한빛경제', '', ['김하늘', '기자']), tpl('ko-bracket-desk'))).toBe('[한빛경제 김하늘 기자]');
    expect(renderByline(byline('연합뉴스', '', ['홍길동', '기자']), tpl('ko-wire'))).toBe('(연합뉴스) 홍길동 기자 =');
  });

  it('prints the article\'s dateline for {dateline}: the wire template\'s place, not a desk', () => {
    expect(tpl('ko-wire').pattern).toBe('(<{dateline}=>{outlet}) {reporters} =');
    expect(renderByline(byline('바다뉴스', '', ['정태오', '기자']), tpl('ko-wire'), '부산')).toBe('(부산=바다뉴스) 정태오 기자 =');
    expect(renderByline(byline('바다뉴스', '물류부', ['정태오', '기자']), tpl('ko-wire'), '')).toBe('(바다뉴스) 정태오 기자 =');
    // A house that kept the desk in its own wire pattern still prints the desk.
    const deskWire = { ...tpl('ko-wire'), pattern: '(<{desk}=>{outlet}) {reporters} =' };
    expect(renderByline(byline('바다뉴스', '부산', ['정태오', '기자']), deskWire, '')).toBe('(부산=바다뉴스) 정태오 기자 =');
  });

  it('gives each role its own suffix when roles differ', () => {
    const b = byline('한빛경제', '국제부', ['김하늘', '기자'], ['박도윤', '기자'], ['이준', '특파원']);
    expect(renderByline(b, tpl('ko-bracket-desk'))).toBe('[한빛경제=국제부 김하늘ㆍ박도윤 기자ㆍ이준 특파원]');
    expect(renderByline(byline('한빛경제', '', ['김하늘', '']), tpl('ko-bracket'))).toBe('[한빛경제 김하늘]');
  });

  it('joins English names with commas and "and", without roles', () => {
    const en = tpl('en-by');
    expect(renderByline(byline('', '', ['Dana Whitfield', 'Reporter'], ['Marco Ilves']), en)).toBe('By Dana Whitfield and Marco Ilves');
    expect(renderByline(byline('', '', ['A'], ['B'], ['C']), en)).toBe('By A, B and C');
    expect(renderByline(byline('', '', ['Dana Whitfield']), en)).toBe('By Dana Whitfield');
  });

  it('skips unnamed reporters and renders nothing for an empty byline', () => {
    expect(renderByline(byline('', '', ['', '기자']), tpl('ko-bracket'))).toBe('');
    expect(renderByline(byline('한빛경제', '산업부', ['  ', '기자'], ['김하늘', '기자']), tpl('ko-bracket-desk'))).toBe('[한빛경제=산업부 김하늘 기자]');
  });

  it('treats templates as data: a house style defined only in settings works', () => {
    const custom: BylineTemplate = {
      id: 'custom', name: 'Name, Outlet', language: 'en', pattern: '{reporters}<, {outlet}> {city}',
      separator: ' & ', lastSeparator: '', roleStyle: 'none',
    };
    expect(renderByline(byline('The Ledger', '', ['Ann Lee'], ['Bo Kim']), custom)).toBe('Ann Lee & Bo Kim, The Ledger {city}');
    expect(renderByline(byline('', '', ['Ann Lee']), custom)).toBe('Ann Lee {city}');
  });
});

describe('signOff and pickTemplate', () => {
  it('signs off with the first reporter who has an e-mail', () => {
    expect(signOff(byline('', '', ['김하늘', '기자'], ['박도윤', '기자', 'doyun@x.example']))).toBe('doyun@x.example');
    expect(signOff(byline('', '', ['김하늘']))).toBe('');
  });

  it('picks the article template, then the language default, then any of the language', () => {
    const s = defaultSettings();
    expect(pickTemplate(s, { ...byline('', ''), templateId: 'ko-wire' }, 'ko').id).toBe('ko-wire');
    expect(pickTemplate(s, { ...byline('', ''), templateId: 'gone' }, 'en').id).toBe('en-by');
    const noDefault = { ...s, defaultTemplateIds: { ko: 'x', en: 'y' } };
    expect(pickTemplate(noDefault, byline('', ''), 'en').language).toBe('en');
  });

  it('validates patterns', () => {
    expect(validateBylinePattern('[{outlet}<={desk}> {reporters}]')).toBeNull();
    expect(validateBylinePattern('[{outlet}<={desk} {reporters}]')).toBe('unbalancedBrackets');
    expect(validateBylinePattern('[{outlet}]')).toBe('noReporters');
  });
});

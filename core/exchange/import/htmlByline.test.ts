import { describe, it, expect } from 'vitest';
import { parseByline, parseReporters, splitPeople } from './htmlByline';

const r = (name: string, role = '', email = '') => ({ name, role, email });

describe('parseReporters', () => {
  it('splits English bylines on "and", commas and ampersands and drops "By"', () => {
    expect(parseReporters('By Dana Whitfield and Marco Ilves')).toEqual([r('Dana Whitfield'), r('Marco Ilves')]);
    expect(parseReporters('Stella Kim, Jennifer Jett & Ahiza Garcia')).toEqual([r('Stella Kim'), r('Jennifer Jett'), r('Ahiza Garcia')]);
  });

  it('reads Korean roles, shared by names printed before one role', () => {
    expect(parseReporters('홍길동 기자')).toEqual([r('홍길동', '기자')]);
    expect(parseReporters('김하늘ㆍ박도윤 기자')).toEqual([r('김하늘', '기자'), r('박도윤', '기자')]);
    expect(parseReporters('김하늘 특파원, 박도윤 선임기자')).toEqual([r('김하늘', '특파원'), r('박도윤', '선임기자')]);
  });

  it('gives e-mails to their reporters', () => {
    expect(parseReporters('홍길동 기자 gildong@yna.co.kr')).toEqual([r('홍길동', '기자', 'gildong@yna.co.kr')]);
    expect(parseReporters('A Lee (a@x.example), B Park (b@x.example)')).toEqual([r('A Lee', '', 'a@x.example'), r('B Park', '', 'b@x.example')]);
  });

  it('ignores author URLs that pages put in author fields', () => {
    expect(parseReporters('https://www.facebook.com/yonhapenglish')).toEqual([]);
  });
});

describe('parseByline', () => {
  it('reads the house shapes back into outlet, desk and reporters', () => {
    expect(parseByline('[한빛경제=산업부 김하늘ㆍ박도윤 기자]')).toEqual({ outlet: '한빛경제', desk: '산업부', reporters: [r('김하늘', '기자'), r('박도윤', '기자')] });
    expect(parseByline('(서울=연합뉴스) 홍길동 기자 =')).toEqual({ outlet: '연합뉴스', desk: '서울', reporters: [r('홍길동', '기자')] });
    expect(parseByline('[한빛경제 김하늘 기자]')).toEqual({ outlet: '한빛경제', desk: '', reporters: [r('김하늘', '기자')] });
    expect(parseByline('By Dana Whitfield')).toEqual({ outlet: '', desk: '', reporters: [r('Dana Whitfield')] });
  });

  it('splitPeople: placeholders are nobody, an organisation (or the site itself) is the outlet, people with a role stay (issue 20)', () => {
    expect(splitPeople([r('No Author'), r('Staff'), r('admin'), r('관리자')])).toEqual({ reporters: [], outlet: '' });
    expect(splitPeople([r('Valley Broadcasting News'), r('Ines Marlow')])).toEqual({ reporters: [r('Ines Marlow')], outlet: 'Valley Broadcasting News' });
    expect(splitPeople([r('새벽일보')], '')).toEqual({ reporters: [], outlet: '새벽일보' });
    expect(splitPeople([r('Riverside Ledger')], 'Riverside Ledger')).toEqual({ reporters: [], outlet: 'Riverside Ledger' });
    // A reporter named like an outlet is still a reporter when the byline gives a role.
    expect(splitPeople([r('한경제', '기자')])).toEqual({ reporters: [r('한경제', '기자')], outlet: '' });
  });
});

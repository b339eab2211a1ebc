import { describe, it, expect } from 'vitest';
import { parseKoreanBylineLine, parseKoreanLead, parseKoreanReporters } from './koreanByline';

const names = (rs: { name: string; role: string }[] | null | undefined) => rs?.map((r) => `${r.name}/${r.role}`);

describe('parseKoreanReporters', () => {
  it('shares a role among the names before it and reads every role word', () => {
    expect(names(parseKoreanReporters('김하늘ㆍ박도윤 기자'))).toEqual(['김하늘/기자', '박도윤/기자']);
    expect(names(parseKoreanReporters('홍길동 선임기자ㆍ김철수 인턴기자, 이영희 객원기자'))).toEqual(['홍길동/선임기자', '김철수/인턴기자', '이영희/객원기자']);
    expect(names(parseKoreanReporters('이서준특파원'))).toEqual(['이서준/특파원']);
  });

  it('is not fooled by words that are not names', () => {
    expect(parseKoreanReporters('테크인사이드')).toBeNull();
    expect(parseKoreanReporters('미세먼지 알리미')).toBeNull(); // names-shaped, but no role
    expect(parseKoreanReporters('단독 보도 기자회견')).toBeNull();
  });
});

describe('parseKoreanLead', () => {
  it('reads the house bracket with outlet and desk', () => {
    const lead = parseKoreanLead('[한빛경제=산업부 김하늘ㆍ박도윤 기자] 다 쓴 배터리에서 리튬을 뽑는다.');
    expect(lead?.byline.outlet).toBe('한빛경제');
    expect(lead?.byline.desk).toBe('산업부');
    expect(lead?.byline.place).toBe('');
    expect(names(lead?.byline.reporters)).toEqual(['김하늘/기자', '박도윤/기자']);
    expect(lead?.rest).toBe('다 쓴 배터리에서 리튬을 뽑는다.');
  });

  it('reads the outlet-only bracket and a bare name bracket', () => {
    expect(parseKoreanLead('[한빛경제 김하늘 기자] 본문이다.')?.byline).toMatchObject({ outlet: '한빛경제', desk: '' });
    expect(parseKoreanLead('[김하늘 기자] 본문이다.')?.byline).toMatchObject({ outlet: '', desk: '' });
  });

  it('reads Yonhap and Newsis wire leads: place first (the dateline, not a desk), outlet second, names before =', () => {
    const yonhap = parseKoreanLead('(서울=연합뉴스) 홍길동 김철수 기자 = 반도체 수출이 늘었다.');
    expect(yonhap?.byline).toMatchObject({ outlet: '연합뉴스', desk: '', place: '서울' });
    expect(names(yonhap?.byline.reporters)).toEqual(['홍길동/기자', '김철수/기자']);
    expect(yonhap?.rest).toBe('반도체 수출이 늘었다.');
    const newsis = parseKoreanLead('[세종=뉴시스]이수민 기자 = 정부가 발표했다.');
    expect(newsis?.byline).toMatchObject({ outlet: '뉴시스', desk: '', place: '세종' });
    expect(newsis?.rest).toBe('정부가 발표했다.');
  });

  it('leaves a bracketed kicker or an ordinary paragraph alone', () => {
    expect(parseKoreanLead('[테크인사이드]폐배터리에서 리튬 캐는 ‘도시광산’')).toBeNull();
    expect(parseKoreanLead('[단독] 정부, 법안 발의')).toBeNull();
    expect(parseKoreanLead('업계에 따르면 환율은 1달러=1350원이다.')).toBeNull();
  });
});

describe('parseKoreanBylineLine', () => {
  it('reads a name line of its own with an outlet in front', () => {
    expect(parseKoreanBylineLine('한빛경제 김하늘 기자')).toMatchObject({ outlet: '한빛경제', reporters: [{ name: '김하늘', role: '기자' }] });
    expect(parseKoreanBylineLine('실시간 뉴스')).toBeNull();
  });
});

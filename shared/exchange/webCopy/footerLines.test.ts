import { describe, it, expect } from 'vitest';
import { isDateLine, isFurniture, isListHeader } from './furniture';
import { assignSignOffs, parseEndByline, parseSignOff } from './signOff';
import { isTopicsHeading, parseTagsLine, parseTopicLine } from './tagsLine';
import type { Reporter } from '../../model/article';

describe('tags, sign-off and furniture lines', () => {
  it('reads labelled tag lines and hashtags', () => {
    expect(parseTagsLine('Related topics: Energy storage, Shipping, Port Avery')).toEqual(['Energy storage', 'Shipping', 'Port Avery']);
    expect(parseTagsLine('관련 태그: 배터리, 재활용')).toEqual(['배터리', '재활용']);
    expect(parseTagsLine('#배터리 #재활용')).toEqual(['배터리', '재활용']);
    expect(parseTagsLine('Topics are hard to choose.')).toBeNull();
  });

  it('gives sign-off addresses to the reporter named, else in byline order', () => {
    const reporters: Reporter[] = [
      { name: '이서준', role: '특파원', email: '' },
      { name: '최민아', role: '기자', email: '' },
    ];
    assignSignOffs(reporters, [...parseSignOff('최민아 기자 mina@hanbit.example')!, ...parseSignOff('sjlee@hanbit.example')!]);
    expect(reporters.map((r) => r.email)).toEqual(['sjlee@hanbit.example', 'mina@hanbit.example']);
    expect(parseSignOff('문의는 help@hanbit.example 로 보내면 답변을 받을 수 있다고 회사는 밝혔다.')).toBeNull();
  });

  it('knows furniture, story lists and time stamps, and not copy', () => {
    expect(isFurniture('Subscribe')).toBe(true);
    expect(isFurniture('<저작권자 ⓒ 한빛경제, 무단전재 및 재배포 금지>')).toBe(true);
    expect(isFurniture('Subscribers pay less under the new plan.')).toBe(false);
    expect(isListHeader('많이 본 뉴스')).toBe(true);
    expect(isDateLine('Updated Nov. 3, 2026, 6:12 a.m.')).toBe(true);
    expect(isDateLine('입력 2026.11.03 06:00')).toBe(true);
    expect(isDateLine('Updates on the ferry project will follow.')).toBe(false);
  });

  it.each([
    '2026.12.07 15:30',
    '2026-12-07 오후 3:30',
    '입력 2026.12.07. 오후 3:30',
    '입력 : 2026-12-07 15:30:12 | 수정 : 2026-12-07 16:00:00',
    '2026년 12월 7일(월) 15:30',
    '2026.12.07(월) 오후 3:30',
    '2026-12-07T15:30:00+09:00',
    'Updated Dec. 7, 2026 3:30 p.m. ET',
    'Published: 7 December 2026',
    'Last modified on Sun 7 Dec 2026 16.02 GMT',
    'Sun 7 Dec 2026 15.30 GMT',
    'Monday, December 7, 2026',
    '3:30 p.m. ET, Dec. 7, 2026',
    '15:30',
    '15.30 GMT',
    '오후 3:30',
    '5 hours ago',
    '3분 전',
    '2026/12/07 15:30 송고',
    '송고 2026.12.07 15:30',
  ])('drops the date line %s', (line) => {
    expect(isDateLine(line)).toBe(true);
  });

  it.each([
    '10.25 Fed cut rates in 2026',
    '3:30 was when the ferry left the harbour, and nobody noticed.',
    '2026년 예산안이 국회를 통과했다.',
    '12:30 플랫폼에서 만나요',
    '1.50',
  ])('keeps %s', (line) => {
    expect(isDateLine(line)).toBe(false);
  });

  it.each([
    '© 2026 Coastline Herald. All rights reserved.',
    'Copyright 2026 Norland Wire Service',
    '[ⓒ 한빛일보]',
    '무단 전재 및 재배포 금지',
    '저작권자 © 바다뉴스, 무단 전재-재배포, AI 학습 및 활용 금지',
    'Coastline Herald © 2026',
    'AI 학습 이용 금지',
    '<Copyright 2026 Coastline Herald>',
    '무단 복제 및 배포 금지',
  ])('drops the copyright line %s', (line) => {
    expect(isFurniture(line)).toBe(true);
  });

  it('keeps a caption whose credit carries a copyright mark', () => {
    expect(isFurniture('신항 전경 ⓒ바다뉴스')).toBe(false);
  });

  it('knows story lists and topic lists by their headings', () => {
    expect(isListHeader('More on this story')).toBe(true);
    expect(isListHeader('More on this ferry, later.')).toBe(false);
    expect(isTopicsHeading('Explore more on these topics')).toBe(true);
    expect(isTopicsHeading('관련 태그')).toBe(true);
    expect(isTopicsHeading('Topics in the harbour debate were many.')).toBe(false);
    expect(parseTopicLine('• Energy storage')).toBe('Energy storage');
    expect(parseTopicLine('#원격수업')).toBe('원격수업');
    expect(parseTopicLine('Insurers want sprinklers on every deck.')).toBeNull();
  });

  it('reads a byline printed at the end without an address, and gives it to the byline', () => {
    expect(parseEndByline('/글·사진=문채원 기자')).toEqual([{ name: '문채원', role: '기자', email: '' }]);
    expect(parseEndByline('[윤서하ㆍ정태오 기자]')).toEqual([
      { name: '윤서하', role: '기자', email: '' },
      { name: '정태오', role: '기자', email: '' },
    ]);
    expect(parseEndByline('(문채원 기자)')).toHaveLength(1);
    expect(parseEndByline('책방 주인 기자회견')).toBeNull();
    const reporters: Reporter[] = [{ name: '윤서하', role: '기자', email: 'seoha@hanbit.example' }];
    assignSignOffs(reporters, [...parseEndByline('윤서하ㆍ정태오 기자')!]);
    expect(reporters).toEqual([
      { name: '윤서하', role: '기자', email: 'seoha@hanbit.example' },
      { name: '정태오', role: '기자', email: '' },
    ]);
  });
});

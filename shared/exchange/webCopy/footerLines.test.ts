import { describe, it, expect } from 'vitest';
import { isDateLine, isFurniture, isListHeader } from './furniture';
import { assignSignOffs, parseSignOff } from './signOff';
import { parseTagsLine } from './tagsLine';
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
});

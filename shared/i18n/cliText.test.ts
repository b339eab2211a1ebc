import { describe, expect, it } from 'vitest';
import { cliLanguage, cliText } from './cliText';

describe('cliLanguage', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG, then the runtime locale', () => {
    expect(cliLanguage({ LC_ALL: 'ko_KR.UTF-8', LANG: 'en_US.UTF-8' }, 'en-US')).toBe('ko');
    expect(cliLanguage({ LC_MESSAGES: 'en_GB.UTF-8', LANG: 'ko_KR.UTF-8' }, 'ko-KR')).toBe('en');
    expect(cliLanguage({ LANG: 'ko_KR.UTF-8' }, 'en-US')).toBe('ko');
    expect(cliLanguage({}, 'ko-KR')).toBe('ko');
    expect(cliLanguage({}, 'en-US')).toBe('en');
    expect(cliLanguage({ LANG: 'kok_IN' }, 'en-US')).toBe('en'); // Konkani is not Korean
  });

  it('has every message in both languages, with the details filled in', () => {
    expect(Object.keys(cliText('ko')).sort()).toEqual(Object.keys(cliText('en')).sort());
    expect(cliText('ko').running('/lib', 'http://127.0.0.1:1/?token=t')).toContain('http://127.0.0.1:1/?token=t');
    expect(cliText('ko').locked('/news')).toContain('/news');
  });

  it('ends the running message with the address, alone on its line after the name, in both languages', () => {
    for (const language of ['ko', 'en'] as const) {
      const lines = cliText(language).running('/lib', 'http://127.0.0.1:1/?token=t').split('\n');
      expect(lines.at(-1)).toMatch(/^Copydesk\S* [^:]*: http:\/\/127\.0\.0\.1:1\/\?token=t$/);
      expect(lines.some((l) => l.includes('/lib'))).toBe(true);
    }
  });
});

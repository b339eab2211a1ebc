import { describe, it, expect } from 'vitest';
import { EMAIL, firstEmail, hasEmail, isEmail } from './email';

describe('email', () => {
  it('finds every address in running text', () => {
    expect('김하늘 기자 sky.kim@hanbit.co.kr, dana_w+desk@example.com'.match(EMAIL)).toEqual(['sky.kim@hanbit.co.kr', 'dana_w+desk@example.com']);
    expect(firstEmail('Contact Dana at dana@example.com.')).toBe('dana@example.com');
    expect(firstEmail('no address here')).toBe('');
  });

  it('tests without keeping state between calls', () => {
    expect([hasEmail('a@b.com'), hasEmail('a@b.com'), hasEmail('a at b')]).toEqual([true, true, false]);
  });

  it('accepts only a whole address for isEmail', () => {
    expect(isEmail(' desk@example.com ')).toBe(true);
    expect(isEmail('Desk <desk@example.com>')).toBe(false);
    expect(isEmail('desk@localhost')).toBe(false);
    expect(isEmail('not an address')).toBe(false);
  });
});

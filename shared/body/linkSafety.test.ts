import { describe, it, expect } from 'vitest';
import { isSafeLink, keptLink, mailtoHref, publishedHref } from './linkSafety';
import { KEPT_LINKS, REFUSED_LINKS } from './testing/linkCases';

describe('the link rule', () => {
  it('keeps web addresses with a host and mailto with an address', () => {
    for (const href of KEPT_LINKS) expect(isSafeLink(href), href).toBe(true);
  });

  it('refuses other schemes, relative links, hostless or disguised ones, and mailto without an address', () => {
    for (const href of REFUSED_LINKS) expect(isSafeLink(href), JSON.stringify(href)).toBe(false);
  });

  it('takes a link only as written: spaces around it are the caller to trim (keptLink does)', () => {
    expect(isSafeLink(' https://example.com')).toBe(false);
    expect(isSafeLink('https://example.com ')).toBe(false);
    expect(keptLink('  https://example.com/a \n')).toBe('https://example.com/a');
    expect(keptLink(' javascript:alert(1)')).toBeUndefined();
    expect(keptLink(null)).toBeUndefined();
  });

  it('exports exactly what it keeps, spelled as the browser will follow it', () => {
    for (const href of KEPT_LINKS) expect(publishedHref(href), href).not.toBeNull();
    for (const href of REFUSED_LINKS) expect(publishedHref(href), JSON.stringify(href)).toBeNull();
    expect(publishedHref('https://뉴스.example/기사 1')).toBe('https://xn--vg1b002a.example/%EA%B8%B0%EC%82%AC%201');
    expect(publishedHref(' HTTP://Example.COM ')).toBe('http://example.com/');
  });

  it('links an e-mail address only when it is one', () => {
    expect(mailtoHref(' desk@example.com ')).toBe('mailto:desk@example.com');
    expect(mailtoHref('desk')).toBeNull();
    expect(mailtoHref('')).toBeNull();
  });
});

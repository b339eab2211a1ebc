import { describe, it, expect } from 'vitest';
import { isSafeHref } from './safeHref';

describe('isSafeHref', () => {
  it('accepts http, https and mailto links in any case', () => {
    for (const href of ['http://example.com', 'https://example.com/a?b=1#c', 'mailto:desk@example.com', 'HTTPS://EXAMPLE.COM', 'MailTo:a@b.kr']) {
      expect(isSafeHref(href), href).toBe(true);
    }
  });

  it('refuses other schemes, relative and protocol-relative links', () => {
    for (const href of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:msgbox', 'file:///etc/passwd', '/relative', 'page.html', '#top', '//evil.example/x', '', 'http:', 'https://', 'mailto:', 'http:evil.example', 'http:\\\\evil.example']) {
      expect(isSafeHref(href), href).toBe(false);
    }
  });

  it('refuses whitespace and control-character tricks', () => {
    for (const href of ['java\tscript:alert(1)', ' javascript:alert(1)', '\njavascript:alert(1)', ' https://example.com', 'https://exa\tmple.com', 'https://example.com/\u0000', 'htt\np://example.com']) {
      expect(isSafeHref(href), JSON.stringify(href)).toBe(false);
    }
  });
});

// One table of link targets with the answer the link rule (shared/body/linkSafety.ts) gives, for
// the rule's own test and for the tests that check the editor, paste, importers and exporters
// give the same answer. Each href is as it would be stored (already trimmed).

/** Links an article keeps. */
export const KEPT_LINKS = [
  'http://example.com',
  'https://example.com/a?b=1#c',
  'HTTPS://EXAMPLE.COM/News',
  'https://뉴스.example/기사',
  'https://example.com/a b',
  'https://[2001:db8::1]/x',
  'mailto:desk@example.com',
  'MailTo:a@b.kr',
  'mailto:desk@example.com?subject=Copy',
  'mailto:a@b.kr,c@d.kr',
];

/** Links every surface drops (the text stays, the link goes). */
export const REFUSED_LINKS = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'data:text/html,<b>x</b>',
  'vbscript:msgbox',
  'file:///etc/passwd',
  'ftp://example.com/file',
  'tel:+82-2-123-4567',
  '/relative',
  'page.html',
  '#top',
  '//evil.example/x',
  'http:',
  'https://',
  'http:foo',
  'http:evil.example',
  'http:\\\\evil.example',
  'http:/example.com',
  'https://a b.example/',
  'https://news.example@evil.example/',
  'https://user:pass@example.com/',
  'mailto:',
  'mailto:desk',
  'mailto:@example.com',
  'mailto:?subject=x',
  'java\tscript:alert(1)',
  'https://exa\tmple.com',
  'https://example.com/\u0000',
];

/** Both lists with the answer each should get. */
export const LINK_TABLE = [...KEPT_LINKS.map((href) => ({ href, kept: true })), ...REFUSED_LINKS.map((href) => ({ href, kept: false }))];

/** An HTML or XML attribute value that carries every character of `href` through the parser (controls as references). */
export const attrValue = (href: string) => href.replace(/[&<>"]|[\u0000-\u001F\u007F-\u009F]/g, (c) => `&#${c.charCodeAt(0)};`); // eslint-disable-line no-control-regex

// The one rule for where a link in an article may point, used by the editor (what it accepts),
// paste cleaning, every importer (what a link keeps) and every exporter (what is written out), so
// a link the editor shows is one every export keeps, and nothing else gets in.
//
// A reader follows a published story's link from somewhere else: a page, a wire, a Word file. So
// a link is a web address with a host (http or https, written with `//`) or an e-mail address
// (mailto: with someone@somewhere). Relative and anchor links (`/a`, `#top`, `page.html`) mean
// nothing once the story leaves the library, and tel:, ftp:, javascript:, data: and file: are
// refused, as is a name or password before the host. The WHATWG URL parser (what the browser will follow) must accept it, so `http:foo`
// (which it would quietly read as http://foo/) and `http:\\evil` do not pass.

/** Written with the scheme first and nothing before it: `http://` or `https://` or `mailto:`, any case. */
const SCHEME = /^(?:https?:\/\/|mailto:)/i;
// A control character anywhere (a tab or newline a browser silently drops) means a disguised link.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** One or more addresses, comma-separated, each someone@somewhere (percent-escapes count as characters). */
const MAILBOXES = /^[^@,\s]+@[^@,\s]+(?:,[^@,\s]+@[^@,\s]+)*$/;

function parse(href: string): URL | null {
  if (!SCHEME.test(href) || CONTROL.test(href) || href !== href.trim()) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') return MAILBOXES.test(url.pathname) ? url : null;
  // A name and password before the host (`https://news.example@evil.example`) is a trick or a leak.
  if (url.username !== '' || url.password !== '') return null;
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url : null;
}

/**
 * True when an article may link to `href` exactly as written: no spaces around it (trim first,
 * or use `keptLink`). The editor's Link extension asks this, and so does the stored body's schema.
 */
export function isSafeLink(href: string | null | undefined): boolean {
  return typeof href === 'string' && parse(href) !== null;
}

/** What an importer or paste keeps of a link's target: the trimmed href if it passes the rule, else undefined. */
export function keptLink(raw: string | null | undefined): string | undefined {
  const href = (raw ?? '').trim();
  return isSafeLink(href) ? href : undefined;
}

/**
 * The target an export writes: the stored href, trimmed, as the URL parser spells it (the address
 * a browser will follow: spaces escaped, host in punycode, ASCII only); null when the rule refuses it.
 */
export function publishedHref(href: string): string | null {
  return parse(href.trim())?.href ?? null;
}

/** A mailto: link for an e-mail address (a reporter's, the sign-off's), or null if it is not one. */
export function mailtoHref(address: string): string | null {
  return publishedHref(`mailto:${address.trim()}`);
}

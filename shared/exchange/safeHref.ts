// The one rule for which link targets an article may keep: absolute http(s) and mailto only, so
// every importer and exporter agrees and no javascript:/data: link reaches the editor or a reader.
// Pure and strict: the caller trims (or decodes) first if its source pads links with spaces.

/** http:// or https:// followed by a host, or mailto: followed by an address; nothing before the scheme. */
const SAFE = /^(?:https?:\/\/[^\s/\\]|mailto:[^\s])/i;
// A control character anywhere (a tab or newline a browser silently drops) means a disguised link.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/** True when `href` is an http, https or mailto link (case-insensitive) with no leading space or control characters. */
export function isSafeHref(href: string): boolean {
  return SAFE.test(href) && !CONTROL.test(href);
}

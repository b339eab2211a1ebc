// The few WHATWG globals shared/ uses that every process it runs in has (Node, Electron's renderer,
// the browser host's page) but lib ES2023 lacks. Declared here, member by member, so that
// tsconfig.shared.json can leave out the DOM and Node libraries: `window`, `document`, `Buffer`
// and `process` stay unknown to shared/. Only tsconfig.shared.json reads this file (the node and
// web configs have the real declarations, which these would clash with).

/** WHATWG Encoding Standard: strings to UTF-8 bytes. */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

/** WHATWG URL Standard: parsing normalises what a browser would follow. */
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly searchParams: URLSearchParams;
  toString(): string;
}

declare class URLSearchParams {
  constructor(init?: string);
  get(name: string): string | null;
  set(name: string, value: string): void;
}

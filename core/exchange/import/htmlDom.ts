// An inert DOM for the core's HTML readers: jsdom with no scripts run, no resources fetched and a
// silent console (saved pages are full of CSS jsdom cannot parse). The project has no @types/jsdom,
// so the few members we use are typed here and the module is loaded through require.
import { createRequire } from 'node:module';

export type DomWindow = Window & typeof globalThis;

interface JsdomModule {
  JSDOM: new (html?: string, options?: { url?: string; contentType?: string; virtualConsole?: object }) => { window: DomWindow };
  VirtualConsole: new () => object;
}

// Loaded on first use: jsdom adds about 100 MB to the process, which a session that never
// imports or cleans HTML should not carry.
let jsdom: JsdomModule | null = null;

/** A window holding `html` as its document; scripts stay text and images are never loaded. */
export function domWindow(html = ''): DomWindow {
  const { JSDOM, VirtualConsole } = (jsdom ??= createRequire(import.meta.url)('jsdom') as JsdomModule);
  // No runScripts and no resources option: jsdom's defaults, which run and fetch nothing.
  return new JSDOM(html, { virtualConsole: new VirtualConsole() }).window;
}

let shared: DomWindow | null = null;

/** One long-lived empty window for sanitising strings (DOMParser documents are inert too). */
export function sharedWindow(): DomWindow {
  shared ??= domWindow();
  return shared;
}

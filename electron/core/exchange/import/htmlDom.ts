// An inert DOM for the core's HTML readers: jsdom with no scripts run, no resources fetched and a
// silent console (saved pages are full of CSS jsdom cannot parse). The project has no @types/jsdom,
// so the few members we use are typed here and the module is loaded through require.
import { createRequire } from 'node:module';

export type DomWindow = Window & typeof globalThis;

interface JsdomModule {
  JSDOM: new (html?: string, options?: { url?: string; contentType?: string; virtualConsole?: object }) => { window: DomWindow };
  VirtualConsole: new () => object;
}

const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom') as JsdomModule;

/** A window holding `html` as its document; scripts stay text and images are never loaded. */
export function domWindow(html = ''): DomWindow {
  // No runScripts and no resources option: jsdom's defaults, which run and fetch nothing.
  return new JSDOM(html, { virtualConsole: new VirtualConsole() }).window;
}

let shared: DomWindow | null = null;

/** One long-lived empty window for sanitising strings (DOMParser documents are inert too). */
export function sharedWindow(): DomWindow {
  shared ??= domWindow();
  return shared;
}

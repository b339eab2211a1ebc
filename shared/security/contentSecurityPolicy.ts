// One CSP for both hosts: Electron sends it as a header from the app:// protocol handler, the
// browser host from its HTTP server. Styles allow inline because React and ProseMirror set style
// attributes; scripts never do. WebAssembly may be compiled ('wasm-unsafe-eval', not JavaScript's
// eval): the spelling worker runs Hunspell compiled to it.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  // media: is Electron's photo scheme (the browser host serves photos from 'self').
  "img-src 'self' data: blob: media:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

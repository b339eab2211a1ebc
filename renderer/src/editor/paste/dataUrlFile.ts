// A pasted data: image as a File the photo import can take. Decoded here rather than fetched: the
// app's CSP allows fetch only to itself, and a blob: URL from another page cannot be read at all.

export function dataUrlFile(src: string, name: string): File | null {
  const m = /^data:(image\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=\s]+)$/i.exec(src);
  if (!m) return null;
  const binary = atob(m[2].replace(/\s+/g, ''));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const ext = m[1].split('/')[1].replace('jpeg', 'jpg').replace(/\+.*$/, '');
  return new File([bytes], `${name}.${ext}`, { type: m[1] });
}

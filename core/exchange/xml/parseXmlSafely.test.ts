import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it, expect } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { parseXmlSafely, MAX_XML_BYTES } from './parseXmlSafely';

const bytes = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: (Uint8Array | number[])[]) => new Uint8Array(parts.flatMap((p) => [...p]));

function refusal(run: () => unknown): { reason: string; message: string } {
  try {
    run();
  } catch (err) {
    if (err instanceof ApiError && err.code === 'importFailed') return { reason: String(err.params.reason), message: err.message };
    throw err;
  }
  return { reason: 'accepted', message: '' };
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<nitf><body><body.content><p>&lol3;</p></body.content></body></nitf>`;

const XXE = `<?xml version="1.0"?>
<!DOCTYPE nitf [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<nitf><body><body.content><p>&xxe;</p></body.content></body></nitf>`;

describe('parseXmlSafely', () => {
  it('decodes by the declared encoding: ISO-8859-1, windows-1252 and EUC-KR', () => {
    const latin1 = concat(bytes('<?xml version="1.0" encoding="iso-8859-1"?><a>'), [0xa3, 0x36, 0x36, 0x20, 0xe6, 0xf8, 0xe5], bytes('</a>'));
    expect(parseXmlSafely(latin1, 'l.xml').documentElement.textContent).toBe('£66 æøå');
    const cp1252 = concat(bytes('<?xml version="1.0" encoding="windows-1252"?><a>'), [0x80, 0x93, 0x94], bytes('</a>'));
    expect(parseXmlSafely(cp1252, 'w.xml').documentElement.textContent).toBe('€“”');
    // 한국 in EUC-KR.
    const euckr = concat(bytes('<?xml version="1.0" encoding="EUC-KR"?><a>'), [0xc7, 0xd1, 0xb1, 0xb9], bytes('</a>'));
    expect(parseXmlSafely(euckr, 'k.xml').documentElement.textContent).toBe('한국');
  });

  it('reads UTF-8 mislabelled as ISO-8859-1 (as agencies send it) as UTF-8', () => {
    const mislabelled = bytes('<?xml version="1.0" encoding="iso-8859-1"?><a>£25 million</a>');
    expect(parseXmlSafely(mislabelled, 'pa.xml').documentElement.textContent).toBe('£25 million');
  });

  it('refuses bytes that are not the encoding they claim, and unknown encodings', () => {
    expect(refusal(() => parseXmlSafely(concat(bytes('<a>'), [0xff, 0xfe, 0xa3], bytes('</a>')), 'bad.xml')).reason).toBe('encoding');
    expect(refusal(() => parseXmlSafely(bytes('<?xml version="1.0" encoding="x-klingon"?><a/>'), 'k.xml')).reason).toBe('encoding');
  });

  it('refuses entity expansion (billion laughs) as hostile', () => {
    expect(refusal(() => parseXmlSafely(bytes(BILLION_LAUGHS), 'lol.xml')).reason).toBe('hostile');
  });

  it('refuses external entities (XXE) as hostile without reading the file', () => {
    const r = refusal(() => parseXmlSafely(bytes(XXE), 'xxe.xml'));
    expect(r.reason).toBe('hostile');
    expect(r.message).not.toMatch(/root:/);
  });

  it('accepts a plain DOCTYPE naming the NITF DTD, and never fetches a DTD URL', async () => {
    const doc = parseXmlSafely(bytes('<?xml version="1.0"?>\n<!DOCTYPE nitf SYSTEM "../dtd/nitf-3-2.dtd">\n<nitf><head/></nitf>'), 'old.xml');
    expect(doc.documentElement.nodeName).toBe('nitf');
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('<!ENTITY x "y">');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const remote = parseXmlSafely(bytes(`<!DOCTYPE nitf SYSTEM "http://127.0.0.1:${port}/nitf.dtd"><nitf><head/></nitf>`), 'remote.xml');
      expect(remote.documentElement.nodeName).toBe('nitf');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(requests).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('resolves HTML named entities NITF files use, and refuses unknown ones', () => {
    const doc = parseXmlSafely(bytes('<p title="caf&eacute;">a&nbsp;b &amp; &copy; &#229;</p>'), 'e.xml');
    expect(doc.documentElement.textContent).toBe('a\u00a0b & © å');
    expect(doc.documentElement.getAttribute('title')).toBe('café');
    expect(refusal(() => parseXmlSafely(bytes('<p>&bogusentity;</p>'), 'u.xml')).reason).toBe('malformed');
  });

  it('refuses malformed XML, empty files and files over the size limit', () => {
    expect(refusal(() => parseXmlSafely(bytes('<nitf><body></nitf>'), 'm.xml')).reason).toBe('malformed');
    expect(refusal(() => parseXmlSafely(bytes('just text'), 't.xml')).reason).toBe('malformed');
    expect(refusal(() => parseXmlSafely(bytes('   '), 'e.xml')).reason).toBe('empty');
    expect(refusal(() => parseXmlSafely(new Uint8Array(MAX_XML_BYTES + 1), 'big.xml')).reason).toBe('tooLarge');
  });
});

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import type { ExportArticle, ExportPhoto } from '../../../shared/exchange/types';
import { openSampleLibrary, SECRET_DESK_NOTE, SECRET_NOTE, type SampleLibrary } from '../testing/sampleArticles';
import { pdfText, squeeze } from '../testing/pdfTestTools';
import { toDocx } from './toDocx';

let lib: SampleLibrary;
let ko: ExportArticle;
let en: ExportArticle;
let tmp: string;
let koDocx: Uint8Array;
let enDocx: Uint8Array;
const photoBytes = (p: ExportPhoto) => Promise.resolve(lib.photoBytes.get(p.id)!);

beforeAll(async () => {
  lib = await openSampleLibrary();
  ko = await lib.exportOf(lib.ko);
  en = await lib.exportOf(lib.en);
  tmp = await mkdtemp(join(tmpdir(), 'copydesk-docx-'));
  koDocx = await toDocx(ko, photoBytes);
  enDocx = await toDocx(en, photoBytes);
});
afterAll(async () => {
  await lib?.cleanup();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** Every entry of a zip, as text for XML parts and as a size for the rest. */
function unzip(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** LibreOffice's reading of the DOCX, as PDF text. A private profile keeps parallel runs apart. */
async function libreOfficeText(bytes: Uint8Array, name: string): Promise<string> {
  const file = join(tmp, `${name}.docx`);
  await writeFile(file, bytes);
  const profile = join(tmpdir(), `lo-${randomUUID()}`);
  try {
    await new Promise<void>((resolve, reject) =>
      execFile(
        'soffice',
        [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, file],
        { timeout: 110_000 },
        (err, _out, stderr) => (err ? reject(new Error(`soffice failed: ${stderr || err.message}`)) : resolve()),
      ),
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return pdfText(join(tmp, `${name}.pdf`));
}

describe('toDocx', () => {
  it('opens in LibreOffice with the Korean headline, deck, byline, body and captions, and no notes', async () => {
    const text = squeeze(await libreOfficeText(koDocx, 'ko'));
    for (const expected of [
      ko.kicker,
      ko.headline,
      ...ko.deck,
      ko.bylineText,
      '다 쓴 전기차 배터리에서 리튬과 니켈을 다시 뽑아내는 이른바 ‘도시광산’ 사업에 국내 기업들이 잇따라 뛰어들고 있다.',
      '회수율이 승부처',
      '경북 포항의 한 배터리 재활용 공장에서 작업자가 배터리 모듈을 옮기고 있다. [사진=김하늘 기자]',
      '재활용 공정을 설명하는 연구원 [사진=한빛경제 사진부]',
      'sky@hanbit-econ.example',
    ]) {
      expect(text).toContain(squeeze(expected));
    }
    expect(text).not.toContain(SECRET_NOTE);
    expect(text).not.toContain(squeeze(SECRET_DESK_NOTE));
    expect(text).not.toContain('TK');
  }, 120_000);

  it('opens in LibreOffice with the English story, dateline first', async () => {
    const text = await libreOfficeText(enDocx, 'en');
    expect(text).toContain(en.headline);
    expect(text).toContain('By Dana Whitfield and Marco Ilves');
    expect(text).toContain('PORT AVERY — The last passenger ferry');
    expect(text).toContain('& details <here>.');
    expect(text).toContain('A control room monitors the charge level. (Photo: Coastline Herald)');
    expect(text).not.toContain('check with port');
    expect(text).not.toContain('lawyer');
    expect(text).not.toMatch(/\bTK\b/);
  }, 120_000);

  it('puts each part in its named paragraph style and both photos in word/media', async () => {
    const files = await unzip(koDocx);
    const doc = files.get('word/document.xml')!.toString('utf8');
    const styles = files.get('word/styles.xml')!.toString('utf8');
    const usedStyles = new Set([...doc.matchAll(/<w:pStyle w:val="([^"]+)"/g)].map((m) => m[1]));
    // List items get Word's own List Paragraph; body paragraphs use Normal (no pStyle).
    expect([...usedStyles].sort()).toEqual(['Byline', 'Caption', 'Heading2', 'Kicker', 'ListParagraph', 'Quote', 'SignOff', 'Subtitle', 'Title']);
    for (const [id, name] of [
      ['Kicker', 'Kicker'],
      ['Title', 'Title'],
      ['Subtitle', 'Subtitle'],
      ['Byline', 'Byline'],
      ['Heading2', 'Heading 2'],
      ['Quote', 'Quote'],
      ['Caption', 'Caption'],
      ['SignOff', 'SignOff'],
    ]) {
      expect(styles).toContain(`w:styleId="${id}"><w:name w:val="${name}"/>`);
    }
    expect(doc).toMatch(/<w:pStyle w:val="Title"\/><\/w:pPr><w:r><w:t xml:space="preserve">폐배터리에서/);
    expect([...files.keys()].filter((f) => f.startsWith('word/media/')).length).toBe(2);
    // Bold and italic runs, a hyperlink, a bulleted list.
    expect(doc).toMatch(/<w:b\/>.*리튬과 니켈/);
    expect(doc).toMatch(/<w:i\/>.*“배터리 여권”/);
    expect(doc).toContain('<w:hyperlink');
    expect(files.get('word/_rels/document.xml.rels')!.toString('utf8')).toContain('Target="https://www.me.go.kr/"');
    expect(doc).toContain('<w:numPr>');
    for (const secret of [SECRET_NOTE, SECRET_DESK_NOTE]) expect(doc).not.toContain(secret);
  });

  it('scales photos to the text width, keeping their aspect, with alt text', async () => {
    const doc = (await unzip(koDocx)).get('word/document.xml')!.toString('utf8');
    const extents = [...doc.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(extents.length).toBe(2);
    ko.photos.forEach((photo, i) => {
      const [cx, cy] = extents[i];
      expect(Math.abs(cx / cy - photo.width / photo.height)).toBeLessThan(0.01);
      // 6.3 inches of text column at 914400 EMU an inch.
      expect(cx).toBeLessThanOrEqual(Math.ceil(6.3 * 914400));
    });
    expect(doc).toContain('descr="배터리 모듈을 옮기는 작업자"');
  });

  it('sets a Korean-capable default font, the language and the document properties', async () => {
    const files = await unzip(enDocx);
    const styles = files.get('word/styles.xml')!.toString('utf8');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="Malgun Gothic"/);
    expect(styles).toContain('<w:lang w:val="en-US" w:eastAsia="ko-KR"/>');
    expect((await unzip(koDocx)).get('word/styles.xml')!.toString('utf8')).toContain('<w:lang w:val="ko-KR" w:eastAsia="ko-KR"/>');
    const core = files.get('docProps/core.xml')!.toString('utf8');
    expect(core).toContain(`<dc:title>${en.headline}</dc:title>`);
    expect(core).toContain('<dc:creator>Dana Whitfield, Marco Ilves</dc:creator>');
    // Each numbered list counts from 1 in its own numbering instance.
    expect(files.get('word/numbering.xml')!.toString('utf8')).toContain('w:val="%1."');
  });

  it('does not open the body with the dateline when the byline template already printed it', async () => {
    const printed = (await unzip(await toDocx({ ...en, datelineInByline: true }, photoBytes))).get('word/document.xml')!.toString('utf8');
    const plain = (await unzip(enDocx)).get('word/document.xml')!.toString('utf8');
    expect(plain).toContain('PORT AVERY — ');
    expect(printed).not.toContain('PORT AVERY — ');
    expect(printed).toContain('The last passenger ferry');
  });

  it('writes no link for a javascript: URL and no control characters', async () => {
    const hostile: ExportArticle = {
      ...en,
      signOff: '',
      blocks: [{ type: 'paragraph', inlines: [{ text: 'click\u0007 me', href: 'javascript:alert(1)' }, { text: ' <w:p/> & ok' }] }],
      figures: [],
      photos: [],
    };
    const files = await unzip(await toDocx(hostile, photoBytes));
    const doc = files.get('word/document.xml')!.toString('utf8');
    expect(doc).toContain('click me');
    expect(doc).toContain('&lt;w:p/&gt; &amp; ok');
    expect(doc).not.toContain('\u0007');
    expect(doc).not.toContain('<w:hyperlink');
    expect(files.get('word/_rels/document.xml.rels')!.toString('utf8')).not.toContain('javascript');
  });

  it('fails with photoMissing when a photo cannot be read', async () => {
    await expect(toDocx(ko, () => Promise.reject(new Error('ENOENT')))).rejects.toMatchObject({
      code: 'exportFailed',
      params: { reason: 'photoMissing', file: 'photo-01.jpg' },
    });
  });
});

import { declareSize, zipOf } from '../package/testing/zips';
import { beforeAll, describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { Document, ExternalHyperlink, HeadingLevel, ImageRun, Packer, Paragraph, TextRun, type ISectionOptions } from 'docx';
import yazl from 'yazl';
import { fromDocx } from './fromDocx';
import { BodySchema, type DocNode } from '../../../shared/model/article';
import { toImportSummary } from '../../../shared/exchange/importSummary';
import { refusalReason as reason } from '../../../shared/exchange/testing/refusal';
import { fixturePhoto } from '../../../testing/fixturePhotos';

let JPEG: Uint8Array;
beforeAll(async () => {
  JPEG = (await fixturePhoto('staff-xmp-and-iim.jpg')).bytes;
});
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Our DOCX export's paragraph styles (the exporter names them exactly so), plus Word's Subtitle. */
const STYLES = ['Kicker', 'Deck', 'Byline', 'Caption', 'SignOff', 'Subtitle'].map((id) => ({ id, name: id, basedOn: 'Normal', next: 'Normal' }));

async function docx(children: ISectionOptions['children']): Promise<Uint8Array> {
  const doc = new Document({ styles: { paragraphStyles: STYLES }, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function zip(files: Record<string, string>): Promise<Uint8Array> {
  const z = new yazl.ZipFile();
  for (const [name, text] of Object.entries(files)) z.addBuffer(Buffer.from(text), name, { compress: false });
  z.end();
  const chunks: Buffer[] = [];
  for await (const chunk of z.outputStream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

const find = (nodes: DocNode[], type: string): DocNode[] => nodes.flatMap((n) => (n.type === type ? [n] : find(n.content ?? [], type)));

describe('fromDocx', () => {
  it('a Korean Word document: title, subtitle, headings, bold/italic, a list and an embedded JPEG', async () => {
    const bytes = await docx([
      new Paragraph({ text: '부산항 자동화 부두 첫 가동', heading: HeadingLevel.TITLE }),
      new Paragraph({ text: '하역 속도 두 배, 노조는 재교육 요구', style: 'Subtitle' }),
      new Paragraph({ children: [new TextRun('부산항의 첫 '), new TextRun({ text: '완전 자동화', bold: true }), new TextRun(' 부두가 '), new TextRun({ text: '오늘', italics: true }), new TextRun(' 문을 열었다.')] }),
      new Paragraph({ text: '노조의 요구', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: '재교육 계획 공개', bullet: { level: 0 } }),
      new Paragraph({ text: '전환 배치 규모 확정', bullet: { level: 0 } }),
      new Paragraph({ children: [new ImageRun({ type: 'jpg', data: JPEG, transformation: { width: 320, height: 213 }, altText: { name: 'cranes', description: '크레인이 늘어선 부두', title: '부두' } })] }),
      new Paragraph({ text: '자동화 부두의 무인 크레인 [사진=한빛경제]', style: 'Caption' }),
      new Paragraph({ children: [new TextRun('자세한 내용은 '), new ExternalHyperlink({ link: 'https://example.com/port', children: [new TextRun('항만공사 발표')] }), new TextRun('를 참고.')] }),
    ]);
    const article = await fromDocx(bytes, '부산항.docx');
    const c = article.content;
    expect(article.format).toBe('docx');
    expect(c.language).toBe('ko');
    expect(c.headline).toBe('부산항 자동화 부두 첫 가동');
    expect(c.deck).toEqual(['하역 속도 두 배, 노조는 재교육 요구']);
    expect(BodySchema.safeParse(c.body).success).toBe(true);

    // The JPEG arrives as a photo with its bytes, and the figure points at it by SHA-256.
    expect(article.photos).toHaveLength(1);
    expect(article.photos[0].name).toMatch(/^부산항-photo-01\.jpg$/);
    expect(sha(article.photos[0].bytes)).toBe(sha(JPEG));
    const [figure] = find(c.body.content, 'figure');
    expect(figure.attrs).toEqual({ photoId: sha(JPEG), credit: '한빛경제', alt: '크레인이 늘어선 부두', fromFile: { caption: '', credit: '', alt: '' } });

    expect(toImportSummary(c).body).toEqual([
      { type: 'paragraph', text: '부산항의 첫 완전 자동화 부두가 오늘 문을 열었다.' },
      { type: 'heading', text: '노조의 요구' },
      { type: 'paragraph', text: '재교육 계획 공개' },
      { type: 'paragraph', text: '전환 배치 규모 확정' },
      { type: 'figure', caption: '자동화 부두의 무인 크레인', credit: '한빛경제', alt: '크레인이 늘어선 부두', photoId: sha(JPEG) },
      { type: 'paragraph', text: '자세한 내용은 항만공사 발표를 참고.' },
    ]);
    expect(find(c.body.content, 'bulletList')).toHaveLength(1);
    const texts = find(c.body.content, 'text');
    expect(texts.find((t) => t.text === '완전 자동화')?.marks).toEqual([{ type: 'bold' }]);
    expect(texts.find((t) => t.text === '오늘')?.marks).toEqual([{ type: 'italic' }]);
    expect(texts.find((t) => t.text === '항만공사 발표')?.marks).toEqual([{ type: 'link', attrs: { href: 'https://example.com/port' } }]);
  });

  it('our own export’s styles come back as kicker, deck, byline and sign-off', async () => {
    const bytes = await docx([
      new Paragraph({ text: '단독', style: 'Kicker' }),
      new Paragraph({ text: '항만 자동화, 일자리 2백 개 사라진다', heading: HeadingLevel.TITLE }),
      new Paragraph({ text: '노조 "재교육 없인 합의 없다"', style: 'Deck' }),
      new Paragraph({ text: '[한빛경제=산업부 김하늘ㆍ박도윤 기자]', style: 'Byline' }),
      new Paragraph({ text: '항만공사가 세 번째 터미널의 자동화를 의결했다.' }),
      new Paragraph({ text: 'sky@hanbit.example', style: 'SignOff' }),
    ]);
    const c = (await fromDocx(bytes, 'export.docx')).content;
    expect(c.kicker).toBe('단독');
    expect(c.headline).toBe('항만 자동화, 일자리 2백 개 사라진다');
    expect(c.deck).toEqual(['노조 "재교육 없인 합의 없다"']);
    expect(c.byline).toEqual({
      outlet: '한빛경제',
      desk: '산업부',
      templateId: '',
      reporters: [
        { name: '김하늘', role: '기자', email: 'sky@hanbit.example' },
        { name: '박도윤', role: '기자', email: '' },
      ],
    });
    expect(toImportSummary(c).body).toEqual([{ type: 'paragraph', text: '항만공사가 세 번째 터미널의 자동화를 의결했다.' }]);
  });

  it('an English document without a Title style: the first heading is the headline', async () => {
    const bytes = await docx([
      new Paragraph({ text: 'Port Avery votes to automate', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: 'By Dana Whitfield and Marco Ilves', style: 'Byline' }),
      new Paragraph({ children: [new TextRun('The harbour board voted '), new TextRun({ text: 'seven to two', bold: true }), new TextRun(' on Tuesday.')] }),
      new Paragraph({ text: 'What happens next', heading: HeadingLevel.HEADING_2 }),
      new Paragraph({ text: 'Talks resume next week.' }),
      new Paragraph({ text: 'Cranes at dawn (Photo: Dana Whitfield)', style: 'Caption' }),
    ]);
    const article = await fromDocx(bytes, 'port.docx');
    const c = article.content;
    expect(c.language).toBe('en');
    expect(c.headline).toBe('Port Avery votes to automate');
    expect(c.byline.reporters.map((r) => r.name)).toEqual(['Dana Whitfield', 'Marco Ilves']);
    expect(article.photos).toEqual([]);
    // A caption with no image in the file is a figure waiting for its photo, not body text.
    expect(toImportSummary(c).body).toEqual([
      { type: 'paragraph', text: 'The harbour board voted seven to two on Tuesday.' },
      { type: 'heading', text: 'What happens next' },
      { type: 'paragraph', text: 'Talks resume next week.' },
      { type: 'figure', caption: 'Cranes at dawn', credit: 'Dana Whitfield' },
    ]);
  });

  it('refuses what is not a Word document with reason notDocx', async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(await reason(fromDocx(random, 'random.docx'))).toBe('notDocx');
    expect(await reason(fromDocx(new TextEncoder().encode('기사 본문입니다. 워드 파일이 아닙니다.\n'), 'renamed.docx'))).toBe('notDocx');
    expect(await reason(fromDocx(await zip({ 'content.xml': '<office:document/>', 'mimetype': 'application/vnd.oasis.opendocument.text' }), 'odt.docx'))).toBe('notDocx');
  });

  it('a zip with thousands of parts is refused before mammoth inflates it', async () => {
    const parts: Record<string, string> = { 'word/document.xml': '<w:document/>' };
    for (let i = 0; i < 5001; i++) parts[`word/media/p${i}.bin`] = 'x';
    expect(await reason(fromDocx(await zip(parts), 'bomb.docx'))).toBe('tooLarge');
  });

  it('a document.xml that is a zip bomb lying about its size is stopped while inflating', async () => {
    const bomb = declareSize(await zipOf([{ name: 'word/document.xml', zeros: 200 * 1024 * 1024 }]), 'word/document.xml', 1000);
    expect(await reason(fromDocx(bomb, 'bomb.docx'))).toBe('hostile');
  });

  it('a zip with word/document.xml that is broken inside → malformed; an empty document → empty', async () => {
    expect(await reason(fromDocx(await zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document><w:body><unclosed' }), 'broken.docx'))).toBe('malformed');
    expect(await reason(fromDocx(await docx([new Paragraph({ text: '' })]), 'blank.docx'))).toBe('empty');
  });

  it('scripts or javascript: links hidden in a document never reach the body', async () => {
    const bytes = await docx([
      new Paragraph({ text: 'Headline', heading: HeadingLevel.TITLE }),
      new Paragraph({ children: [new TextRun('<script>alert(1)</script> text '), new ExternalHyperlink({ link: 'javascript:alert(2)', children: [new TextRun('click')] })] }),
    ]);
    const json = JSON.stringify((await fromDocx(bytes, 'x.docx')).content.body);
    expect(json).not.toContain('javascript:');
    expect(json).not.toContain('"link"');
    // Text that merely looks like a tag is kept as text, never parsed as markup.
    expect(json).toContain('<script>alert(1)</script> text click');
  });
});

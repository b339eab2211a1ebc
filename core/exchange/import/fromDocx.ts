// A Word document → an article, through mammoth's semantic HTML. Paragraph styles carry the
// article's parts: Word's Title/Subtitle and our own DOCX export's Kicker, Headline, Deck, Byline,
// Caption and SignOff, so a story exported by Copydesk comes back whole. Embedded images become
// photos whose id is the SHA-256 of their bytes, exactly what the library will call them.
import mammoth from 'mammoth';
import { ApiError } from '../../../shared/contract/errors';
import { ArticleContentSchema, emptyContent } from '../../../shared/model/article';
import type { ImportedArticle, ImportedPhoto } from '../../../shared/exchange/types';
import { firstEmail } from '../../../shared/exchange/email';
import { sha256Hex } from '../../media/sha256Hex';
import { domWindow } from './htmlDom';
import { bodyHasContent, htmlToBody } from './htmlToBody';
import { parseByline } from './htmlByline';
import { detectLanguage } from './htmlLanguage';
import { checkDocx } from './docxEntries';

const STYLE_MAP = [
  "p[style-name='Title'] => h1.cd-headline:fresh",
  "p[style-name='Headline'] => h1.cd-headline:fresh",
  "p[style-name='Subtitle'] => p.cd-deck:fresh",
  "p[style-name='Deck'] => p.cd-deck:fresh",
  "p[style-name='Kicker'] => p.cd-kicker:fresh",
  "p[style-name='Byline'] => p.cd-byline:fresh",
  "p[style-name='Caption'] => p.cd-caption:fresh",
  "p[style-name='SignOff'] => p.cd-signoff:fresh",
  "p[style-name='Heading 1'] => h2:fresh",
  "p[style-name='Heading 2'] => h2:fresh",
  "p[style-name='Heading 3'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
];

/** Raster types a photo library takes; EMF/WMF drawings and the like are left out (with a warning). */
const PHOTO_TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'image/tiff': 'tif', 'image/bmp': 'bmp' };

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export async function fromDocx(bytes: Uint8Array, name: string): Promise<ImportedArticle> {
  await checkDocx(bytes, name);
  const photos: ImportedPhoto[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  const stem = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '').replace(/[^\w가-힣-]+/g, '-').slice(0, 60) || 'docx';
  const convertImage = mammoth.images.imgElement(async (image) => {
    const ext = PHOTO_TYPES[image.contentType.toLowerCase()];
    if (!ext) {
      skipped++;
      return { src: '' };
    }
    const data = new Uint8Array(await image.readAsBuffer());
    const id = sha256Hex(data);
    if (!seen.has(id)) {
      seen.add(id);
      photos.push({ name: `${stem}-photo-${String(photos.length + 1).padStart(2, '0')}.${ext}`, bytes: data });
    }
    return { src: `cid:${id}` };
  });

  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP, convertImage, externalFileAccess: false });
    html = result.value;
  } catch (err) {
    throw new ApiError('importFailed', `${name}: ${err instanceof Error ? err.message : String(err)}`, { reason: 'malformed', file: name });
  }

  const window = domWindow();
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    const take = (selector: string): string[] =>
      Array.from(doc.querySelectorAll(selector)).map((el) => {
        el.remove();
        return norm(el.textContent);
      }).filter(Boolean);

    // A caption paragraph right after an image is that image's caption: make them one <figure>.
    for (const cap of Array.from(doc.querySelectorAll('p.cd-caption'))) {
      const prev = cap.previousElementSibling;
      const img = prev?.querySelector('img') ?? (prev?.localName === 'img' ? prev : null);
      const figure = doc.createElement('figure');
      const caption = doc.createElement('figcaption');
      caption.textContent = norm(cap.textContent);
      if (img && prev && norm(prev.textContent) === '') {
        figure.appendChild(img);
        prev.replaceWith(figure);
      } else {
        figure.setAttribute('data-photo-id', ''); // a caption whose photo is not in the file
        cap.before(figure);
      }
      figure.appendChild(caption);
      cap.remove();
    }
    const kicker = take('p.cd-kicker')[0] ?? '';
    const deck = take('p.cd-deck').slice(0, 4);
    const bylines = take('p.cd-byline');
    const signOff = take('p.cd-signoff').join(' ');
    let headline = take('h1.cd-headline')[0] ?? '';
    if (!headline) {
      // No Title style: the first heading is the headline.
      const first = Array.from(doc.querySelectorAll('h1, h2')).find((h) => norm(h.textContent));
      headline = norm(first?.textContent);
      first?.remove();
    }

    const { body } = htmlToBody(doc.body.innerHTML, { window, file: name, resolveImage: (src) => (src.startsWith('cid:') ? src.slice(4) : '') });
    if (!bodyHasContent(body) && !headline) throw new ApiError('importFailed', `${name}: no text`, { reason: 'empty', file: name });

    const byline = bylines.length ? parseByline(bylines[0]) : { outlet: '', desk: '', reporters: [] };
    const email = firstEmail(signOff);
    if (email && byline.reporters[0] && !byline.reporters.some((r) => r.email)) byline.reporters[0].email = email;
    else if (email && !byline.reporters.length) byline.reporters.push({ name: '', role: '', email });
    const { language } = detectLanguage('', [headline, ...deck, doc.body.textContent ?? ''].join(' '));

    const content = ArticleContentSchema.parse({
      ...emptyContent(language),
      kicker: kicker.slice(0, 200),
      headline: headline.slice(0, 1000),
      deck: deck.map((d) => d.slice(0, 1000)),
      byline: { ...byline, outlet: byline.outlet.slice(0, 200), desk: byline.desk.slice(0, 200), templateId: '', reporters: byline.reporters.slice(0, 20) },
      body,
    });
    const warnings: ImportedArticle['warnings'] = skipped ? [{ key: 'importImagesSkipped', values: { count: String(skipped) } }] : [];
    return { content, photos, format: 'docx', warnings };
  } finally {
    window.close();
  }
}

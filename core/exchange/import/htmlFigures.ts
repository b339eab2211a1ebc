// Photos and their captions kept together before Readability reads the page. Many sites print the
// caption not in a <figcaption> but in a sibling block (`<div class="img-caption">`, `<p
// class="wp-caption-text">`) or as a "Photo: …" / "(사진=…)" line right after the image; read as
// body, it became a paragraph of its own (often the first). Here the image and that block become
// one <figure> with a <figcaption>; htmlToBody splits caption from credit.

/** Class of a caption block: `caption`, `cutline`, `photo-desc`, `img_desc`, `photo_txt`, `wp-caption-text`. */
const CAPTION_CLASS = /(?:^|[\s_-])(?:caption|cutline|(?:photo|img|image|pic)[-_]?(?:desc|txt|text|cap|info)|figcaption|사진설명)(?:$|[\s_-]|text)/i;
/** A line that is only a photo credit or caption label: `Photo: …`, `(사진=…)`, `사진=…`, `[사진 제공=…]`. */
export const PHOTO_LINE = /^\s*(?:(?:photo(?:graph)?s?|image|picture|credit)\s*(?:by\b|[:=])|[[(]\s*(?:사진|자료사진|사진\s*제공|제공)\s*[=:]|(?:사진|사진\s*제공)\s*[=:])/iu;
/** A caption line that ends with its credit in brackets: `… (사진=새벽일보 DB)`, `… [Photo: AP]`. */
const CREDIT_AT_END = /[[(]\s*(?:사진|자료사진|사진\s*제공|제공|photo(?:graph)?|image|credit)\s*(?:by\b|[=:])[^\])]+[\])]\s*$/iu;
/** A caption line longer than this is a paragraph of the story. */
const MAX_CAPTION_CHARS = 400;

/** True for a short line that is a photo's caption or credit by its wording (not by where it sits). */
export const isPhotoLine = (text: string): boolean => text.length <= MAX_CAPTION_CHARS && (PHOTO_LINE.test(text) || CREDIT_AT_END.test(text));

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The image's outermost wrapper that holds nothing else (`<a><img></a>`, `<div class="photo"><img></div>`). */
function imageBox(img: Element): Element {
  let box: Element = img;
  while (box.parentElement && box.parentElement.localName !== 'body' && box.parentElement.localName !== 'figure' && !norm(box.parentElement.textContent) && box.parentElement.querySelectorAll('img').length === 1) {
    box = box.parentElement;
  }
  return box;
}

/** The element right after `box` (only whitespace between). */
function nextElement(box: Element): Element | null {
  let n = box.nextSibling;
  while (n && n.nodeType === 3 && !norm(n.textContent)) n = n.nextSibling;
  return n && n.nodeType === 1 ? (n as Element) : null;
}

const isCaption = (el: Element) => {
  const text = norm(el.textContent);
  if (!text || text.length > MAX_CAPTION_CHARS || el.querySelector('img, p p, div p')) return false;
  return CAPTION_CLASS.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`) || isPhotoLine(text);
};

/** Wraps each image not in a <figure> and the caption block after it into `<figure><img><figcaption>`. */
export function joinCaptionsToImages(doc: Document): void {
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    if (!img.isConnected) continue;
    const existing = img.closest('figure');
    if (existing) {
      // A caption block right after the figure (not inside it) is its caption when it has none.
      const after = nextElement(existing);
      if (!existing.querySelector('figcaption') && after && isCaption(after)) moveCaption(doc, existing, after);
      continue;
    }
    const box = imageBox(img);
    const after = nextElement(box);
    if (!after || !isCaption(after)) continue;
    const figure = doc.createElement('figure');
    box.replaceWith(figure);
    figure.appendChild(img);
    moveCaption(doc, figure, after);
  }
}

function moveCaption(doc: Document, figure: Element, block: Element): void {
  const caption = doc.createElement('figcaption');
  caption.append(...Array.from(block.childNodes));
  block.remove();
  figure.appendChild(caption);
}

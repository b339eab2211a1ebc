// Site furniture that Readability keeps inside the article element, removed by name: "related
// stories" boxes, ad images, share prompts and copyright lines. Each rule names the furniture it
// removes; anything that is not one of these stays (text is never dropped for looking unusual).
import type { Body, DocNode } from '../../../shared/model/article';

/** Class or id of a related-stories box (`related-articles`, `relate_news`, `more-stories`, `read-also`). */
const RELATED_BOX = /(?:^|[\s_-])(?:related|relate|more-?stories|read-?(?:more|also)|also-?read|recommend(?:ed)?|art_relation)(?:$|[\s_-])/i;
/** The label a related-stories box starts with. */
const RELATED_LABEL = /^(?:related(?:\s+(?:stories|articles|news|coverage|content|links?))?|more\s+(?:on\s+this(?:\s+story)?|stories|from\s+.{1,40})|read\s+(?:more|also|next)|see\s+also|you\s+may\s+also\s+like|관련\s*기사|관련\s*뉴스|함께\s*보면\s*좋은\s*기사|같이\s*보면\s*좋은\s*(?:기사|뉴스)|이\s*시각\s*추천\s*뉴스)\s*[:：]?$/i;
/** An image that is an advertisement or a tracking pixel, by its address, class or alt text. */
const AD_IMAGE = /(?:^|[/_.?=-])(?:ads?|adserver|advert(?:isement)?s?|banners?|doubleclick|googlesyndication|pixel|sponsor(?:ed)?)(?:$|[/_.?=-])|광고/i;
/** A paragraph that is only a share prompt. */
const SHARE_PROMPT =
  /^(?:share(?:\s+(?:this|the)\s+(?:article|story|page))?(?:\s+(?:on|via)\s+[\w ,]+)?|share\s+on\s+[\w ,]+|(?:follow|like)\s+us\s+on\s+[\w ,]+|(?:기사\s*)?(?:공유|공유하기|SNS\s*공유|페이스북|트위터|카카오톡)(?:\s*(?:공유|공유하기|보내기|\/|·|,))*|글자\s*크기|인쇄하기|스크랩)[.!:：]?$/i;
/** A copyright line: `© 2020 … All Rights Reserved`, `저작권자 © …`, `무단 전재 및 재배포 금지`. */
const COPYRIGHT = [/^[<[(]?\s*(?:copyright\s*)?(?:[©ⓒ]|\(c\)\s*\d{4})/i, /^copyright\s+(?:\d{4}|by\b)/i, /all\s+rights\s+reserved/i, /저작권자\s*(?:[©ⓒ]|\(c\))/i, /무단\s*(?:전재|복제|배포)[^.。]{0,30}금지|재배포\s*금지/];
/** A copyright or share line is short; a longer paragraph that mentions one is the story's. */
const MAX_LINE_CHARS = 150;

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const idOf = (el: Element) => `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;

/** First heading-like text of a box: its first element child's text, when that is short. */
function labelOf(box: Element): string {
  const first = box.firstElementChild;
  return first ? norm(first.textContent) : '';
}

/** Related-stories boxes and ad images, removed from the page before Readability reads it. */
export function removeFurnitureElements(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll('aside, div, section, ul, ol, nav, dl'))) {
    if (!el.isConnected) continue;
    const links = el.querySelectorAll('a').length;
    const text = norm(el.textContent);
    // A box of links (its text mostly link text), named as related stories by its class or its label.
    const linkText = Array.from(el.querySelectorAll('a')).reduce((n, a) => n + norm(a.textContent).length, 0);
    const label = labelOf(el);
    const labelled = RELATED_LABEL.test(label);
    const isBox = links > 0 && (RELATED_BOX.test(idOf(el)) || labelled) && linkText + label.length >= text.length * 0.7;
    if (isBox) el.remove();
  }
  // A label ("Related stories") with the list of links after it, or a paragraph that is the label and links only.
  for (const el of Array.from(doc.querySelectorAll('p, h2, h3, h4, h5, strong, b, span'))) {
    if (!el.isConnected || !RELATED_LABEL.test(norm(el.textContent))) continue;
    const next = el.nextElementSibling;
    const holder = el.parentElement && /^(?:p|li)$/i.test(el.parentElement.localName) ? el.parentElement : null;
    if (holder) {
      const rest = norm(holder.textContent).length - norm(el.textContent).length;
      const linked = Array.from(holder.querySelectorAll('a')).reduce((n, a) => n + norm(a.textContent).length, 0);
      if (linked >= rest * 0.8) holder.remove();
      continue;
    }
    if (next && /^(?:ul|ol)$/i.test(next.localName) && next.querySelectorAll('a').length > 0) next.remove();
    else if (!/^(?:p|h2|h3|h4|h5)$/i.test(el.localName)) continue; // a bare label inside running text stays
    el.remove();
  }
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const sign = `${img.getAttribute('src') ?? ''} ${idOf(img)} ${img.getAttribute('alt') ?? ''}`;
    const pixel = img.getAttribute('width') === '1' && img.getAttribute('height') === '1';
    if (!pixel && !AD_IMAGE.test(sign)) continue;
    // The link or figure around an ad holds nothing else of the story.
    const holder = img.closest('a, figure') ?? img;
    holder.remove();
  }
}

const plain = (n: DocNode): string => (n.type === 'hardBreak' ? ' ' : (n.text ?? '') + (n.content ?? []).map(plain).join(''));

/** Names the furniture a body paragraph is, or '' when it is the story's. */
export function furnitureKind(text: string): 'copyright' | 'share' | '' {
  const t = norm(text);
  if (!t || t.length > MAX_LINE_CHARS) return '';
  if (COPYRIGHT.some((re) => re.test(t))) return 'copyright';
  if (SHARE_PROMPT.test(t)) return 'share';
  return '';
}

/** Copyright lines and share prompts dropped from the body's top level. */
export function dropFurnitureLines(body: Body): Body {
  const content = body.content.filter((n) => !(n.type === 'paragraph' || n.type === 'heading') || !furnitureKind(plain(n)));
  return { ...body, content: content.length ? content : body.content };
}

// The stylesheet of the standalone article page and of the PDF print proof (one sheet, so the proof
// looks like the page). A TS string rather than a .css file so the core bundles it with no loader.

/** Korean-capable stack: the embedded Noto Sans KR when the page carries it, then what the OS has. */
export const ARTICLE_FONT_STACK = "'Noto Sans KR', 'Nanum Gothic', 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif";

export const ARTICLE_PAGE_CSS = `
:root { color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
html { font-family: ${ARTICLE_FONT_STACK}; font-size: 17px; line-height: 1.75; color: #1a1a1a; background: #fff; -webkit-text-size-adjust: 100%; }
body { margin: 0; }
main { max-width: 42rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
:lang(ko) { word-break: keep-all; overflow-wrap: anywhere; }
header { margin-bottom: 2rem; border-bottom: 1px solid #d0d0d0; padding-bottom: 1.25rem; }
.kicker { margin: 0 0 .5rem; font-size: .85rem; font-weight: 700; letter-spacing: .02em; color: #8a1c1c; }
h1 { margin: 0 0 .75rem; font-size: 2rem; line-height: 1.3; font-weight: 700; }
.deck { margin: 0 0 .25rem; font-size: 1.1rem; line-height: 1.5; color: #3d3d3d; }
.deck:last-of-type { margin-bottom: 1rem; }
.byline { margin: 1rem 0 .25rem; font-size: .9rem; font-weight: 700; }
.published { margin: 0; font-size: .85rem; color: #555; }
.dateline { font-weight: 700; }
p { margin: 0 0 1.1rem; }
h2 { margin: 2rem 0 .75rem; font-size: 1.3rem; line-height: 1.4; }
blockquote { margin: 1.5rem 0; padding: .25rem 0 .25rem 1.25rem; border-left: 4px solid #8a1c1c; color: #333; font-size: 1.05rem; }
blockquote p:last-child { margin-bottom: 0; }
ul, ol { margin: 0 0 1.1rem; padding-left: 1.5rem; }
li { margin-bottom: .25rem; }
li > p { margin: 0; }
a { color: #0b4f9c; text-decoration: underline; text-underline-offset: .15em; }
figure { margin: 2rem 0; }
figure img { display: block; width: 100%; height: auto; background: #eee; }
/* The proof's empty place for a photo that has not come: framed, so the desk cannot miss it. */
.photo-waiting { box-sizing: border-box; display: flex; align-items: center; justify-content: center; min-height: 40mm; padding: 1rem; border: 2px dashed #8a1c1c; color: #8a1c1c; background: #fdf5f5; font-weight: 700; text-align: center; }
figcaption { margin-top: .5rem; font-size: .85rem; line-height: 1.5; color: #444; }
.credit { color: #555; }
footer { margin-top: 2.5rem; border-top: 1px solid #d0d0d0; padding-top: 1rem; font-size: .9rem; }
address { font-style: normal; margin: 0 0 1rem; }
.corrections { margin: 2rem 0; padding: 1rem 1.25rem; border: 1px solid #d9b44a; background: #fff8e1; }
.corrections h2 { margin: 0 0 .5rem; font-size: 1rem; }
.corrections ul { margin: 0; padding-left: 1.25rem; }
.tags { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
.tags li { margin: 0; padding: .1rem .6rem; border: 1px solid #bbb; border-radius: 1rem; font-size: .8rem; color: #333; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

@page { size: A4; margin: 18mm 16mm; }
@media print {
  html { font-size: 10.5pt; line-height: 1.6; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 20pt; }
  h2, .kicker { break-after: avoid; }
  h2 { page-break-after: avoid; }
  blockquote, .corrections { break-inside: avoid; }
  /* A photo is a third of the page at most, so a figure after a long header and lead still fits
     on page 1 (a taller one jumped to page 2 and left page 1 mostly blank); its caption stays with
     it, but nothing ties the figure to the paragraph after it. */
  figure { margin: 1.25rem 0; break-inside: avoid; }
  figure img { width: auto; height: auto; max-width: 100%; max-height: 85mm; object-fit: contain; }
  p { orphans: 3; widows: 3; }
  a { color: inherit; }
}
`;

// Every importer and exporter gives the link rule's answer (shared/body/linkSafety.ts) for the same
// table of targets: a link an import keeps is one every export writes, and a refused one is dropped
// everywhere with its text kept. The editor and paste side is renderer/src/editor/linkRule.test.ts.
import { describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import { LINK_TABLE as TABLE, attrValue as attr } from '../../shared/body/testing/linkCases';
import { isSafeLink, publishedHref } from '../../shared/body/linkSafety';
import { bodyBlocks, type Inline } from '../../shared/exchange/blocks';
import { inlineHtml } from '../../shared/exchange/export/blocksHtml';
import { inlineMarkdown } from '../../shared/exchange/export/toMarkdown';
import { fromMarkdown } from '../../shared/exchange/import/fromMarkdown';
import { simpleHtmlBlocks } from '../../shared/exchange/import/simpleHtmlBlocks';
import { normaliseBody } from '../../shared/body/normaliseBody';
import type { Body, DocNode } from '../../shared/model/article';
import { appendInlines } from './export/nitfBody';
import { fromNitf } from './import/fromNitf';
import { htmlToBody } from './import/htmlToBody';

/** Link targets on the text "링크" in a body, in order. */
function linksIn(body: Body | DocNode): string[] {
  const out: string[] = [];
  const walk = (n: DocNode) => {
    const link = n.marks?.find((m) => m.type === 'link');
    if (link && n.text?.includes('링크')) out.push(String(link.attrs?.href));
    n.content?.forEach(walk);
  };
  walk(body as DocNode);
  return out;
}

const linkedBody = (href: string): Body => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '링크', marks: [{ type: 'link', attrs: { href } }] }] }] });

describe('one link rule on every import and export', () => {
  it('the table is the rule', () => {
    for (const { href, kept } of TABLE) expect(isSafeLink(href), JSON.stringify(href)).toBe(kept);
  });

  it('HTML and Word import (through the paste cleaner) keep a link exactly when the rule does', () => {
    for (const { href, kept } of TABLE) {
      if (href.includes('\u0000')) continue; // an HTML parser turns NUL into U+FFFD before anything sees it
      const { body } = htmlToBody(`<p>앞 <a href="${attr(href)}">링크</a> 뒤</p>`);
      expect(linksIn(body), JSON.stringify(href)).toEqual(kept ? [href] : []);
    }
  });

  it('the simple HTML reader (ninjs body_html) keeps a link exactly when the rule does', () => {
    for (const { href, kept } of TABLE) {
      if (href.includes('\u0000')) continue;
      const runs = simpleHtmlBlocks(`<p>앞 <a href="${attr(href)}">링크</a></p>`).blocks.flatMap((b) => ('inlines' in b ? b.inlines : []));
      expect(runs.filter((r) => r.href).map((r) => r.href), JSON.stringify(href)).toEqual(kept ? [href] : []);
    }
  });

  it('Markdown import keeps a link exactly when the rule does (targets Markdown can carry)', () => {
    for (const { href, kept } of TABLE) {
      // An angle-bracket destination holds spaces but no line breaks, controls or brackets.
      if (/[<>\u0000-\u001F]/.test(href)) continue; // eslint-disable-line no-control-regex
      const { content } = fromMarkdown(`앞 [링크](<${href}>) 뒤\n`, 'story.md');
      expect(linksIn(content.body), JSON.stringify(href)).toEqual(kept ? [href] : []);
    }
  });

  it('NITF import keeps a link exactly when the rule does', async () => {
    for (const { href, kept } of TABLE) {
      if (href.includes('\u0000')) continue; // not a character XML can hold
      const xml = `<?xml version="1.0"?><nitf><body><body.head><hedline><hl1>제목</hl1></hedline></body.head><body.content><p>앞 <a href="${attr(href)}">링크</a> 뒤</p></body.content></body></nitf>`;
      const { content } = await fromNitf(new TextEncoder().encode(xml), 'story.xml');
      expect(linksIn(content.body), JSON.stringify(href)).toEqual(kept ? [href] : []);
    }
  });

  it('the stored body keeps, and every export writes, exactly the links the rule keeps', () => {
    for (const { href, kept } of TABLE) {
      const label = JSON.stringify(href);
      expect(linksIn(normaliseBody(linkedBody(href)).body), label).toEqual(kept ? [href] : []);
      const runs: Inline[] = bodyBlocks(linkedBody(href)).flatMap((b) => ('inlines' in b ? b.inlines : []));
      expect(runs.map((r) => r.href ?? null), label).toEqual([kept ? href : null]);
      // HTML (the article page, ninjs body_html, paste-ready copy) writes the address the browser follows.
      const html = inlineHtml(runs);
      expect(html.includes('<a '), label).toBe(kept);
      if (kept) expect(html).toContain(`href="${publishedHref(href)!.replace(/&/g, '&amp;')}"`);
      expect(inlineMarkdown(runs).includes(']('), label).toBe(kept);
      const nitf = create().ele('p');
      appendInlines(nitf, runs);
      expect(nitf.end().includes('<a '), label).toBe(kept);
    }
  });
});

// @vitest-environment jsdom
// The editor accepts exactly the links the link rule keeps (shared/body/linkSafety.ts), whichever
// way a link arrives: the toolbar's setLink, pasted HTML (after the paste cleaner), typed text that
// autolinks. The importers and exporters are checked on the same table in core/exchange/linkRule.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import { bodyExtensions } from './extensions';
import { cleanPastedHtml } from './paste/pasteCleaning';
import { LINK_TABLE as TABLE, attrValue as attr } from '../../../shared/body/testing/linkCases';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function open(): Editor {
  editor = new Editor({ element: document.createElement('div'), extensions: bodyExtensions(''), content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '링크' }] }] } });
  return editor;
}

const links = (e: Editor): string[] => {
  const out: string[] = [];
  e.state.doc.descendants((n) => {
    const link = n.marks.find((m) => m.type.name === 'link');
    if (link) out.push(link.attrs.href as string);
  });
  return out;
};

describe('the editor takes the links the rule keeps, and no other', () => {
  it('setLink (the toolbar) sets a link exactly when the rule keeps it', () => {
    for (const { href, kept } of TABLE) {
      const e = open();
      e.chain().selectAll().setLink({ href }).run();
      expect(links(e), JSON.stringify(href)).toEqual(kept ? [href] : []);
      editor?.destroy();
    }
  });

  it('pasted HTML, cleaned then parsed by the editor, keeps a link exactly when the rule does', () => {
    for (const { href, kept } of TABLE) {
      if (href.includes('\u0000')) continue; // an HTML parser turns NUL into U+FFFD before anything sees it
      const e = open();
      e.commands.setContent(cleanPastedHtml(`<p>앞 <a href="${attr(href)}">링크</a> 뒤</p>`));
      expect(links(e), JSON.stringify(href)).toEqual(kept ? [href] : []);
      editor?.destroy();
    }
  });

  it('pasted HTML with spaces around a link keeps it trimmed, as an import does', () => {
    const e = open();
    e.commands.setContent(cleanPastedHtml('<p><a href="  https://example.com/a  ">링크</a></p>'));
    expect(links(e)).toEqual(['https://example.com/a']);
  });

  it('typing a web address and a space links it only when the rule keeps it', () => {
    for (const [typed, kept] of [['https://example.com/story', true], ['http:foo', false], ['example.com', false]] as const) {
      const e = open();
      e.commands.setContent({ type: 'doc', content: [{ type: 'paragraph' }] });
      e.commands.insertContent(typed);
      e.commands.insertContent(' ');
      expect(links(e), typed).toEqual(kept ? [typed] : []);
      editor?.destroy();
    }
  });
});

// Deep and huge input to the shared readers (Markdown, ninjs): refused fast with `tooDeep` or
// `tooLarge`, the next ordinary file still reads; and the converters stay within the stack even
// when handed nesting no scanner let through.
import { describe, expect, it } from 'vitest';
import { readMarkdown } from './fromMarkdown';
import { readNinjs } from './fromNinjs';
import { simpleHtmlBlocks } from './simpleHtmlBlocks';
import { bodyFromBlocks } from './bodyFromBlocks';
import type { Block } from '../blocks';
import { INPUT_LIMITS } from '../limits/inputLimits';
import { refusalReason } from '../testing/refusal';
import { deepHtml, deepJson, deepMarkdownList, deepMarkdownQuote, deepNinjsBody, wideDeepMarkdownQuotes } from '../testing/hostileFiles';
import { bodyDepth } from '../../body/bodyDepth';

/** Generous for a loaded CI machine; the measured times are far lower (see the report in the commit). */
const BOUND_MS = 2000;

async function refusedFast(work: () => unknown): Promise<{ reason: string; ms: number }> {
  const t = performance.now();
  const reason = await refusalReason(work);
  const ms = performance.now() - t;
  expect(ms).toBeLessThan(BOUND_MS);
  return { reason, ms };
}

const ordinaryMarkdown = '# A normal story\n\nIt reads fine.\n\n- one\n  - two\n\n> a quote\n';

describe('Markdown', () => {
  it('a list 3,000 deep in 9 MB, 1,200 deep, and a quote 10,000 deep are refused as tooDeep within a second', async () => {
    const cases = [deepMarkdownList(3000, 9 * 1024 * 1024), deepMarkdownList(1200), deepMarkdownQuote(10_000)];
    for (const text of cases) {
      const { reason, ms } = await refusedFast(() => readMarkdown(text, 'deep.md'));
      expect(reason).toBe('tooDeep');
      console.info(`markdown ${text.length} chars refused in ${ms.toFixed(1)} ms`);
    }
    expect(readMarkdown(ordinaryMarkdown, 'ok.md').article.content.headline).toBe('A normal story');
  });

  it('quotes within the depth limit but deep over megabytes are refused (marked would take seconds and a gigabyte)', async () => {
    const { reason } = await refusedFast(() => readMarkdown(wideDeepMarkdownQuotes(64, 1_900_000), 'wide.md'));
    expect(reason).toBe('tooDeep');
  });

  it('front matter nested 100,000 brackets or 200 indents deep is refused as tooDeep, not a stack overflow', async () => {
    const d = 100_000;
    expect((await refusedFast(() => readMarkdown(`---\ntitle: x\nextra: ${'['.repeat(d)}${']'.repeat(d)}\n---\n# Hi\n\ntext\n`, 'y.md'))).reason).toBe('tooDeep');
    const indented = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' end';
    expect((await refusedFast(() => readMarkdown(`---\n${indented}\n---\n# Hi\n\ntext\n`, 'y.md'))).reason).toBe('tooDeep');
    expect(readMarkdown('---\ntitle: Fine\ntags: [a, b]\nbyline:\n  reporters:\n    - name: Kim\n---\nText.\n', 'ok.md').article.content.headline).toBe('Fine');
  });

  it('emphasis nested 5,000 deep is refused as tooDeep (marked overflowed its stack after seconds)', async () => {
    const text = '# Deep emphasis\n\n' + '*a _b '.repeat(2500) + 'x' + ' b_ a*'.repeat(2500) + '\n';
    const { reason, ms } = await refusedFast(() => readMarkdown(text, 'em.md'));
    expect(reason).toBe('tooDeep');
    console.info(`markdown emphasis 5,000 deep refused in ${ms.toFixed(1)} ms`);
  });

  it('a flat file over the Markdown size limit is refused as tooLarge', async () => {
    const text = '# Big\n\n' + 'An ordinary paragraph.\n\n'.repeat(Math.ceil((INPUT_LIMITS.maxMarkdownBytes + 10) / 24));
    expect((await refusedFast(() => readMarkdown(text, 'big.md'))).reason).toBe('tooLarge');
  });

  it('nesting deep but within the limits still imports', () => {
    const read = readMarkdown(deepMarkdownList(40), 'forty.md').article;
    expect(bodyDepth({ type: 'doc', content: read.content.body.content })).toBeGreaterThan(10);
    expect(JSON.stringify(read.content.body)).toContain('item 39');
  });
});

describe('ninjs', () => {
  it('body_html with 10,000 nested blockquotes is refused as tooDeep, not a stack overflow', async () => {
    const { reason, ms } = await refusedFast(() => readNinjs(deepNinjsBody(10_000), 'deep.json'));
    expect(reason).toBe('tooDeep');
    console.info(`ninjs body_html 10,000 deep refused in ${ms.toFixed(1)} ms`);
  });

  it('JSON text nested 100,000 deep is refused as tooDeep before parsing', async () => {
    const { reason, ms } = await refusedFast(() => readNinjs(deepJson(100_000), 'deep.json'));
    expect(reason).toBe('tooDeep');
    console.info(`ninjs JSON 100,000 deep refused in ${ms.toFixed(1)} ms`);
    expect(readNinjs(deepNinjsBody(5), 'ok.json').article.content.headline).toBe('Deep body');
  });
});

describe('converters past any scanner', () => {
  it('simpleHtmlBlocks never nests blocks deeper than the converter limit, and keeps the text', () => {
    const read = simpleHtmlBlocks(deepHtml(20_000, 'blockquote') + deepHtml(20_000, 'ul'));
    let depth = 0;
    let level: Block[] = read.blocks;
    while (level.length) {
      const b = level[0];
      depth++;
      level = b.type === 'quote' ? b.blocks : b.type === 'list' ? (b.items[0] ?? []) : [];
    }
    expect(depth).toBeLessThanOrEqual(INPUT_LIMITS.maxConvertDepth + 1);
    const body = bodyFromBlocks(read.blocks, []);
    expect(JSON.stringify(body)).toContain('A sentence deep inside.');
  });

  it('bodyFromBlocks flattens a block tree 50,000 deep without recursing into it', () => {
    let blocks: Block[] = [{ type: 'paragraph', inlines: [{ text: 'bottom' }] }];
    for (let i = 0; i < 50_000; i++) blocks = [i % 2 ? { type: 'quote', blocks } : { type: 'list', ordered: false, items: [blocks] }];
    const body = bodyFromBlocks(blocks, []);
    expect(bodyDepth({ type: 'doc', content: body.content })).toBeLessThanOrEqual(2 * INPUT_LIMITS.maxConvertDepth + 3);
    expect(JSON.stringify(body)).toContain('bottom');
  });
});

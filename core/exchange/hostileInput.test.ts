// Deep and huge files through the core's import path (importers.ts, the way importFiles reads):
// every one refused with `importFailed` and the right reason well within a second, memory barely
// moving for a zip bomb, and the next ordinary file still imports. Every hostile file is generated
// here; none is a fixture.
import { describe, expect, it } from 'vitest';
import { readImport } from './importers';
import { refusalReason } from '../../shared/exchange/testing/refusal';
import {
  CONTENT_TYPES_XML,
  ROOT_RELS_XML,
  deepDocumentXml,
  deepHtmlPage,
  deepJson,
  deepMarkdownList,
  deepNinjsBody,
  deepNitf,
  documentXml,
} from '../../shared/exchange/testing/hostileFiles';
import { declareSize, zipOf } from './package/testing/zips';

const BOUND_MS = 2000;
const MB = 1024 * 1024;
const utf8 = (s: string) => new TextEncoder().encode(s);

async function refused(name: string, bytes: Uint8Array): Promise<{ reason: string; ms: number }> {
  const t = performance.now();
  const reason = await refusalReason(readImport(name, bytes));
  const ms = performance.now() - t;
  console.info(`${name} (${bytes.length} bytes) refused as ${reason} in ${ms.toFixed(1)} ms`);
  expect(ms).toBeLessThan(BOUND_MS);
  return { reason, ms };
}

const docx = (documentXmlText: string) =>
  zipOf([
    { name: '[Content_Types].xml', bytes: utf8(CONTENT_TYPES_XML) },
    { name: '_rels/.rels', bytes: utf8(ROOT_RELS_XML) },
    { name: 'word/document.xml', bytes: utf8(documentXmlText) },
  ]);

const goodPage = utf8(
  '<!DOCTYPE html><html><head><title>Council passes budget</title></head><body><article><h1>Council passes budget</h1>' +
    '<p>The city council passed next year\'s budget on Monday after a long debate about schools and roads.</p>' +
    '<p>The vote was seven to two, with both members against citing the cost of the new bridge.</p></article></body></html>',
);

/** The process is fine after a refusal: an ordinary file of the same kind still imports. */
async function stillImports(name: string, bytes: Uint8Array, headline: string) {
  const read = await readImport(name, bytes);
  expect(read.content.headline).toBe(headline);
}

describe('deep input is refused before parsing', () => {
  it('an HTML page with 10,000 nested blockquotes, and one with 20,000 nested divs', async () => {
    expect((await refused('quotes.html', utf8(deepHtmlPage(10_000, 'blockquote')))).reason).toBe('tooDeep');
    expect((await refused('divs.html', utf8(deepHtmlPage(20_000, 'div')))).reason).toBe('tooDeep');
    await stillImports('page.html', goodPage, 'Council passes budget');
  });

  it('a page of 20,000 elements, each chain shallow, is refused as tooLarge before Readability (which took 114 s on 44,000)', async () => {
    const chain = '<div>'.repeat(20) + '<p>Some words of a story here.</p>' + '</div>'.repeat(20);
    expect((await refused('wide.html', utf8(`<html><body><article>${chain.repeat(1000)}</article></body></html>`))).reason).toBe('tooLarge');
  });

  it('an HTML page nested 100 deep (within the page limit) still reads', async () => {
    const read = await readImport('deepish.html', utf8(deepHtmlPage(100, 'blockquote')));
    expect(JSON.stringify(read.content.body)).toContain('A sentence deep inside.');
  });

  it('NITF with 10,000 nested elements', async () => {
    expect((await refused('deep.xml', utf8(deepNitf(10_000)))).reason).toBe('tooDeep');
    await stillImports('ok.xml', utf8(deepNitf(3)), 'Deep NITF');
  });

  it('a DOCX whose document.xml nests 10,000 deep', async () => {
    expect((await refused('deep.docx', await docx(deepDocumentXml(10_000)))).reason).toBe('tooDeep');
    const ok = await readImport('ok.docx', await docx(documentXml(['A headline in Word', 'The first paragraph of the story.'])));
    expect(JSON.stringify(ok.content)).toContain('The first paragraph of the story.');
  });

  it('ninjs with body_html 10,000 blockquotes deep, and JSON nested 100,000 deep', async () => {
    expect((await refused('body.json', utf8(JSON.stringify(deepNinjsBody(10_000))))).reason).toBe('tooDeep');
    expect((await refused('nested.json', utf8(deepJson(100_000)))).reason).toBe('tooDeep');
    await stillImports('ok.json', utf8(JSON.stringify(deepNinjsBody(3))), 'Deep body');
  });

  it('a Markdown list 3,000 deep in 9 MB', async () => {
    expect((await refused('deep.md', utf8(deepMarkdownList(3000, 9 * MB)))).reason).toBe('tooDeep');
    await stillImports('ok.md', utf8('# Fine\n\nA paragraph.\n'), 'Fine');
  });
});

describe('zips are checked before inflating', () => {
  it('a 480 × 1 MB zip bomb is refused from its central directory, memory barely moving', async () => {
    const bomb = await zipOf(Array.from({ length: 480 }, (_, i) => ({ name: `zeros/${i}.bin`, zeros: MB })));
    expect(bomb.length).toBeLessThan(MB);
    const rss = process.memoryUsage().rss;
    const { reason } = await refused('bomb.zip', new Uint8Array(bomb));
    const grew = (process.memoryUsage().rss - rss) / MB;
    console.info(`bomb.zip: RSS grew ${grew.toFixed(1)} MB`);
    expect(reason).toBe('hostile');
    expect(grew).toBeLessThan(50);
  });

  it('a .docx that is a zip bomb never reaches mammoth', async () => {
    const bomb = await zipOf([
      { name: '[Content_Types].xml', bytes: utf8(CONTENT_TYPES_XML) },
      { name: 'word/document.xml', bytes: utf8(documentXml(['x'])) },
      ...Array.from({ length: 100 }, (_, i) => ({ name: `word/media/z${i}.bin`, zeros: MB })),
    ]);
    const rss = process.memoryUsage().rss;
    expect((await refused('bomb.docx', new Uint8Array(bomb))).reason).toBe('hostile');
    expect(process.memoryUsage().rss - rss).toBeLessThan(50 * MB);
  });

  it('an entry that inflates past its declared size is stopped at that size', async () => {
    const honest = await zipOf([{ name: 'manifest.json', bytes: utf8('{}') }, { name: 'big.bin', zeros: 4 * MB }]);
    const lying = declareSize(honest, 'big.bin', 1000);
    expect((await refused('lying.zip', new Uint8Array(lying))).reason).toBe('hostile');
  });
});

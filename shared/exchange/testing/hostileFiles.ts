// Hostile files generated for tests (never copied from anywhere): deep nesting of every kind an
// importer reads, at the sizes that took the process down before the limits.

const repeatTo = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.ceil(bytes / unit.length))).slice(0, bytes);

/** A Markdown list nested `depth` levels (two spaces a level), then padded with ordinary text to `bytes`. */
export function deepMarkdownList(depth: number, bytes = 0): string {
  const lines: string[] = [];
  for (let i = 0; i < depth; i++) lines.push(`${'  '.repeat(i)}- item ${i}`);
  const list = `# Deep list\n\n${lines.join('\n')}\n`;
  return bytes > list.length ? list + '\n' + repeatTo('Filler paragraph of an ordinary story.\n\n', bytes - list.length - 1) : list;
}

/** A Markdown quote nested `depth` levels deep (`>>>>…`). */
export function deepMarkdownQuote(depth: number): string {
  return `# Deep quote\n\n${'>'.repeat(depth)} deep\n`;
}

/** Markdown within every limit but depth × size: quotes `depth` deep, repeated to `bytes`. */
export function wideDeepMarkdownQuotes(depth: number, bytes: number): string {
  return '# Quotes\n\n' + repeatTo(`${'>'.repeat(depth)} a line of quoted text in a deep quote\n\n`, bytes);
}

/** HTML with `depth` nested `tag` elements around one sentence. */
export function deepHtml(depth: number, tag: string): string {
  return `<${tag}>`.repeat(depth) + 'A sentence deep inside.' + `</${tag}>`.repeat(depth);
}

/** A saved web page whose article is nested `depth` deep in `tag`. */
export function deepHtmlPage(depth: number, tag: string): string {
  return `<!DOCTYPE html><html><head><title>Deep page</title></head><body><article><h1>Deep page</h1><p>An opening paragraph long enough to be a story.</p>${deepHtml(depth, tag)}</article></body></html>`;
}

/** A ninjs item whose body_html nests `depth` blockquotes. */
export function deepNinjsBody(depth: number): Record<string, unknown> {
  return { uri: 'urn:test:deep', type: 'text', headline: 'Deep body', body_html: `<p>Opening.</p>${deepHtml(depth, 'blockquote')}` };
}

/** JSON nested `depth` arrays deep inside a ninjs-looking object. */
export function deepJson(depth: number): string {
  return `{"uri":"urn:test:deep","type":"text","headline":"Deep JSON","extra":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

/** NITF whose body content nests `depth` elements (`bq`, NITF's block quote). */
export function deepNitf(depth: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<nitf><head><title>Deep NITF</title></head><body><body.head><hedline><hl1>Deep NITF</hl1></hedline></body.head><body.content>${deepHtml(depth, 'bq')}</body.content></body></nitf>`;
}

/** WordprocessingML whose body nests `depth` elements (structured document tags in sdtContent). */
export function deepDocumentXml(depth: number): string {
  const open = '<w:sdt><w:sdtContent>'.repeat(depth);
  const close = '</w:sdtContent></w:sdt>'.repeat(depth);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${open}<w:p><w:r><w:t>Deep</w:t></w:r></w:p>${close}</w:body></w:document>`;
}

export const CONTENT_TYPES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
export const ROOT_RELS_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A plain WordprocessingML document with one paragraph per string. */
export function documentXml(paragraphs: string[]): string {
  const body = paragraphs.map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
}

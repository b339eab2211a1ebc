// Every limit an import checks before it hands a file to a parser, in one table. Parsers we use
// are fast on ordinary input but super-linear or recursive on deep input (marked re-lexes each
// nesting level; parse5/jsdom, DOMPurify, mammoth and the serialisers walk the tree recursively),
// so depth and size are checked first by the linear scanners beside this file, and each refused
// file fails in well under a second with `importFailed` and reason `tooDeep` or `tooLarge`.
//
// Why 256: the body model keeps 32 levels of nesting (deeper bodies are flattened on write), a real
// page or NITF file nests well under 100 elements and a Copydesk package's article.json about two
// JSON levels per body level, so 256 refuses nothing real; parse5 and the recursive walkers take a
// few milliseconds at that depth, where 10,000 levels overflow the stack or take tens of seconds.

const MiB = 1024 * 1024;

export const INPUT_LIMITS = {
  /** HTML and XML element nesting (ninjs body HTML, NITF, DOCX parts). */
  maxMarkupDepth: 256,
  /**
   * A saved web page's nesting. Readability's time grows steeply with depth (nested divs: 100 levels
   * 0.35 s, 200 levels 1.2 s, 256 levels 4.7 s); the real pages we test with nest at most 19 deep.
   */
  maxPageDepth: 128,
  /**
   * A saved web page's elements. Readability over jsdom is slow and grows faster than the element
   * count (jsdom finds a node's index by walking its siblings): 6,000 elements side by side took
   * 1.7 s, 12,400 in nested divs 28 s, 44,000 114 s. Real article pages hold under 1,000 (those we
   * test with) to a few thousand. This bounds the wait; it does not make Readability fast.
   */
  maxPageElements: 8_000,
  /**
   * Time for reading one web page (jsdom + Readability) in its worker thread; past it the worker is
   * terminated and the page refused as `tooLarge`. Real pages take 0.3–7 s on a loaded machine.
   */
  maxPageParseMs: 10_000,
  /** Heap of that worker (jsdom alone takes about 100 MB); past it the worker dies, the page is refused and the app stays up. */
  maxPageParseHeapMb: 512,
  /** Bracket nesting of JSON (ninjs, a package's manifest and article). */
  maxJsonDepth: 256,
  /**
   * Markdown block nesting (lists and quotes). marked re-lexes a block once per level around it,
   * so its time and memory grow with depth × size: 64 levels of quotes over 4 MB took 8.6 s and 1.1 GB.
   */
  maxMarkdownDepth: 100,
  /** Σ line length × nesting: marked's extra work for depth (about 30 ns and 4 bytes each), half a second at the limit. */
  maxMarkdownWork: 16_000_000,
  /**
   * Markdown emphasis nesting within a paragraph (`*a _b **c …`). marked lexes it recursively:
   * 1,000 levels take 0.1 s, 2,000 overflow its stack after half a second, 5,000 after 4–7 s.
   */
  maxMarkdownInlineDepth: 256,
  /** Nesting of a Markdown file's YAML front matter (flow brackets or indentation): the yaml parser recurses. */
  maxFrontMatterDepth: 64,
  /** Characters. A story in Markdown is tens of KB; marked lexes a flat 2 MB list in about 0.8 s. */
  maxMarkdownBytes: 2 * MiB,
  /** Text formats (web copy, ninjs JSON) are read whole into memory. */
  maxTextBytes: 20 * MiB,
  /** A saved web page, or HTML handed to the sanitiser. */
  maxHtmlChars: 20 * MiB,
  /** NITF and other XML. */
  maxXmlBytes: 20 * MiB,
  maxDocxBytes: 100 * MiB,
  /**
   * Our own converters' bound (HTML, NITF, Markdown, ninjs → body): past it a container is read as
   * flat text. A safety net behind the scanners, so a case they miss cannot overflow the stack.
   */
  maxConvertDepth: 256,
} as const;

/** What a zip may declare in its central directory; checked before anything is inflated. */
export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Per entry of `ratioFromBytes` or more: uncompressed ÷ compressed. */
  maxRatio: number;
  ratioFromBytes: number;
  /** The whole archive, once it declares `totalRatioFromBytes` or more: declared total ÷ the zip's own size. */
  maxTotalRatio: number;
  totalRatioFromBytes: number;
}

/**
 * Copydesk packages. Photos (JPEG, PNG) hardly compress and JSON about 3–10:1; deflate can reach
 * about 1032:1 on runs of one byte, which is only a bomb's filling. A 540 KB zip of 480 × 1 MB
 * entries (each 930:1) passed a per-entry 1000:1 check and took the process to 674 MB, hence the
 * lower per-entry ratio and the ratio over the whole archive.
 */
export const PACKAGE_ZIP_LIMITS: ZipLimits = {
  maxEntries: 500,
  maxEntryBytes: 100 * MiB,
  maxTotalBytes: 500 * MiB,
  maxRatio: 200,
  ratioFromBytes: MiB,
  maxTotalRatio: 100,
  totalRatioFromBytes: 16 * MiB,
};

/** Word files hold many small XML parts (20–50:1 at most) and no single big one beyond their pictures. */
export const DOCX_ZIP_LIMITS: ZipLimits = { ...PACKAGE_ZIP_LIMITS, maxEntries: 5000, maxEntryBytes: 50 * MiB, maxTotalBytes: 300 * MiB };

/** Backup archives: read one entry at a time, so the total may be as large as a library. */
export const ARCHIVE_ZIP_LIMITS: ZipLimits = {
  ...PACKAGE_ZIP_LIMITS,
  maxEntries: 3_000_000,
  /** A photo may be up to 500 MB (the contract's ceiling). */
  maxEntryBytes: 600 * MiB,
  maxTotalBytes: 256 * 1024 * MiB,
};

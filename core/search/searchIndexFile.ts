// The search index on disk (index/search.bin), so a restart does not rebuild it: the document
// table and both posting sets as binary sections (see sectionFile.ts). A file that fails any
// check is ignored and the index is rebuilt from the articles in the background.
import { asBytes, float64s, int32s, readSectionFile, writeSectionFile, type Sections } from '../sectionFile';
import type { PostingsDump } from './Postings';
import type { SearchIndex } from './SearchIndex';

const FORMAT = 'copydesk-search';
const VERSION = 1;
const COLUMNS = ['head', 'tail', 'tailCap', 'last', 'count'] as const;

type Dump = ReturnType<SearchIndex['dump']>;

const enc = new TextEncoder();
const dec = new TextDecoder();

export async function saveSearchIndex(path: string, index: SearchIndex): Promise<void> {
  const d = index.dump();
  const sections: Sections = [
    ['docIds', enc.encode(d.docIds.join('\n'))],
    ['sizes', asBytes(Float64Array.from(d.sizes))],
    ['mtimes', asBytes(Float64Array.from(d.mtimes))],
  ];
  for (const [name, p] of [['title', d.title], ['text', d.text]] as const) {
    sections.push([`${name}.terms`, enc.encode(p.terms.join('\n'))]);
    for (const col of COLUMNS) sections.push([`${name}.${col}`, asBytes(p[col])]);
    p.chunks.forEach((c, i) => sections.push([`${name}.chunk.${i}`, c]));
  }
  await writeSectionFile(path, FORMAT, VERSION, sections);
}

/** The saved index, or null when it is missing, from another version, or damaged in any way. */
export async function loadSearchIndex(path: string, restore: (d: Dump) => SearchIndex): Promise<SearchIndex | null> {
  const file = await readSectionFile(path, FORMAT, VERSION);
  if (!file) return null;
  const s = file.sections;
  const lines = (name: string) => {
    const b = s.get(name);
    if (!b) throw new Error(`missing ${name}`);
    const text = dec.decode(b);
    return text ? text.split('\n') : [];
  };
  const postings = (name: string): PostingsDump => {
    const terms = lines(`${name}.terms`);
    const cols = COLUMNS.map((c) => int32s(s.get(`${name}.${c}`)));
    if (cols.some((c) => !c || c.length !== terms.length)) throw new Error('damaged postings');
    const chunks: Uint8Array[] = [];
    for (let i = 0; s.has(`${name}.chunk.${i}`); i++) chunks.push(s.get(`${name}.chunk.${i}`)!);
    const [head, tail, tailCap, last, count] = cols as Int32Array[];
    return { terms, head, tail, tailCap, last, count, chunks };
  };
  try {
    const docIds = lines('docIds');
    const sizes = float64s(s.get('sizes'));
    const mtimes = float64s(s.get('mtimes'));
    if (!sizes || !mtimes || sizes.length !== docIds.length || mtimes.length !== docIds.length) return null;
    return restore({ docIds, sizes: Array.from(sizes), mtimes: Array.from(mtimes), title: postings('title'), text: postings('text') });
  } catch {
    return null;
  }
}

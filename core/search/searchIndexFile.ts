// The search index on disk (index/search.bin), so a restart does not rebuild it: the document
// table and both posting sets as binary sections (see sectionFile.ts). A file that fails any
// check is ignored and the index is rebuilt from the articles in the background. The posting
// lists (nearly all of the file) are not loaded: they are read from the file when a query needs
// them (StoredLists), and the file is kept open while the index uses it.
import { open } from 'node:fs/promises';
import { asBytes, float64s, int32s, openSectionFile, writeSectionFile, type Sections } from '../sectionFile';
import { Postings, type PostingsDump } from './Postings';
import { SearchIndex } from './SearchIndex';
import { StoredLists } from './storedLists';

const FORMAT = 'copydesk-search';
const VERSION = 1;
const COLUMNS = ['head', 'tail', 'tailCap', 'last', 'count'] as const;

type Dump = ReturnType<SearchIndex['dump']>;

const enc = new TextEncoder();
const dec = new TextDecoder();

/** Packs the index and writes it; answers where each section starts in the file (for `leaveListsInFile`). */
export async function saveSearchIndex(path: string, index: SearchIndex): Promise<Map<string, number>> {
  // Packed, every list is one block of its exact length: a loaded index reads them by place alone.
  index.pack();
  await index.fileClosed; // the file it read its lists from may be the one replaced
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
  return writeSectionFile(path, FORMAT, VERSION, sections);
}

const chunkPositions = (name: string, at: (section: string) => number | undefined) => {
  const out: number[] = [];
  for (let i = 0, pos = at(`${name}.chunk.${i}`); pos !== undefined; pos = at(`${name}.chunk.${++i}`)) out.push(pos);
  return out;
};

/** After `saveSearchIndex` (`at`: its answer): the index reads its posting lists from the file just written and drops them from memory. */
export async function leaveListsInFile(path: string, index: SearchIndex, at: Map<string, number>): Promise<void> {
  const file = await open(path, 'r');
  const pos = (section: string) => at.get(section);
  index.leaveInFile(new StoredLists(file), { title: chunkPositions('title', pos), text: chunkPositions('text', pos) });
}

/** The saved index (reading its posting lists from the file), or null when it is missing, from another version, or damaged in any way. */
export async function loadSearchIndex(path: string): Promise<SearchIndex | null> {
  const file = await openSectionFile(path, FORMAT, VERSION, (name) => !name.includes('.chunk.'));
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
    const [head, tail, tailCap, last, count] = cols as Int32Array[];
    return { terms, head, tail, tailCap, last, count, chunks: [] };
  };
  const chunkSections = (name: string) => [...file.at.keys()].filter((k) => k.startsWith(`${name}.chunk.`)).map((k) => file.at.get(k)!);
  const lists = new StoredLists(file.file);
  try {
    const docIds = lines('docIds');
    const sizes = float64s(s.get('sizes'));
    const mtimes = float64s(s.get('mtimes'));
    if (!sizes || !mtimes || sizes.length !== docIds.length || mtimes.length !== docIds.length) throw new Error('damaged document table');
    const pos = (section: string) => file.at.get(section)?.pos;
    const d: Dump = { docIds, sizes: Array.from(sizes), mtimes: Array.from(mtimes), title: postings('title'), text: postings('text') };
    const inPlace = (['title', 'text'] as const).every((name) => Postings.packedLayout(d[name], chunkSections(name).map((c) => c.length)));
    if (inPlace) return SearchIndex.restore(d, { lists, chunkAt: { title: chunkPositions('title', pos), text: chunkPositions('text', pos) } });
    // Lists not laid out as packing leaves them (a file from elsewhere): read into memory.
    for (const name of ['title', 'text'] as const) {
      for (const c of chunkSections(name)) d[name].chunks.push(lists.read(c.pos, c.length).slice());
    }
    void lists.close();
    return SearchIndex.restore(d);
  } catch {
    await lists.close();
    return null;
  }
}

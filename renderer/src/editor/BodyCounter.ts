// Counts the body block by block (length without editor's notes, the notes' own length, and open notes and TKs) and remembers each
// block's figures by its ProseMirror node.
// Nodes are immutable and an unchanged block keeps the same node object across edits, so after a
// keystroke only the edited paragraph is counted again — not the other 9,999 words.
import type { Node as PMNode } from '@tiptap/pm/model';
import { CAPTION_TYPES, addCounts, countBlock, countedText, emptyCounts, type BlockCounts } from '../../../shared/counting/countBody';
import { countOpenNotes, type OpenNotes } from '../../../shared/workflow/notes';
import type { DocNode } from '../../../shared/model/article';

export interface BodyCounts {
  body: BlockCounts;
  captions: BlockCounts;
  /** Editor's-note text, counted in neither of the above (shared countedText). */
  noteText: BlockCounts;
  /** Notes and TKs still in the copy, captions included. */
  notes: OpenNotes;
}

interface BlockFigures {
  counts: BlockCounts;
  noteText: BlockCounts;
  notes: OpenNotes;
}

export class BodyCounter {
  private readonly cache = new WeakMap<PMNode, BlockFigures>();
  /** How many blocks were actually counted (not served from the cache); for tests. */
  counted = 0;

  private block(node: PMNode): BlockFigures {
    let figures = this.cache.get(node);
    if (!figures) {
      // The same rule as shared/counting: note text apart, a hard break read as a space.
      const json = node.toJSON() as DocNode;
      const { text, notes } = countedText(json);
      figures = { counts: countBlock(text), noteText: countBlock(notes), notes: countOpenNotes(json) };
      this.cache.set(node, figures);
      this.counted++;
    }
    return figures;
  }

  count(doc: PMNode): BodyCounts {
    const result: BodyCounts = { body: emptyCounts(), captions: emptyCounts(), noteText: emptyCounts(), notes: { notes: 0, tks: 0 } };
    const walk = (node: PMNode, inCaption: boolean) => {
      const caption = inCaption || CAPTION_TYPES.has(node.type.name);
      if (node.isTextblock) {
        const key = caption ? 'captions' : 'body';
        const figures = this.block(node);
        result[key] = addCounts(result[key], figures.counts);
        result.noteText = addCounts(result.noteText, figures.noteText);
        result.notes = { notes: result.notes.notes + figures.notes.notes, tks: result.notes.tks + figures.notes.tks };
        return;
      }
      node.forEach((child) => walk(child, caption));
    };
    walk(doc, false);
    return result;
  }
}

// Counts the body block by block and remembers each block's figures by its ProseMirror node.
// Nodes are immutable and an unchanged block keeps the same node object across edits, so after a
// keystroke only the edited paragraph is counted again — not the other 9,999 words.
import type { Node as PMNode } from '@tiptap/pm/model';
import { CAPTION_TYPES, addCounts, countBlock, emptyCounts, type BlockCounts } from '../../../shared/counting/countBody';

export interface BodyCounts {
  body: BlockCounts;
  captions: BlockCounts;
}

export class BodyCounter {
  private readonly cache = new WeakMap<PMNode, BlockCounts>();
  /** How many blocks were actually counted (not served from the cache); for tests. */
  counted = 0;

  private block(node: PMNode): BlockCounts {
    let counts = this.cache.get(node);
    if (!counts) {
      // A hard break reads as a space, as in shared/counting.
      counts = countBlock(node.textBetween(0, node.content.size, ' ', ' '));
      this.cache.set(node, counts);
      this.counted++;
    }
    return counts;
  }

  count(doc: PMNode): BodyCounts {
    const result = { body: emptyCounts(), captions: emptyCounts() };
    const walk = (node: PMNode, inCaption: boolean) => {
      const caption = inCaption || CAPTION_TYPES.has(node.type.name);
      if (node.isTextblock) {
        const key = caption ? 'captions' : 'body';
        result[key] = addCounts(result[key], this.block(node));
        return;
      }
      node.forEach((child) => walk(child, caption));
    };
    walk(doc, false);
    return result;
  }
}

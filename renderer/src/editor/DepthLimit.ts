// Keeps the body within the nesting limit the core stores (MAX_BODY_DEPTH, shared/body): a step
// that would put a block deeper — Tab in a list, wrapping in a quote — does not happen, and a paste
// nested too deep for where it lands is flattened (by the core's normaliser) so its text still
// arrives. Steps that only add or remove text skip the check; the rest walk the blocks (not the
// text), which for a long story is a few hundred nodes.
import { Extension } from '@tiptap/core';
import { Fragment, Slice, type Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { MAX_BODY_DEPTH } from '../../../shared/body/bodySchema';
import { normaliseBody } from '../../../shared/body/normaliseBody';

/** The depth of the deepest textblock in `node` (its children are at `depth`), as ProseMirror counts it. */
export function deepestBlock(content: Fragment, depth = 1): number {
  let max = 0;
  content.forEach((child: PMNode) => {
    if (child.isInline) return;
    max = Math.max(max, depth, child.isTextblock ? 0 : deepestBlock(child.content, depth + 1));
  });
  return max;
}

/** True when the transaction only changes text inside one textblock per step (typing, deleting within a line). */
function textOnly(tr: Transaction): boolean {
  return tr.steps.every((step, i) => {
    if (!(step instanceof ReplaceStep)) return false;
    const slice = step.slice;
    if (slice.openStart !== 0 || slice.openEnd !== 0) return false;
    let inline = true;
    slice.content.forEach((n) => {
      if (!n.isInline) inline = false;
    });
    if (!inline) return false;
    const $from = tr.docs[i].resolve(step.from);
    return $from.parent.isTextblock && $from.sameParent(tr.docs[i].resolve(step.to));
  });
}

export const DepthLimit = Extension.create({
  name: 'depthLimit',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('depthLimit'),
        props: {
          transformPasted: (slice, view) => {
            // The slice's top blocks land beside the block holding the caret (open ones merge into it).
            const above = view.state.selection.$from.depth - 1;
            if (above + deepestBlock(slice.content) - slice.openStart <= MAX_BODY_DEPTH) return slice;
            const { body } = normaliseBody({ type: 'doc', content: slice.content.toJSON() }, MAX_BODY_DEPTH - above);
            return new Slice(Fragment.fromJSON(view.state.schema, body.content), 0, 0);
          },
        },
        filterTransaction: (tr, state) => {
          if (!tr.docChanged || textOnly(tr)) return true;
          const after = deepestBlock(tr.doc.content);
          // A body already past the limit (never stored so, but) may still be edited, only not deepened.
          return after <= MAX_BODY_DEPTH || after <= deepestBlock(state.doc.content);
        },
      }),
    ];
  },
});

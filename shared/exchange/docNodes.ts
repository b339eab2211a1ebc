// Editor body nodes that importers build, in the one shape the editor's schema expects: a figure
// (photo id, credit, alt, empty `fromFile`, one figureCaption) and a list item (opens with a
// paragraph). One builder, so no importer drifts from the schema the others follow.
import type { DocNode } from '../model/article';

export interface FigureParts {
  /** '' while the photo is still to be matched. */
  photoId?: string;
  /** Caption text, or caption inline content (styled runs, breaks) as is. */
  caption?: string | DocNode[];
  credit?: string;
  alt?: string;
}

/** A figureCaption holding `caption`: text becomes one text run, '' an empty caption. */
export function figureCaptionNode(caption: string | DocNode[] = ''): DocNode {
  const content = typeof caption === 'string' ? (caption ? [{ type: 'text', text: caption }] : []) : caption;
  return { type: 'figureCaption', content };
}

/** A figure as the editor stores it; what the file said is not yet recorded (`fromFile` empty). */
export function figureNode({ photoId = '', caption = '', credit = '', alt = '' }: FigureParts): DocNode {
  return {
    type: 'figure',
    attrs: { photoId, credit, alt, fromFile: { caption: '', credit: '', alt: '' } },
    content: [figureCaptionNode(caption)],
  };
}

/** A list item from its blocks; one that opens with anything but a paragraph gets an empty paragraph first, as the schema requires. */
export function listItemNode(content: DocNode[]): DocNode {
  return { type: 'listItem', content: content[0]?.type === 'paragraph' ? content : [{ type: 'paragraph' }, ...content] };
}

// The body's schema: paragraphs, 중간제목 (h2 only), quotes, lists, figures (photo + caption), bold, italic, links, editor's notes, hard
// breaks, undo/redo. Everything else StarterKit offers is off, so every export later maps a
// small, known set of nodes. The core holds the same schema in shared/body/bodySchema.ts (every
// stored body is fitted to it); bodySchema.test.ts fails if the two drift apart.
import StarterKit from '@tiptap/starter-kit';
import { Placeholder } from '@tiptap/extensions';
import { ImeGuard } from './ImeGuard';
import { Figure } from './figure/Figure';
import { FigureCaption } from './figure/FigureCaption';
import { EditorNote } from './EditorNote';
import { OpenMarks } from './OpenMarks';
import { DepthLimit } from './DepthLimit';
import { isSafeLink } from '../../../shared/body/linkSafety';
import type { FigureViewOptions } from './figure/FigureView';


/** Placeholders may be functions, read when painted, so they follow a change of UI language. */
export function bodyExtensions(placeholder: string | (() => string), figure?: FigureViewOptions & { captionPlaceholder: string | (() => string) }) {
  return [
    ImeGuard,
    StarterKit.configure({
      heading: { levels: [2] },
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      // A trailing empty paragraph would end up in every export; Enter twice leaves lists and quotes.
      trailingNode: false,
      link: {
        openOnClick: false,
        autolink: true,
        // The one link rule (shared/body/linkSafety.ts) for typing, autolink, pasted links and
        // setLink alike; shouldAutoLink too, since pasting a URL over selected text asks only it.
        isAllowedUri: (url) => isSafeLink(url),
        shouldAutoLink: (url) => isSafeLink(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    // The body placeholder only; an empty caption shows its own (FigureCaption's data-placeholder).
    Placeholder.configure({ placeholder: ({ node }) => (node.type.name === 'figureCaption' ? '' : typeof placeholder === 'function' ? placeholder() : placeholder) }),
    Figure.configure(figure ?? {}),
    FigureCaption.configure({ placeholder: figure?.captionPlaceholder ?? '' }),
    EditorNote,
    OpenMarks,
    DepthLimit,
  ];
}

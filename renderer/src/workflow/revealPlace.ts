// Takes the person to a place the checklist names: the selection on a note or TK, the focus in a
// photo's empty field (as the photo panel's warnings do), or the field beside the body.
import type { Editor } from '@tiptap/react';
import type { ArticleField, ProblemPlace } from '../../../shared/workflow/places';
import { jumpTo } from '../photos/PhotoPanel';
import { focusNow } from '../editor/focusNow';

const FIELD_SELECTOR: Record<ArticleField, string> = {
  headline: '[data-testid="field-headline"]',
  byline: '[data-testid="reporter-name"]',
  embargo: '[data-testid="field-embargo"]',
  lengthTarget: '[data-testid="target-value"]',
};

const WARNING = { photo: 'noPhoto', caption: 'noCaption', credit: 'noCredit', alt: 'noAlt' } as const;

export function revealPlace(editor: Editor | null, place: ProblemPlace): void {
  if (place.kind === 'field') {
    const el = document.querySelector<HTMLElement>(FIELD_SELECTOR[place.field]);
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
    return;
  }
  if (!editor || editor.isDestroyed) return;
  if (place.kind === 'figure') jumpTo(editor, place, WARNING[place.field]);
  else {
    editor.chain().setTextSelection({ from: place.from, to: place.to }).scrollIntoView().run();
    focusNow(editor);
  }
}

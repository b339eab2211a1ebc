// Takes the person to a place the checklist names: the selection on a note, TK or house-style
// finding, the focus in a photo's empty field (as the photo panel's warnings do), or the field
// beside the body.
import type { Editor } from '@tiptap/react';
import type { ArticleField, ProblemPlace } from '../../../shared/workflow/places';
import { jumpTo } from '../photos/PhotoPanel';
import { focusNow } from '../editor/focusNow';

const FIELD_SELECTOR: Record<ArticleField, string> = {
  headline: '[data-testid="field-headline"]',
  deck: '[data-testid="field-deck"]',
  byline: '[data-testid="reporter-name"]',
  embargo: '[data-testid="field-embargo"]',
  lengthTarget: '[data-testid="target-value"]',
};

const WARNING = { photo: 'noPhoto', caption: 'noCaption', credit: 'noCredit', alt: 'noAlt' } as const;

function revealField(field: ArticleField): void {
  const el = document.querySelector<HTMLElement>(FIELD_SELECTOR[field]);
  el?.scrollIntoView({ block: 'center' });
  el?.focus();
}

function select(editor: Editor | null, from: number, to: number): void {
  if (!editor || editor.isDestroyed) return;
  editor.chain().setTextSelection({ from, to }).scrollIntoView().run();
  focusNow(editor);
}

export function revealPlace(editor: Editor | null, place: ProblemPlace): void {
  switch (place.kind) {
    case 'field':
      return revealField(place.field);
    case 'finding':
      return place.at.kind === 'field' ? revealField(place.at.field) : select(editor, place.at.from, place.at.to);
    case 'mark':
      return select(editor, place.from, place.to);
    case 'figure':
      if (editor && !editor.isDestroyed) jumpTo(editor, place, WARNING[place.field]);
  }
}

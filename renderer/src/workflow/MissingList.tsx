// What a blocked approval lacks, each item with the places to fix it: the photo by its number and
// caption, the note or TK or house-style finding by its paragraph, or the field beside the body.
// The places follow the editor live (a fixed one goes away); a click goes there.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Editor } from '@tiptap/react';
import type { ArticleContent, DocNode, Language } from '../../../shared/model/article';
import type { RuleSet } from '../../../shared/style/ruleSchema';
import { checklistPlaces, ChecklistItemSchema, type ChecklistItem } from '../../../shared/workflow/checklist';
import type { BlockRef, ProblemPlace } from '../../../shared/workflow/places';
import { useEditorDerived } from '../editor/useEditorDerived';
import { revealPlace } from './revealPlace';

/** Enough to find one's way; the rest is counted. */
const MAX_PLACES = 8;

function blockText(t: TFunction, block: BlockRef): string {
  return block.kind === 'paragraph' ? t('checklist.place.paragraph', { n: block.n, start: block.start }) : t('checklist.place.caption', { n: block.figure, start: block.start });
}

function findingText(t: TFunction, place: Extract<ProblemPlace, { kind: 'finding' }>): string {
  const where = place.at.kind === 'body' ? blockText(t, place.at.block) : t(`checklist.place.${place.at.field}`);
  const what = place.fix === undefined ? t('checklist.place.finding', { text: place.text }) : place.fix === '' ? t('checklist.place.findingDelete', { text: place.text }) : t('checklist.place.findingFix', { text: place.text, fix: place.fix });
  return `${what} — ${where}`;
}

export function placeText(t: TFunction, place: Exclude<ProblemPlace, { kind: 'field' }>): string {
  if (place.kind === 'figure') return place.caption ? t('checklist.place.figureCaption', { n: place.figure, caption: place.caption }) : t('checklist.place.figure', { n: place.figure });
  if (place.kind === 'finding') return findingText(t, place);
  const where = blockText(t, place.block);
  return place.mark === 'tk' ? t('checklist.place.tk', { where }) : t('checklist.place.note', { text: place.text, where });
}

/** What house style reads beside the body: the copy's fields as on screen and the rules in force. */
export type StyleCheckContext = { meta: Pick<ArticleContent, 'language' | 'headline' | 'deck' | 'keptFindings'>; sets: Record<Language, RuleSet> };

const placeKey = (place: Exclude<ProblemPlace, { kind: 'field' }>, i: number) =>
  place.kind === 'figure' ? `f${place.pos}` : place.kind === 'mark' ? `m${place.from}` : `s${place.at.kind === 'body' ? place.at.from : `${place.at.field}${i}`}:${place.ruleId}`;

export function MissingList(props: { missing: readonly string[]; editor: Editor | null; styleCheck: StyleCheckContext }) {
  const { t } = useTranslation();
  const body = useEditorDerived(props.editor, (e) => e.getJSON() as DocNode, 300);
  const items = props.missing.filter((m): m is ChecklistItem => ChecklistItemSchema.safeParse(m).success);
  return (
    <ul className="missing-list">
      {items.map((item) => {
        const places = body ? checklistPlaces(item, { ...props.styleCheck.meta, body: body as ArticleContent['body'] }, props.styleCheck.sets) : [];
        const field = places.find((p) => p.kind === 'field');
        const inBody = places.filter((p) => p.kind !== 'field');
        const label = t(`checklist.${item}`);
        const fixed = !!body && !field && inBody.length === 0;
        return (
          <li key={item} data-item={item} data-fixed={fixed || undefined}>
            {field ? (
              <button type="button" className="link-button" data-testid="missing-item" title={t('checklist.goTo')} onClick={() => revealPlace(props.editor, field)}>
                {label}
              </button>
            ) : (
              <span data-testid="missing-item">{label}</span>
            )}
            {fixed && <span className="missing-list__fixed" data-testid="missing-fixed"> — {t('checklist.fixed')}</span>}
            {inBody.length > 0 && (
              <ul>
                {inBody.slice(0, MAX_PLACES).map((place, i) => (
                  <li key={placeKey(place, i)}>
                    <button type="button" className="link-button" data-testid="missing-place" title={t('checklist.goTo')} onClick={() => revealPlace(props.editor, place)}>
                      {placeText(t, place)}
                    </button>
                  </li>
                ))}
                {inBody.length > MAX_PLACES && <li className="missing-list__more">{t('checklist.more', { n: inBody.length - MAX_PLACES })}</li>}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

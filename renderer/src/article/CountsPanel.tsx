// Length panel: characters, words/어절 and 원고지 매수 two ways, with captions, byline and editor's
// notes counted apart (notes count in nothing: shared countedText), and progress towards the
// editor's target, which says which 매수 it is measured in.
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import type { LengthTarget } from '../../../shared/model/article';
import type { BlockCounts } from '../../../shared/counting/countBody';
import { countBlock } from '../../../shared/counting/countBody';
import { lengthProgress, toSheets } from '../../../shared/counting/sheets';
import { useBodyCounts } from './useBodyCounts';

export function CountsPanel(props: { editor: Editor | null; bylineText: string; target: LengthTarget | null; onTarget(target: LengthTarget | null): void; /** The target is part of the copy: locked with it. */ readOnly?: boolean }) {
  const { t, i18n } = useTranslation();
  const counts = useBodyCounts(props.editor);
  const open = counts?.notes;
  const body: BlockCounts = counts?.body ?? { chars: 0, charsNoSpaces: 0, words: 0, rows: 0 };
  const num = (n: number, digits = 0) => n.toLocaleString(i18n.language, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const sheets = toSheets(body);
  const progress = lengthProgress(body, props.target);
  const unit = props.target?.unit ?? 'sheets';
  const setTarget = (value: string, nextUnit = unit) => {
    const n = Number(value);
    props.onTarget(value.trim() === '' || !Number.isFinite(n) || n <= 0 ? null : { unit: nextUnit, value: n });
  };
  return (
    <aside className="counts" data-testid="counts-panel" aria-label={t('counts.title')}>
      <h2>{t('counts.title')}</h2>
      <dl>
        <dt>{t('counts.chars')}</dt>
        <dd data-testid="count-chars">{num(body.chars)}</dd>
        <dt>{t('counts.charsNoSpaces')}</dt>
        <dd data-testid="count-chars-nospace">{num(body.charsNoSpaces)}</dd>
        <dt>{t('counts.words')}</dt>
        <dd data-testid="count-words">{num(body.words)}</dd>
        <dt>{t('counts.sheetsQuick')}</dt>
        <dd data-testid="count-sheets-quick">{t('counts.sheetsValue', { value: num(sheets.quick, 1) })}</dd>
        <dt>
          {t('counts.sheetsGrid')}
          {/* The target in 매 is measured on this figure (shared lengthProgress): say so where both show. */}
          {unit === 'sheets' && props.target && <span className="counts__basis" data-testid="count-target-basis">{t('counts.targetBasisTag')}</span>}
        </dt>
        <dd data-testid="count-sheets-grid">{t('counts.sheetsValue', { value: num(sheets.grid, 1) })}</dd>
      </dl>
      <dl className="counts__apart">
        <dt>{t('counts.captions')}</dt>
        <dd data-testid="count-captions">{t('counts.charsValue', { value: num(counts?.captions.chars ?? 0) })}</dd>
        <dt>{t('counts.bylineCount')}</dt>
        <dd data-testid="count-byline">{t('counts.charsValue', { value: num(countBlock(props.bylineText).chars) })}</dd>
        <dt>{t('counts.noteText')}</dt>
        <dd data-testid="count-note-text">{t('counts.noteTextValue', { value: num(counts?.noteText.chars ?? 0) })}</dd>
        <dt>{t('counts.openNotes')}</dt>
        <dd data-testid="count-open-notes" className={open && open.notes + open.tks > 0 ? 'counts__warn' : ''}>
          {t('counts.openNotesValue', { notes: open?.notes ?? 0, tks: open?.tks ?? 0 })}
        </dd>
      </dl>
      <div className="counts__target">
        <label htmlFor="target-value">{t('counts.target')}</label>
        {props.readOnly && !props.target ? (
          // Locked copy without a target: say so, rather than an empty box beside a lone unit.
          <p className="counts__target-none" data-testid="target-none">{t('counts.targetNone')}</p>
        ) : (
        <div className="counts__target-row">
          <input
            id="target-value"
            data-testid="target-value"
            type="number"
            min="0"
            step="any"
            inputMode="decimal"
            placeholder={t('counts.targetNone')}
            value={props.target?.value ?? ''}
            disabled={props.readOnly}
            onChange={(e) => setTarget(e.target.value)}
          />
          <select
            data-testid="target-unit"
            aria-label={t('counts.target')}
            value={unit}
            disabled={props.readOnly}
            onChange={(e) => props.target && setTarget(String(props.target.value), e.target.value as LengthTarget['unit'])}
          >
            <option value="sheets">{t('counts.unitSheets')}</option>
            <option value="chars">{t('counts.unitChars')}</option>
            <option value="words">{t('counts.unitWords')}</option>
          </select>
        </div>
        )}
        {unit === 'sheets' && !(props.readOnly && !props.target) && <p className="counts__target-basis" data-testid="target-basis">{t('counts.targetBasis')}</p>}
        {progress !== null && (
          <div className="progress" data-testid="target-progress">
            <progress max={1} value={Math.min(progress, 1)} aria-label={t('counts.progress', { percent: Math.round(progress * 100) })} />
            <span className={progress > 1.1 ? 'progress__over' : ''}>{t('counts.progress', { percent: Math.round(progress * 100) })}</span>
          </div>
        )}
      </div>
    </aside>
  );
}

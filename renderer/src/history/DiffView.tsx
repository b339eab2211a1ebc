// Two versions side by side in one column: changed fields first, then the body paragraph by
// paragraph with removed words struck through and added words underlined. A figure is named as the
// checklist names it ("사진 2 “캡션 첫머리…”") and what changed is said under that name, in words.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { LengthTarget } from '../../../shared/model/article';
import type { ArticleDiff, FieldDiff, FigureDiff, Part } from '../../../shared/workflow/diff';

function Parts({ parts }: { parts: Part[] }) {
  return (
    <>
      {parts.map((p, i) => (p.change === 'added' ? <ins key={i}>{p.text}</ins> : p.change === 'removed' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}
    </>
  );
}

const targetText = (t: TFunction, target: LengthTarget) => t(`history.target.${target.unit}`, { value: target.value });

/** Fields whose values are data, not prose: each side is worded whole in the screen's language (no "ko", no ISO time). */
function wholeValue(t: TFunction, lng: string, f: FieldDiff, side: 'before' | 'after'): string {
  if (f.target) {
    const target = f.target[side];
    return target ? targetText(t, target) : '';
  }
  const value = f[side];
  if (!value) return '';
  if (f.field === 'language') return t(`languages.${value}`);
  return new Date(value).toLocaleString(lng); // embargo
}
const WHOLE = new Set<FieldDiff['field']>(['language', 'embargo', 'lengthTarget']);

/** A field's change, old struck and new underlined; data fields (language, embargo, length target) are worded whole. */
function FieldText({ f }: { f: FieldDiff }) {
  const { t, i18n } = useTranslation();
  if (!WHOLE.has(f.field)) return <Parts parts={f.parts} />;
  const before = wholeValue(t, i18n.language, f, 'before');
  const after = wholeValue(t, i18n.language, f, 'after');
  return (
    <>
      {before && <del>{before}</del>}
      {before && after && ' '}
      {after && <ins>{after}</ins>}
    </>
  );
}

function FigureBlock({ f }: { f: FigureDiff }) {
  const { t } = useTranslation();
  const name = f.caption ? t('checklist.place.figureCaption', { n: f.figure, caption: f.caption }) : t('checklist.place.figure', { n: f.figure });
  return (
    <div className={`diff__block diff__figure diff__block--${f.change}`} data-testid="diff-figure" data-figure={f.figure} data-change={f.change}>
      <p className="diff__figure-name" data-testid="diff-figure-name">{name}</p>
      {f.photo !== 'same' && (
        <p className="diff__figure-line" data-testid="diff-photo" data-photo={f.photo}>{t(`history.photo.${f.photo}`)}</p>
      )}
      {f.fields.map((x) => (
        <p key={x.field} className="diff__figure-line" data-testid="diff-figure-field" data-field={x.field}>
          <span className="diff__label">{t(`history.figureField.${x.field}`)}</span> <Parts parts={x.parts} />
        </p>
      ))}
    </div>
  );
}

export function DiffView({ diff }: { diff: ArticleDiff }) {
  const { t } = useTranslation();
  if (diff.same) return <p className="muted" data-testid="diff-same">{t('history.same')}</p>;
  return (
    <div className="diff" data-testid="diff">
      {diff.fields.map((f) => (
        <div key={f.field} className="diff__field" data-testid="diff-field" data-field={f.field}>
          <span className="diff__label">{t(`history.field.${f.field}`)}</span>
          <span className="diff__text"><FieldText f={f} /></span>
        </div>
      ))}
      {diff.blocks.filter((b) => b.change !== 'same').map((b, i) =>
        b.kind === 'figure' && 'figure' in b ? (
          <FigureBlock key={i} f={b} />
        ) : (
          <p key={i} className={`diff__block diff__block--${b.change}`} data-testid="diff-block" data-change={b.change} data-kind={b.kind}>
            <Parts parts={'parts' in b ? b.parts : []} />
          </p>
        ),
      )}
    </div>
  );
}

// Two versions side by side in one column: changed fields first, then the body paragraph by
// paragraph with removed words struck through and added words underlined.
import { useTranslation } from 'react-i18next';
import type { ArticleDiff, Part } from '../../../shared/workflow/diff';

function Parts({ parts }: { parts: Part[] }) {
  return (
    <>
      {parts.map((p, i) => (p.change === 'added' ? <ins key={i}>{p.text}</ins> : p.change === 'removed' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}
    </>
  );
}

/** A photo's credit and alt text are compared as blocks of their own; they say which they are. */
const BLOCK_LABEL: Record<string, string> = { figureCredit: 'figure.credit', figureAlt: 'figure.alt' };

export function DiffView({ diff }: { diff: ArticleDiff }) {
  const { t } = useTranslation();
  if (diff.same) return <p className="muted" data-testid="diff-same">{t('history.same')}</p>;
  return (
    <div className="diff" data-testid="diff">
      {diff.fields.map((f) => (
        <div key={f.field} className="diff__field" data-testid="diff-field" data-field={f.field}>
          <span className="diff__label">{t(`history.field.${f.field}`)}</span>
          <span className="diff__text"><Parts parts={f.parts} /></span>
        </div>
      ))}
      {diff.blocks.filter((b) => b.change !== 'same').map((b, i) => (
        <p key={i} className={`diff__block diff__block--${b.change}`} data-testid="diff-block" data-change={b.change} data-kind={b.kind}>
          {BLOCK_LABEL[b.kind] && <span className="diff__label">{t(BLOCK_LABEL[b.kind])} </span>}
          <Parts parts={b.parts} />
        </p>
      ))}
    </div>
  );
}

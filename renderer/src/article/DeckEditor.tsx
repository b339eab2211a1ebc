// Deck (부제) lines: an ordered list of up to four, each shown with a leading dash.
import { useTranslation } from 'react-i18next';

const MAX_LINES = 4;

export function DeckEditor({ lines, onChange }: { lines: string[]; onChange(lines: string[]): void }) {
  const { t } = useTranslation();
  const move = (i: number, by: number) => {
    const next = [...lines];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  return (
    <fieldset className="deck">
      <legend>{t('article.deck')}</legend>
      <ol className="deck__lines">
        {lines.map((line, i) => (
          <li key={i} className="deck__line">
            <span className="deck__dash" aria-hidden="true">-</span>
            <input
              data-testid="deck-line"
              aria-label={t('article.deckLine', { n: i + 1 })}
              value={line}
              onChange={(e) => onChange(lines.map((l, j) => (j === i ? e.target.value : l)))}
            />
            <button type="button" className="icon-button" data-testid="deck-up" aria-label={t('article.moveUp')} title={t('article.moveUp')} disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
            <button type="button" className="icon-button" data-testid="deck-down" aria-label={t('article.moveDown')} title={t('article.moveDown')} disabled={i === lines.length - 1} onClick={() => move(i, 1)}>↓</button>
            <button type="button" className="icon-button" data-testid="remove-deck-line" aria-label={t('article.removeDeckLine')} title={t('article.removeDeckLine')} onClick={() => onChange(lines.filter((_, j) => j !== i))}>×</button>
          </li>
        ))}
      </ol>
      <button type="button" className="link-button" data-testid="add-deck-line" disabled={lines.length >= MAX_LINES} onClick={() => onChange([...lines, ''])}>
        + {t('article.addDeckLine')}
      </button>
    </fieldset>
  );
}

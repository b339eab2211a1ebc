// Deck (부제) lines: an ordered list of up to four, each shown with a leading dash. Lines behave
// like lines: Enter starts a new one after this one, Backspace in an empty one removes it and goes
// back to the end of the one before, and a new line (button or Enter) has the caret at once.
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const MAX_LINES = 4;

export function DeckEditor({ lines, onChange }: { lines: string[]; onChange(lines: string[]): void }) {
  const { t } = useTranslation();
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const addButton = useRef<HTMLButtonElement>(null);
  // The line to put the caret in (at its end) once the lines on screen have caught up.
  const [focusLine, setFocusLine] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (focusLine === null) return;
    const input = inputs.current[focusLine];
    if (!input && lines.length > 0) return; // the new line is not rendered yet
    setFocusLine(null);
    if (!input) {
      addButton.current?.focus();
      return;
    }
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }, [focusLine, lines]);

  const move = (i: number, by: number) => {
    const next = [...lines];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  const insertAfter = (i: number) => {
    if (lines.length >= MAX_LINES) return;
    onChange([...lines.slice(0, i + 1), '', ...lines.slice(i + 1)]);
    setFocusLine(i + 1);
  };
  const remove = (i: number) => {
    onChange(lines.filter((_, j) => j !== i));
    setFocusLine(i > 0 ? i - 1 : lines.length > 1 ? 0 : -1);
  };
  return (
    <fieldset className="deck">
      <legend>{t('article.deck')}</legend>
      <ol className="deck__lines">
        {lines.map((line, i) => (
          <li key={i} className="deck__line">
            <span className="deck__dash" aria-hidden="true">-</span>
            <input
              ref={(el) => {
                inputs.current[i] = el;
              }}
              data-testid="deck-line"
              aria-label={t('article.deckLine', { n: i + 1 })}
              value={line}
              onChange={(e) => onChange(lines.map((l, j) => (j === i ? e.target.value : l)))}
              onKeyDown={(e) => {
                // Enter or Backspace while a Hangul syllable is being composed belongs to the IME (229: Chromium's IME key).
                if (e.nativeEvent.isComposing || e.keyCode === 229) return;
                if (e.key === 'Enter') {
                  e.preventDefault();
                  insertAfter(i);
                } else if (e.key === 'Backspace' && line === '' && !e.repeat) {
                  e.preventDefault();
                  remove(i);
                }
              }}
            />
            <button type="button" className="icon-button" data-testid="deck-up" aria-label={t('article.moveUp')} title={t('article.moveUp')} disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
            <button type="button" className="icon-button" data-testid="deck-down" aria-label={t('article.moveDown')} title={t('article.moveDown')} disabled={i === lines.length - 1} onClick={() => move(i, 1)}>↓</button>
            <button type="button" className="icon-button" data-testid="remove-deck-line" aria-label={t('article.removeDeckLine')} title={t('article.removeDeckLine')} onClick={() => onChange(lines.filter((_, j) => j !== i))}>×</button>
          </li>
        ))}
      </ol>
      <button ref={addButton} type="button" className="link-button" data-testid="add-deck-line" disabled={lines.length >= MAX_LINES} onClick={() => insertAfter(lines.length - 1)}>
        + {t('article.addDeckLine')}
      </button>
    </fieldset>
  );
}

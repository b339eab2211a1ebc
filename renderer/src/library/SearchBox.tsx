// The library's search box. Plain typing asks after a short pause; a Korean IME is never asked
// about half-built syllables (ㅂ, 배…): the query waits for the composition to end and then runs
// at once, so typing 배터리 ends on the results for 배터리.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TEXT } from './listQuery';
import { SEARCH_DEBOUNCE_MS } from './listLayout';

interface Props {
  inputRef: RefObject<HTMLInputElement | null>;
  onQuery(text: string): void;
  /** ↓ in the box: on to the first result. */
  onArrowDown(): void;
  /** How the focusing shortcut is written on this platform (Ctrl+F or ⌘F). */
  shortcut: string;
}

export function SearchBox({ inputRef, onQuery, onArrowDown, shortcut }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const composing = useRef(false);
  const run = (text: string, delay: number) => {
    window.clearTimeout(timer.current);
    if (delay === 0) onQuery(text);
    else timer.current = window.setTimeout(() => onQuery(text), delay);
  };
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const clear = () => {
    setValue('');
    run('', 0);
  };
  return (
    <div className="library-search" role="search">
      <input
        ref={inputRef}
        type="search"
        data-testid="library-search"
        value={value}
        maxLength={MAX_TEXT}
        placeholder={t('library.searchPlaceholder')}
        aria-label={t('library.search')}
        aria-keyshortcuts={shortcut.startsWith('⌘') ? 'Meta+F /' : 'Control+F /'}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setValue(e.target.value);
          const native = e.nativeEvent as Partial<InputEvent>;
          if (!composing.current && !native.isComposing) run(e.target.value, SEARCH_DEBOUNCE_MS);
        }}
        onCompositionStart={() => {
          composing.current = true;
          window.clearTimeout(timer.current);
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          run(e.currentTarget.value, 0);
        }}
        onKeyDown={(e) => {
          // Escape and ↓ belong to the IME while a syllable is being built.
          if (e.nativeEvent.isComposing || e.keyCode === 229) return;
          if (e.key === 'Escape' && value !== '') {
            e.preventDefault();
            clear();
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            onArrowDown();
          }
        }}
      />
      {value ? (
        <button type="button" className="library-search__clear" data-testid="clear-search" aria-label={t('library.clearSearch')} title={t('library.clearSearch')} onClick={() => { clear(); inputRef.current?.focus(); }}>
          ×
        </button>
      ) : (
        <kbd className="library-search__hint" aria-hidden="true">{shortcut}</kbd>
      )}
    </div>
  );
}

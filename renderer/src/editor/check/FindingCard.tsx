// The card under a clicked underline: what the house style (or the dictionary) says, and what to do
// about it — fix it, fix every one of its kind, or keep it here.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { applyFix, applyFixAll, fixableOfKind, keepHere } from './checkActions';
import { closeFinding, type PlacedFinding } from './StyleCheck';
import type { KeptFinding } from '../../../../shared/style/keptFindings';
import { focusNow } from '../focusNow';
import type { CheckClient } from './checkClient';
import type { Language } from '../../../../shared/model/article';
import { wordListEntry } from './wordListEntry';

export function findingMessage(finding: Pick<PlacedFinding, 'message'>, language: string): string {
  return language.startsWith('ko') ? finding.message.ko : finding.message.en;
}

/** Hunspell's suggestions for a spelling finding, asked when its card opens; null while asking. */
function useSuggestions(client: CheckClient | null, language: Language, finding: PlacedFinding): string[] | null {
  const [found, setFound] = useState<{ key: string; suggestions: string[] } | null>(null);
  const key = `${finding.from}:${finding.text}`;
  useEffect(() => {
    if (finding.checker !== 'spelling' || !client) return;
    let live = true;
    void client.suggest(language, finding.text).then((suggestions) => live && setFound({ key, suggestions }));
    return () => {
      live = false;
    };
  }, [client, language, finding.checker, finding.text, key]);
  if (finding.checker !== 'spelling') return [];
  return found?.key === key ? found.suggestions : null;
}

export function FindingCard(props: { editor: Editor; active: PlacedFinding; onKeep: (kept: KeptFinding) => void; editable: boolean; client: CheckClient | null; language: Language; addWord: ((word: string) => Promise<void>) | null }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  const { editor, active } = props;
  useLayoutEffect(() => {
    const box = ref.current?.offsetParent?.getBoundingClientRect();
    if (!box || editor.isDestroyed) return;
    const at = editor.view.coordsAtPos(active.from);
    setPlace({ top: at.bottom - box.top + 4, left: Math.max(0, at.left - box.left) });
  }, [editor, active]);
  const all = props.editable && active.checker === 'style' ? fixableOfKind(editor.view, active.ruleId).length : 0;
  const suggestions = useSuggestions(props.client, props.language, active);
  const [wordError, setWordError] = useState(false);
  const entry = wordListEntry(active.text, props.language);
  const addWord = props.addWord;
  const done = () => {
    closeFinding(editor.view);
    focusNow(editor);
  };
  return (
    <div ref={ref} className="finding-card" role="dialog" aria-label={t('check.card')} data-testid="finding-card" style={place ? { top: place.top, left: place.left } : { visibility: 'hidden' }}>
      <p className="finding-card__message" data-testid="finding-message">{findingMessage(active, i18n.language)}</p>
      {active.fix !== undefined && (
        <p className="finding-card__change">
          <del>{active.text}</del> → <ins data-testid="finding-fix">{active.fix}</ins>
        </p>
      )}
      {active.checker === 'spelling' && (
        <p className="finding-card__suggestions" data-testid="finding-suggestions">
          {suggestions === null ? (
            <span className="finding-card__waiting">{t('check.suggesting')}</span>
          ) : suggestions.length === 0 ? (
            <span>{t('check.noSuggestions')}</span>
          ) : (
            suggestions.map((s) => (
              <button key={s} type="button" className="finding-card__suggestion" data-testid="finding-suggestion" disabled={!props.editable} onClick={() => { applyFix(editor.view, { ...active, fix: s }); done(); }}>
                {s}
              </button>
            ))
          )}
        </p>
      )}
      <div className="finding-card__actions">
        {props.editable && active.fix !== undefined && (
          <button type="button" data-testid="finding-apply" onClick={() => { applyFix(editor.view, active); done(); }}>
            {t('check.fix')}
          </button>
        )}
        {all > 1 && (
          <button type="button" data-testid="finding-apply-all" onClick={() => { applyFixAll(editor.view, active.ruleId); done(); }}>
            {t('check.fixAll', { count: all })}
          </button>
        )}
        {props.editable && (
          <button type="button" data-testid="finding-ignore" onClick={() => { keepHere(editor.view, active, props.onKeep); focusNow(editor); }}>
            {t('check.ignore')}
          </button>
        )}
        {addWord && active.checker === 'spelling' && (
          <button type="button" data-testid="finding-add-word" onClick={() => void addWord(entry).then(done, () => setWordError(true))}>
            {t('check.addWord', { word: entry })}
          </button>
        )}
        <button type="button" className="link-button" data-testid="finding-close" onClick={done}>
          {t('check.close')}
        </button>
      </div>
      {wordError && <p className="finding-card__error" role="alert">{t('check.addWordFailed')}</p>}
    </div>
  );
}

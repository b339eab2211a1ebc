// The card under a clicked underline: what the house style (or the dictionary) says, and what to do
// about it — fix it, fix every one of its kind, or keep it here.
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { applyFix, applyFixAll, fixableOfKind, ignoreHere } from './checkActions';
import { closeFinding, type PlacedFinding } from './StyleCheck';
import type { IgnoredFindings } from './ignoredFindings';
import { focusNow } from '../focusNow';

export function findingMessage(finding: PlacedFinding, language: string): string {
  return language.startsWith('ko') ? finding.message.ko : finding.message.en;
}

export function FindingCard(props: { editor: Editor; active: PlacedFinding; ignored: IgnoredFindings; editable: boolean }) {
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
  const all = props.editable ? fixableOfKind(editor.view, active.ruleId).length : 0;
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
          <button type="button" data-testid="finding-ignore" onClick={() => { ignoreHere(editor.view, active, props.ignored); focusNow(editor); }}>
            {t('check.ignore')}
          </button>
        )}
        <button type="button" className="link-button" data-testid="finding-close" onClick={done}>
          {t('check.close')}
        </button>
      </div>
    </div>
  );
}

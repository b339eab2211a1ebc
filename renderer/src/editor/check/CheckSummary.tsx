// How many findings are open in the body (and house style's in the headline and deck, listed under
// the deck), and a way to go through the body's one by one (the card opens on each). Sits with the length counts, where the desk looks before approving. When the spelling
// dictionary could not be loaded it says so there, and the count is house style only: "맞춤법 0건"
// would read as clean copy.
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import { useCheckState } from './useCheckState';
import { styleCheckKey } from './StyleCheck';
import { focusNow } from '../focusNow';

/** `fieldFindings`: how many the headline and deck have (house style). */
export function CheckSummary(props: { editor: Editor | null; fieldFindings?: number }) {
  const { t } = useTranslation();
  const { findings, spellingOff } = useCheckState(props.editor);
  const editor = props.editor;
  const next = () => {
    if (!editor || findings.length === 0) return;
    const caret = editor.state.selection.to;
    const target = findings.find((f) => f.from >= caret) ?? findings[0];
    const tr = editor.state.tr.setSelection(TextSelection.create(editor.state.doc, target.from, target.to)).setMeta(styleCheckKey, { kind: 'open', finding: target }).scrollIntoView();
    editor.view.dispatch(tr);
    focusNow(editor);
  };
  const inFields = props.fieldFindings ?? 0;
  const style = findings.filter((f) => f.checker === 'style').length + inFields;
  const spelling = findings.length + inFields - style;
  const total = style + spelling;
  const count = spellingOff === null ? (total === 0 ? t('check.none') : t('check.count', { style, spelling })) : total === 0 ? t('check.styleNone') : t('check.styleCount', { style });
  return (
    <div className="check-summary" data-testid="check-summary">
      <span data-testid="check-count" data-count={total} className={total > 0 ? 'counts__warn' : ''}>
        {count}
      </span>
      {spellingOff !== null && (
        <span data-testid="check-spelling-off" role="status" className="counts__warn" title={t('check.spellingOffDetail', { reason: spellingOff })}>
          {t('check.spellingOff')}
        </span>
      )}
      {findings.length > 0 && (
        <button type="button" className="link-button" data-testid="check-next" onClick={next}>
          {t('check.next')}
        </button>
      )}
    </div>
  );
}

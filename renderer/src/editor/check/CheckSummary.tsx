// How many findings are open in the body, and a way to go through them one by one (the card opens
// on each). Sits with the length counts, where the desk looks before approving. When the spelling
// dictionary could not be loaded it says so there, and the count is house style only: "맞춤법 0건"
// would read as clean copy.
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import { useCheckState } from './useCheckState';
import { styleCheckKey } from './StyleCheck';
import { focusNow } from '../focusNow';

export function CheckSummary(props: { editor: Editor | null }) {
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
  const style = findings.filter((f) => f.checker === 'style').length;
  const spelling = findings.length - style;
  const count =
    spellingOff === null ? (findings.length === 0 ? t('check.none') : t('check.count', { style, spelling })) : findings.length === 0 ? t('check.styleNone') : t('check.styleCount', { style });
  return (
    <div className="check-summary" data-testid="check-summary">
      <span data-testid="check-count" data-count={findings.length} className={findings.length > 0 ? 'counts__warn' : ''}>
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

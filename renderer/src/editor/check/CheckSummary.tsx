// How many findings are open in the body, and a way to go through them one by one (the card opens
// on each). Sits with the length counts, where the desk looks before approving.
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import { useCheckState } from './useCheckState';
import { styleCheckKey } from './StyleCheck';
import { focusNow } from '../focusNow';

export function CheckSummary(props: { editor: Editor | null }) {
  const { t } = useTranslation();
  const { findings } = useCheckState(props.editor);
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
  return (
    <div className="check-summary" data-testid="check-summary">
      <span data-testid="check-count" data-count={findings.length} className={findings.length > 0 ? 'counts__warn' : ''}>
        {findings.length === 0 ? t('check.none') : t('check.count', { style, spelling })}
      </span>
      {findings.length > 0 && (
        <button type="button" className="link-button" data-testid="check-next" onClick={next}>
          {t('check.next')}
        </button>
      )}
    </div>
  );
}

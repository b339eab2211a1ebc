// Above a live body: how many paragraphs others changed while this person was away, a way to go
// from one to the next, and Done, which clears the marks (ChangedMeanwhile.ts). Nothing is shown
// when there are none.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/core';
import type { MeanwhileBlocks } from '../../newsroom/live/meanwhileChanges';
import { changedMeanwhile, clearChangedMeanwhile, goToNextChanged } from './ChangedMeanwhile';
import '../../styles/live.css';

export function ChangedMeanwhileNotice(props: { editor: Editor; meanwhile: MeanwhileBlocks }) {
  const { t } = useTranslation();
  const { editor, meanwhile } = props;
  const [count, setCount] = useState(() => (editor.isDestroyed ? 0 : changedMeanwhile(editor.state).length));
  useEffect(() => {
    const read = () => !editor.isDestroyed && setCount(changedMeanwhile(editor.state).length);
    read();
    editor.on('transaction', read);
    return () => void editor.off('transaction', read);
  }, [editor]);
  if (count === 0) return null;
  return (
    <div className="changed-meanwhile-notice" role="status" data-testid="changed-meanwhile" data-count={count}>
      <span className="changed-meanwhile-notice__bar" aria-hidden="true" />
      <span className="changed-meanwhile-notice__text">{t('live.meanwhile.notice', { count })}</span>
      <button type="button" data-testid="changed-meanwhile-next" onClick={() => goToNextChanged(editor.view)}>
        {t('live.meanwhile.next')}
      </button>
      <button type="button" data-testid="changed-meanwhile-done" title={t('live.meanwhile.doneHint')} onClick={() => clearChangedMeanwhile(editor.view, meanwhile)}>
        {t('live.meanwhile.done')}
      </button>
    </div>
  );
}

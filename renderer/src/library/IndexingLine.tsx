// While the core builds or checks the search index in the background, a slim line says how far
// it is and that results may be missing articles it has not reached yet.
import { useTranslation } from 'react-i18next';
import { formatCount } from '../i18n/counts';

export function IndexingLine({ done, total }: { done: number; total: number }) {
  const { t, i18n } = useTranslation();
  const n = { format: (x: number) => formatCount(i18n.language, x) };
  return (
    <div className="indexing-line" role="status" data-testid="indexing-progress">
      <progress max={Math.max(total, 1)} value={Math.min(done, total)} aria-hidden="true" />
      <span>{t('library.indexing', { done: n.format(done), total: n.format(total) })}</span>
      <span className="muted">{t('library.indexingIncomplete')}</span>
    </div>
  );
}

// Offline in a library bound to a newsroom, the list searched only the stories this computer
// holds (issue 17, item 1): a slim line says so, so an empty or short list is not taken for the
// newsroom's answer.
import { useTranslation } from 'react-i18next';
import { formatCount } from '../i18n/counts';

export function HeldOnlyLine({ stories }: { stories: number }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="indexing-line" role="status" data-testid="held-only">
      <span>{t('library.heldOnly', { count: stories, n: formatCount(i18n.language, stories) })}</span>
      <span className="muted">{t('library.heldOnlyHint')}</span>
    </div>
  );
}

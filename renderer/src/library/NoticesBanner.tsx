// What the library did on opening that a person should know: files recovered or moved aside.
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../shared/contract/errors';

export function NoticesBanner({ notices, onDismiss }: { notices: Notice[]; onDismiss(): void }) {
  const { t } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <div className="banner banner--warning" data-testid="library-notices" role="status">
      <ul>
        {notices.map((n, i) => (
          <li key={i}>{t(`notices.${n.code}`, n.params)}</li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>{t('library.dismiss')}</button>
    </div>
  );
}

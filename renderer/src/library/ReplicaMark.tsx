// Beside a row's time in a bound library: this machine's copy of the story (its live replica) —
// words not yet on the server, or when the server last held all of them (issue 17, item 6).
import { useTranslation } from 'react-i18next';
import type { ReplicaSync } from '../../../shared/search/query';
import { relativeTime } from './relativeTime';

export function ReplicaMark({ sync, now }: { sync: ReplicaSync; now: number }) {
  const { t, i18n } = useTranslation();
  if (sync.unsent) {
    return (
      <span className="row-replica row-replica--unsent" data-testid="row-unsent" title={t('library.replica.unsentTitle')}>
        {t('library.replica.unsent')}
      </span>
    );
  }
  if (!sync.syncedAt) return null;
  const time = new Date(sync.syncedAt).toLocaleString(i18n.language);
  return (
    <span className="row-replica" data-testid="row-synced" data-synced-at={sync.syncedAt} title={t('library.replica.syncedTitle', { time })}>
      {t('library.replica.synced', { when: relativeTime(sync.syncedAt, now, i18n.language) })}
    </span>
  );
}

// Whether what this person typed in a live story is stored on the newsroom server: the server
// acknowledges an update only once it is in PostgreSQL, so "stored" here means stored there.
import { useTranslation } from 'react-i18next';
import type { LiveDocument } from '../newsroom/live/LiveDocument';
import { useLiveStatus } from '../newsroom/live/useLiveStatus';
import '../styles/live.css';

export function LiveSyncState(props: { live: LiveDocument }) {
  const { t } = useTranslation();
  const connected = useLiveStatus(props.live, (s) => s.connected) ?? false;
  const unsynced = useLiveStatus(props.live, (s) => s.unsynced) ?? 0;
  const stored = connected && unsynced === 0;
  return (
    <span className="live-sync" data-testid="live-sync" data-stored={String(stored)} data-unsynced={unsynced} data-connected={String(connected)} title={connected ? undefined : t('live.disconnected')}>
      {stored ? t('live.stored') : connected ? t('live.unsynced', { count: unsynced }) : t('live.disconnected')}
    </span>
  );
}

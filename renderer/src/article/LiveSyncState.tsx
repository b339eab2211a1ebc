// Whether what this person typed in a live story is stored on the newsroom server: the server
// acknowledges an update only once it is in PostgreSQL, so "stored" here means stored there. A
// story the core let go for good (signed out, access withdrawn, the story gone) says so in its own
// words: "it reconnects by itself" would promise what will not happen.
import { useTranslation } from 'react-i18next';
import type { LiveDocument } from '../newsroom/live/LiveDocument';
import { useLiveStatus } from '../newsroom/live/useLiveStatus';
import { useLiveEnded } from '../newsroom/live/useLiveEnded';
import '../styles/live.css';

export function LiveSyncState(props: { live: LiveDocument }) {
  const { t, i18n } = useTranslation();
  const connected = useLiveStatus(props.live, (s) => s.connected) ?? false;
  const unsynced = useLiveStatus(props.live, (s) => s.unsynced) ?? 0;
  const syncedAt = useLiveStatus(props.live, (s) => s.syncedAt ?? '') ?? '';
  const notKept = useLiveStatus(props.live, (s) => s.notKept === true) ?? false;
  const ended = useLiveEnded(props.live);
  if (ended) {
    return (
      <span className="live-sync" role="status" data-testid="live-sync" data-stored="false" data-ended={ended}>
        {t(`live.ended.${ended}`)}
      </span>
    );
  }
  const stored = connected && unsynced === 0;
  // The disk refused the replica: offline, or with words not yet stored, the usual promise does not hold.
  if (notKept && !stored) {
    return (
      <span className="live-sync live-sync--not-kept" role="alert" data-testid="live-sync" data-stored="false" data-kept="false" data-unsynced={unsynced} data-connected={String(connected)}>
        {t('live.notKept')}
      </span>
    );
  }
  return (
    <span className="live-sync" data-testid="live-sync" data-stored={String(stored)} data-unsynced={unsynced} data-connected={String(connected)} title={connected ? undefined : t('live.disconnected')}>
      {stored ? t('live.stored') : connected ? t('live.unsynced', { count: unsynced }) : offline(t('live.disconnected'), syncedAt !== '' && t('live.lastStored', { time: new Date(syncedAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' }) }))}
    </span>
  );
}

/** Offline: what happens to what is typed, and when the server last held all of it, if known. */
const offline = (text: string, lastStored: string | false | undefined) => (lastStored ? `${text} ${lastStored}` : text);

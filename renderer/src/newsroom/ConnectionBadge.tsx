// The header's word on the newsroom connection: which server, and whether this window follows it
// live (online), is getting there (connecting), cannot reach it (offline) or must sign in again.
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../../shared/contract/newsroom';
import '../styles/newsroom.css';

/** The server as a person reads it: its host (and port), without the scheme. */
export function serverHost(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}

export function ConnectionBadge(props: { server: string; state: ConnectionState }) {
  const { t } = useTranslation();
  return (
    <span className={`connection-badge connection-badge--${props.state}`} data-testid="connection-state" data-state={props.state} title={t('newsroom.connectedTo', { server: props.server })} role="status">
      <span className="connection-badge__dot" aria-hidden="true" />
      <span data-testid="connection-label">{t(`newsroom.state.${props.state}`)}</span>
      <span className="connection-badge__host" data-testid="connection-server">{serverHost(props.server)}</span>
    </span>
  );
}

// "Connect to a newsroom" (and "sign in again" once a session ended): the server's address, a
// login and a password, sent to the core, which signs in and keeps the session token itself. The
// renderer never sees the token; it hears back who signed in and how the connection is.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewsroomStatus } from '../../../shared/contract/newsroom';
import { call } from '../api';
import { errorText } from '../errorText';
import { ModalDialog } from '../dialogs/ModalDialog';
import '../styles/newsroom.css';

/** `server`: prefilled (signing in again to the folder's own server); `again`: the session ended, the same account signs in. */
export function ConnectDialog(props: { server?: string; again?: boolean; onConnected(status: NewsroomStatus): void; onCancel(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [server, setServer] = useState(props.server ?? '');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const connect = async () => {
    setBusy(true);
    setError(null);
    try {
      props.onConnected(await call('connectNewsroom', { actor: null, server: server.trim(), login: login.trim(), password }));
    } catch (err) {
      setError(err);
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <ModalDialog labelledBy={titleId} testId="connect-dialog" onClose={() => !busy && props.onCancel()}>
      <h2 id={titleId}>{t(props.again ? 'newsroom.signInAgainTitle' : 'newsroom.connectTitle')}</h2>
      <p className="muted">{t(props.again ? 'newsroom.signInAgainHelp' : 'newsroom.connectHelp')}</p>
      <form
        className="newsroom-connect"
        onSubmit={(e) => {
          e.preventDefault();
          void connect();
        }}
      >
        <label className="field">
          <span>{t('newsroom.server')}</span>
          <input data-testid="connect-server" type="url" value={server} placeholder="https://newsroom.example.org" onChange={(e) => setServer(e.target.value)} readOnly={props.again} required autoFocus={!props.again} />
        </label>
        <label className="field">
          <span>{t('newsroom.login')}</span>
          <input data-testid="connect-login" autoComplete="username" value={login} onChange={(e) => setLogin(e.target.value)} required autoFocus={props.again} />
        </label>
        <label className="field">
          <span>{t('newsroom.password')}</span>
          <input data-testid="connect-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error !== null && <p className="banner banner--error" role="alert" data-testid="connect-error">{errorText(t, error)}</p>}
        <div className="dialog__buttons">
          <button type="button" data-testid="connect-cancel" onClick={props.onCancel} disabled={busy}>{t('library.cancel')}</button>
          <button type="submit" className="primary" data-testid="connect-submit" disabled={busy || !server.trim() || !login.trim() || !password}>
            {t(busy ? 'newsroom.connecting' : props.again ? 'newsroom.signIn' : 'newsroom.connect')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

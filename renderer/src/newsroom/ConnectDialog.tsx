// "Connect to a newsroom" (and "sign in again" once a session ended): the server's address, a
// login and a password, sent to the core, which signs in and keeps the session token itself. The
// renderer never sees the token; it hears back who signed in and how the connection is. A new
// server's one-time setup code makes this person the newsroom's first admin, with that login.
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
  // A new newsroom: the setup code the server printed, and who the first admin is.
  const [setup, setSetup] = useState<{ code: string; name: string; desk: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const connect = async () => {
    setBusy(true);
    setError(null);
    try {
      const firstAdmin = setup && {
        code: setup.code.trim(),
        person: { name: setup.name.trim(), desk: setup.desk.trim(), email: '', bylineName: setup.name.trim(), bylineRole: t('people.defaultBylineRole') },
      };
      props.onConnected(await call('connectNewsroom', { actor: null, server: server.trim(), login: login.trim(), password, ...(firstAdmin ? { setup: firstAdmin } : {}) }));
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
          <input data-testid="connect-password" type="password" autoComplete={setup ? 'new-password' : 'current-password'} minLength={setup ? 8 : undefined} value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {!props.again && (
          <label className="newsroom-connect__setup">
            <input type="checkbox" data-testid="connect-setup" checked={setup !== null} onChange={(e) => setSetup(e.target.checked ? { code: '', name: '', desk: '' } : null)} />
            <span>{t('newsroom.setupToggle')}</span>
          </label>
        )}
        {setup && (
          <fieldset className="newsroom-connect__first-admin">
            <p className="muted">{t('newsroom.setupHelp')}</p>
            <label className="field">
              <span>{t('newsroom.setupCode')}</span>
              <input data-testid="connect-setup-code" autoComplete="off" value={setup.code} onChange={(e) => setSetup({ ...setup, code: e.target.value })} required />
            </label>
            <label className="field">
              <span>{t('people.name')}</span>
              <input data-testid="connect-setup-name" value={setup.name} onChange={(e) => setSetup({ ...setup, name: e.target.value })} required />
            </label>
            <label className="field">
              <span>{t('people.desk')}</span>
              <input data-testid="connect-setup-desk" value={setup.desk} onChange={(e) => setSetup({ ...setup, desk: e.target.value })} />
            </label>
          </fieldset>
        )}
        {error !== null && <p className="banner banner--error" role="alert" data-testid="connect-error">{errorText(t, error)}</p>}
        <div className="dialog__buttons">
          <button type="button" data-testid="connect-cancel" onClick={props.onCancel} disabled={busy}>{t('library.cancel')}</button>
          <button type="submit" className="primary" data-testid="connect-submit" disabled={busy || !server.trim() || !login.trim() || !password || (setup !== null && (!setup.code.trim() || !setup.name.trim()))}>
            {t(busy ? 'newsroom.connecting' : props.again ? 'newsroom.signIn' : setup ? 'newsroom.setUp' : 'newsroom.connect')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

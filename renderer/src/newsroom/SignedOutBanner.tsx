// The session ended (expired, revoked, password changed): said once, over every screen, with the
// way back in. Signing in again as the same account re-binds the folder; this window's unsaved
// edits stay where they are and are saved once the connection is back.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectDialog } from './ConnectDialog';
import { serverHost } from './ConnectionBadge';

/** `onSignedIn`: the core is connecting again; the header follows its events from here. */
export function SignedOutBanner(props: { server: string; onSignedIn(): void }) {
  const { t } = useTranslation();
  const [signingIn, setSigningIn] = useState(false);
  return (
    <div className="banner banner--warning" role="alert" data-testid="signed-out-banner">
      <span>{t('newsroom.signedOut', { server: serverHost(props.server) })}</span>
      <button type="button" className="primary" data-testid="sign-in-again" onClick={() => setSigningIn(true)}>{t('newsroom.signInAgain')}</button>
      {signingIn && (
        <ConnectDialog
          server={props.server}
          again
          onCancel={() => setSigningIn(false)}
          onConnected={() => {
            setSigningIn(false);
            props.onSignedIn();
          }}
        />
      )}
    </div>
  );
}

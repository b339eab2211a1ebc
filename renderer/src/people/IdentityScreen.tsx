// "Who are you?" at start. An empty library asks its first person to set it up (they become its
// admin); otherwise everyone active is listed to pick from. Opened by 사용자 바꾸기, it has a way
// back (Cancel, or Esc through the shared dialog rule) to the person who opened it. Instead, the
// folder can be connected to a newsroom server (뉴스룸에 연결): then the server's account is who acts.
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/model/person';
import { call } from '../api';
import { errorText } from '../errorText';
import { useDialog } from '../dialogs/useDialog';
import type { NewsroomStatus } from '../../../shared/contract/newsroom';
import { ConnectDialog } from '../newsroom/ConnectDialog';

/** The screen as a dialog while switching: Esc goes back, as Cancel does. */
function Switching(props: { onCancel(): void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useDialog(ref, { onClose: props.onCancel });
  return <div ref={ref} tabIndex={-1} className="identity__switching">{props.children}</div>;
}

/** `back`: the person who is switching, and how to go on as them; absent at start (nobody to go back to). */
export function IdentityScreen(props: { people: Person[]; peopleLost: boolean; onPick(person: Person): void; onConnected(status: NewsroomStatus): void; back?: { person: Person; onCancel(): void } }) {
  const { t } = useTranslation();
  const active = props.people.filter((p) => p.active);
  const [name, setName] = useState('');
  const [desk, setDesk] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [connecting, setConnecting] = useState(false);

  const setUp = async () => {
    try {
      const person = await call('savePerson', { actor: null, person: { name: name.trim(), role: 'admin', desk, email, bylineName: name.trim(), bylineRole: t('people.defaultBylineRole'), active: true } });
      props.onPick(person);
    } catch (err) {
      setError(err);
    }
  };

  const screen = (
    <div className="identity" data-testid="identity-screen">
      <p className="identity__brand"><span className="logo" aria-hidden="true">C</span> {t('app.title')}</p>
      <h1>{t('people.whoAreYou')}</h1>
      {props.peopleLost && active.length === 0 ? (
        // Said before anyone fills in a form the core would refuse: the people file must come back.
        <p className="banner banner--error" role="alert" data-testid="people-lost">{t('errors.forbiddenReason.peopleLost')}</p>
      ) : active.length === 0 ? (
        <form className="identity__setup" onSubmit={(e) => { e.preventDefault(); void setUp(); }}>
          <p>{t('people.firstPersonHelp')}</p>
          <label className="field"><span>{t('people.name')}</span><input data-testid="setup-name" value={name} onChange={(e) => setName(e.target.value)} required autoFocus /></label>
          <label className="field"><span>{t('people.desk')}</span><input data-testid="setup-desk" value={desk} onChange={(e) => setDesk(e.target.value)} /></label>
          <label className="field"><span>{t('people.email')}</span><input type="email" value={email} onChange={(e) => setEmail(e.target.value)} /></label>
          {error !== null && <p className="banner banner--error" role="alert">{errorText(t, error)}</p>}
          <button type="submit" className="primary" data-testid="setup-submit" disabled={!name.trim()}>{t('people.setUp')}</button>
        </form>
      ) : (
        <ul className="identity__list">
          {active.map((p) => (
            <li key={p.id}>
              <button type="button" data-testid="pick-person" data-person-name={p.name} onClick={() => props.onPick(p)}>
                <strong>{p.name}</strong> <span className="muted">{t(`roles.${p.role}`)}{p.desk ? ` · ${p.desk}` : ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="identity__newsroom">
        <span className="muted">{t('newsroom.connectLead')}</span>
        <button type="button" data-testid="connect-newsroom" onClick={() => setConnecting(true)}>{t('newsroom.connectAction')}</button>
      </div>
      {connecting && <ConnectDialog onCancel={() => setConnecting(false)} onConnected={props.onConnected} />}
      {props.back && (
        <button type="button" className="identity__cancel" data-testid="cancel-switch" onClick={props.back.onCancel}>
          {t('people.cancelSwitch', { name: props.back.person.name })}
        </button>
      )}
    </div>
  );
  return props.back ? <Switching onCancel={props.back.onCancel}>{screen}</Switching> : screen;
}

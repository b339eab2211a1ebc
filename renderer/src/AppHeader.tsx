// The top bar: app name, where you are, who is acting (and, connected, the newsroom connection),
// the UI language switch, backups and settings.
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../shared/model/settings';
import type { Person } from '../../shared/model/person';
import type { ConnectionState } from '../../shared/contract/newsroom';
import { ConnectionBadge } from './newsroom/ConnectionBadge';

/** A library bound to a newsroom: its server, the connection's state, and signing out (in place of switching person). */
export interface HeaderNewsroom {
  server: string;
  state: ConnectionState;
  onSignOut(): void;
}

export function AppHeader(props: { me: Person; onSwitchPerson(): void; newsroom: HeaderNewsroom | null; uiLanguage: UiLanguage; onLanguage(lang: UiLanguage): void; onSettings(): void; onBackups(): void; onLibrary(): void; libraryPath: string }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <button type="button" className="app-header__brand" data-testid="app-title" onClick={props.onLibrary} title={t('library.libraryAt', { path: props.libraryPath })}>
        <span className="logo" aria-hidden="true">C</span>
        <span>{t('app.title')}</span>
        <span className="app-header__tagline">{t('app.tagline')}</span>
      </button>
      <div className="app-header__tools">
        {props.newsroom && <ConnectionBadge server={props.newsroom.server} state={props.newsroom.state} />}
        <span className="app-header__me" data-testid="current-person">
          {props.me.name} <span className="muted">{t(`roles.${props.me.role}`)}</span>
        </span>
        {props.newsroom ? (
          <button type="button" data-testid="sign-out" onClick={props.newsroom.onSignOut}>{t('newsroom.signOut')}</button>
        ) : (
          <button type="button" data-testid="switch-person" onClick={props.onSwitchPerson}>{t('people.switch')}</button>
        )}
        {/* A language choice, labelled as one (beside 설정, a bare "system setting" read as a settings button); each language named in itself. */}
        <div className="app-header__lang">
          <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
            <circle cx="12" cy="12" r="9" />
            <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9M12 3c-2.5 2.7-3.8 5.7-3.8 9s1.3 6.3 3.8 9" />
          </svg>
          <label htmlFor="ui-language" data-testid="ui-language-label">{t('header.language')}</label>
          <select id="ui-language" data-testid="ui-language" value={props.uiLanguage} onChange={(e) => props.onLanguage(e.target.value as UiLanguage)}>
            <option value="system">{t('header.system')}</option>
            <option value="ko">한국어</option>
            <option value="en">English</option>
          </select>
        </div>
        <button type="button" data-testid="open-backups" onClick={props.onBackups}>{t('backups.open')}</button>
        <button type="button" data-testid="open-settings" onClick={props.onSettings}>{t('header.settings')}</button>
      </div>
    </header>
  );
}

// The top bar: app name, where you are, the UI language switch, backups and settings.
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../shared/model/settings';
import type { Person } from '../../shared/model/person';

export function AppHeader(props: { me: Person; onSwitchPerson(): void; uiLanguage: UiLanguage; onLanguage(lang: UiLanguage): void; onSettings(): void; onBackups(): void; onLibrary(): void; libraryPath: string }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <button type="button" className="app-header__brand" data-testid="app-title" onClick={props.onLibrary} title={t('library.libraryAt', { path: props.libraryPath })}>
        <span className="logo" aria-hidden="true">C</span>
        <span>{t('app.title')}</span>
        <span className="app-header__tagline">{t('app.tagline')}</span>
      </button>
      <div className="app-header__tools">
        <span className="app-header__me" data-testid="current-person">
          {props.me.name} <span className="muted">{t(`roles.${props.me.role}`)}</span>
        </span>
        <button type="button" data-testid="switch-person" onClick={props.onSwitchPerson}>{t('people.switch')}</button>
        <label className="app-header__lang">
          <span className="visually-hidden">{t('header.language')}</span>
          <select data-testid="ui-language" aria-label={t('header.language')} value={props.uiLanguage} onChange={(e) => props.onLanguage(e.target.value as UiLanguage)}>
            <option value="system">{t('header.system')}</option>
            <option value="ko">한국어</option>
            <option value="en">English</option>
          </select>
        </label>
        <button type="button" data-testid="open-backups" onClick={props.onBackups}>{t('backups.open')}</button>
        <button type="button" data-testid="open-settings" onClick={props.onSettings}>{t('header.settings')}</button>
      </div>
    </header>
  );
}

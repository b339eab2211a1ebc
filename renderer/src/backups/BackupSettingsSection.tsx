// What backups keep: the hourly schedule on or off, and how many hours, days and weeks keep one
// snapshot each. An admin's to change; everyone sees it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSettings } from '../../../shared/model/settings';
import { SaveStatusLine } from '../settings/SaveStatusLine';
import { useSaveStatus } from '../settings/useSaveStatus';

const LIMITS = { hourly: 24 * 14, daily: 366, weekly: 520 } as const;

export function BackupSettingsSection(props: { value: BackupSettings; canEdit: boolean; onSave(next: BackupSettings): Promise<void> }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(props.value);
  const { status, track } = useSaveStatus();
  const change = (next: BackupSettings) => {
    setDraft(next);
    const valid = (['hourly', 'daily', 'weekly'] as const).every((k) => Number.isInteger(next[k]) && next[k] >= 0 && next[k] <= LIMITS[k]);
    if (valid) void track(props.onSave(next));
  };
  const number = (value: string) => (value.trim() === '' ? NaN : Number(value));
  return (
    <section className="settings__section backups__rule" data-testid="backup-settings">
      <div className="settings__head">
        <h2>{t('backups.settings.title')}</h2>
        <SaveStatusLine status={status} />
      </div>
      <p className="help">{t('backups.settings.help')}</p>
      {!props.canEdit && <p className="help">{t('backups.settings.adminOnly')}</p>}
      <fieldset className="plain-fieldset backups__rule-fields" disabled={!props.canEdit}>
        <label className="inline">
          <input type="checkbox" data-testid="backup-enabled" checked={draft.enabled} onChange={(e) => change({ ...draft, enabled: e.target.checked })} />
          {t('backups.settings.enabled')}
        </label>
        {(['hourly', 'daily', 'weekly'] as const).map((k) => (
          <label key={k}>
            {t(`backups.settings.${k}`)}
            <input
              type="number"
              min={0}
              max={LIMITS[k]}
              data-testid={`backup-keep-${k}`}
              value={Number.isNaN(draft[k]) ? '' : draft[k]}
              onChange={(e) => change({ ...draft, [k]: number(e.target.value) })}
            />
          </label>
        ))}
      </fieldset>
    </section>
  );
}

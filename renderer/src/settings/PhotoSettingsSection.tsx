// Photo rules a desk sets: minimum width for the web, the largest file accepted, and the house
// shape of a caption's credit per language, with a live preview.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/model/article';
import type { PhotoSettings } from '../../../shared/model/settings';
import { renderCaption } from '../../../shared/photos/renderCaption';
import { SaveStatusLine } from './SaveStatusLine';
import { useSaveStatus } from './useSaveStatus';

const SAMPLE: Record<Language, [string, string]> = {
  ko: ['시민들이 광화문 광장을 걷고 있다.', '홍길동 기자'],
  en: ['People walk across Gwanghwamun Square.', 'Dana Whitfield/Hanbit Economy'],
};

export function PhotoSettingsSection(props: { photos: PhotoSettings; onSave(photos: PhotoSettings): Promise<void> }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(props.photos);
  const { status, track } = useSaveStatus();
  const change = (next: PhotoSettings) => {
    setDraft(next);
    if (next.minWidth >= 0 && next.maxFileMB >= 1 && Number.isInteger(next.minWidth) && Number.isInteger(next.maxFileMB)) void track(props.onSave(next));
  };
  const number = (value: string) => (value.trim() === '' ? NaN : Number(value));
  return (
    <section className="settings__section" data-testid="photo-settings">
      <div className="settings__head">
        <h2>{t('settings.photos')}</h2>
        <SaveStatusLine status={status} />
      </div>
      <label>
        {t('settings.minWidth')}
        <input type="number" min={0} step={100} data-testid="photo-min-width" value={Number.isNaN(draft.minWidth) ? '' : draft.minWidth} onChange={(e) => change({ ...draft, minWidth: number(e.target.value) })} />
      </label>
      <label>
        {t('settings.maxFileMB')}
        <input type="number" min={1} data-testid="photo-max-mb" value={Number.isNaN(draft.maxFileMB) ? '' : draft.maxFileMB} onChange={(e) => change({ ...draft, maxFileMB: number(e.target.value) })} />
      </label>
      <p className="help">{t('settings.creditPatternHelp')}</p>
      {(['ko', 'en'] as const).map((lang) => (
        <label key={lang}>
          {t('settings.creditPattern', { language: t(`languages.${lang}`) })}
          <input
            className="mono"
            data-testid={`credit-pattern-${lang}`}
            value={draft.creditPattern[lang]}
            onChange={(e) => change({ ...draft, creditPattern: { ...draft.creditPattern, [lang]: e.target.value } })}
          />
          <span className="preview" data-testid={`credit-preview-${lang}`}>{renderCaption(SAMPLE[lang][0], SAMPLE[lang][1], draft.creditPattern[lang])}</span>
        </label>
      ))}
    </section>
  );
}

// The byline and sign-off exactly as they will print, in the article's house template.
import { useTranslation } from 'react-i18next';
import type { Byline, Language } from '../../../shared/model/article';
import type { Settings } from '../../../shared/model/settings';
import { pickTemplate, renderByline, signOff } from '../../../shared/byline/renderByline';

export function BylinePreview(props: { byline: Byline; dateline: string; language: Language; settings: Settings }) {
  const { t } = useTranslation();
  const text = renderByline(props.byline, pickTemplate(props.settings, props.byline, props.language), props.dateline);
  const email = signOff(props.byline);
  return (
    <div className="byline-preview" aria-live="polite">
      <span className="byline-preview__label">{t('article.preview')}</span>
      <span data-testid="byline-preview" className={text ? 'byline-preview__text' : 'byline-preview__empty'}>{text || t('article.noByline')}</span>
      {email && (
        <span className="byline-preview__signoff">
          {t('article.signOff')} <span data-testid="signoff-preview">{email}</span>
        </span>
      )}
    </div>
  );
}

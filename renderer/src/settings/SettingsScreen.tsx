// Settings: UI language, the language of new articles, the house byline templates (data a desk
// edits here, with a live preview and pattern checks), photo rules, people and the workflow rules.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Byline, Language } from '../../../shared/model/article';
import type { BylineTemplate, Settings, SettingsPatch } from '../../../shared/model/settings';
import { renderByline, validateBylinePattern } from '../../../shared/byline/renderByline';
import { PhotoSettingsSection } from './PhotoSettingsSection';
import { PeopleSection } from './PeopleSection';
import { WorkflowSection } from './WorkflowSection';
import { NewsroomUploadSection } from './NewsroomUploadSection';
import { HouseStyleSection } from './HouseStyleSection';
import type { Person } from '../../../shared/model/person';
import { mayChangeSettings } from '../../../shared/workflow/access';
import { useMe } from '../people/MeContext';
import { SaveStatusLine } from './SaveStatusLine';
import { useSaveStatus } from './useSaveStatus';

const SAMPLES: Record<Language, Byline> = {
  ko: { outlet: '한빛경제', desk: '산업부', templateId: '', reporters: [{ name: '김하늘', role: '기자', email: '' }, { name: '박도윤', role: '기자', email: '' }] },
  en: { outlet: 'The Harbor Ledger', desk: 'Port Avery', templateId: '', reporters: [{ name: 'Dana Whitfield', role: '', email: '' }, { name: 'Marco Ilves', role: '', email: '' }] },
};

/** `onSave` rejects when the core refuses or fails; each section shows that beside its title. */
export function SettingsScreen(props: { settings: Settings; onSave(patch: SettingsPatch): Promise<void>; onSettings(settings: Settings): void; onClose(): void; onPeopleChanged(people: Person[]): void }) {
  const { t } = useTranslation();
  const [templates, setTemplates] = useState(props.settings.bylineTemplates);
  const s = props.settings;
  // Who may change which section is the core's rule (shared/workflow/access.ts); here it only greys out the rest.
  const { me } = useMe();
  const house = mayChangeSettings(me.role, 'house');
  const library = mayChangeSettings(me.role, 'library');
  // Each section says when its last change was stored (or why not), beside its title.
  const general = useSaveStatus();
  const style = useSaveStatus();
  const saveGeneral = (patch: SettingsPatch) => void general.track(props.onSave(patch));

  const editTemplates = (next: BylineTemplate[]) => {
    setTemplates(next);
    // Only valid templates reach the library; the form keeps what is being typed.
    if (next.every((tpl) => tpl.name.trim() && validateBylinePattern(tpl.pattern) === null)) void style.track(props.onSave({ bylineTemplates: next }));
  };
  const edit = (i: number, patch: Partial<BylineTemplate>) => editTemplates(templates.map((tpl, j) => (j === i ? { ...tpl, ...patch } : tpl)));

  return (
    <div className="settings" data-testid="settings-screen">
      <div className="settings__bar">
        <h1>{t('settings.title')}</h1>
        <button type="button" data-testid="close-settings" onClick={props.onClose}>{t('settings.close')}</button>
      </div>
      <section className="settings__section" data-testid="general-settings">
        <div className="settings__head">
          <h2>{t('settings.general')}</h2>
          <SaveStatusLine status={general.status} />
        </div>
        {!library && <p className="muted">{t('settings.deskOnly')}</p>}
        <label>
          {t('settings.outlet')}
          <input data-testid="settings-outlet" disabled={!house} defaultValue={s.outlet} placeholder={t('settings.outletPlaceholder')} onChange={(e) => saveGeneral({ outlet: e.target.value })} />
        </label>
        <label>
          {t('settings.exportDir')}
          <input data-testid="settings-export-dir" disabled={!library} defaultValue={s.exportDir} placeholder={t('settings.exportDirPlaceholder')} onBlur={(e) => e.target.value !== props.settings.exportDir && saveGeneral({ exportDir: e.target.value })} />
        </label>
        <label>
          {t('settings.defaultArticleLanguage')}
          <select value={s.defaultArticleLanguage} disabled={!house} onChange={(e) => saveGeneral({ defaultArticleLanguage: e.target.value as Language })}>
            <option value="ko">{t('languages.ko')}</option>
            <option value="en">{t('languages.en')}</option>
          </select>
        </label>
      </section>
      <section className="settings__section" data-testid="template-settings">
        <div className="settings__head">
          <h2>{t('settings.templates')}</h2>
          <SaveStatusLine status={style.status} />
        </div>
        <p className="help">{t('settings.templatesHelp')}</p>
        <fieldset className="plain-fieldset" disabled={!house}>
        <table className="templates">
          <thead>
            <tr>
              <th>{t('settings.name')}</th>
              <th>{t('article.language')}</th>
              <th>{t('settings.pattern')}</th>
              <th>{t('settings.separator')}</th>
              <th>{t('settings.lastSeparator')}</th>
              <th>{t('settings.roleStyle')}</th>
              <th>{t('settings.preview')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {templates.map((tpl, i) => {
              const problem = validateBylinePattern(tpl.pattern);
              const isDefault = s.defaultTemplateIds[tpl.language] === tpl.id;
              return (
                <tr key={tpl.id} data-testid="template-row">
                  <td><input aria-label={t('settings.name')} value={tpl.name} onChange={(e) => edit(i, { name: e.target.value })} /></td>
                  <td>
                    <select aria-label={t('article.language')} value={tpl.language} onChange={(e) => edit(i, { language: e.target.value as Language })}>
                      <option value="ko">{t('languages.ko')}</option>
                      <option value="en">{t('languages.en')}</option>
                    </select>
                  </td>
                  <td>
                    <input data-testid="template-pattern" className="mono" aria-label={t('settings.pattern')} aria-invalid={problem !== null} value={tpl.pattern} onChange={(e) => edit(i, { pattern: e.target.value })} />
                    {problem && <div className="field-error" role="alert">{t(`settings.patternErrors.${problem}`)}</div>}
                  </td>
                  <td><input className="mono narrow" aria-label={t('settings.separator')} value={tpl.separator} onChange={(e) => edit(i, { separator: e.target.value })} /></td>
                  <td><input className="mono narrow" aria-label={t('settings.lastSeparator')} value={tpl.lastSeparator} onChange={(e) => edit(i, { lastSeparator: e.target.value })} /></td>
                  <td>
                    <select aria-label={t('settings.roleStyle')} value={tpl.roleStyle} onChange={(e) => edit(i, { roleStyle: e.target.value as BylineTemplate['roleStyle'] })}>
                      <option value="suffix">{t('settings.roleSuffix')}</option>
                      <option value="none">{t('settings.roleNone')}</option>
                    </select>
                  </td>
                  <td data-testid="template-preview" lang={tpl.language}>{problem ? '—' : renderByline(SAMPLES[tpl.language], tpl)}</td>
                  <td className="cell-actions">
                    <label className="inline">
                      <input type="radio" name={`default-${tpl.language}`} checked={isDefault} onChange={() => void style.track(props.onSave({ defaultTemplateIds: { ...s.defaultTemplateIds, [tpl.language]: tpl.id } }))} />
                      {t('settings.defaultFor', { language: t(`languages.${tpl.language}`) })}
                    </label>
                    <button type="button" className="small" aria-label={t('settings.removeTemplate')} disabled={templates.length <= 1 || isDefault} onClick={() => editTemplates(templates.filter((_, j) => j !== i))}>×</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button
          type="button"
          className="link-button"
          data-testid="add-template"
          onClick={() =>
            editTemplates([
              ...templates,
              { id: `custom-${Date.now().toString(36)}`, name: t('settings.newTemplateName'), language: 'ko', pattern: '[{outlet} {reporters}]', separator: 'ㆍ', lastSeparator: '', roleStyle: 'suffix' },
            ])
          }
        >
          + {t('settings.addTemplate')}
        </button>
        </fieldset>
      </section>
      <fieldset className="plain-fieldset" disabled={!house}>
        <PhotoSettingsSection photos={s.photos} onSave={(photos) => props.onSave({ photos })} />
      </fieldset>
      <HouseStyleSection settings={s} onSave={props.onSave} onSettings={props.onSettings} />
      <PeopleSection onPeopleChanged={props.onPeopleChanged} />
      <WorkflowSection workflow={s.workflow} onSave={(workflow) => props.onSave({ workflow })} />
      <NewsroomUploadSection />
    </div>
  );
}

// Settings › House style (issue 19): per language the rule set in force (the default or an imported
// file) and how many of its rules are on; each rule, grouped by category, with its switch and its
// message; Import… (the core proves the file off its main thread while this shows how far it is,
// and a refused file's problems are listed in the window's language), Export, Reset to default;
// and the newsroom's word list. The admin's to change (SETTINGS_SECTIONS.houseStyle); everyone
// else sees it read-only. The core decides either way.
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/model/article';
import type { Settings, SettingsPatch } from '../../../shared/model/settings';
import { WordSchema } from '../../../shared/model/houseStyle';
import { mayChangeSettings, SETTINGS_SECTIONS } from '../../../shared/workflow/access';
import { ruleSetInForce } from '../../../shared/style/activeRuleSets';
import type { RuleSetProblem } from '../../../shared/style/importRuleSet';
import type { Rule } from '../../../shared/style/ruleSchema';
import { ruleSetProblemText } from '../../../shared/style/styleText';
import { call } from '../api';
import { errorText } from '../errorText';
import { useJob } from '../exchange/useJob';
import { useMe } from '../people/MeContext';
import { SaveStatusLine } from './SaveStatusLine';
import { useSaveStatus } from './useSaveStatus';

type Outcome = { kind: 'imported'; count: number } | { kind: 'refused'; problems: RuleSetProblem[] } | { kind: 'exported'; path: string } | { kind: 'failed'; error: unknown } | null;

export function HouseStyleSection(props: { settings: Settings; onSave(patch: SettingsPatch): Promise<void>; onSettings(settings: Settings): void }) {
  const { t, i18n } = useTranslation();
  const { me } = useMe();
  const admin = mayChangeSettings(me.role, SETTINGS_SECTIONS.houseStyle);
  const uiLanguage: Language = i18n.language.startsWith('ko') ? 'ko' : 'en';
  const [language, setLanguage] = useState<Language>(props.settings.defaultArticleLanguage);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [word, setWord] = useState('');
  const { status, track } = useSaveStatus();
  const job = useJob();
  const fileInput = useRef<HTMLInputElement>(null);

  const style = props.settings.houseStyle;
  const set = ruleSetInForce(style, language);
  const custom = style[language].custom;
  const disabled = useMemo(() => new Set(style[language].disabled), [style, language]);
  const byCategory = useMemo(() => {
    const groups = new Map<Rule['category'], Rule[]>();
    for (const rule of set.rules) groups.set(rule.category, [...(groups.get(rule.category) ?? []), rule]);
    return [...groups];
  }, [set]);
  const on = set.rules.filter((r) => !disabled.has(r.id)).length;
  const save = (patch: SettingsPatch) => void track(props.onSave(patch));

  const toggle = (id: string, enabled: boolean) => {
    const next = enabled ? [...disabled].filter((d) => d !== id) : [...disabled, id];
    save({ houseStyle: { [language]: { disabled: next } } });
  };

  const importFile = async (file: File) => {
    setOutcome(null);
    try {
      const text = await file.text();
      const answer = await job.run(1, (jobId) => call('importHouseStyle', { jobId, name: file.name, text }));
      if (answer.ok) {
        props.onSettings(answer.settings);
        setLanguage(answer.language);
        setOutcome({ kind: 'imported', count: answer.rules });
      } else setOutcome({ kind: 'refused', problems: answer.problems });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    }
  };

  const exportSet = async () => {
    setOutcome(null);
    try {
      setOutcome({ kind: 'exported', path: (await call('exportHouseStyle', { language })).path });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    }
  };

  const reset = () => {
    if (!window.confirm(t('houseStyle.resetConfirm', { language: t(`languages.${language}`) }))) return;
    setOutcome(null);
    save({ houseStyle: { [language]: { useDefault: true } } });
  };

  const wordOk = WordSchema.safeParse(word);
  const addWord = () => {
    if (!wordOk.success || style.wordList.includes(wordOk.data)) return;
    save({ houseStyle: { wordList: [...style.wordList, wordOk.data] } });
    setWord('');
  };

  const percent = job.progress ? Math.floor((job.progress.done / Math.max(1, job.progress.total)) * 100) : 0;

  return (
    <section className="settings__section" data-testid="house-style-settings">
      <div className="settings__head">
        <h2>{t('houseStyle.title')}</h2>
        <SaveStatusLine status={status} />
      </div>
      <p className="help">{t('houseStyle.help')}</p>
      {!admin && <p className="muted" data-testid="house-style-read-only">{t('houseStyle.adminOnly')}</p>}
      <label>
        {t('houseStyle.language')}
        <select data-testid="house-style-language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
          <option value="ko">{t('languages.ko')}</option>
          <option value="en">{t('languages.en')}</option>
        </select>
      </label>
      <p data-testid="house-style-source">
        {custom ? t('houseStyle.customSet', { name: custom.name, count: set.rules.length, date: custom.importedAt.slice(0, 10) }) : t('houseStyle.defaultSet', { count: set.rules.length })}
        {' · '}
        <span data-testid="house-style-on-count">{t('houseStyle.onCount', { on, total: set.rules.length })}</span>
      </p>
      <div className="house-style__actions">
        {admin && (
          <>
            <button type="button" data-testid="house-style-import" disabled={job.progress !== null} onClick={() => fileInput.current?.click()}>{t('houseStyle.importFile')}</button>
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              hidden
              data-testid="house-style-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void importFile(file);
              }}
            />
          </>
        )}
        <button type="button" data-testid="house-style-export" onClick={() => void exportSet()}>{t('houseStyle.export')}</button>
        {admin && <button type="button" data-testid="house-style-reset" disabled={!custom && disabled.size === 0} onClick={reset}>{t('houseStyle.reset')}</button>}
      </div>
      {job.progress && (
        <p role="status" data-testid="house-style-progress">
          <progress max={100} value={percent} /> {t('houseStyle.proving', { percent })}{' '}
          <button type="button" className="small" onClick={job.cancel}>{t('houseStyle.cancel')}</button>
        </p>
      )}
      {outcome?.kind === 'imported' && <p role="status" data-testid="house-style-imported">{t('houseStyle.imported', { count: outcome.count })}</p>}
      {outcome?.kind === 'exported' && <p role="status" data-testid="house-style-exported">{t('houseStyle.exported', { path: outcome.path })}</p>}
      {outcome?.kind === 'failed' && <p className="field-error" role="alert">{errorText(t, outcome.error)}</p>}
      {outcome?.kind === 'refused' && (
        <div className="field-error" role="alert" data-testid="house-style-problems">
          <p>{t('houseStyle.refused', { count: outcome.problems.length })}</p>
          <ul>
            {outcome.problems.map((p, i) => <li key={i}>{ruleSetProblemText(p, uiLanguage)}</li>)}
          </ul>
        </div>
      )}
      <fieldset className="plain-fieldset" disabled={!admin} data-testid="house-style-rules">
        {byCategory.map(([category, rules]) => (
          <details key={category} data-testid="house-style-category">
            <summary>
              {t(`houseStyle.category.${category}`)} ({rules.filter((r) => !disabled.has(r.id)).length}/{rules.length})
            </summary>
            <ul className="house-style__list">
              {rules.map((rule) => (
                <li key={rule.id} data-testid="house-style-rule">
                  <label className="inline">
                    <input type="checkbox" aria-label={t('houseStyle.ruleOn', { id: rule.id })} checked={!disabled.has(rule.id)} onChange={(e) => toggle(rule.id, e.target.checked)} />
                    <code>{rule.id}</code> {rule.message[uiLanguage]}
                  </label>
                </li>
              ))}
            </ul>
          </details>
        ))}
      </fieldset>
      <h3>{t('houseStyle.words')}</h3>
      <p className="help">{t('houseStyle.wordsHelp')}</p>
      <fieldset className="plain-fieldset" disabled={!admin}>
        {style.wordList.length === 0 ? (
          <p className="muted">{t('houseStyle.noWords')}</p>
        ) : (
          <ul className="house-style__words" data-testid="house-style-words">
            {style.wordList.map((w) => (
              <li key={w}>
                {w}{' '}
                <button type="button" className="small" aria-label={t('houseStyle.removeWord', { word: w })} onClick={() => save({ houseStyle: { wordList: style.wordList.filter((x) => x !== w) } })}>×</button>
              </li>
            ))}
          </ul>
        )}
        <form
          className="house-style__actions"
          onSubmit={(e) => {
            e.preventDefault();
            addWord();
          }}
        >
          <input data-testid="house-style-new-word" aria-label={t('houseStyle.newWord')} aria-invalid={word !== '' && !wordOk.success} value={word} onChange={(e) => setWord(e.target.value)} />
          <button type="submit" data-testid="house-style-add-word" disabled={!wordOk.success}>{t('houseStyle.addWord')}</button>
          {word !== '' && !wordOk.success && <div className="field-error">{t('houseStyle.badWord')}</div>}
        </form>
      </fieldset>
    </section>
  );
}

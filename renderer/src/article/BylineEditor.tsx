// The structured byline: outlet, desk or city, house template, and the reporters in order.
import { useTranslation } from 'react-i18next';
import type { Byline, Language, Reporter } from '../../../shared/model/article';
import type { Settings } from '../../../shared/model/settings';
import { useMe } from '../people/MeContext';

const ROLES = ['기자', '특파원', '선임기자', '인턴기자', '논설위원', '객원기자', 'Reporter', 'Correspondent', 'Staff Writer'];

export function BylineEditor(props: { byline: Byline; language: Language; settings: Settings; onChange(byline: Byline): void }) {
  const { t } = useTranslation();
  const { byline, onChange } = props;
  const { people } = useMe();
  const setReporter = (i: number, patch: Partial<Reporter>) =>
    onChange({ ...byline, reporters: byline.reporters.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const templates = props.settings.bylineTemplates.filter((tpl) => tpl.language === props.language);
  return (
    <fieldset className="byline">
      <legend>{t('article.byline')}</legend>
      <div className="byline__row">
        <label>
          {t('article.outlet')}
          <input data-testid="field-outlet" value={byline.outlet} onChange={(e) => onChange({ ...byline, outlet: e.target.value })} />
        </label>
        <label>
          {t('article.desk')}
          <input data-testid="field-desk" value={byline.desk} onChange={(e) => onChange({ ...byline, desk: e.target.value })} />
        </label>
        <label>
          {t('article.template')}
          <select data-testid="byline-template" value={byline.templateId} onChange={(e) => onChange({ ...byline, templateId: e.target.value })}>
            {!templates.some((tpl) => tpl.id === byline.templateId) && <option value={byline.templateId}>—</option>}
            {templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>{tpl.name}</option>
            ))}
          </select>
        </label>
      </div>
      <datalist id="reporter-roles">
        {ROLES.map((r) => <option key={r} value={r} />)}
      </datalist>
      <ol className="reporters" aria-label={t('article.reporters')}>
        {byline.reporters.map((r, i) => (
          <li key={i} className="reporter" data-testid="reporter-row">
            <input data-testid="reporter-name" aria-label={t('article.reporterName')} placeholder={t('article.reporterName')} value={r.name} onChange={(e) => setReporter(i, { name: e.target.value })} />
            <input data-testid="reporter-role" aria-label={t('article.reporterRole')} placeholder={t('article.reporterRole')} list="reporter-roles" value={r.role} onChange={(e) => setReporter(i, { role: e.target.value })} />
            <input data-testid="reporter-email" type="email" aria-label={t('article.reporterEmail')} placeholder={t('article.reporterEmail')} value={r.email} onChange={(e) => setReporter(i, { email: e.target.value })} />
            <button
              type="button"
              className="icon-button"
              data-testid="reporter-up"
              aria-label={t('article.moveUp')}
              title={t('article.moveUp')}
              disabled={i === 0}
              onClick={() => {
                const next = [...byline.reporters];
                [next[i - 1], next[i]] = [next[i], next[i - 1]];
                onChange({ ...byline, reporters: next });
              }}
            >
              ↑
            </button>
            <button type="button" className="icon-button" data-testid="remove-reporter" aria-label={t('article.removeReporter')} title={t('article.removeReporter')} onClick={() => onChange({ ...byline, reporters: byline.reporters.filter((_, j) => j !== i) })}>×</button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="link-button"
        data-testid="add-reporter"
        disabled={byline.reporters.length >= 20}
        onClick={() => onChange({ ...byline, reporters: [...byline.reporters, { name: '', role: props.language === 'ko' ? '기자' : '', email: '' }] })}
      >
        + {t('article.addReporter')}
      </button>
      <select
        className="byline-from-people"
        data-testid="add-reporter-from-people"
        aria-label={t('article.addFromPeople')}
        value=""
        disabled={byline.reporters.length >= 20}
        onChange={(e) => {
          const p = people.find((x) => x.id === e.target.value);
          if (!p) return;
          // The first person added also fills an empty desk, as the byline usually names the reporter's desk.
          onChange({ ...byline, desk: byline.desk || p.desk, reporters: [...byline.reporters, { name: p.bylineName || p.name, role: p.bylineRole, email: p.email }] });
        }}
      >
        <option value="">{t('article.addFromPeople')}</option>
        {people.filter((p) => p.active).map((p) => <option key={p.id} value={p.id}>{p.name}{p.desk ? ` · ${p.desk}` : ''}</option>)}
      </select>
    </fieldset>
  );
}

// What the person at the screen must know before touching the copy: that it is read-only and why,
// the desk's note when it came back, an embargo still in force, and corrections on record.
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../shared/model/article';

/** `embargo` is the one being edited, so the banner follows the field before it is saved. */
export function WorkflowBanners(props: { article: Article; embargo: string | null; readOnly: boolean; now: number }) {
  const { t, i18n } = useTranslation();
  const a = props.article;
  const last = a.lastTransition;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <>
      {props.readOnly && (
        <div className="banner banner--info" role="status" data-testid="readonly-banner">
          {t(`workflow.readOnly.${a.status}`, { name: last?.actorName ?? '' })}
        </div>
      )}
      {a.status === 'returned' && last?.action === 'return' && (
        <div className="banner banner--warning" role="status" data-testid="return-note">
          <strong>{t('workflow.returnedBy', { name: last.actorName, when: when(last.at) })}</strong> {last.note}
        </div>
      )}
      {props.embargo && Date.parse(props.embargo) > props.now && (
        <div className="banner banner--embargo" role="status" data-testid="embargo-banner">{t('workflow.embargoUntil', { until: when(props.embargo) })}</div>
      )}
      {a.corrections.length > 0 && (
        <div className="banner banner--info" data-testid="corrections">
          <strong>{t('workflow.corrections')}</strong>
          <ul>{a.corrections.map((c) => <li key={c.at}>{when(c.at)} · {c.by}: {c.note}</li>)}</ul>
        </div>
      )}
    </>
  );
}

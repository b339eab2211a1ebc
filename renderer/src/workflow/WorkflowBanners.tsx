// What the person at the screen must know before touching the copy: that it is read-only, why, and
// the step this person can take to change that (the desk on sent copy: 데스킹 시작; its reporter:
// 출고 취소) — never a step meant for someone else; the desk's note when it came back, an embargo
// still in force, and corrections on record.
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../shared/model/article';
import { useMe } from '../people/MeContext';
import type { Lock } from '../article/ArticleSession';
import { unlockingStep } from './unlockingStep';

/** `embargo` is the one being edited, so the banner follows the field before it is saved. */
export function WorkflowBanners(props: { article: Article; embargo: string | null; lock: Lock; now: number }) {
  const { t, i18n } = useTranslation();
  const { me, permissions } = useMe();
  const a = props.article;
  const last = a.lastTransition;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const unlock = unlockingStep(permissions, me.role, a.status, a.trashedAt !== null);
  return (
    <>
      {!props.lock.editable && (
        <div className="banner banner--info" role="status" data-testid="readonly-banner" data-next-step={unlock ?? ''}>
          {props.lock.reason === 'trashed' ? t('workflow.readOnly.trashed') : t(`workflow.readOnly.${a.status}`, { name: last?.actorName ?? '' })}{' '}
          {props.lock.reason !== 'trashed' && <strong data-testid="readonly-next">{unlock ? t(`workflow.toEdit.${unlock}`) : t('workflow.toEdit.none')}</strong>}
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

// One snapshot's articles, a page at a time (a backup of a big library holds 100,000), newest
// first, found by headline, each marked with how it compares with the library now.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupArticleRow, BackupPage, BackupSummary } from '../../../shared/model/backup';
import { call } from '../api';
import { backupErrorText, formatTime } from './backupText';

const PAGE = 100;

export function BackupBrowser(props: {
  backup: BackupSummary;
  /** Changes after a restore, so the comparison with now is fetched again. */
  reload: number;
  canRestore: boolean;
  busy: boolean;
  onRestore(row: BackupArticleRow): void;
  onOpen(id: string): void;
}) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [shownQuery, setShownQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<BackupPage | null>(null);
  const [error, setError] = useState<unknown>(null);

  // Typing settles before the core is asked.
  useEffect(() => {
    const timer = setTimeout(() => {
      setShownQuery(query);
      setOffset(0);
    }, 200);
    return () => clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    let live = true;
    call('getBackup', { snapshot: props.backup.id, offset, limit: PAGE, query: shownQuery })
      .then((p) => live && (setPage(p), setError(null)))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [props.backup.id, offset, shownQuery, props.reload]);

  const number = new Intl.NumberFormat(i18n.language);
  return (
    <section className="settings__section backups__browser" data-testid="backup-browser" aria-label={t('backups.browsing', { time: formatTime(props.backup.createdAt, i18n.language) })}>
      <div className="backups__browser-bar">
        <h2>{t('backups.browsing', { time: formatTime(props.backup.createdAt, i18n.language) })}</h2>
        <input type="search" data-testid="backup-search" placeholder={t('backups.search')} aria-label={t('backups.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {error !== null && <p className="banner banner--error" role="alert">{backupErrorText(t, error)}</p>}
      {page && page.total === 0 && <p className="empty-state">{t('backups.noMatch')}</p>}
      {page && page.total > 0 && (
        <>
          <table className="article-table backups__articles">
            <thead>
              <tr>
                <th>{t('backups.headline')}</th>
                <th>{t('backups.status')}</th>
                <th>{t('backups.updated')}</th>
                <th>{t('backups.now')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id} data-testid="backup-article-row" data-state={row.now}>
                  <td lang={row.language}>
                    {row.kicker && <span className="kicker">[{row.kicker}]</span>}
                    <span className="cell-headline" data-testid="backup-article-headline">{row.headline || t('backups.untitled')}</span>
                    {row.trashed && <span className="row-step">{t('backups.wasTrashed')}</span>}
                  </td>
                  <td><span className={`status status--${row.status}`}>{t(`status.${row.status}`)}</span></td>
                  <td className="muted">{formatTime(row.updatedAt, i18n.language)}</td>
                  <td><span className={`backups__state backups__state--${row.now}`} data-testid="backup-article-state">{t(`backups.state.${row.now}`)}</span></td>
                  <td className="cell-actions">
                    {row.now !== 'gone' && (
                      <button type="button" className="small" data-testid="backup-open-article" onClick={() => props.onOpen(row.id)}>{t('backups.openArticle')}</button>
                    )}
                    {props.canRestore && row.now !== 'same' && (
                      <button type="button" className="small" data-testid="restore-from-backup" disabled={props.busy} onClick={() => props.onRestore(row)}>{t('backups.restoreOne')}</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="backups__pager">
            <span data-testid="backup-range">{t('backups.range', { from: number.format(page.offset + 1), to: number.format(page.offset + page.rows.length), total: number.format(page.total) })}</span>
            <button type="button" className="small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('backups.prev')}</button>
            <button type="button" className="small" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>{t('backups.next')}</button>
          </div>
        </>
      )}
    </section>
  );
}

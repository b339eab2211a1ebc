// Backups: the snapshots the library keeps, one opened to browse its articles, restoring one
// article (the desk) or the whole library (an admin, after a confirm that says what will happen),
// "Back up now", an archive out or in, and the rule for what is kept.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupArticleRow, BackupSummary, RestoreResult } from '../../../shared/model/backup';
import { ApiError } from '../../../shared/contract/errors';
import type { Settings, SettingsPatch } from '../../../shared/model/settings';
import { call } from '../api';
import { useMe } from '../people/MeContext';
import { useJob } from '../exchange/useJob';
import { BackupBrowser } from './BackupBrowser';
import { BackupSettingsSection } from './BackupSettingsSection';
import { backupErrorText, formatSize, formatTime, restoreSummary } from './backupText';
import { ConfirmBanner } from '../dialogs/ConfirmBanner';
import '../styles/backups.css';

/** Backup jobs count in thousandths (their size is known only once they run). */
const SCALE = 1000;

type Confirm = { kind: 'one'; row: BackupArticleRow } | { kind: 'all' } | { kind: 'import'; file: File };
type Outcome = { kind: 'restore'; result: RestoreResult; undoAt: string | null } | { kind: 'text'; text: string };

export function BackupsScreen(props: { settings: Settings; onSave(patch: SettingsPatch): Promise<void>; onClose(): void; onOpen(id: string): void }) {
  const { t, i18n } = useTranslation();
  const { me } = useMe();
  const job = useJob();
  const [backups, setBackups] = useState<BackupSummary[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const isAdmin = me.role === 'admin';
  const canRestoreOne = me.role === 'admin' || me.role === 'editor';
  const time = (iso: string) => formatTime(iso, i18n.language);

  const refresh = useCallback(async () => {
    const list = await call('listBackups', {});
    setBackups(list);
    setSelected((s) => (s && list.some((b) => b.id === s) ? s : null));
    return list;
  }, []);

  useEffect(() => {
    refresh().catch(setError);
  }, [refresh]);

  /** Runs one long task: progress with Cancel while it runs, then its outcome or why it failed. */
  const run = async (label: string, task: (jobId: string) => Promise<Outcome | null>) => {
    setOutcome(null);
    setError(null);
    setWorking(label);
    try {
      const done = await job.run(SCALE, task);
      if (done) setOutcome(done);
    } catch (err) {
      setError(err);
    } finally {
      setWorking(null);
      setReload((n) => n + 1);
      await refresh().catch(() => undefined);
    }
  };

  const restored = async (result: RestoreResult): Promise<Outcome> => {
    const list = await refresh();
    return { kind: 'restore', result, undoAt: result.undoBackup ? time(list.find((b) => b.id === result.undoBackup)?.createdAt ?? new Date().toISOString()) : null };
  };

  const backUpNow = async () => {
    setOutcome(null);
    setError(null);
    setWorking(t('backups.backingUp'));
    try {
      const made = await call('createBackup', { actor: me.id });
      setOutcome({ kind: 'text', text: t('backups.created', { articles: made.articles }) });
      await refresh();
      setSelected(made.id);
    } catch (err) {
      setError(err);
    } finally {
      setWorking(null);
    }
  };

  const go = (c: Confirm) => {
    setConfirm(null);
    if (c.kind === 'one' && selected) {
      void run(t('backups.restoring'), async (jobId) => restored(await call('restoreBackup', { actor: me.id, jobId, snapshot: selected, ids: [c.row.id] })));
    } else if (c.kind === 'all' && selected) {
      void run(t('backups.restoring'), async (jobId) => restored(await call('restoreBackup', { actor: me.id, jobId, snapshot: selected })));
    } else if (c.kind === 'import') {
      void run(t('backups.importing'), async (jobId) => {
        const bytes = new Uint8Array(await c.file.arrayBuffer());
        const result = await call('importBackupArchive', { actor: me.id, jobId, name: c.file.name, bytes });
        setSelected(result.snapshot);
        return restored(result);
      });
    }
  };

  const exportArchive = (id: string) =>
    void run(t('backups.exporting'), async (jobId) => {
      const written = await call('exportBackupArchive', { actor: me.id, jobId, snapshot: id });
      return { kind: 'text', text: written.cancelled ? t('backups.exportCancelled') : t('backups.exported', { path: written.path, size: formatSize(written.bytes, i18n.language) }) };
    });

  const current = backups?.find((b) => b.id === selected) ?? null;
  const busy = working !== null;
  const percent = job.progress ? Math.floor((100 * job.progress.done) / Math.max(job.progress.total, 1)) : 0;

  return (
    <div className="settings backups" data-testid="backups-screen">
      <div className="settings__bar">
        <h1>{t('backups.title')}</h1>
        <div className="library__actions">
          <button type="button" className="primary" data-testid="back-up-now" disabled={busy} onClick={() => void backUpNow()}>{t('backups.backUpNow')}</button>
          {isAdmin && (
            <>
              <button type="button" data-testid="import-backup" disabled={busy} onClick={() => fileInput.current?.click()}>{t('backups.importArchive')}</button>
              <input
                ref={fileInput}
                type="file"
                accept=".zip,application/zip"
                hidden
                data-testid="import-backup-file"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) setConfirm({ kind: 'import', file });
                }}
              />
            </>
          )}
          <button type="button" data-testid="close-backups" onClick={props.onClose}>{t('backups.close')}</button>
        </div>
      </div>
      <p className="help">{t('backups.help')}</p>

      {working && (
        <div className="job-progress" role="status" data-testid="backup-progress">
          <span>{working} {job.progress && t('backups.progress', { percent })}</span>
          {job.progress && <progress max={100} value={percent} />}
          {job.progress?.current && <span className="job-progress__current">{job.progress.current}</span>}
          {job.progress && <button type="button" data-testid="backup-cancel" onClick={job.cancel}>{t('backups.cancel')}</button>}
        </div>
      )}
      {error !== null && (
        <p className="banner banner--error" role="alert" data-testid="backup-error">{backupErrorText(t, error)}</p>
      )}
      {outcome?.kind === 'text' && <p className="banner banner--info" role="status" data-testid="backup-outcome">{outcome.text}</p>}
      {outcome?.kind === 'restore' && (
        <div className="banner banner--info backups__outcome" role="status" data-testid="backup-outcome">
          <ul>
            {restoreSummary(t, outcome.result, outcome.undoAt).map((line, i) => <li key={i}>{line}</li>)}
          </ul>
          {outcome.result.failed.length > 0 && (
            <div role="alert">
              {t('backups.failed', { count: outcome.result.failed.length })}
              <ul>
                {outcome.result.failed.map((f) => (
                  <li key={f.id}>{f.headline || f.id}: {backupErrorText(t, new ApiError(f.error.code, f.error.message, f.error.params))}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}

      {confirm && (
        <ConfirmBanner className="backups__confirm" label={t('backups.confirm')} testId="backup-confirm" onCancel={() => setConfirm(null)}>
          <span>
            {confirm.kind === 'one' && t('backups.confirmOne', { headline: confirm.row.headline || t('backups.untitled'), time: current ? time(current.createdAt) : '' })}
            {confirm.kind === 'all' && t('backups.confirmAll', { time: current ? time(current.createdAt) : '', articles: current?.articles ?? 0 })}
            {confirm.kind === 'import' && t('backups.confirmImport', { file: confirm.file.name })}
          </span>
          <button type="button" className="danger" data-testid="confirm-restore" onClick={() => go(confirm)}>
            {confirm.kind === 'import' ? t('backups.confirmImportButton') : t('backups.confirm')}
          </button>
          <button type="button" data-testid="cancel-restore" onClick={() => setConfirm(null)} autoFocus>{t('backups.cancel')}</button>
        </ConfirmBanner>
      )}

      <section className="settings__section">
        {backups && backups.length === 0 && <p className="empty-state" data-testid="backups-empty">{t('backups.empty')}</p>}
        {backups && backups.length > 0 && (
          <table className="article-table backups__list">
            <thead>
              <tr>
                <th>{t('backups.time')}</th>
                <th>{t('backups.kind')}</th>
                <th>{t('backups.articles')}</th>
                <th>{t('backups.trashed')}</th>
                <th>{t('backups.photos')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.id} data-testid="backup-row" className={b.id === selected ? 'is-selected' : undefined} aria-selected={b.id === selected}>
                  <td>
                    <button type="button" className="link" data-testid="backup-open" onClick={() => setSelected(b.id)}>{time(b.createdAt)}</button>
                    {b.damaged > 0 && <span className="row-step">{t('backups.damaged', { count: b.damaged })}</span>}
                  </td>
                  <td>
                    {t(`backups.reason.${b.reason}`)}
                    {b.source && <span className="row-step">{b.source}</span>}
                  </td>
                  <td>{b.articles}</td>
                  <td>{b.trashed}</td>
                  <td>{b.photos}</td>
                  <td className="cell-actions">
                    {isAdmin && b.id === selected && (
                      <>
                        <button type="button" className="small" data-testid="restore-all" disabled={busy} onClick={() => setConfirm({ kind: 'all' })}>{t('backups.restoreAll')}</button>
                        <button type="button" className="small" data-testid="export-backup" disabled={busy} onClick={() => exportArchive(b.id)}>{t('backups.exportArchive')}</button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {current && (
        <BackupBrowser backup={current} reload={reload} canRestore={canRestoreOne} busy={busy} onRestore={(row) => setConfirm({ kind: 'one', row })} onOpen={props.onOpen} />
      )}

      <BackupSettingsSection value={props.settings.backups} canEdit={isAdmin} onSave={(backups) => props.onSave({ backups })} />
    </div>
  );
}

// "Upload this library to a newsroom" (a local library's admin): the server and an admin account
// of it, then a confirm that says what goes and what happens to people, then the upload as a job
// (progress per photo and story, Cancel stops between two stories), then what came of it in words.
// The core signs in for the upload only; this folder stays a local library.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadFailureCode, UploadSummary } from '../../../shared/contract/libraryUpload';
import { call } from '../api';
import { errorText } from '../errorText';
import { ApiError } from '../../../shared/contract/apiError';
import { ModalDialog } from '../dialogs/ModalDialog';
import { JobProgressBar } from '../exchange/JobProgressBar';
import { useJob } from '../exchange/useJob';
import { serverHost } from './ConnectionBadge';
import '../styles/newsroom.css';

type Stage = 'account' | 'confirm' | 'running' | 'done';

/** `stories`: how many the library has (the confirm says it). */
export function UploadLibraryDialog(props: { stories: number; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const job = useJob();
  const [stage, setStage] = useState<Stage>('account');
  const [server, setServer] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [summary, setSummary] = useState<UploadSummary | null>(null);

  const upload = async () => {
    setStage('running');
    setError(null);
    try {
      setSummary(await job.run(props.stories, (jobId) => call('uploadLibraryToNewsroom', { jobId, server: server.trim(), login: login.trim(), password })));
      setStage('done');
    } catch (err) {
      // Back to the account: a wrong password, another server, a non-admin account are fixed there.
      setError(err);
      setPassword('');
      setStage('account');
    }
  };

  return (
    <ModalDialog labelledBy={titleId} testId="upload-library-dialog" onClose={() => stage !== 'running' && props.onClose()}>
      <h2 id={titleId}>{t(stage === 'done' ? 'newsroom.upload.done' : 'newsroom.upload.title')}</h2>
      {stage === 'account' && (
        <form
          className="newsroom-connect"
          onSubmit={(e) => {
            e.preventDefault();
            setStage('confirm');
          }}
        >
          <p className="muted">{t('newsroom.upload.help')}</p>
          <label className="field">
            <span>{t('newsroom.server')}</span>
            <input data-testid="upload-server" type="url" value={server} placeholder="https://newsroom.example.org" onChange={(e) => setServer(e.target.value)} required autoFocus />
          </label>
          <label className="field">
            <span>{t('newsroom.login')}</span>
            <input data-testid="upload-login" autoComplete="username" value={login} onChange={(e) => setLogin(e.target.value)} required />
          </label>
          <label className="field">
            <span>{t('newsroom.password')}</span>
            <input data-testid="upload-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </label>
          {error !== null && <p className="banner banner--error" role="alert" data-testid="upload-error">{errorText(t, error)}</p>}
          <div className="dialog__buttons">
            <button type="button" data-testid="upload-cancel" onClick={props.onClose}>{t('library.cancel')}</button>
            <button type="submit" className="primary" data-testid="upload-next" disabled={!server.trim() || !login.trim() || !password}>{t('newsroom.upload.next')}</button>
          </div>
        </form>
      )}
      {stage === 'confirm' && (
        <>
          <p data-testid="upload-confirm">{t('newsroom.upload.confirm', { stories: props.stories, server: serverHost(server.trim()), login: login.trim() })}</p>
          <div className="dialog__buttons">
            <button type="button" data-testid="upload-back" onClick={() => setStage('account')}>{t('newsroom.upload.back')}</button>
            <button type="button" className="primary" data-testid="upload-start" onClick={() => void upload()}>{t('newsroom.upload.start')}</button>
          </div>
        </>
      )}
      {stage === 'running' && job.progress && <JobProgressBar progress={job.progress} label={t('newsroom.upload.running')} onCancel={job.cancel} />}
      {stage === 'done' && summary && (
        <>
          <UploadSummaryText summary={summary} />
          <div className="dialog__buttons">
            <button type="button" className="primary" data-testid="upload-close" onClick={props.onClose}>{t('newsroom.upload.close')}</button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}

function UploadSummaryText({ summary: s }: { summary: UploadSummary }) {
  const { t } = useTranslation();
  return (
    <div data-testid="upload-summary">
      {s.stoppedBy ? (
        <p className="banner banner--error" role="alert" data-testid="upload-stopped">{t('newsroom.upload.stoppedBy', { reason: errorText(t, new ApiError(s.stoppedBy.code, s.stoppedBy.message, s.stoppedBy.params)) })}</p>
      ) : (
        s.cancelled && <p className="banner" role="status" data-testid="upload-stopped">{t('newsroom.upload.stopped')}</p>
      )}
      <p>{t('newsroom.upload.stories', { imported: s.imported, skipped: s.skipped })}</p>
      <p>{t('newsroom.upload.photos', { uploaded: s.photos.uploaded, existed: s.photos.existed })}</p>
      <p>{t('newsroom.upload.people', { matched: s.people.matched, created: s.people.created })}</p>
      {s.failed.length > 0 && <Failures title={t('newsroom.upload.failedStories', { count: s.failed.length })} failures={s.failed} testId="upload-failed-stories" />}
      {s.photos.failed.length > 0 && <Failures title={t('newsroom.upload.failedPhotos', { count: s.photos.failed.length })} failures={s.photos.failed} testId="upload-failed-photos" />}
    </div>
  );
}

/** Each failure in the person's language, by its code; the server's or core's English detail only as the tooltip (for a report). */
function Failures(props: { title: string; failures: { id: string; label?: string; code: UploadFailureCode; reason: string }[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="banner banner--error upload-failures" data-testid={props.testId}>
      <p>{props.title}</p>
      <ul>
        {props.failures.map((f) => (
          // Named as the person knows it (headline, file name); the id and the detail in the tooltip, for a report.
          <li key={f.id} title={`${f.id}: ${f.reason}`}>
            {t('newsroom.upload.failure', { id: f.label || f.id, reason: t(`newsroom.upload.why.${f.code}`) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

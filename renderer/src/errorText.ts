// Turns any failure into a translated sentence that says what to do next.
import type { TFunction } from 'i18next';
import { ApiError } from '../../shared/contract/apiError';
import { UnsavedEditsError } from './article/unsavedEditsError';
import { isArticleFileName } from './exchange/importAccept';

/** A failure of an action on one story: the sentence names the story. */
export class StoryError extends Error {
  constructor(
    readonly headline: string,
    override readonly cause: unknown,
  ) {
    super(`${headline}: ${String(cause)}`);
    this.name = 'StoryError';
  }
}

export function errorText(t: TFunction, err: unknown): string {
  if (err instanceof StoryError) return t('errors.aboutStory', { headline: err.headline || t('library.untitled'), reason: errorText(t, err.cause) });
  // A step or a restore asked for while this window holds edits: what to do depends on why they are unsaved.
  if (err instanceof UnsavedEditsError) return t(err.status === 'failed' || err.status === 'dirty' || err.status === 'saving' ? 'workflow.unsavedFirst' : 'workflow.unsavedStranded');
  if (err instanceof ApiError) {
    if (err.params.reason === 'hostUnreachable') return t('errors.hostUnreachable');
    // Photo refusals name the file and say why; the reason picks the sentence.
    if ((err.code === 'importFailed' || err.code === 'exportFailed') && typeof err.params.reason === 'string') {
      const text = t(`errors.${err.code === 'importFailed' ? 'import' : 'export'}.${err.params.reason}`, { ...err.params, file: err.params.file ?? '' });
      // A refusal that knows what the file lacks (a ninjs item without an identifier) names it.
      return typeof err.params.lacking === 'string' ? `${text} ${t(`errors.importLacking.${err.params.lacking}`)}` : text;
    }
    if (err.code === 'photoRejected') {
      if (typeof err.params.reason !== 'string') return t('errors.photoRejected');
      const file = typeof err.params.file === 'string' ? err.params.file : '';
      const text = t(`errors.photo.${err.params.reason}`, { ...err.params, file });
      // A reporter who drops a story file on the photos most likely meant to import it.
      return err.params.reason === 'notImage' && isArticleFileName(file) ? `${text} ${t('errors.photoArticleFileHint')}` : text;
    }
    if (err.code === 'forbidden' && typeof err.params.reason === 'string') return t(`errors.forbiddenReason.${err.params.reason}`);
    if (err.code === 'tooLarge' && err.params.limitMB !== undefined) return t('errors.tooLargeLimit', { limitMB: err.params.limitMB });
    if (err.code === 'notFound' && err.params.version !== undefined) return t('errors.versionMissing', { version: err.params.version });
    // A step taken offline waits in the outbox: that is not a failure, and says what happens next.
    if (err.code === 'offline' && typeof err.params.queued === 'string') return t('outbox.queued', { action: t(`workflow.action.${String(err.params.action)}`) });
    // An export is allowed and recorded by the server: offline, none is made.
    if (err.code === 'offline' && err.params.during === 'export') return t('errors.offlineExport', { server: err.params.server ?? '' });
    // The newsroom's sentences name the server and the wait.
    if (err.code === 'offline' || err.code === 'tooManyAttempts') return t(`errors.${err.code}`, { server: err.params.server ?? '', retryAfterSeconds: err.params.retryAfterSeconds ?? '' });
    if (err.code === 'invalidInput' && err.params.field === 'server') return t('errors.serverAddress');
    return t(`errors.${err.code}`);
  }
  return t('errors.internal');
}

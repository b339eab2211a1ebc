// The article session's backend on this machine: the contract, as the person at the keyboard.
// (The newsroom server will provide another ArticleBackend; the session does not change.)
import { call } from '../api';
import type { ArticleBackend } from './ArticleSession';

export function contractBackend(actor: string): ArticleBackend {
  return {
    load: (id) => call('getArticle', { id }),
    create: (language) => call('createArticle', { actor, language }),
    save: (id, baseRevision, content) => call('saveArticle', { id, actor, baseRevision, content }),
    transition: (id, step) => call('transitionArticle', { id, actor, ...step }),
    restoreVersion: (id, seq, baseRevision) => call('restoreVersion', { id, actor, seq, baseRevision }),
    discardUntouched: (id) => call('discardUntouched', { id, actor }),
  };
}

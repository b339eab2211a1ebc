// Export and import for a folder bound to a newsroom: stories and photos come from the server and
// new ones go there; the server decides each export (embargo, who may) and audits it with the
// signed-in person, and this machine writes the files. See core/exchange/storySource.ts.
import { ApiError } from '../../shared/contract/errors';
import type { Article } from '../../shared/model/article';
import type { Settings } from '../../shared/model/settings';
import type { StorySource } from '../exchange/storySource';
import type { Newsroom } from './Newsroom';

export function newsroomStories(newsroom: Newsroom, settings: () => Settings): StorySource {
  // The version number the server gave with each copy it let out, for the exporters that print it.
  const versions = new Map<string, number | null>();
  const key = (a: Pick<Article, 'id' | 'revision'>) => `${a.id}@${a.revision}`;
  return {
    settings,
    headlineOf: () => '',
    // The server applies the embargo gate itself, from the formats (the PDF proof is internal).
    forExport: async (id, _actorId, req, formats) => {
      const { article, version } = await newsroom.exportStory(id, { override: req.override, note: req.note, formats }).catch((err: unknown) => {
        throw exportNeedsServer(err);
      });
      versions.set(key(article), version);
      return article;
    },
    versionHolding: async (article) => {
      const given = versions.get(key(article));
      if (given !== undefined) {
        versions.delete(key(article));
        return given;
      }
      const { versions: history } = await newsroom.call('getHistory', { id: article.id });
      return history.find((v) => v.revision === article.revision)?.seq ?? null;
    },
    photoInfos: (ids) => (ids.length ? newsroom.call('getPhotos', { ids: [...new Set(ids)] }) : Promise.resolve([])),
    photoFile: (id, variant) => newsroom.photoFile(id, variant),
    importPhoto: (name, bytes) => newsroom.importPhoto(name, bytes),
    // Photos on the server are shared by hash; one an import brought in stays for the next.
    removePhoto: async () => undefined,
    createImported: async (_actorId, content): Promise<Article> => {
      const created = await newsroom.call('createArticle', { language: content.language });
      await newsroom.call('saveArticle', { id: created.id, baseRevision: created.revision, content });
      return newsroom.call('getArticle', { id: created.id });
    },
  };
}

/**
 * The server allows and records every export, so none is made offline: the failure says so (the
 * window's sentence for it), rather than the general one that asks to check the text typed.
 */
export function exportNeedsServer(err: unknown): unknown {
  return err instanceof ApiError && err.code === 'offline' ? new ApiError('offline', `export needs the newsroom server: ${err.message}`, { ...err.params, during: 'export' }) : err;
}

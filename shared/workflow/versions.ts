// Which version a change is kept as. A plain save by the same person in the same state as the
// newest version, within a minute of that version starting, replaces it (typing does not fill the
// history with a version per autosave); every other change adds one. The desktop's history files
// and the server's versions table keep versions by this one rule.
import type { Article } from '../model/article';
import type { VersionKind, VersionMeta } from '../model/history';

/** Saves by the same person in the same state within this window share one version. */
export const COALESCE_MS = 60_000;

export function nextVersion(last: VersionMeta | null, article: Pick<Article, 'revision' | 'status'>, kind: VersionKind, actor: { id: string; name: string }, now: Date): VersionMeta {
  const at = now.toISOString();
  const coalesce =
    kind === 'save' && last !== null && last.kind === 'save' && last.actorId === actor.id && last.state === article.status && now.getTime() - Date.parse(last.startedAt) < COALESCE_MS;
  return {
    seq: coalesce ? last.seq : (last?.seq ?? 0) + 1,
    revision: article.revision,
    kind,
    state: article.status,
    actorId: actor.id,
    actorName: actor.name,
    startedAt: coalesce ? last.startedAt : at,
    at,
  };
}

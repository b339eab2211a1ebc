// Who may open a story's live document and type in it: the shared rules, nothing of its own. Seeing
// it follows the list's visibility rule (visibleTo); typing follows the edit rule for the person's
// role and the story's state (assertCanEdit: trashed or a state that needs an action first is read-only).
import type { Article } from '../../shared/model/article';
import type { Person } from '../../shared/model/person';
import type { Settings } from '../../shared/model/settings';
import { assertCanEdit } from '../../shared/workflow/decide';
import { summarise } from '../../core/articleSummary';
import type { Queryable } from '../db/Database';
import { readArticle } from '../articles/articleRows';
import { visibleTo } from '../articles/ArticleService';
import { readSettings } from '../settings/settingsTable';

export type LiveAccess = { visible: false } | { visible: true; readOnly: boolean; trashed: boolean };

export function accessOf(article: Article, settings: Settings, person: Person): LiveAccess {
  if (!visibleTo(settings, person, summarise(article))) return { visible: false };
  let readOnly = false;
  try {
    assertCanEdit(article, person, settings);
  } catch {
    readOnly = true;
  }
  return { visible: true, readOnly, trashed: article.trashedAt !== null };
}

/** The story and the settings as they are now; null when the story is gone. */
export async function accessFacts(db: Queryable, articleId: string): Promise<{ article: Article; settings: Settings } | null> {
  const article = await readArticle(db, articleId).catch(() => null);
  return article ? { article, settings: await readSettings(db) } : null;
}

export async function liveAccess(db: Queryable, person: Person, articleId: string): Promise<LiveAccess> {
  const facts = await accessFacts(db, articleId);
  return facts ? accessOf(facts.article, facts.settings, person) : { visible: false };
}

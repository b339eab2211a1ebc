// The contract methods the newsroom server answers, on PostgreSQL, for the signed-in person. The
// same contract (shared/contract/api.ts) as the desktop core's, so the app's core can forward its
// renderer's calls unchanged; the methods that only make sense on one machine (files, folders,
// local backups, jobs) are not served here.
import type { Handlers } from '../../shared/contract/dispatch';
import { NEWSROOM_METHODS } from '../../shared/contract/newsroomMethods';
import type { Person } from '../../shared/model/person';
import type { Database } from '../db/Database';
import { visibleTo, type ArticleService } from '../articles/ArticleService';
import { changeSettings, updateSettings } from '../settings/settingsTable';
import { proveRuleSet } from '../../core/style/proveRuleSet';
import { withImportedSet } from '../../shared/model/houseStyle';
import { searchArticles, searchIds } from '../search/searchArticles';
import { searchFacets } from '../search/searchFacets';
import { listVisibility } from '../search/listVisibility';
import { embargoedAmong } from '../articles/articleRows';
import { photoInfos } from '../photos/photoTables';
import { maySee } from '../../shared/workflow/visibility';
import type { AccountService } from '../accounts/AccountService';
import { LateRevisionService } from '../lateRevisions/LateRevisionService';

/** The methods served: the list the desktop core forwards, kept in one place. */
export const SERVED_METHODS = NEWSROOM_METHODS;
export type ServedMethod = (typeof SERVED_METHODS)[number];

/** Handlers that act for `person` (the session's), whatever the parsed input names. */
export type ServerHandlers = { [M in ServedMethod]: (input: Parameters<Handlers[M]>[0], person: Person) => ReturnType<Handlers[M]> };

/** The live documents, as a step needs them (server/collab/CollabServer.ts). */
export interface LiveSteps {
  awaitState(id: string, stateVector: string): Promise<void>;
}

export function serverHandlers(db: Database, articles: ArticleService, accounts: AccountService, now: () => Date, live?: LiveSteps): ServerHandlers {
  const late = new LateRevisionService(db, articles, now);
  return {
    getSettings: () => articles.settings(),
    updateSettings: ({ actor: _actor, ...patch }) => db.transaction((tx) => updateSettings(tx, patch, now())),
    // Proven here whatever the app proved (a worker: the event loop serves everyone meanwhile), then kept in one short transaction.
    importHouseStyle: async ({ name, text }) => {
      const proof = await proveRuleSet(text);
      if (!proof.ok) return { ok: false, problems: proof.problems };
      const { set } = proof;
      const settings = await db.transaction((tx) => changeSettings(tx, (current) => ({ ...current, houseStyle: withImportedSet(current.houseStyle, set, name, now()) }), now()));
      return { ok: true, language: set.language, rules: set.rules.length, settings };
    },
    listPeople: async () => (await accounts.listPeople()).map(({ login: _login, ...person }) => person),
    listArticles: async ({ scope }, person) => {
      const settings = await articles.settings();
      return (await articles.list(scope)).filter((s) => visibleTo(settings, person, s));
    },
    queryArticles: async ({ actor: _actor, offset, limit, ...query }, person) => {
      const settings = await articles.settings();
      return searchArticles(db, query, person, offset, limit, { visibility: listVisibility(settings.workflow.permissions, person) });
    },
    queryArticleIds: async ({ actor: _actor, max, ...query }, person) => {
      const settings = await articles.settings();
      const { ids, total } = await searchIds(db, query, person, 0, max, { visibility: listVisibility(settings.workflow.permissions, person) });
      return { ids, total };
    },
    libraryFacets: async ({ scope }, person) => {
      const settings = await articles.settings();
      return searchFacets(db, scope, listVisibility(settings.workflow.permissions, person));
    },
    // The server's clock decides; a draft this person may not see is as if it were not there.
    embargoedArticles: async ({ ids }, person) => {
      const { permissions } = (await articles.settings()).workflow;
      const held = await embargoedAmong(db, ids, now());
      const shown = (id: string) => {
        const facts = held.get(id);
        return facts !== undefined && maySee(permissions, person, facts);
      };
      return { ids: ids.filter(shown) };
    },
    createArticle: ({ language }, person) => articles.create(person, language),
    getArticle: ({ id }) => articles.get(id),
    saveArticle: ({ id, baseRevision, content }, person) => articles.save(person, id, baseRevision, content),
    duplicateArticle: ({ id }, person) => articles.duplicate(person, id),
    discardUntouched: async ({ id }, person) => ({ discarded: await articles.discardUntouched(person, id) }),
    trashArticle: ({ id }, person) => articles.setTrashed(person, id, true),
    restoreArticle: ({ id }, person) => articles.setTrashed(person, id, false),
    transitionArticle: async ({ id, action, note, override, liveState }, person) => {
      if (liveState && live) await live.awaitState(id, liveState);
      return articles.transition(person, id, { action, note, override });
    },
    getHistory: ({ id }) => articles.history(id),
    getVersion: ({ id, seq }) => articles.version(id, seq),
    restoreVersion: ({ id, seq, baseRevision }, person) => articles.restoreVersion(person, id, seq, baseRevision),
    submitLateRevision: ({ id, key, typedAt, body, fields }, person) => late.submit(person, id, { key, typedAt, body, fields }),
    listLateRevisions: ({ id }, person) => late.list(person, id),
    decideLateRevision: ({ id, revision, decision }, person) => late.decide(person, id, revision, decision),
    emptyTrash: async (_input, person) => ({ removed: await articles.emptyTrash(person) }),
    getPhotos: ({ ids }) => photoInfos(db, ids),
  };
}

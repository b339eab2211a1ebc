// What each change to an article makes of it, as pure functions: a new draft, a save, a workflow
// step, a version put back, a trip to the trash. The desktop library (files) and the newsroom
// server (PostgreSQL) both call these, so a story changes the same way wherever it is kept; the
// stores only read the current copy, call the step and write what it returns.
import equal from 'fast-deep-equal';
import { ApiError } from '../contract/errors';
import { ARTICLE_SCHEMA_VERSION, contentOf, emptyContent, type Article, type ArticleContent, type Language } from '../model/article';
import type { AuditAction, AuditEntry } from '../model/history';
import type { Person } from '../model/person';
import type { Settings } from '../model/settings';
import { normaliseBody } from '../body/normaliseBody';
import { assertCanEdit, decideTransition, type TransitionRequest } from './decide';
import { refuseTrashMove } from './trash';

type StepSettings = Pick<Settings, 'workflow' | 'houseStyle' | 'outlet' | 'defaultTemplateIds' | 'defaultArticleLanguage'>;

/** A change and the audit entry that records it. */
export interface Stepped {
  article: Article;
  audit: AuditEntry;
}

export function auditEntry(person: Pick<Person, 'id' | 'name'>, action: AuditAction, from: Article['status'], to: Article['status'], at: Date, extra: Partial<AuditEntry> = {}): AuditEntry {
  return { at: at.toISOString(), actorId: person.id, actorName: person.name, action, from, to, note: '', overridden: [], ...extra };
}

/**
 * A new story starts with the house's outlet and template; a reporter's also carries their own
 * byline (name, title, desk, and the e-mail for the sign-off).
 */
export function freshContent(language: Language, person: Person, settings: StepSettings): ArticleContent {
  const empty = emptyContent(language);
  const byline = { ...empty.byline, outlet: settings.outlet };
  const content = person.role !== 'reporter' ? { ...empty, byline } : { ...empty, byline: { ...byline, desk: person.desk, reporters: [{ name: person.bylineName || person.name, role: person.bylineRole, email: person.email }] } };
  return withHouseTemplate(content, settings);
}

/** A byline without a template takes the house's default for the article's language. */
export function withHouseTemplate(content: ArticleContent, settings: StepSettings): ArticleContent {
  const templateId = content.byline.templateId || settings.defaultTemplateIds[content.language];
  return { ...content, byline: { ...content.byline, templateId } };
}

/** A new draft owned by `person`: fresh, or holding given content (a duplicate, an import). */
export function newArticle(id: string, person: Person, settings: StepSettings, now: Date, from: { language?: Language; content?: ArticleContent; corrections?: Article['corrections'] } = {}): Article {
  const language = from.content?.language ?? from.language ?? settings.defaultArticleLanguage;
  const at = now.toISOString();
  return {
    ...(from.content ? withHouseTemplate(from.content, settings) : freshContent(language, person, settings)),
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id,
    revision: 0,
    createdAt: at,
    updatedAt: at,
    status: 'draft',
    trashedAt: null,
    ownerId: person.id,
    corrections: from.corrections ?? [],
    lastTransition: null,
  };
}

/**
 * Still exactly what `newArticle` gave this person: never saved, and the content fresh (a byline
 * pre-filled from the person counts as untouched). The store also checks its audit log is empty.
 */
export function isUntouched(article: Article, person: Person, settings: StepSettings): boolean {
  if (article.revision !== 0) return false;
  const fresh = freshContent(article.language, person, settings);
  return equal(contentOf(article), { ...fresh, body: normaliseBody(fresh.body).body });
}

export function assertRevision(id: string, current: number, base: number): void {
  if (current !== base) throw new ApiError('conflict', `article ${id} is at revision ${current}, not ${base}`, { id, revision: current });
}

/**
 * New content over revision `baseRevision`: refused if the copy moved on or this person may not
 * edit it now; null when it changes nothing (typing undone, a second Ctrl+S), which writes nothing.
 * A save that sets, moves or lifts the embargo is recorded as an audited step of its own.
 */
export function savedArticle(current: Article, baseRevision: number, content: ArticleContent, person: Person, settings: StepSettings, now: Date): { article: Article; audit: AuditEntry | null } | null {
  assertRevision(current.id, current.revision, baseRevision);
  assertCanEdit(current, person, settings);
  if (equal(contentOf({ ...current, ...content, body: normaliseBody(content.body).body }), contentOf(current))) return null;
  const article = { ...current, ...content, revision: current.revision + 1, updatedAt: now.toISOString() };
  const embargoMoved = (article.embargo ?? null) !== (current.embargo ?? null);
  return { article, audit: embargoMoved ? auditEntry(person, 'embargo', current.status, current.status, now, { embargo: article.embargo ?? null }) : null };
}

/** A workflow step: role, state, note, checklist and embargo decided (decide.ts), then recorded on the article. */
export function steppedArticle(current: Article, person: Person, req: TransitionRequest, settings: StepSettings, now: Date): Stepped {
  const decision = decideTransition(current, person, req, settings, now);
  const note = req.note.trim();
  const at = now.toISOString();
  const article: Article = {
    ...current,
    status: decision.to,
    corrections: req.action === 'correct' ? [...current.corrections, { at, by: person.name, note }] : current.corrections,
    lastTransition: { action: req.action, actorId: person.id, actorName: person.name, at, note },
  };
  return { article, audit: auditEntry(person, req.action, current.status, decision.to, now, { note, overridden: decision.overridden }) };
}

/** An old version's copy put back as a new revision; the versions in between stay in the history. */
export function restoredVersion(current: Article, old: Article, seq: number, baseRevision: number, person: Person, settings: StepSettings, now: Date): Stepped {
  assertRevision(current.id, current.revision, baseRevision);
  assertCanEdit(current, person, settings);
  const article = { ...current, ...contentOf(old), revision: current.revision + 1, updatedAt: now.toISOString() };
  return { article, audit: auditEntry(person, 'restoreVersion', current.status, current.status, now, { version: seq }) };
}

/**
 * Into the trash or back out (trash.ts decides who). Not an edit: the revision stays, so an open
 * editor's next save still fits.
 */
export function trashMove(current: Article, into: boolean, person: Person, settings: StepSettings, now: Date): Stepped {
  const refusal = refuseTrashMove(settings.workflow.permissions, person, { id: current.id, status: current.status, ownerId: current.ownerId, trashed: current.trashedAt !== null }, into);
  if (refusal) throw refusal;
  const article = { ...current, trashedAt: into ? now.toISOString() : null };
  return { article, audit: auditEntry(person, into ? 'trash' : 'untrash', current.status, current.status, now) };
}

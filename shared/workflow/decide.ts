// The core's decisions, as pure functions so every rule is tested without a disk: may this person
// take this action on this article now, may they change its copy, and what does the step record.
import { ApiError } from '../contract/errors';
import { contentOf, type Article } from '../model/article';
import type { Person } from '../model/person';
import type { Settings } from '../model/settings';
import { isEmbargoed, missingForApproval } from './checklist';
import { canEdit, may, NOTE_REQUIRED, TRANSITIONS, type WorkflowAction } from './transitions';
import { inTheTrash } from './trash';

export interface TransitionRequest {
  action: WorkflowAction;
  note: string;
  /** The person asks to let through what the checklist or an embargo would stop. */
  override: boolean;
}

export interface TransitionDecision {
  to: Article['status'];
  /** Checklist items or `embargo` that the override let through (recorded in the audit log). */
  overridden: string[];
}

export function decideTransition(article: Article, person: Person, req: TransitionRequest, settings: Pick<Settings, 'workflow' | 'houseStyle'>, now: Date): TransitionDecision {
  const { permissions } = settings.workflow;
  const rule = TRANSITIONS[req.action];
  if (!may(permissions, person.role, req.action)) {
    throw new ApiError('forbidden', `${person.role} may not ${req.action}`, { reason: 'role', action: req.action, role: person.role });
  }
  if (article.trashedAt !== null || !rule.from.includes(article.status)) {
    throw new ApiError('forbidden', `cannot ${req.action} an article that is ${article.status}`, { reason: 'state', action: req.action, state: article.status });
  }
  if (NOTE_REQUIRED.has(req.action) && req.note.trim() === '') {
    throw new ApiError('noteRequired', `${req.action} needs a note`, { action: req.action });
  }
  let overridden: string[] = [];
  if (req.action === 'approve') {
    const missing = missingForApproval(contentOf(article), settings);
    overridden = letThrough(missing, person, settings, req, () => new ApiError('checklistFailed', `missing: ${missing.join(', ')}`, { missing: missing.join(',') }));
  }
  if (req.action === 'publish') overridden = assertReleasable(article, person, settings, now, req);
  return { to: rule.to, overridden };
}

/**
 * What blocks a step goes through only on an override, asked for by someone the table allows to
 * override, with a reason. Returns what was let through (to be recorded), or throws `refusal`.
 */
function letThrough(blocked: string[], person: Person, settings: Pick<Settings, 'workflow'>, req: Pick<TransitionRequest, 'override' | 'note'>, refusal: () => ApiError): string[] {
  if (blocked.length === 0) return [];
  if (!req.override) throw refusal();
  if (!may(settings.workflow.permissions, person.role, 'override')) {
    throw new ApiError('forbidden', `${person.role} may not override`, { reason: 'role', action: 'override', role: person.role });
  }
  if (req.note.trim() === '') throw new ApiError('noteRequired', 'an override needs a reason', { action: 'override' });
  return blocked;
}

/** May this person change the copy now? Throws the refusal the UI shows as a read-only banner. */
export function assertCanEdit(article: Article, person: Person, settings: Pick<Settings, 'workflow'>): void {
  // Trash is read-only: an article comes out of it (by someone allowed to) before anyone changes it.
  if (article.trashedAt !== null) throw inTheTrash(article);
  if (!canEdit(settings.workflow.permissions, person.role, article.status)) {
    throw new ApiError('forbidden', `${person.role} cannot edit an article that is ${article.status}`, { reason: 'readOnly', state: article.status, role: person.role });
  }
}

/**
 * Publication and export for publication: refused while an embargo holds, unless someone allowed
 * to override asks to, with a reason. Returns `['embargo']` when the override was used, for the
 * record. Issue 5's exports call this before writing anything out.
 */
export function assertReleasable(article: Article, person: Person, settings: Pick<Settings, 'workflow'>, now: Date, req: Pick<TransitionRequest, 'override' | 'note'>): string[] {
  const blocked = isEmbargoed(article, now) ? ['embargo'] : [];
  return letThrough(blocked, person, settings, req, () => new ApiError('embargoed', `embargoed until ${article.embargo}`, { until: article.embargo ?? '' }));
}

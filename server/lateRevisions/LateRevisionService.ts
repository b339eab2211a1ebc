// Late revisions on the newsroom (issue 17 item 4): a reporter's machine hands in words typed into
// a story that had meanwhile become read-only for them; they are kept beside the story, never
// merged, until the desk takes one (as the desk's own edit, through ArticleService) or drops it
// (kept, marked dropped). The access gate has decided each request (read the story to hand in or
// list, edit it to decide); the person is always the session's.
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../shared/contract/errors';
import type { LateDecision, LateRevision } from '../../shared/contract/lateRevision';
import type { Article, Body } from '../../shared/model/article';
import type { Person } from '../../shared/model/person';
import type { Settings } from '../../shared/model/settings';
import { normaliseBody } from '../../shared/body/normaliseBody';
import { assertCanEdit } from '../../shared/workflow/decide';
import { auditEntry } from '../../shared/workflow/steps';
import { canEdit } from '../../shared/workflow/transitions';
import type { Database } from '../db/Database';
import type { ArticleService } from '../articles/ArticleService';
import { insertAudit } from '../articles/historyRows';
import { decideRow, insertLateRevision, lateRevisionsOf, readLateRevision } from './lateRevisionRows';

export interface LateSubmission {
  key: string;
  typedAt: string;
  body: Body;
  fields: LateRevision['fields'];
}

/** The desk for this story: whoever may edit it in its state now, and editors and admins always. */
export function isDeskFor(settings: Settings, person: Person, story: Pick<Article, 'status'>): boolean {
  return person.role === 'editor' || person.role === 'admin' || canEdit(settings.workflow.permissions, person.role, story.status);
}

export class LateRevisionService {
  constructor(
    private readonly db: Database,
    private readonly articles: ArticleService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Keeps it beside the story; the same key from the same person again gives the one kept before. */
  async submit(person: Person, articleId: string, s: LateSubmission): Promise<LateRevision> {
    const kept = await this.articles.beside(articleId, (tx) =>
      insertLateRevision(tx, {
        id: randomUUID(),
        articleId,
        personId: person.id,
        key: s.key,
        typedAt: s.typedAt,
        receivedAt: this.now().toISOString(),
        // Fitted to the schema as every body the server keeps (depth-bounded), so taking it writes a sound body.
        body: normaliseBody(s.body).body,
        fields: s.fields,
      }),
    );
    // A machine's key names one late revision: used again for another story is a mistake, never a merge.
    if (kept.articleId !== articleId) throw new ApiError('conflict', `late revision key ${s.key} was handed in for another story`, { id: articleId, key: s.key });
    return (await readLateRevision(this.db, kept.id))!;
  }

  /** The desk sees all of the story's late revisions, anyone else only their own; newest first. */
  async list(person: Person, articleId: string): Promise<LateRevision[]> {
    const story = await this.articles.get(articleId);
    const settings = await this.articles.settings();
    return lateRevisionsOf(this.db, articleId, isDeskFor(settings, person, story) ? null : person.id);
  }

  /** Takes it (the story's copy becomes it, as this person's edit) or drops it; either once. */
  async decide(person: Person, articleId: string, revisionId: string, decision: LateDecision): Promise<LateRevision> {
    const at = () => this.now().toISOString();
    if (decision === 'take') {
      await this.articles.takeLateRevision(person, articleId, async (tx) => {
        const taken = await decideRow(tx, articleId, revisionId, 'taken', person.id, at());
        return { revision: taken.id, copy: { ...taken.fields, body: taken.body } };
      });
    } else {
      await this.articles.beside(articleId, async (tx, current, settings) => {
        // As for a take: only whoever may edit the story now, checked on the locked row.
        assertCanEdit(current, person, settings);
        await decideRow(tx, articleId, revisionId, 'dropped', person.id, at());
        await insertAudit(tx, articleId, auditEntry(person, 'lateDropped', current.status, current.status, this.now(), { lateRevision: revisionId }));
      });
    }
    return (await readLateRevision(this.db, revisionId))!;
  }
}

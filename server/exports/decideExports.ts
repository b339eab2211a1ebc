// The server's side of an export from a connected app: the app writes the files on its own
// machine, the server decides which articles may leave and records that they did. The rules are
// the desktop's (core/Library.ts forExport, core/exchange/ExchangeService.ts): an article must be
// there for this person and not in the trash, and unless only the internal PDF proof is asked for,
// an embargo holds it back unless someone allowed to override asks to, with a reason. Every
// article let through gets its `export` audit entry with the signed-in person, all in one
// transaction; one refused article does not stop the others.
import type { ExportDecision, ExportRequest } from '../../shared/contract/newsroomExports';
import { ApiError, toApiError } from '../../shared/contract/errors';
import type { Person } from '../../shared/model/person';
import { assertReleasable } from '../../shared/workflow/decide';
import { auditEntry } from '../../shared/workflow/steps';
import { maySee } from '../../shared/workflow/visibility';
import type { Database } from '../db/Database';
import { readArticles } from '../articles/articleRows';
import { insertAudits, versionsHolding } from '../articles/historyRows';
import type { AuditEntry } from '../../shared/model/history';
import { readSettings } from '../settings/settingsTable';

const refused = (id: string, headline: string, error: ApiError): ExportDecision => ({ id, headline, article: null, version: null, error: error.toJSON() });

export async function decideExports(db: Database, person: Person, req: ExportRequest, now: Date): Promise<ExportDecision[]> {
  // The PDF proof is internal: only when a publishing format is asked for does the embargo hold.
  const gate = req.formats.some((f) => f !== 'pdf');
  return db.transaction(async (tx) => {
    const settings = await readSettings(tx);
    // Held against changes while deciding: an embargo set meanwhile waits for this decision, not past it.
    const found = await readArticles(tx, req.ids, true);
    const decided: ExportDecision[] = [];
    const audits: { articleId: string; entry: AuditEntry }[] = [];
    for (const id of req.ids) {
      const article = found.get(id);
      // A draft this person may not see answers as one that does not exist (shared/workflow/access.ts).
      if (!article || !maySee(settings.workflow.permissions, person, { status: article.status, ownerId: article.ownerId, bylineNames: article.byline.reporters.map((r) => r.name) })) {
        decided.push(refused(id, '', new ApiError('notFound', `article ${id} not found`, { id })));
        continue;
      }
      let overridden: string[];
      try {
        if (article.trashedAt !== null) throw new ApiError('notFound', `article ${id} is in the trash`, { id });
        overridden = gate ? assertReleasable(article, person, settings, now, req) : [];
      } catch (err) {
        decided.push(refused(id, article.headline, toApiError(err)));
        continue;
      }
      const note = overridden.length ? req.note.trim() : '';
      audits.push({ articleId: id, entry: auditEntry(person, 'export', article.status, article.status, now, { note, overridden, formats: req.formats }) });
      decided.push({ id, headline: article.headline, article, version: null, error: null });
    }
    await insertAudits(tx, audits);
    const versions = await versionsHolding(tx, decided.flatMap((d) => (d.article ? [d.article] : [])));
    return decided.map((d) => (d.article ? { ...d, version: versions.get(d.id) ?? null } : d));
  });
}

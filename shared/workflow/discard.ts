// Which new draft its creator may discard on leaving it: never saved (revision 0), still a draft
// out of the trash, and theirs. The library then checks the content is exactly what creating it
// gave (core/Library.ts: discardUntouched); anything else is kept.
import type { ArticleSummary } from '../model/article';

export function mayDiscardUntouched(summary: Pick<ArticleSummary, 'revision' | 'status' | 'trashedAt' | 'ownerId'>, personId: string): boolean {
  return summary.revision === 0 && summary.status === 'draft' && summary.trashedAt === null && summary.ownerId === personId;
}

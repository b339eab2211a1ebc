// Which two versions the history opens on: the newest neighbouring pair that differs in anything
// the comparison shows. A step or a save that changed nothing visible makes a version identical to
// the one before it; opening on that pair would say "the same" and hide the real change.
import type { ArticleContent } from '../../../shared/model/article';
import { diffArticles } from '../../../shared/workflow/diff';

export type LastChange =
  /** `from` → `to` is the newest pair that differs; `sameUpTo` is the newest version, when it is later than `to` (all the same as `to`). */
  | { kind: 'change'; from: number; to: number; sameUpTo: number | null }
  /** Every version holds the same content (or there is only one). */
  | { kind: 'none'; oldest: number; newest: number };

/**
 * Walks the versions newest first, loading each one only when it is needed (usually two or three),
 * and stops at the first neighbouring pair that differs. `seqs` are newest first, as the core lists them.
 */
export async function findLastChange(seqs: readonly number[], load: (seq: number) => Promise<ArticleContent>): Promise<LastChange | null> {
  if (seqs.length === 0) return null;
  let newer = await load(seqs[0]);
  for (let i = 1; i < seqs.length; i++) {
    const older = await load(seqs[i]);
    if (!diffArticles(older, newer).same) return { kind: 'change', from: seqs[i], to: seqs[i - 1], sameUpTo: i - 1 > 0 ? seqs[0] : null };
    newer = older;
  }
  return { kind: 'none', oldest: seqs[seqs.length - 1], newest: seqs[0] };
}

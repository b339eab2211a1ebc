// A bound library's list, with what this machine holds of each story (issue 17, item 6): each row
// says whether words typed here still wait for the server and when it last held all of them, and
// a row with waiting words shows the headline and kicker as typed here (the server's row does not
// have them yet: offline, a story retitled before the cut would otherwise list under its old title).
import type { QueryResult, ResultRow } from '../../shared/search/query';
import type { LiveStories } from './live/LiveStories';

/** What the list needs of the live stories. */
export type ReplicaCopies = Pick<LiveStories, 'syncOf' | 'copyOf'>;

async function rowWithReplica(row: ResultRow, live: ReplicaCopies): Promise<ResultRow> {
  const replica = await live.syncOf(row.summary.id);
  if (!replica) return row;
  if (!replica.unsent) return { ...row, replica };
  const fields = (await live.copyOf(row.summary.id))?.fields ?? {};
  const headline = fields.headline ?? row.summary.headline;
  const kicker = fields.kicker ?? row.summary.kicker;
  return {
    ...row,
    replica,
    summary: { ...row.summary, headline, kicker },
    // Where a search matched the server's headline, not necessarily this one.
    headlineMarks: headline === row.summary.headline ? row.headlineMarks : [],
  };
}

export async function listWithReplicas(result: QueryResult, live: ReplicaCopies): Promise<QueryResult> {
  return { ...result, rows: await Promise.all(result.rows.map((row) => rowWithReplica(row, live))) };
}

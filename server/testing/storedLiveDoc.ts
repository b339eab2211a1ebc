// What a fresh instance would load for a story: its open epoch's stored updates, read straight
// from PostgreSQL (not through any server), applied to one document. For the fault tests' and
// the cluster bench's end checks.
import pg from 'pg';
import * as Y from 'yjs';

export async function storedLiveDoc(databaseUrl: string, articleId: string): Promise<Y.Doc> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ update: Buffer }>('SELECT u.update FROM collab_updates u JOIN collab_epochs e USING (article_id, epoch) WHERE u.article_id = $1 AND NOT e.closed ORDER BY u.seq', [articleId]);
    const doc = new Y.Doc();
    for (const r of rows) Y.applyUpdate(doc, new Uint8Array(r.update));
    return doc;
  } finally {
    await client.end();
  }
}

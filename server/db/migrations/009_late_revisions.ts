// Late revisions (issue 17, shared/contract/lateRevision.ts): words a reporter typed into a story
// that had meanwhile become read-only for them, handed in by their machine and kept beside the
// story until the desk takes or drops them. A decided one stays (dropped is never deleted); the
// machine's own key makes handing one in twice keep one row.
export const sql = `
CREATE TABLE late_revisions (
  id text PRIMARY KEY,
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  person_id text NOT NULL,
  client_key text NOT NULL,
  typed_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  body jsonb NOT NULL,
  fields jsonb NOT NULL,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'taken', 'dropped')),
  decided_by text,
  decided_at timestamptz,
  UNIQUE (person_id, client_key)
);
CREATE INDEX late_revisions_article ON late_revisions (article_id, received_at DESC);
`;

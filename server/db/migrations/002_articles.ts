// What the server's article service adds to the first schema: the newsroom's settings (one row:
// the house style and the permission table every decision reads), and the acting person's name on
// each version as it was then (history keeps names; people are renamed).
export const sql = `
CREATE TABLE settings (
  id integer PRIMARY KEY CHECK (id = 1),
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE versions ADD COLUMN actor_name text NOT NULL DEFAULT '';
CREATE INDEX articles_trashed ON articles (trashed_at) WHERE trashed_at IS NOT NULL;
`;

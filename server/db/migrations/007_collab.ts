// Live documents (server/collab/): each story's Yjs updates, appended as clients send them (an
// update is acknowledged only once its row is committed), in epochs. An epoch starts from the
// article's JSON and ends at approval, correction or a restored version; the next one starts from
// the copy as it then is. `collab_authors` keeps which person each Yjs client id belongs to, so
// attribution survives compaction (which merges an epoch's rows into one).
export const sql = `
CREATE TABLE collab_epochs (
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  epoch integer NOT NULL,
  closed boolean NOT NULL DEFAULT false,
  started_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  -- The Yjs client id of the server's first update (made from the article's JSON): every replica
  -- of this epoch holds it, so a replica without it belongs to another epoch.
  seed_client bigint,
  PRIMARY KEY (article_id, epoch)
);
CREATE UNIQUE INDEX collab_epochs_open ON collab_epochs (article_id) WHERE NOT closed;

CREATE TABLE collab_updates (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id text NOT NULL,
  epoch integer NOT NULL,
  update bytea NOT NULL,
  person_id text,
  client_ids bigint[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (article_id, epoch) REFERENCES collab_epochs (article_id, epoch) ON DELETE CASCADE
);
CREATE INDEX collab_updates_epoch ON collab_updates (article_id, epoch, seq);

CREATE TABLE collab_authors (
  article_id text NOT NULL,
  epoch integer NOT NULL,
  client_id bigint NOT NULL,
  person_id text NOT NULL,
  first_seen timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (article_id, epoch, client_id),
  FOREIGN KEY (article_id, epoch) REFERENCES collab_epochs (article_id, epoch) ON DELETE CASCADE
);
`;

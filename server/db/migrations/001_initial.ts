// The newsroom's first schema: people and their sessions, the setup code, login failures (for
// throttling), articles with their versions and audit, and photos stored by SHA-256 in chunks.
// Article and person payloads keep the shared/model shapes in jsonb; the columns beside them are
// what the server filters, sorts and joins on.
export const sql = `
CREATE TABLE people (
  id text PRIMARY KEY,
  login text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('reporter', 'editor', 'admin')),
  desk text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  byline_name text NOT NULL DEFAULT '',
  byline_role text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  password_hash text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  person_id text NOT NULL REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  user_agent text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_person ON sessions (person_id);

CREATE TABLE setup_codes (
  code_hash text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE login_failures (
  id bigserial PRIMARY KEY,
  login text NOT NULL,
  address text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_login ON login_failures (login, at);
CREATE INDEX login_failures_address ON login_failures (address, at);

CREATE TABLE articles (
  id text PRIMARY KEY,
  revision integer NOT NULL,
  status text NOT NULL,
  owner_id text REFERENCES people (id),
  language text NOT NULL,
  headline text NOT NULL DEFAULT '',
  embargo timestamptz,
  trashed_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  content jsonb NOT NULL
);
CREATE INDEX articles_status ON articles (status, updated_at DESC);
CREATE INDEX articles_owner ON articles (owner_id);

CREATE TABLE versions (
  article_id text NOT NULL REFERENCES articles (id),
  seq integer NOT NULL,
  revision integer NOT NULL,
  kind text NOT NULL,
  state text NOT NULL,
  person_id text REFERENCES people (id),
  started_at timestamptz NOT NULL,
  at timestamptz NOT NULL,
  content jsonb NOT NULL,
  PRIMARY KEY (article_id, seq)
);

CREATE TABLE audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  person_id text REFERENCES people (id),
  action text NOT NULL,
  article_id text REFERENCES articles (id),
  entry jsonb NOT NULL
);
CREATE INDEX audit_article ON audit (article_id, at);

CREATE TABLE photos (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[a-f0-9]{64}$'),
  size bigint NOT NULL,
  chunk_count integer NOT NULL,
  info jsonb NOT NULL,
  created_by text REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE photo_chunks (
  sha256 text NOT NULL REFERENCES photos (sha256),
  n integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (sha256, n)
);
`;

// The list and its search, shared by every server instance, in three tables:
//   search_articles  one narrow row per article (what counting and ordering read for every hit)
//                    and `terms`: the core tokenizer's terms plus the filter keys (desk, tags,
//                    owner, byline names) as one tsvector with a GIN index, so a search with
//                    filters is one index lookup and visiting 60,000 hits stays cheap;
//   search_rank      the few terms whose best field is not the body (`high`, `low`), read only
//                    for the hits they could move up or down;
//   search_rows      what a shown row needs (summary, headline, text for the snippet).
// server/search/searchTerms.ts says what each holds.
export const sql = `
CREATE TABLE search_articles (
  id text PRIMARY KEY,
  trashed boolean NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  terms tsvector NOT NULL
);
CREATE INDEX search_articles_terms ON search_articles USING gin (terms);
CREATE INDEX search_articles_updated ON search_articles (trashed, updated_at DESC, id DESC);
CREATE INDEX search_articles_created ON search_articles (trashed, created_at DESC, id DESC);

CREATE TABLE search_rank (
  id text PRIMARY KEY REFERENCES search_articles (id) ON DELETE CASCADE,
  high tsvector NOT NULL,
  low tsvector NOT NULL
);
CREATE INDEX search_rank_high ON search_rank USING gin (high);
CREATE INDEX search_rank_low ON search_rank USING gin (low);

CREATE TABLE search_rows (
  id text PRIMARY KEY REFERENCES search_articles (id) ON DELETE CASCADE,
  headline text NOT NULL,
  summary jsonb NOT NULL,
  fields jsonb NOT NULL
);
`;

// The sizes of a photo the app shows (the editor's preview, the panel's thumbnail), made once when
// the photo is uploaded so no client decodes a 50 MB original to show a 256-pixel square.
export const sql = `
CREATE TABLE photo_variants (
  sha256 text NOT NULL REFERENCES photos (sha256),
  variant text NOT NULL CHECK (variant IN ('preview', 'thumb')),
  data bytea NOT NULL,
  PRIMARY KEY (sha256, variant)
);
`;

// What a backup is on disk, under `<library>/backups/`:
//   objects/<aa>/<sha256>.gz   content-addressed files, gzipped: article files, settings.json,
//                              people.json and the chunks of snapshot rows; the name is the SHA-256
//                              of the uncompressed bytes, so a damaged object is always detected
//   photos/<aa>/<id>.*          the photos snapshots use, hard-linked from media/ (same names)
//   snapshots/<id>.json        one small manifest per snapshot, naming its chunks
// A snapshot's rows (one per article: which object holds it, and what the browser shows) are cut
// into chunks at points chosen by the article ids, so two snapshots of a library where a few
// stories changed share nearly every chunk, and an hourly snapshot of 100,000 articles costs a
// few chunks and a few hundred bytes of manifest.
import { z } from 'zod';
import { ArticleHeaderSchema } from '../../shared/model/article';
import { PhotoIdSchema } from '../../shared/model/photo';
import { BackupIdSchema, BackupReasonSchema } from '../../shared/model/backup';

export const SNAPSHOT_FORMAT = 'copydesk-backup';
export const SNAPSHOT_VERSION = 1;

export const Sha256Schema = z.string().regex(/^[a-f0-9]{64}$/, 'sha256');

// The article's id first, its other header fields after the file's: the order rows are hashed in.
const { id: RowIdSchema, ...HeaderAfterId } = ArticleHeaderSchema.shape;

export const RowSchema = z.object({
  id: RowIdSchema,
  /** The object holding the article file, byte for byte. */
  hash: Sha256Schema,
  /** Size and modification time of the article file it was read from: unchanged means not read again. */
  bytes: z.number().int().nonnegative(),
  mtimeMs: z.number().nonnegative(),
  /** Of the copy (content, state, corrections) only: equal means restoring would change nothing. */
  contentHash: z.string().regex(/^[a-f0-9]{16}$/),
  ...HeaderAfterId,
  photos: z.array(PhotoIdSchema),
});
export type Row = z.infer<typeof RowSchema>;

export const ChunkSchema = z.array(RowSchema).max(100_000);

export const SnapshotFileSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.number().int().positive(),
  id: BackupIdSchema,
  createdAt: z.iso.datetime(),
  /** When it came into this library (differs from createdAt for an imported archive). */
  addedAt: z.iso.datetime(),
  reason: BackupReasonSchema,
  source: z.string().max(255),
  counts: z.object({
    articles: z.number().int().nonnegative(),
    trashed: z.number().int().nonnegative(),
    photos: z.number().int().nonnegative(),
    damaged: z.number().int().nonnegative(),
  }),
  settings: Sha256Schema.nullable(),
  people: Sha256Schema.nullable(),
  chunks: z.array(Sha256Schema),
});
export type SnapshotFile = z.infer<typeof SnapshotFileSchema>;
